import Foundation
import Glibc
import JobDeckCore

/// `store.json.summary`: the agenda's rows of a large store (`Agenda.rows(of:)`), kept beside
/// it so that `jobdeck agenda` does not decode 100,000 job descriptions to print two weeks of
/// deadlines.
///
/// Whoever saves the store holds its deck, so every save of a large store brings the summary up
/// to date in the same exclusive lock, right after the save itself is on disk. A full save
/// writes it afresh: one line per row in `sortDay` order (`SummaryRowFormat`), then a key line
/// naming the exact version of `store.json` and its journal it describes. A journal save
/// appends what it changed (`AgendaChange`), so that its cost follows the change and not the
/// store: the owners whose rows it replaces, their rows now, and the key line of the new
/// version with a hash of the lines it appended.
///
///     {"day":"2026-03-02",…}                                     rows, in sortDay order
///     {"jobdeckSummaryOf":"<key>","deadlines":N,"rows":R}         R: the rows' length in bytes
///     {"replacing":["p:<posting id>","a:<application id>",…]}     each journal save since
///     {"day":"2026-03-05",…}
///     {"jobdeckSummaryOf":"<key>","deadlines":N,"rows":R,"check":"<ContentHash>"}
///
/// A reader starts from the last line. A key of any other version (the store edited by hand,
/// copied, or saved by a JobDeck that kept no summary), a torn append, or anything that does not
/// read, and the summary is ignored and made again from the store: it is a cache, never the
/// truth, and deleting it loses nothing. A reader of `--within 14d` stops reading the rows at the
/// first one past its window; the appended saves it reads whole, so a save that would make them
/// outgrow `appendedShare` of the rows writes the summary afresh instead.
enum StoreSummary {
  /// Names one version of the store and its journal (one `stat` each).
  static func key(store: StoreFingerprint, journal: StoreFingerprint?) -> String {
    func part(_ print: StoreFingerprint?) -> String {
      guard let print else { return "none" }
      return "\(print.device)-\(print.inode)-\(print.size)-\(print.modificationNanoseconds)"
    }
    // "4": the key line comes last and saves append; a summary of an older JobDeck is rebuilt.
    return "4:" + part(store) + ":" + part(journal)
  }

  /// The appended saves may take up this share of the rows' bytes (and 64 KiB in any case)
  /// before a save writes the summary afresh.
  static let appendedShare = 0.125

  /// The rows whose `sortDay` is at most `latestDay` (every dated row when nil) and the
  /// pending ones when `includingPending`, if the summary describes the version `key` names;
  /// nil otherwise, or when it cannot be read for any reason.
  static func read(at path: String, key: String, latestDay: CivilDate?, includingPending: Bool)
    -> SummaryRows?
  {
    let latest = latestDay?.dayNumber ?? .max
    func isInWindow(_ row: AgendaRow) -> Bool {
      row.sortDay.map { $0.dayNumber <= latest } ?? includingPending
    }
    let found = try? ReadableFile.withFile(at: path) { file throws(StoreError) -> SummaryRows? in
      guard let last = try lastKeyLine(of: file), last.key == key,
        let saves = try appendedSaves(of: file, from: last.rows)
      else { return nil }
      var rows: [AgendaRow] = []
      var replaced = Set<DeadlineOwner>()
      for save in saves.reversed() {
        rows += save.rows.filter { isInWindow($0) && !replaced.contains($0.owner) }
        replaced.formUnion(save.owners)
      }
      var zones: [String: TimeZone] = [:]
      // Set when the rows a reader wants end before the file's rows do.
      var isPastWindow = false
      let readEveryRow = try LineChunkReader(file, chunkSize: 1 << 20, length: last.rows)
        .forEachLine { line in
          // Dated rows are in day order and pending ones come last.
          if let day = SummaryRowFormat.sortDayNumber(of: line), day > latest {
            isPastWindow = !includingPending
            return includingPending
          }
          guard let row = try? SummaryRowFormat.read(line, zones: &zones) else { return false }
          if row.sortDay == nil && !includingPending {
            isPastWindow = true
            return false
          }
          if replaced.isEmpty || !replaced.contains(row.owner) { rows.append(row) }
          return true
        }
      guard readEveryRow || isPastWindow else { return nil }
      return SummaryRows(rows: rows, deadlineCount: last.deadlines)
    }
    return found ?? nil
  }

