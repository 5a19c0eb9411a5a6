import Foundation
import Glibc
import JobDeckCore

/// `store.json.summary`: the agenda's rows of a large store (`Agenda.rows(of:)`), kept beside
/// it so that `jobdeck agenda` does not decode 100,000 job descriptions to print two weeks of
/// deadlines.
///
/// Whoever saves the store holds its deck, so every save of a large store writes the summary
/// afresh in the same exclusive lock, right after the save itself is on disk. It is a cache,
/// never the truth: a header line naming the exact version of `store.json` and its journal it
/// was made from (and how many deadlines the store has), then one line per row in `sortDay`
/// order (`SummaryRowFormat`). A reader of `--within 14d` stops at the first row past its
/// window. Any other version (the store edited by hand, copied, or saved by a JobDeck that kept
/// none), or a summary that does not read, is ignored and made again from the store; deleting
/// it loses nothing.
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

  /// The rows whose `sortDay` is at most `latestDay` (every dated row when nil) and the
  /// pending ones when `includingPending`, if the summary was made from the version `key`
  /// names; nil otherwise, or when it cannot be read for any reason.
  static func read(at path: String, key: String, latestDay: CivilDate?, includingPending: Bool)
    -> SummaryRows?
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
          rows.append(row)
        }
      }
      guard reader.endedCleanly else { return nil }
      return SummaryRows(rows: rows, deadlineCount: count)
    }
    return found ?? nil
  }

  /// Writes the summary (header, then one line per row) under a temporary name and renames it
  /// into place, with the store's permissions. Best effort: a summary that cannot be written is
  /// simply made again by the next reader.
  static func write(_ rows: [AgendaRow], deadlineCount: Int, key: String, to path: String,
    beside target: String, like store: FileSystem.Status)
  {
    guard
      let temporary = try? AtomicReplace.writeTemporaryFile(
        beside: target, tag: "summary-", permissions: store.permissions, owner: store,
        producing: { write throws(StoreError) in
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
        })
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
  /// `StoreSummary`), else from the store (and the summary is written). Stores smaller than the
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
      if let store = try FileSystem.status(of: target), hasSummary(store) {
        let journal = try FileSystem.status(of: target + ".journal")
        let key = StoreSummary.key(store: store.fingerprint, journal: journal?.fingerprint)
        if let found = StoreSummary.read(at: target + ".summary", key: key,
          latestDay: query.latestSortDay(today: today), includingPending: query.needsPendingRows)
        {
          return found
        }
      }
      let state = try readState(target: target)
      let rows = Agenda.rows(of: state.deck)
      if state.document?.isNewer == false {
        writeSummary(rows, deadlineCount: state.deck.deadlines.count, target: target)
      }
      return SummaryRows(rows: rows, deadlineCount: state.deck.deadlines.count, deck: state.deck)
    }
  }

  /// Whether a store file this large keeps a summary beside it.
  func hasSummary(_ store: FileSystem.Status) -> Bool {
    store.fingerprint.size >= journalPolicy.minimumStoreSize
  }

  /// Writes the summary of `deck`, the deck the store and its journal hold now, when the store
  /// is large enough to keep one. The caller holds the lock, so the store and journal cannot
  /// change between the `stat`s that make the key and the rows.
  func writeSummary(of deck: Deck, target: String) {
    writeSummary(Agenda.rows(of: deck), deadlineCount: deck.deadlines.count, target: target)
  }

  /// `rows` (`Agenda.rows(of:)` of the deck the store holds) are worked out only when the store
  /// keeps a summary. Best effort, as is the write.
  private func writeSummary(_ rows: @autoclosure () -> [AgendaRow], deadlineCount: Int,
    target: String)
  {
    // A summary of an earlier JobDeck was amended by a file of its own, now never read.
    unlink(target + ".summary.changes")
    do {
      guard let store = try FileSystem.status(of: target), hasSummary(store) else { return }
      let journal = try FileSystem.status(of: target + ".journal")
      StoreSummary.write(rows(), deadlineCount: deadlineCount,
        key: StoreSummary.key(store: store.fingerprint, journal: journal?.fingerprint),
        to: target + ".summary", beside: target, like: store)
    } catch {
      return
    }
  }
}

/// The agenda's rows of a store (see `StoreFile.loadAgendaRows(for:today:)`).
public struct SummaryRows: Sendable {
  /// At least those of the query's window, in `sortDay` order.
  public var rows: [AgendaRow]
  /// How many deadlines the store has, shown or not: "no deadlines yet" versus "nothing in that
  /// window".
  public var deadlineCount: Int
  /// The store itself, when it had to be read (a small store, no current summary, `--all`); nil
  /// when the rows came from the summary alone. What needs more than deadlines (suggestions)
  /// uses it rather than reading a large store a second time.
  public var deck: Deck?

  init(rows: [AgendaRow], deadlineCount: Int, deck: Deck? = nil) {
    self.rows = rows
    self.deadlineCount = deadlineCount
    self.deck = deck
  }
}
