import Foundation
import JobDeckCore

/// Reads the store file's text (the format `StoreEncoder` describes) back into a `Deck`.
///
/// A file exactly as `StoreEncoder` writes it is decoded by `FastStoreLayout`: record lines in
/// parallel by a hand-written reader, streamed from disk in chunks by `decodeFile`. Anything
/// else it does not recognise, good or bad, takes the trusted path: one `JSONDecoder` pass, and
/// only when that fails the positioned parser, to say where the problem is. So every message and
/// every leniency (migration, newer versions, hand-edited files) is exactly the trusted path's.
public struct StoreDecoder: Sendable {
  public init() {}

  /// Decodes a whole store. `path` is used only in messages. A file with a newer `schemaVersion`
  /// decodes if its content still fits this build's model, and comes back with `readOnlyReason`
  /// set; `fingerprint` is always nil here (only `StoreFile` knows the file).
  public func decode(_ data: Data, path: String) throws(StoreError) -> LoadedDeck {
    let document = try decodeDocument(data, path: path)
    return LoadedDeck(deck: document.deck, readOnlyReason: document.readOnlyReason,
      fingerprint: nil)
  }

  /// The `JSONDecoder` path alone: the reference the fast reader is tested against.
  func decodeWithJSONDecoder(_ data: Data, path: String) throws(StoreError) -> LoadedDeck {
    let document = try decodeTrusted(data, path: path)
    return LoadedDeck(deck: document.deck, readOnlyReason: document.readOnlyReason,
      fingerprint: nil)
  }

  struct Document {
    var deck: Deck
    var schemaVersion: Int
    var path: String

    var isNewer: Bool { schemaVersion > StoreFormat.schemaVersion }
    var readOnlyReason: String? {
      guard isNewer else { return nil }
      return StoreError.newerSchemaVersion(path: path, found: schemaVersion,
        supported: StoreFormat.schemaVersion).description
    }
  }

  func decodeDocument(_ data: Data, path: String) throws(StoreError) -> Document {
    if let deck = data.withUnsafeBytes({ FastStoreLayout.decode($0) }) {
      return Document(deck: deck, schemaVersion: StoreFormat.schemaVersion, path: path)
    }
    return try decodeTrusted(data, path: path)
  }

  /// Reads and decodes the file at `target` (`path` is for messages), or nil when it does not
  /// exist. A file in the encoder's layout is decoded in chunks as it is read, so its bytes are
  /// never all in memory at once; any other file is read whole and decoded the trusted way.
  func decodeFile(at target: String, path: String, chunkSize: Int = 8 << 20) throws(StoreError)
    -> (document: Document, status: FileSystem.Status)?
  {
    try ReadableFile.withFile(at: target) { file throws(StoreError) in
      if let deck = try Self.streamed(file, chunkSize: chunkSize) {
        return (Document(deck: deck, schemaVersion: StoreFormat.schemaVersion, path: path),
          file.status)
      }
      return (try decodeTrusted(try file.readAll(), path: path), file.status)
    }
  }

