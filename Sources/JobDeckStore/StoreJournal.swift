import Foundation
import JobDeckCore

/// The append-only journal beside a large store (`store.json.journal`), which lets a save of one
/// change write one line instead of rewriting the whole file.
///
/// JSON Lines, UTF-8, every line ending in `\n`:
///
/// ```
/// {"jobdeckJournal":1,"base":{"hash":"9c1d…","inode":1234,"modified":1763800000123456789,"size":288358400}}
/// {"ops":[{"op":"put","collection":"applications","record":{"createdAt":"…","id":"sumup-ml-engineer",…}}]}
/// {"ops":[{"op":"delete","collection":"postings","id":"acme-old-role"},{"op":"delete",…}]}
/// {"ops":[{"op":"put","collection":"settings","record":{"followUpAfterDays":10}}]}
/// ```
///
/// - Each line after the header is one save: the operations that turn the deck as it was into
///   the deck that was saved, applied in order. One line per save, so a crash in the middle of an
///   append loses that save whole and never applies half of it (a removal of a posting with its
///   applications and deadlines stays all or nothing).
/// - The first line names the store file the journal applies to (`base`: its size, inode,
///   modification time and a hash of its bytes). A journal whose base is not the store beside it
///   is stale and is never applied. When its base is the backup (`store.json.bak`), a crash came
///   between a full rewrite's rename and the journal's removal: its changes are in the file, and
///   the next save keeps it aside as `store.json.journal.stale-<time>`. Otherwise `store.json`
///   was edited by hand and loading stops (`StoreError.journalForEarlierVersion`) until the user
///   replays the journal onto it or sets it aside.
/// - A line that does not decode stops loading with its position
///   (`StoreError.journalLineUnusable`) until `StoreFile.repairJournal()` sets it aside.
/// - `put` replaces the record with that id in place (the first, should ids repeat), or appends
///   it when there is none; records are whole, exactly as in the store (same keys and formats).
/// - `delete` removes the record with that id; an id that is not there is ignored (only a
///   hand-edited journal can hold one, and removing nothing is what it asks for).
/// - A last line without its `\n` is the trace of a crash in the middle of an append: it is
///   ignored on load and cut off by the next save before it appends.
enum StoreJournal {
  /// The version in the header; a higher one was written by a newer JobDeck.
  static let version = 1

  /// One change to the deck.
  enum Operation: Equatable, Sendable {
    case putPosting(Posting)
    case putApplication(Application)
    case putDeadline(Deadline)
    case putSettings(Settings)
    /// The whole list of unresolved sync conflicts, like the settings: one value, replaced.
    case putConflicts([MergeConflict])
    case delete(Collection, id: String)
  }

  /// The deck's record collections, named as the store's top-level members.
  enum Collection: String, Sendable, CaseIterable {
    case postings, applications, deadlines
  }

  /// Which store file a journal applies to.
  struct Base: Equatable, Sendable {
    var size: Int64
    var inode: UInt64
    /// Nanoseconds since 1970.
    var modified: Int64
    /// `ContentHash` of the file's bytes, hexadecimal.
    var hash: String
  }

  struct Header: Equatable {
    var jobdeckJournal: Int
    var base: Base
  }

  /// A journal as read: its complete lines decoded, and where they end.
  struct Parsed {
    var header: Header?
    var operations: [Operation]
    /// Bytes up to and including the last `\n`; anything after is a torn append.
    var completeLength: Int
  }

  // MARK: Writing

  static func headerLine(for base: Base) -> Data {
    var writer = StoreRecordWriter()
    writer.write(Header(jobdeckJournal: version, base: base))
    writer.append("\n")
    return Data(writer.bytes)
  }

  /// The line recording one save of `operations`, ending in `\n`. Throws for values JSON
  /// cannot hold.
  static func line(for operations: [Operation]) throws -> Data {
    var writer = StoreRecordWriter()
    writer.append("{\"ops\":[")
    for (index, operation) in operations.enumerated() {
      if index > 0 { writer.append(",") }
      var object = StoreRecordWriter.ObjectWriter()
      func put(_ collection: String) {
        writer.key("op", &object); writer.string("put")
        writer.key("collection", &object); writer.string(collection)
        writer.key("record", &object)
      }
      switch operation {
      case .putPosting(let record): put("postings"); try writer.write(record)
      case .putApplication(let record): put("applications"); try writer.write(record)
      case .putDeadline(let record): put("deadlines"); writer.write(record)
      case .putSettings(let settings): put("settings"); writer.write(settings)
      case .putConflicts(let conflicts): put("conflicts"); writer.write(conflicts)
      case .delete(let collection, let id):
        writer.key("op", &object); writer.string("delete")
        writer.key("collection", &object); writer.string(collection.rawValue)
        writer.key("id", &object); writer.string(id)
      }
      writer.close(object)
    }
    writer.append("]}\n")
    return Data(writer.bytes)
  }

