import Foundation
import JobDeckCore

/// Reads the store file's text (the format `StoreEncoder` describes) into a `Deck`, in one
/// pass, with every refusal positioned (`StoreError.malformed` with line, column and the
/// value's path).
///
/// A file exactly in the encoder's layout is split at its record lines, which are read on up
/// to two cores (`StoreLayout`), streamed from disk in chunks by `decodeFile`. Any other file
/// (hand-edited, pretty-printed, another version), and any file that fails there, is read as
/// one JSON document by the same record readers, which say where the problem is.
public struct StoreDecoder: Sendable {
  public init() {}

  /// Decodes a whole store. `path` is used only in messages. A file with a newer `schemaVersion`
  /// decodes if its content still fits this build's model, and comes back with `readOnlyReason`
  /// set; `fingerprint` is always nil here (only `StoreFile` knows the file).
  public func decode(_ data: Data, path: String) throws(StoreError) -> LoadedDeck {
    let result = data.withUnsafeBytes { bytes in
      Result { () throws(StoreError) -> Document in
        if let deck = StoreLayout.decode(bytes) {
          return Document(deck: deck, schemaVersion: StoreFormat.schemaVersion, path: path)
        }
        return try Self.readDocument(bytes, path: path)
      }
    }
    let document = try result.get()
    return LoadedDeck(deck: document.deck, readOnlyReason: document.readOnlyReason)
  }

  struct Document {
    var deck: Deck
    var schemaVersion: Int
    var path: String

    var isNewer: Bool { schemaVersion > StoreFormat.schemaVersion }
    var newerVersionError: StoreError? { StoreFormat.newerVersionError(schemaVersion, path: path) }
    var readOnlyReason: String? { newerVersionError?.description }
  }

  /// Reads and decodes the file at `target` (`path` is for messages), or nil when it does not
  /// exist. A file in the encoder's layout is decoded in chunks as it is read, so its bytes are
  /// never all in memory at once; any other file is read whole. `keepingDetails`: see
  /// `StoreRecordReading.init(keepingDetails:)`.
  func decodeFile(at target: String, path: String, chunkSize: Int = 8 << 20,
    keepingDetails: Bool = true) throws(StoreError)
    -> (document: Document, status: FileSystem.Status)?
  {
    try ReadableFile.withFile(at: target) { file throws(StoreError) in
      // Taken before any byte is read: a later write to the file is then told apart.
      let textFile = keepingDetails ? try StoreTextFile(file) : nil
      if let deck = try Self.streamed(file, chunkSize: chunkSize,
        keepingDetails: keepingDetails, textFile: textFile)
      {
        return (Document(deck: deck, schemaVersion: StoreFormat.schemaVersion, path: path),
          file.status)
      }
      let data = try file.readAll()
      let result = data.withUnsafeBytes { bytes in
        Result { () throws(StoreError) in
          try Self.readDocument(bytes, path: path, keepingDetails: keepingDetails,
            textFile: textFile)
        }
      }
      return (try result.get(), file.status)
    }
  }

  /// The deck via the layout, reading `chunkSize` bytes at a time (more for a longer line),
  /// or nil as soon as a line is not what the encoder writes.
  static func streamed(_ file: ReadableFile, chunkSize: Int, keepingDetails: Bool = true,
    textFile: StoreTextFile? = nil) throws(StoreError) -> Deck?
  {
    var layout = StoreLayout(keepingDetails: keepingDetails, textFile: textFile)
    let complete = try LineChunkReader(file, chunkSize: chunkSize).forEachChunk {
      layout.consume($0)
    }
    return complete ? layout.finish() : nil
  }

