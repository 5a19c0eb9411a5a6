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
  struct Base: Codable, Equatable, Sendable {
    var size: Int64
    var inode: UInt64
    /// Nanoseconds since 1970.
    var modified: Int64
    /// `ContentHash` of the file's bytes, hexadecimal.
    var hash: String
  }

  struct Header: Codable, Equatable {
    var jobdeckJournal: Int
    var base: Base

    enum CodingKeys: String, CodingKey { case jobdeckJournal, base }
  }

  /// A journal as read: its complete lines decoded, and how much of it is a torn tail.
  struct Parsed {
    var header: Header?
    var operations: [Operation]
    /// Bytes up to and including the last `\n`.
    var completeLength: Int
    var tornLength: Int
  }

  // MARK: Writing

  static func headerLine(for base: Base) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var line = try encoder.encode(Header(jobdeckJournal: version, base: base))
    line.append(UInt8(ascii: "\n"))
    return line
  }

  /// The line recording one save of `operations`, ending in `\n`. Throws for values JSON
  /// cannot hold.
  static func line(for operations: [Operation]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom(StoreDateFormat.encode)
    var output = Data("{\"ops\":[".utf8)
    for (index, operation) in operations.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      switch operation {
      case .putPosting(let record):
        appendPut(try encoder.encode(record), collection: "postings", to: &output)
      case .putApplication(let record):
        appendPut(try encoder.encode(record), collection: "applications", to: &output)
      case .putDeadline(let record):
        appendPut(try encoder.encode(record), collection: "deadlines", to: &output)
      case .putSettings(let settings):
        appendPut(try encoder.encode(settings), collection: "settings", to: &output)
      case .putConflicts(let conflicts):
        appendPut(try encoder.encode(conflicts), collection: "conflicts", to: &output)
      case .delete(let collection, let id):
        output.append(contentsOf:
          "{\"op\":\"delete\",\"collection\":\"\(collection.rawValue)\",\"id\":".utf8)
        output.append(try encoder.encode(id))
        output.append(UInt8(ascii: "}"))
      }
    }
    output.append(contentsOf: "]}\n".utf8)
    return output
  }

  private static func appendPut(_ record: Data, collection: String, to output: inout Data) {
    output.append(contentsOf: "{\"op\":\"put\",\"collection\":\"\(collection)\",\"record\":".utf8)
    output.append(record)
    output.append(UInt8(ascii: "}"))
  }

  // MARK: Reading

  /// Decodes the complete lines of `data`. A line that does not decode throws with its line
  /// and column in the journal (`path`): `.journalHeaderUnusable` for the header,
  /// `.journalLineUnusable` for a save; a journal from a newer JobDeck throws
  /// `.newerSchemaVersion`.
  /// With `headerOnly`, stops after the header: what a save needs to append.
  static func parse(_ data: Data, path: String, headerOnly: Bool = false) throws(StoreError)
    -> Parsed
  {
    let bytes = [UInt8](data)
    let (lines, completeLength) = completeLines(of: bytes)
    var parsed = Parsed(header: nil, operations: [], completeLength: completeLength,
      tornLength: bytes.count - completeLength)
    guard let first = lines.first else { return parsed }
    parsed.header = try decodeHeader(first, path: path)
    if headerOnly { return parsed }
    let body = lines.dropFirst()
    // Fast path: every operation line in one decoder pass, as one JSON array of one-element
    // arrays. The counts make sure each line held exactly one save by itself: two damaged lines
    // must not pass as one when joined (a line break where a comma was). Only when that fails
    // are the lines decoded one by one, to say which one is wrong and where.
    var array = Data("[".utf8)
    for (index, line) in body.enumerated() {
      array.append(contentsOf: index > 0 ? ",[".utf8 : "[".utf8)
      array.append(contentsOf: line.bytes)
      array.append(UInt8(ascii: "]"))
    }
    array.append(UInt8(ascii: "]"))
    if array.withUnsafeBytes({ StrictJSONScan.firstLeniency(in: $0) }) == nil,
      let decoded = try? StoreDecoder.jsonDecoder().decode([[JournalLine]].self, from: array),
      decoded.count == body.count, decoded.allSatisfy({ $0.count == 1 })
    {
      parsed.operations = decoded.flatMap { $0.flatMap(\.operations) }
      return parsed
    }
    for line in body {
      parsed.operations += try decodeSave(line, path: path)
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
  /// what `jobdeck check --repair` works from.
  struct LineByLine {
    /// The header line, when the journal has one.
    var headerLine: NumberedLine?
    /// The decoded header, or why it does not decode.
    var header: Result<Header, StoreError>?
    var saves: [(line: NumberedLine, operations: Result<[Operation], StoreError>)]
  }

  /// Reads every complete line, never stopping at a bad one. Throws only for a header written by
  /// a newer JobDeck, whose lines this one must not judge.
  static func readEachLine(_ data: Data, path: String) throws(StoreError) -> LineByLine {
    let (lines, _) = completeLines(of: [UInt8](data))
    var result = LineByLine(headerLine: lines.first, header: nil, saves: [])
    guard let first = lines.first else { return result }
    do throws(StoreError) {
      result.header = .success(try decodeHeader(first, path: path))
    } catch {
      if case .newerSchemaVersion = error { throw error }
      result.header = .failure(error)
    }
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
    let header: Header
    do throws(StoreError) {
      header = try decodeLine(JournalHeaderLine.self, line.bytes, path: path).header
    } catch {
      throw onLine(line.number, error, isHeader: true)
    }
    if header.jobdeckJournal > version {
      throw .newerSchemaVersion(path: path, found: header.jobdeckJournal, supported: version)
    }
    return header
  }

  private static func decodeSave(_ line: NumberedLine, path: String) throws(StoreError)
    -> [Operation]
  {
    do throws(StoreError) {
      return try decodeLine(JournalLine.self, line.bytes, path: path).operations
    } catch {
      throw onLine(line.number, error, isHeader: false)
    }
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
  }

  /// Decodes one line, turning a failure into the store's positioned error (on line 1).
  private static func decodeLine<T: Decodable>(
    _ type: T.Type, _ slice: ArraySlice<UInt8>, path: String
  ) throws(StoreError) -> T {
    let bytes = Array(slice)
    let diagnosis = StoreDiagnosis(path: path, bytes: bytes)
    if bytes.withUnsafeBytes({ StrictJSONScan.firstLeniency(in: $0) }) != nil {
      var parser = PositionedJSONParser(bytes: bytes)
      do {
        _ = try parser.parseDocument()
      } catch {
        throw diagnosis.malformed(at: error.offset, jsonPath: error.jsonPath,
          problem: error.message)
      }
    }
    do {
      return try StoreDecoder.jsonDecoder().decode(T.self, from: Data(bytes))
    } catch {
      throw diagnosis.diagnose(error)
    }
  }

  /// The journal's own error for a line that does not decode, moved to its line `number`.
  private static func onLine(_ number: Int, _ error: StoreError, isHeader: Bool) -> StoreError {
    guard case .malformed(let path, _, let column, let jsonPath, let problem) = error else {
      return error
    }
    return isHeader
      ? .journalHeaderUnusable(path: path, line: number, column: column, jsonPath: jsonPath,
        problem: problem)
      : .journalLineUnusable(path: path, line: number, column: column, jsonPath: jsonPath,
        problem: problem)
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

  private static func apply<Record: Identifiable>(
    _ operations: [Operation], to records: inout [Record], put: (Operation) -> Record?
  ) where Record.ID == String {
    guard !operations.isEmpty else { return }
    var slots: [Record?] = records.map { $0 }
    var first: [String: Int] = [:]
    var repeated: Set<String> = []
    first.reserveCapacity(slots.count)
    for (index, record) in records.enumerated() {
      if first[record.id] == nil { first[record.id] = index } else { repeated.insert(record.id) }
    }
    for operation in operations {
      if let record = put(operation) {
        if let index = first[record.id] {
          slots[index] = record
        } else {
          first[record.id] = slots.count
          slots.append(record)
        }
      } else if case .delete(_, let id) = operation, let index = first[id] {
        slots[index] = nil
        first[id] = nil
        if repeated.contains(id),
          let next = slots[(index + 1)...].firstIndex(where: { $0?.id == id })
        {
          first[id] = next
        }
      }
    }
    records = slots.compactMap { $0 }
  }
}

/// The header line as decoded, with a message that says what a first line must be.
private struct JournalHeaderLine: Decodable {
  var header: StoreJournal.Header

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: StoreJournal.Header.CodingKeys.self)
    guard container.contains(.jobdeckJournal) else {
      throw DecodingError.keyNotFound(StoreJournal.Header.CodingKeys.jobdeckJournal,
        .init(codingPath: [], debugDescription: "the journal's first line is its header"))
    }
    header = try StoreJournal.Header(from: decoder)
  }
}