  // MARK: Reading

  /// Decodes the complete lines of `data`. A line that does not decode throws with its line
  /// and column in the journal (`path`): `.journalHeaderUnusable` for the header,
  /// `.journalLineUnusable` for a save (the first that does not decode); a journal from a newer
  /// JobDeck throws `.newerSchemaVersion`.
  /// With `headerOnly`, stops after the header: what a save needs to append.
  static func parse(_ data: Data, path: String, headerOnly: Bool = false) throws(StoreError)
    -> Parsed
  {
    let read = try readEachLine(data, path: path, headerOnly: headerOnly)
    var parsed = Parsed(header: try read.header?.get(), operations: [],
      completeLength: read.completeLength)
    for save in read.saves {
      parsed.operations += try save.operations.get()
    }
    return parsed
  }

  /// One complete, non-blank line of a journal: its 1-based number in the file and its bytes
  /// without the `\n`.
  struct NumberedLine: Sendable {
    var number: Int
    var bytes: ArraySlice<UInt8>
  }

  /// A journal read line by line, each save either decoded or with the error that stops it:
  /// what `jobdeck check --repair` works from, and what `parse` stops at the first error of.
  struct LineByLine {
    /// The header line, when the journal has one.
    var headerLine: NumberedLine?
    /// The decoded header, or why it does not decode.
    var header: Result<Header, StoreError>?
    var saves: [(line: NumberedLine, operations: Result<[Operation], StoreError>)]
    /// Bytes up to and including the last `\n`.
    var completeLength: Int
  }

  /// Reads every complete line (only the header with `headerOnly`), never stopping at a bad one.
  /// Throws only for a header written by a newer JobDeck, whose lines this one must not judge.
  static func readEachLine(_ data: Data, path: String, headerOnly: Bool = false)
    throws(StoreError) -> LineByLine
  {
    let (lines, completeLength) = completeLines(of: [UInt8](data))
    var result = LineByLine(headerLine: lines.first, header: nil, saves: [],
      completeLength: completeLength)
    guard let first = lines.first else { return result }
    do throws(StoreError) {
      result.header = .success(try decodeHeader(first, path: path))
    } catch {
      if case .newerSchemaVersion = error { throw error }
      result.header = .failure(error)
    }
    if headerOnly { return result }
    for line in lines.dropFirst() {
      do throws(StoreError) {
        result.saves.append((line, .success(try decodeSave(line, path: path))))
      } catch {
        result.saves.append((line, .failure(error)))
      }
    }
    return result
  }

  /// How many saves the journal holds: its complete lines after the header, read or not.
  static func saveCount(of data: Data) -> Int {
    max(0, completeLines(of: [UInt8](data)).lines.count - 1)
  }

  /// The complete non-blank lines, numbered as an editor numbers them, and where the last
  /// complete line ends (anything after is a torn append).
  private static func completeLines(of bytes: [UInt8]) -> (lines: [NumberedLine],
    completeLength: Int)
  {
    let completeLength = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
    var lines: [NumberedLine] = []
    var start = 0
    var number = 1
    while start < completeLength {
      let end = bytes[start..<completeLength].firstIndex(of: UInt8(ascii: "\n")) ?? completeLength
      let line = bytes[start..<end]
      if line.contains(where: { !isWhitespace($0) }) {
        lines.append(NumberedLine(number: number, bytes: line))
      }
      start = end + 1
      number += 1
    }
    return (lines, completeLength)
  }

