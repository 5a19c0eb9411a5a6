import Foundation
import Glibc
import JobDeckCore

/// `store.json.summary`: what the agenda and reminders read, kept beside a large store so that
/// `jobdeck agenda` does not decode 100,000 job descriptions to print two weeks of deadlines.
///
/// It is a cache, never the truth: a header line naming the exact version of `store.json` and
/// its journal it was made from (and how many deadlines the store has), then one line per
/// `AgendaRow` in `sortDay` order (`SummaryRowFormat`). A reader of `--within 14d` stops at the
/// first row past its window. Any other version, or a summary that does not read, is ignored
/// and rebuilt from the store; deleting it loses nothing.
enum StoreSummary {
  /// Names one version of the store and its journal (one `stat` each).
  static func key(store: StoreFingerprint, journal: StoreFingerprint?) -> String {
    func part(_ print: StoreFingerprint?) -> String {
      guard let print else { return "none" }
      return "\(print.device)-\(print.inode)-\(print.size)-\(print.modificationNanoseconds)"
    }
    // "3": rows carry the deadline's note; a summary of an older JobDeck is rebuilt.
    return "3:" + part(store) + ":" + part(journal)
  }

  private static func headerPrefix(key: String) -> [UInt8] {
    Array("{\"jobdeckSummaryOf\":\"\(key)\",\"deadlines\":".utf8)
  }

  /// The key in the header of the summary at `path`, whatever version it names; nil when there
  /// is none or it does not read.
  static func key(ofSummaryAt path: String) -> String? {
    let prefix = Array("{\"jobdeckSummaryOf\":\"".utf8)
    let found = try? ReadableFile.withFile(at: path) { file throws(StoreError) -> String? in
      var reader = LineReader(file: file)
      guard let header = try reader.nextLine(), header.starts(with: prefix),
        let end = header[(header.startIndex + prefix.count)...].firstIndex(of: UInt8(ascii: "\""))
      else { return nil }
      return String(decoding: header[(header.startIndex + prefix.count)..<end], as: UTF8.self)
    }
    return found ?? nil
  }

  /// The rows whose `sortDay` is at most `latestDay` (every dated row when nil) and the
  /// pending ones when `includingPending`, if the summary was made from the version `key`
  /// names; nil otherwise, or when it cannot be read for any reason.
  /// Rows of the owners in `replacedOwners` are left out.
  static func read(at path: String, key: String, latestDay: CivilDate?, includingPending: Bool,
    replacedOwners: OwnerSet = OwnerSet([])) -> SummaryRows?
  {
    let found = try? ReadableFile.withFile(at: path) { file throws(StoreError) -> SummaryRows? in
      var reader = LineReader(file: file)
      let prefix = headerPrefix(key: key)
      guard let header = try reader.nextLine(), header.count > prefix.count + 1,
        header.starts(with: prefix), header.last == UInt8(ascii: "}"),
        let count = Int(String(decoding: header[prefix.count..<(header.count - 1)],
          as: UTF8.self)), count >= 0
      else { return nil }
      let latest = latestDay?.dayNumber ?? .max
      var rows: [AgendaRow] = []
      var zones: [String: TimeZone] = [:]
      while let line = try reader.nextLine() {
        let read = line.withUnsafeBytes { bytes -> SummaryLine in
          if let day = SummaryRowFormat.sortDayNumber(of: bytes), day > latest { return .pastWindow }
          guard let row = try? SummaryRowFormat.read(bytes, zones: &zones) else { return .unreadable }
          return .row(row)
        }
        switch read {
        case .unreadable:
          return nil
        case .pastWindow:
          // Dated rows are in day order and pending ones come last.
          if !includingPending { return SummaryRows(rows: rows, deadlineCount: count) }
        case .row(let row):
          if row.sortDay == nil && !includingPending {
            return SummaryRows(rows: rows, deadlineCount: count)
          }
          if !replacedOwners.isEmpty, replacedOwners.contains(row.owner) {
            continue
          }
          rows.append(row)
        }
      }
      guard reader.endedCleanly else { return nil }
      return SummaryRows(rows: rows, deadlineCount: count)
    }
    return found ?? nil
  }

  /// Writes the summary (header, then one line per row) under a temporary name and renames it
  /// into place. Best effort: a summary that cannot be written is simply rebuilt next time.
  static func write(_ rows: [AgendaRow], deadlineCount: Int, key: String, to path: String,
    beside target: String, like store: FileSystem.Status)
  {
    replaceCache(at: path, beside: target, tag: "summary-", like: store) {
      write throws(StoreError) in
      var writer = StoreRecordWriter()
      writer.bytes.append(contentsOf: headerPrefix(key: key))
      writer.bytes.append(contentsOf: "\(deadlineCount)}\n".utf8)
      for row in rows {
        SummaryRowFormat.write(row, into: &writer)
        writer.bytes.append(UInt8(ascii: "\n"))
        if writer.bytes.count >= 1 << 20 {
          try write(writer.bytes)
          writer.bytes.removeAll(keepingCapacity: true)
        }
      }
      try write(writer.bytes)
    }
  }

  /// Writes a cache file beside the store under a temporary name and renames it into place,
  /// with the store's permissions. Best effort: a cache that cannot be written is rebuilt later.
  static func replaceCache(at path: String, beside target: String, tag: String,
    like store: FileSystem.Status,
    producing produce: (_ write: (any ContiguousBytes) throws(StoreError) -> Void)
      throws(StoreError) -> Void)
  {
    guard
      let temporary = try? AtomicReplace.writeTemporaryFile(
        beside: target, tag: tag, permissions: store.permissions, owner: store,
        producing: produce)
    else { return }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }
}