  /// The whole file as one JSON document: any layout, any version this build can read.
  /// `textFile`: the file `bytes` are, all of it, where descriptions stay.
  static func readDocument(_ bytes: UnsafeRawBufferPointer, path: String,
    rejectingRepeatedKeys: Bool = false, keepingDetails: Bool = true,
    textFile: StoreTextFile? = nil) throws(StoreError) -> Document
  {
    var reader = StoreReader(bytes)
    reader.rejectsRepeatedKeys = rejectingRepeatedKeys
    // A UTF-8 byte order mark is not JSON, but editors write one: it is skipped.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
    var version: Int?
    var versionOffset = 0
    var documentStart = 0
    var postings: [Posting] = [], applications: [Application] = [], deadlines: [Deadline] = []
    var settings = Settings(), conflicts: [MergeConflict] = []
    var records = StoreRecordReading(keepingDetails: keepingDetails)
    if let textFile {
      records.longTexts.keep(in: textFile, bytes: bytes, offset: 0)
    } else {
      records.longTexts.reserve(bytes.count)
    }
    defer { records.longTexts.finish() }
    func positioned(_ error: StoreReadError) -> StoreError {
      let error = error.pointingAtNull(in: bytes)
      let (line, column) = TextPosition.lineAndColumn(of: error.offset, in: bytes)
      return .malformed(path: path, line: line, column: column, jsonPath: error.jsonPath,
        problem: error.problem)
    }
    do throws(StoreReadError) {
      reader.skipSpace()
      documentStart = reader.index
      if reader.isAtEnd {
        throw reader.failure(bytes.isEmpty ? "the file is empty" : "the file holds only whitespace")
      }
      try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
        switch key.count {
        case 13 where keyIs(key, "schemaVersion"):
          versionOffset = StoreRecordReading.objectStart(&reader)
          version = try reader.readInt()
          return 1
        case 8 where keyIs(key, "settings"):
          settings = try StoreRecordReading.settings(&reader)
          return 2
        case 9 where keyIs(key, "conflicts"):
          conflicts = try StoreRecordReading.conflicts(&reader)
          return 4
        case 8 where keyIs(key, "postings"):
          postings = []
          try reader.readArray { (reader) throws(StoreReadError) in
            postings.append(try records.posting(&reader))
          }
          return 8
        case 12 where keyIs(key, "applications"):
          applications = []
          try reader.readArray { (reader) throws(StoreReadError) in
            applications.append(try records.application(&reader))
          }
          return 16
        case 9 where keyIs(key, "deadlines"):
          deadlines = []
          try reader.readArray { (reader) throws(StoreReadError) in
            deadlines.append(try records.deadline(&reader))
          }
          return 32
        default:
          try reader.skipValue()
          return 0
        }
      }
      try reader.readEndOfDocument()
    } catch {
      if documentStart < bytes.count,
        let syntax = StoreReader.firstSyntaxError(in: bytes, from: documentStart)
      {
        throw positioned(syntax)
      }
      if let version, let error = StoreFormat.newerVersionError(version, path: path) {
        throw error
      }
      if version.map({ $0 < StoreFormat.oldestReadableVersion }) != true {
        throw positioned(error)
      }
    }
    guard let version else {
      throw positioned(StoreReadError(offset: documentStart,
        problem: "the required key \"schemaVersion\" is missing from this object"))
    }
    if version < StoreFormat.oldestReadableVersion {
      var error = StoreReadError(offset: versionOffset, problem: "schemaVersion \(version) is"
        + " older than any this build can read (it reads \(StoreFormat.schemaVersion))")
      error.path = [.key("schemaVersion")]
      throw positioned(error)
    }
    return Document(
      deck: Deck(postings: postings, applications: applications, deadlines: deadlines,
        settings: settings, conflicts: conflicts),
      schemaVersion: version, path: path)
  }

  /// The first key repeated inside one object, as a positioned message, or nil: JSON leaves the
  /// meaning of a repeated key open, and loading silently keeps the last one.
  static func firstRepeatedKey(in data: Data, path: String) -> String? {
    let result = data.withUnsafeBytes { bytes in
      Result { () throws(StoreError) in
        try readDocument(bytes, path: path, rejectingRepeatedKeys: true)
      }
    }
    guard case .failure(.malformed(let path, let line, let column, let jsonPath, let problem)) =
      result, problem.hasSuffix("occurs more than once in this object")
    else { return nil }
    return StoreError.location(path, line, column, jsonPath, problem)
  }
}