  /// Writes the summary (the rows, then the key line) under a temporary name and renames it
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
          var length = 0
          // In place: a copy of each row would retain each of its strings.
          try rows.withUnsafeBufferPointer { rows throws(StoreError) in
            for position in rows.indices {
              SummaryRowFormat.write(rows[position], into: &writer)
              writer.append("\n")
              if writer.bytes.count >= 1 << 20 {
                length += writer.bytes.count
                try write(writer.bytes)
                writer.bytes.removeAll(keepingCapacity: true)
              }
            }
          }
          length += writer.bytes.count
          let line = KeyLine(key: key, deadlines: deadlineCount, rows: length)
          writer.bytes.append(contentsOf: line.bytes(check: nil))
          try write(writer.bytes)
        })
    else { return }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }

  /// Appends `change`, the change a save made from the version `previousKey` names to the one
  /// `key` names, when the summary describes the version before; returns whether it did. The
  /// caller holds the exclusive lock. Not flushed to disk: the key line's hash tells a torn or
  /// partly written append, and the summary is then made again.
  static func append(_ change: AgendaChange, deadlineCount: Int, key: String,
    over previousKey: String, at path: String) -> Bool
  {
    let descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    do throws(StoreError) {
      let file = ReadableFile(descriptor: descriptor, path: path,
        status: try FileSystem.status(ofDescriptor: descriptor, path: path))
      guard let last = try lastKeyLine(of: file), last.key == previousKey else { return false }
      var writer = StoreRecordWriter()
      var replacing = StoreRecordWriter.ObjectWriter()
      writer.key("replacing", &replacing)
      writer.array(change.owners.map(ownerKey).sorted()) { $0.string($1) }
      writer.close(replacing)
      writer.append("\n")
      for row in change.rows {
        SummaryRowFormat.write(row, into: &writer)
        writer.append("\n")
      }
      let appended = file.status.fingerprint.size - Int64(last.rows) + Int64(writer.bytes.count)
      guard Double(appended) <= max(Double(last.rows) * appendedShare, 64 * 1024) else {
        return false
      }
      var hash = ContentHash()
      hash.update(writer.bytes)
      writer.bytes.append(contentsOf: KeyLine(key: key, deadlines: deadlineCount, rows: last.rows)
        .bytes(check: hash.hex))
      try FileSystem.writeAll(writer.bytes, to: descriptor, path: path)
      return true
    } catch {
      return false
    }
  }

  /// How an owner is named in a `"replacing"` line.
  static func ownerKey(_ owner: DeadlineOwner) -> String {
    switch owner {
    case .posting(let id): return "p:" + id
    case .application(let id): return "a:" + id
    }
  }

  // MARK: Key lines and appended saves

  /// The version a summary describes, on its last line (and on the line after each append).
  struct KeyLine: Equatable {
    var key: String
    var deadlines: Int
    /// The length of the rows written afresh, in bytes: where this key line, and after it the
    /// appended saves, begin.
    var rows: Int
    /// `ContentHash` of the lines appended by the save this key line ends; nil after the rows.
    var check: String?

    func bytes(check: String?) -> [UInt8] {
      var writer = StoreRecordWriter()
      var object = StoreRecordWriter.ObjectWriter()
      writer.key("jobdeckSummaryOf", &object); writer.string(key)
      writer.key("deadlines", &object); writer.integer(deadlines)
      writer.key("rows", &object); writer.integer(rows)
      if let check { writer.key("check", &object); writer.string(check) }
      writer.close(object)
      writer.append("\n")
      return writer.bytes
    }

    static let prefix = Array(#"{"jobdeckSummaryOf":"#.utf8)

    /// The key line `line` holds (without its newline); nil when it holds anything else.
    static func read(_ line: UnsafeRawBufferPointer) -> KeyLine? {
      guard line.starts(with: prefix) else { return nil }
      var reader = StoreReader(line)
      var key: String?
      var deadlines: Int?
      var rows: Int?
      var check: String?
      do throws(StoreReadError) {
        try reader.readObject { reader, name throws(StoreReadError) -> UInt32 in
          if keyIs(name, "jobdeckSummaryOf") { key = try reader.readString(); return 1 }
          if keyIs(name, "deadlines") { deadlines = try reader.readInt(); return 2 }
          if keyIs(name, "rows") { rows = try reader.readInt(); return 4 }
          if keyIs(name, "check") { check = try reader.readString(); return 8 }
          throw StoreReadError()
        }
      } catch {
        return nil
      }
      guard reader.isAtEnd, let key, let deadlines, deadlines >= 0, let rows, rows >= 0 else {
        return nil
      }
      return KeyLine(key: key, deadlines: deadlines, rows: rows, check: check)
    }
  }

  /// The summary's last line, when it is a key line and the file ends with its newline.
  static func lastKeyLine(of file: ReadableFile) throws(StoreError) -> KeyLine? {
    let size = Int(file.status.fingerprint.size)
    let length = min(size, 4096)
    let tail = try file.bytes(at: size - length, count: length)
    guard tail.last == UInt8(ascii: "\n") else { return nil }
    let body = tail.dropLast()
    guard let newline = body.lastIndex(of: UInt8(ascii: "\n")) ?? (length == size ? -1 : nil)
    else { return nil }
    return Array(body[(newline + 1)...]).withUnsafeBytes(KeyLine.read)
  }

  /// What each journal save since the rows were written appended, from the key line after the
  /// rows (at `start`) to the end; nil unless every append is whole and its hash checks.
  private static func appendedSaves(of file: ReadableFile, from start: Int)
    throws(StoreError) -> [AppendedSave]?
  {
    let size = Int(file.status.fingerprint.size)
    guard start < size else { return nil }
    let bytes = try file.bytes(at: start, count: size - start)
    return bytes.withUnsafeBytes { raw -> [AppendedSave]? in
      var saves: [AppendedSave] = []
      var save: AppendedSave?
      var hash = ContentHash()
      var zones: [String: TimeZone] = [:]
      var lineStart = 0
      var isFirst = true
      while lineStart < raw.count {
        guard let end = raw[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = UnsafeRawBufferPointer(rebasing: raw[lineStart..<end])
        let withNewline = UnsafeRawBufferPointer(rebasing: raw[lineStart...end])
        lineStart = end + 1
        if isFirst {
          // The key line after the rows.
          guard let keyLine = KeyLine.read(line), keyLine.check == nil else { return nil }
          isFirst = false
        } else if var current = save {
          if let keyLine = KeyLine.read(line) {
            guard keyLine.check == hash.hex else { return nil }
            saves.append(current)
            save = nil
          } else {
            guard let row = try? SummaryRowFormat.read(line, zones: &zones) else { return nil }
            current.rows.append(row)
            save = current
            hash.update(withNewline)
          }
        } else {
          guard let owners = replacedOwners(line) else { return nil }
          save = AppendedSave(owners: owners)
          hash = ContentHash()
          hash.update(withNewline)
        }
      }
      return save == nil ? saves : nil
    }
  }

  /// The owners of a `"replacing"` line; nil when it is not one.
  private static func replacedOwners(_ line: UnsafeRawBufferPointer) -> Set<DeadlineOwner>? {
    var owners = Set<DeadlineOwner>()
    var reader = StoreReader(line)
    do throws(StoreReadError) {
      try reader.readObject { reader, name throws(StoreReadError) -> UInt32 in
        guard keyIs(name, "replacing") else { throw StoreReadError() }
        try reader.readArray { reader throws(StoreReadError) in
          let key = try reader.readString()
          switch key.prefix(2) {
          case "p:": owners.insert(.posting(String(key.dropFirst(2))))
          case "a:": owners.insert(.application(String(key.dropFirst(2))))
          default: throw StoreReadError()
          }
        }
        return 1
      }
    } catch {
      return nil
    }
    return reader.isAtEnd ? owners : nil
  }
}

/// One journal save's append: the owners whose earlier rows it replaces, and their rows.
private struct AppendedSave {
  var owners: Set<DeadlineOwner>
  var rows: [AgendaRow] = []
}