  private static func decodeHeader(_ line: NumberedLine, path: String) throws(StoreError)
    -> Header
  {
    let header = try decodeLine(line, path: path, isHeader: true) {
      (reader) throws(StoreReadError) -> Header in
      let start = StoreRecordReading.objectStart(&reader)
      var journalVersion: Int?, base: Base?
      try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
        if keyIs(key, "jobdeckJournal") {
          journalVersion = try reader.readInt()
          return 1
        }
        if keyIs(key, "base") {
          base = try readBase(&reader)
          return 2
        }
        try reader.skipValue()
        return 0
      }
      return Header(
        jobdeckJournal: try StoreRecordReading.required(journalVersion, "jobdeckJournal", start),
        base: try StoreRecordReading.required(base, "base", start))
    }
    if header.jobdeckJournal > version {
      throw .newerSchemaVersion(path: path, found: header.jobdeckJournal, supported: version)
    }
    return header
  }

  private static func readBase(_ reader: inout StoreReader) throws(StoreReadError) -> Base {
    let start = StoreRecordReading.objectStart(&reader)
    var size: Int64?, inode: UInt64?, modified: Int64?, hash: String?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 4 where keyIs(key, "size"): size = try reader.readInteger(Int64.self); return 1
      case 5 where keyIs(key, "inode"): inode = try reader.readInteger(UInt64.self); return 2
      case 8 where keyIs(key, "modified"): modified = try reader.readInteger(Int64.self); return 4
      case 4 where keyIs(key, "hash"): hash = try reader.readString(); return 8
      default: try reader.skipValue(); return 0
      }
    }
    return Base(size: try StoreRecordReading.required(size, "size", start),
      inode: try StoreRecordReading.required(inode, "inode", start),
      modified: try StoreRecordReading.required(modified, "modified", start),
      hash: try StoreRecordReading.required(hash, "hash", start))
  }

  private static func decodeSave(_ line: NumberedLine, path: String) throws(StoreError)
    -> [Operation]
  {
    try decodeLine(line, path: path, isHeader: false) {
      (reader) throws(StoreReadError) -> [Operation] in
      let start = StoreRecordReading.objectStart(&reader)
      var operations: [Operation]?
      var records = StoreRecordReading()
      try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
        guard keyIs(key, "ops") else {
          try reader.skipValue()
          return 0
        }
        var list: [Operation] = []
        try reader.readArray { (reader) throws(StoreReadError) in
          list.append(try readOperation(&reader, records: &records))
        }
        operations = list
        return 1
      }
      return try StoreRecordReading.required(operations, "ops", start)
    }
  }

  /// One `put` or `delete`. Its `record` may come before the `collection` that says how to
  /// read it (a hand-edited line): it is skipped, then read from where it starts.
  private static func readOperation(_ reader: inout StoreReader,
    records: inout StoreRecordReading) throws(StoreReadError) -> Operation
  {
    let start = StoreRecordReading.objectStart(&reader)
    var op: String?, collection: String?, collectionOffset = 0, id: String?, opOffset = 0
    var recordStart: Int?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "op"):
        opOffset = StoreRecordReading.objectStart(&reader)
        op = try reader.readString()
        return 1
      case 10 where keyIs(key, "collection"):
        collectionOffset = StoreRecordReading.objectStart(&reader)
        collection = try reader.readString()
        return 2
      case 6 where keyIs(key, "record"): recordStart = try reader.skipValueRange(); return 4
      case 2 where keyIs(key, "id"): id = try reader.readString(); return 8
      default: try reader.skipValue(); return 0
      }
    }
    let end = reader.index
    defer { reader.index = end }
    let kind = try StoreRecordReading.required(op, "op", start)
    let name = try StoreRecordReading.required(collection, "collection", start)
    func refuse(_ problem: String, at offset: Int, key: String) -> StoreReadError {
      var error = reader.failure(problem, at: offset)
      error.path = [.key(key)]
      return error
    }
    switch kind {
    case "put":
      reader.index = try StoreRecordReading.required(recordStart, "record", start)
      do throws(StoreReadError) {
        switch name {
        case "postings": return .putPosting(try records.posting(&reader))
        case "applications": return .putApplication(try records.application(&reader))
        case "deadlines": return .putDeadline(try records.deadline(&reader))
        case "settings": return .putSettings(try StoreRecordReading.settings(&reader))
        case "conflicts": return .putConflicts(try StoreRecordReading.conflicts(&reader))
        default: break
        }
      } catch {
        var error = error
        error.path.insert(.key("record"), at: 0)
        throw error
      }
      throw refuse("unknown collection \(StoreReader.quoted(name)); expected postings,"
        + " applications, deadlines, settings or conflicts", at: collectionOffset, key: "collection")
    case "delete":
      guard let kind = Collection(rawValue: name) else {
        throw refuse("unknown collection to delete from \(StoreReader.quoted(name)); expected"
          + " postings, applications or deadlines", at: collectionOffset, key: "collection")
      }
      return .delete(kind, id: try StoreRecordReading.required(id, "id", start))
    default:
      throw refuse("unknown operation \(StoreReader.quoted(kind)); expected put or delete",
        at: opOffset, key: "op")
    }
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
  }

  /// Reads one line with `read`, turning a refusal into the journal's positioned error.
  private static func decodeLine<Value>(
    _ line: NumberedLine, path: String, isHeader: Bool,
    _ read: (inout StoreReader) throws(StoreReadError) -> Value
  ) throws(StoreError) -> Value {
    let result = Array(line.bytes).withUnsafeBytes { bytes in
      Result { () throws(StoreError) -> Value in
        var reader = StoreReader(bytes)
        do throws(StoreReadError) {
          let value = try read(&reader)
          try reader.readEndOfDocument()
          return value
        } catch {
          let error = StoreReader.firstSyntaxError(in: bytes, from: 0)
            ?? error.pointingAtNull(in: bytes)
          let column = TextPosition.lineAndColumn(of: error.offset, in: bytes).column
          throw isHeader
            ? StoreError.journalHeaderUnusable(path: path, line: line.number, column: column,
              jsonPath: error.jsonPath, problem: error.problem)
            : StoreError.journalLineUnusable(path: path, line: line.number, column: column,
              jsonPath: error.jsonPath, problem: error.problem)
        }
      }
    }
    return try result.get()
  }

  // MARK: Replaying

  /// Applies `operations` in order, with the semantics the type's documentation gives.
  static func replay(_ operations: [Operation], onto deck: inout Deck) {
    guard !operations.isEmpty else { return }
    var postings: [Operation] = []
    var applications: [Operation] = []
    var deadlines: [Operation] = []
    for operation in operations {
      switch operation {
      case .putPosting: postings.append(operation)
      case .putApplication: applications.append(operation)
      case .putDeadline: deadlines.append(operation)
      case .putSettings(let settings): deck.settings = settings
      case .putConflicts(let conflicts): deck.conflicts = conflicts
      case .delete(.postings, _): postings.append(operation)
      case .delete(.applications, _): applications.append(operation)
      case .delete(.deadlines, _): deadlines.append(operation)
      }
    }
    // The collections are independent, so each takes its own operations in their order.
    apply(postings, to: &deck.postings) {
      if case .putPosting(let record) = $0 { record } else { nil }
    }
    apply(applications, to: &deck.applications) {
      if case .putApplication(let record) = $0 { record } else { nil }
    }
    apply(deadlines, to: &deck.deadlines) {
      if case .putDeadline(let record) = $0 { record } else { nil }
    }
  }

  /// Puts and deletes in place, found through the list's own id lookup, so a replay costs what
  /// the journal holds rather than a copy of every record. `moved` holds the ids whose first
  /// record is no longer where the list's lookup says (deleted, or appended after a delete).
  private static func apply<Record: Identifiable>(
    _ operations: [Operation], to records: inout RecordList<Record>, put: (Operation) -> Record?
  ) {
    guard !operations.isEmpty else { return }
    var moved: [String: Int?] = [:]
    var removed = Set<Int>()
    func position(of id: String) -> Int? {
      if let known = moved[id] { return known }
      return records.index(ofID: id)
    }
    for operation in operations {
      if let record = put(operation) {
        if let index = position(of: record.id) {
          records[index] = record
        } else {
          moved[record.id] = .some(records.count)
          records.append(record)
        }
      } else if case .delete(_, let id) = operation, let index = position(of: id) {
        removed.insert(index)
        // With repeated ids (a hand-edited store), the next record with the id becomes the first.
        let next = records.hasRepeatedIDs
          ? records.indices[(index + 1)...].first { !removed.contains($0) && records[$0].id == id }
          : nil
        moved[id] = .some(next)
      }
    }
    records.remove(atPositions: removed)
  }
}