private enum SummaryLine {
  case row(AgendaRow)
  case pastWindow
  case unreadable
}

/// The lines of a file, read up to a megabyte at a time, so that a reader that stops early reads
/// little.
private struct LineReader {
  let file: ReadableFile
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// What each `read(2)` fills, allocated once.
  private var chunk: [UInt8]

  init(file: ReadableFile) {
    self.file = file
    chunk = [UInt8](repeating: 0,
      count: Int(min(1 << 20, max(4096, file.status.fingerprint.size + 1))))
  }

  /// True when the file ended with a newline (a torn last line means a torn write).
  private(set) var endedCleanly = true

  /// The next line without its newline; nil at the end.
  mutating func nextLine() throws(StoreError) -> ArraySlice<UInt8>? {
    while true {
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = buffer[start..<newline]
        start = newline + 1
        return line
      }
      if atEnd {
        if start < buffer.count { endedCleanly = false }
        return nil
      }
      buffer.removeSubrange(0..<start)
      start = 0
      let descriptor = file.descriptor
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count >= 0 else {
        throw .fileSystem(operation: "read", path: file.path, errorNumber: errno)
      }
      buffer.append(contentsOf: chunk[0..<count])
      if count == 0 { atEnd = true }
    }
  }
}

extension StoreFile {
  /// Where the agenda's summary of a large store is kept.
  public var summaryPath: String {
    ((try? FileSystem.resolvingSymlinks(path)) ?? path) + ".summary"
  }

  /// The agenda's rows of the store (`Agenda.rows(of:)`): at least those `query` can show at
  /// `today`, from `store.json.summary` when it is the summary of the store as it is now (see
  /// `StoreSummary`), else from the store (and the summary is rebuilt). Stores smaller than the
  /// journal policy's `minimumStoreSize` are read in full and get no summary.
  ///
  /// For reading deadlines only: nothing here can be saved back.
  /// `includingClosed` (`--all`): also the rows of closed applications and applied-to
  /// cutoffs, which the summary does not keep, so they are read from the store itself.
  public func loadAgendaRows(for query: AgendaQuery, today: CivilDate,
    includingClosed: Bool = false) throws -> SummaryRows
  {
    if includingClosed {
      let deck = try load().deck
      return SummaryRows(rows: Agenda.rows(of: deck, includingClosed: true),
        deadlineCount: deck.deadlines.count, deck: deck)
    }
    let target = try FileSystem.resolvingSymlinks(path)
    guard try FileSystem.directoryExists(FileSystem.directory(of: target)) else {
      return SummaryRows(rows: [], deadlineCount: 0)
    }
    return try StoreLock.withLock(
      at: target + ".lock", mode: .shared, timeout: lockTimeout,
      whenUncontended: { AtomicReplace.removeStaleTemporaries(for: target) }
    ) {
      func fromStore() throws -> (rows: SummaryRows, document: StoreDecoder.Document?) {
        let state = try readState(target: target)
        return (SummaryRows(rows: Agenda.rows(of: state.deck),
          deadlineCount: state.deck.deadlines.count, deck: state.deck), state.document)
      }
      guard let store = try FileSystem.status(of: target),
        store.fingerprint.size >= journalPolicy.minimumStoreSize
      else { return try fromStore().rows }
      let journal = try FileSystem.status(of: target + ".journal")
      let key = StoreSummary.key(store: store.fingerprint, journal: journal?.fingerprint)
      let summaryPath = target + ".summary"
      let latestDay = query.latestSortDay(today: today)
      if let found = StoreSummary.read(at: summaryPath, key: key, latestDay: latestDay,
        includingPending: query.needsPendingRows)
      {
        return found
      }
      // The summary of an earlier version, brought up to this one by the saves since.
      let changesPath = SummaryChanges.path(for: target)
      if let summaryKey = StoreSummary.key(ofSummaryAt: summaryPath),
        let changes = SummaryChanges.read(at: changesPath, key: key, base: summaryKey),
        var found = StoreSummary.read(at: summaryPath, key: summaryKey, latestDay: latestDay,
          includingPending: query.needsPendingRows, replacedOwners: OwnerSet(changes.owners))
      {
        found.rows += changes.rows
        found.deadlineCount = changes.deadlineCount
        return found
      }
      let (rows, document) = try fromStore()
      unlink(changesPath)
      if let document, !document.isNewer {
        StoreSummary.write(rows.rows, deadlineCount: rows.deadlineCount, key: key,
          to: summaryPath, beside: target, like: store)
      }
      return rows
    }
  }
}

/// The agenda's rows of a store (see `StoreFile.loadAgendaRows(for:today:)`).
public struct SummaryRows: Sendable {
  /// At least those of the query's window, in no particular order (`Agenda.build` sorts).
  public var rows: [AgendaRow]
  /// How many deadlines the store has, shown or not: "no deadlines yet" versus "nothing in that
  /// window".
  public var deadlineCount: Int
  /// The store itself, when it had to be read (a small store, a stale summary, `--all`); nil
  /// when the rows came from the summary alone. What needs more than deadlines (suggestions)
  /// uses it rather than reading a large store a second time.
  public var deck: Deck?

  init(rows: [AgendaRow], deadlineCount: Int, deck: Deck? = nil) {
    self.rows = rows
    self.deadlineCount = deadlineCount
    self.deck = deck
  }
}