  /// The deck via the fast path, reading `chunkSize` bytes at a time (more for a longer line),
  /// or nil as soon as something needs the trusted path.
  static func streamed(_ file: ReadableFile, chunkSize: Int) throws(StoreError) -> Deck? {
    var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 4096),
      alignment: 16)
    defer { buffer.deallocate() }
    var layout = FastStoreLayout()
    var filled = 0
    while true {
      if filled == buffer.count {
        // One line longer than the buffer: grow it.
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2,
          alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = larger
      }
      let count = try file.fill(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
      filled += count
      guard let base = buffer.baseAddress else { return nil }
      // Bytes carried over from the last chunk hold no newline: look only at the new ones.
      var complete = filled
      while complete > filled - count, buffer[complete - 1] != 0x0A { complete -= 1 }
      if complete == filled - count { complete = 0 }
      if complete > 0 {
        do throws(FastPathMiss) {
          try layout.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<complete]))
        } catch {
          return nil
        }
        memmove(base, base + complete, filled - complete)
        filled -= complete
      }
      if count == 0 { break }
    }
    guard filled == 0 else { return nil }
    do throws(FastPathMiss) {
      return try layout.finish()
    } catch {
      return nil
    }
  }

  /// `JSONDecoder` with strictness checks, migration and positioned errors: every file the fast
  /// path does not take.
  func decodeTrusted(_ data: Data, path: String) throws(StoreError) -> Document {
    if data.withUnsafeBytes({ StrictJSONScan.firstLeniency(in: $0) }) != nil {
      var parser = PositionedJSONParser(bytes: [UInt8](data))
      do {
        _ = try parser.parseDocument()
      } catch {
        throw StoreDiagnosis(path: path, bytes: [UInt8](data)).malformed(
          at: error.offset, jsonPath: error.jsonPath, problem: error.message)
      }
    }
    do {
      let document = try Self.jsonDecoder().decode(StoreDocument.self, from: data)
      return Document(deck: document.deck, schemaVersion: document.schemaVersion, path: path)
    } catch let signal as VersionSignal {
      switch signal {
      case .newerAndUnreadable(let version):
        throw .newerSchemaVersion(path: path, found: version, supported: StoreFormat.schemaVersion)
      case .older(let version):
        return try migrated(data, from: version, path: path)
      }
    } catch {
      throw StoreDiagnosis(path: path, bytes: [UInt8](data)).diagnose(error)
    }
  }

  private func migrated(_ data: Data, from version: Int, path: String) throws(StoreError)
    -> Document
  {
    let diagnosis = StoreDiagnosis(path: path, bytes: [UInt8](data))
    do {
      guard let raw = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        let upgraded = try StoreMigration.upgrade(raw, from: version)
      else {
        var parser = PositionedJSONParser(bytes: [UInt8](data))
        guard let root = try? parser.parseDocument() else {
          throw diagnosis.diagnose(VersionSignal.older(version))
        }
        throw diagnosis.malformed(at: [.key("schemaVersion")], in: root,
          problem: "schemaVersion \(version) is older than any this build can read (it reads"
            + " \(StoreFormat.schemaVersion))")
      }
      let migratedData = try JSONSerialization.data(withJSONObject: upgraded)
      let document = try Self.jsonDecoder().decode(StoreDocument.self, from: migratedData)
      return Document(deck: document.deck, schemaVersion: version, path: path)
    } catch let error as StoreError {
      throw error
    } catch {
      // Paths in the upgraded document mostly match the file's; the position is a best guess.
      throw diagnosis.diagnose(error)
    }
  }

  /// The `schemaVersion` of a file that starts exactly as `StoreEncoder` writes it
  /// (`{\n  "schemaVersion": 1,\n`), else nil: the caller then decodes the whole file.
  static func headerSchemaVersion(_ head: [UInt8]) -> Int? {
    let prefix = Array("{\n  \"schemaVersion\": ".utf8)
    guard head.count > prefix.count, Array(head[0..<prefix.count]) == prefix else { return nil }
    var version = 0
    var index = prefix.count
    while index < head.count, head[index] >= UInt8(ascii: "0"), head[index] <= UInt8(ascii: "9"),
      index - prefix.count < 9
    {
      version = version * 10 + Int(head[index] - UInt8(ascii: "0"))
      index += 1
    }
    guard index > prefix.count, index + 1 < head.count, head[index] == UInt8(ascii: ","),
      head[index + 1] == UInt8(ascii: "\n")
    else { return nil }
    return version
  }

  static func jsonDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom(StoreDateFormat.decode)
    return decoder
  }
}

/// The top-level object. `schemaVersion` is read first, so a file from another version is
/// recognised before its records are.
private struct StoreDocument: Decodable {
  var schemaVersion: Int
  var deck: Deck

  enum CodingKeys: String, CodingKey {
    case schemaVersion, settings, conflicts, postings, applications, deadlines
  }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    do {
      schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
    } catch DecodingError.dataCorrupted {
      // Foundation reports 1.5 or 1e3 as "not valid JSON" without a path; give it one.
      throw DecodingError.dataCorruptedError(
        forKey: .schemaVersion, in: container,
        debugDescription: "schemaVersion must be a whole number such as 1")
    }
    if schemaVersion < StoreFormat.schemaVersion { throw VersionSignal.older(schemaVersion) }
    do {
      // Members may be left out of a hand-written file: `{"schemaVersion": 1}` is an empty store.
      deck = Deck(
        postings: try container.decodeIfPresent([Posting].self, forKey: .postings) ?? [],
        applications: try container.decodeIfPresent([Application].self, forKey: .applications)
          ?? [],
        deadlines: try container.decodeIfPresent([Deadline].self, forKey: .deadlines) ?? [],
        settings: try container.decodeIfPresent(Settings.self, forKey: .settings) ?? Settings(),
        conflicts: try container.decodeIfPresent([MergeConflict].self, forKey: .conflicts) ?? [])
    } catch where schemaVersion > StoreFormat.schemaVersion {
      throw VersionSignal.newerAndUnreadable(schemaVersion)
    }
  }
}

/// Thrown out of `StoreDocument.init(from:)` to leave the decoder when the version decides.
private enum VersionSignal: Error {
  case older(Int)
  case newerAndUnreadable(Int)
}