/// One save's line as decoded.
private struct JournalLine: Decodable {
  var operations: [StoreJournal.Operation]

  enum CodingKeys: String, CodingKey { case ops }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    operations = try container.decode([JournalOperation].self, forKey: .ops).map(\.operation)
  }
}

/// One operation inside a line.
private struct JournalOperation: Decodable {
  var operation: StoreJournal.Operation
  enum CodingKeys: String, CodingKey { case op, collection, record, id }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let op = try container.decode(String.self, forKey: .op)
    let collection = try container.decode(String.self, forKey: .collection)
    switch op {
    case "put":
      switch collection {
      case "postings": operation = .putPosting(try container.decode(Posting.self, forKey: .record))
      case "applications":
        operation = .putApplication(try container.decode(Application.self, forKey: .record))
      case "deadlines":
        operation = .putDeadline(try container.decode(Deadline.self, forKey: .record))
      case "settings":
        operation = .putSettings(try container.decode(Settings.self, forKey: .record))
      case "conflicts":
        operation = .putConflicts(try container.decode([MergeConflict].self, forKey: .record))
      default:
        throw DecodingError.dataCorruptedError(forKey: .collection, in: container,
          debugDescription: "unknown collection; expected postings, applications, deadlines,"
            + " settings or conflicts")
      }
    case "delete":
      guard let kind = StoreJournal.Collection(rawValue: collection) else {
        throw DecodingError.dataCorruptedError(forKey: .collection, in: container,
          debugDescription: "unknown collection to delete from; expected postings, applications"
            + " or deadlines")
      }
      operation = .delete(kind, id: try container.decode(String.self, forKey: .id))
    default:
      throw DecodingError.dataCorruptedError(forKey: .op, in: container,
        debugDescription: "unknown operation; expected put or delete")
    }
  }
}
