import Foundation
import JobDeckCore

/// Writes a `Deck` as the store file's text.
///
/// The format, version 1: one JSON document, UTF-8, ending in a newline, with its top-level
/// members always in this order:
///
/// ```
/// {
///   "schemaVersion": 1,
///   "settings": {"followUpAfterDays":14},
///   "conflicts": [{"collection":"application","field":"notes",...}],
///   "postings": [
///     {"company":"SumUp","createdAt":"2026-11-22T10:00:00Z","id":"sumup-ml-engineer",...},
///     {...}
///   ],
///   "applications": [
///     {...}
///   ],
///   "deadlines": []
/// }
/// ```
///
/// - Every record (posting, application, deadline) and the settings object sit on one line of
///   their own, compact, keys sorted, slashes unescaped. Changing one record therefore changes
///   exactly one line (a one-line `git diff`), and a later loader can find record boundaries by
///   splitting lines instead of parsing everything (JSON escapes newlines inside strings, so a
///   record can never span lines). Records keep the deck's order (creation order), so new records
///   append lines.
/// - An empty collection is `[]` on the member's line. `conflicts` (fields two machines changed
///   differently, see `DeckMerge`) is one line, and is left out when there are none.
/// - Instants (`createdAt`, `updatedAt`, a stage change's `at`, a timed deadline's `dateTime`) are
///   ISO 8601 UTC with whole seconds: `"2026-11-22T10:00:00Z"`. Civil dates are `"2026-11-22"`,
///   periods ISO 8601 durations such as `"P3M"` or `"-P14D"`.
/// - Optional fields that are absent are left out rather than written as `null`.
/// - `schemaVersion` is an integer; a reader that finds a higher one than it knows must not write
///   the file (see `StoreDecoder`).
///
/// Records are written by `FastRecordWriter`, which produces exactly `JSONEncoder`'s bytes (the
/// format was defined by `JSONEncoder` output, and tests compare the two), on up to two cores; a
/// record it cannot write is handed to `JSONEncoder`.
public struct StoreEncoder: Sendable {
  public init() {}

  /// The whole file's bytes. Throws only for values JSON cannot hold (NaN, infinity).
  public func encode(_ deck: Deck) throws -> Data {
    var output = Data()
    output.reserveCapacity(4096)
    var reserved = false
    try write(deck) { part in
      if !reserved, part.count > 65_536 {
        // Growing a 275 MB `Data` by doubling copies it several times: reserve from the first
        // batch of postings instead, with a margin.
        output.reserveCapacity(Self.estimatedSize(of: deck, firstBatch: part))
        reserved = true
      }
      output.append(contentsOf: part)
    }
    return output
  }

  /// The same bytes as `encode`, handed to `sink` a piece at a time (the header, then a batch
  /// of records at a time), so that a save streams into its file and never holds the whole
  /// 275 MB text besides the deck. Errors thrown by `sink` propagate.
  func write(_ deck: Deck, to sink: ([UInt8]) throws -> Void) throws {
    var head = Array("{\n  \"schemaVersion\": \(StoreFormat.schemaVersion),\n".utf8)
    head += Array("  \"settings\": ".utf8)
    var settings = FastRecordWriter()
    settings.write(deck.settings)
    head += settings.bytes
    head += Array(",\n".utf8)
    head += try Self.conflictsLine(deck.conflicts)
    try sink(head)
    try write(deck.postings, named: "postings", to: sink, last: false)
    try write(deck.applications, named: "applications", to: sink, last: false)
    try write(deck.deadlines, named: "deadlines", to: sink, last: true)
    try sink(Array("}\n".utf8))
  }

  private static let batchSize = 4096

  private static func estimatedSize(of deck: Deck, firstBatch: [UInt8]) -> Int {
    let perPosting = firstBatch.count / max(1, min(batchSize, deck.postings.count))
    return (perPosting * deck.postings.count + 1024 * deck.applications.count
      + 512 * deck.deadlines.count) * 11 / 10
  }

  /// The same bytes through `JSONEncoder` alone: the reference the fast writer is tested against.
  func encodeWithJSONEncoder(_ deck: Deck) throws -> Data {
    let encoder = Self.jsonEncoder()
    var output = Data()
    output.append(contentsOf: "{\n  \"schemaVersion\": \(StoreFormat.schemaVersion),\n".utf8)
    output.append(contentsOf: "  \"settings\": ".utf8)
    output.append(try encoder.encode(deck.settings))
    output.append(contentsOf: ",\n".utf8)
    output.append(contentsOf: try Self.conflictsLine(deck.conflicts))
    func append<Record: Encodable>(_ records: [Record], named name: String, last: Bool) throws {
      let end = last ? "\n" : ",\n"
      guard !records.isEmpty else {
        output.append(contentsOf: "  \"\(name)\": []\(end)".utf8)
        return
      }
      output.append(contentsOf: "  \"\(name)\": [\n".utf8)
      for (index, record) in records.enumerated() {
        output.append(contentsOf: "    ".utf8)
        output.append(try encoder.encode(record))
        output.append(contentsOf: (index == records.count - 1 ? "\n" : ",\n").utf8)
      }
      output.append(contentsOf: "  ]\(end)".utf8)
    }
    try append(deck.postings, named: "postings", last: false)
    try append(deck.applications, named: "applications", last: false)
    try append(deck.deadlines, named: "deadlines", last: true)
    output.append(contentsOf: "}\n".utf8)
    return output
  }

  /// The line of unresolved sync conflicts (`Deck.conflicts`), written only when there are
  /// some, so a store without any has the same bytes as before conflicts existed. Few and small:
  /// one line through `JSONEncoder` on both paths.
  static func conflictsLine(_ conflicts: [MergeConflict]) throws -> [UInt8] {
    guard !conflicts.isEmpty else { return [] }
    return Array("  \"conflicts\": ".utf8) + Array(try jsonEncoder().encode(conflicts))
      + Array(",\n".utf8)
  }

  static func jsonEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom(StoreDateFormat.encode)
    return encoder
  }

  /// Writes one member. Records are encoded in batches, each batch split between the workers
  /// and handed on as one piece, so only one batch's text exists besides the output.
  private func write<Record: FastWritable>(
    _ records: [Record], named name: String, to sink: ([UInt8]) throws -> Void, last: Bool
  ) throws {
    let end = last ? "\n" : ",\n"
    guard !records.isEmpty else {
      try sink(Array("  \"\(name)\": []\(end)".utf8))
      return
    }
    try sink(Array("  \"\(name)\": [\n".utf8))
    var batchStart = 0
    while batchStart < records.count {
      let batchEnd = min(records.count, batchStart + Self.batchSize)
      let parts = try RecordBatch.encode(records[batchStart..<batchEnd],
        isLast: batchEnd == records.count)
      var joined: [UInt8] = []
      joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
      for part in parts { joined += part }
      try sink(joined)
      batchStart = batchEnd
    }
    try sink(Array("  ]\(end)".utf8))
  }
}

/// Facts about the file format shared by the encoder and decoder.
public enum StoreFormat {
  /// The version this build writes and the newest it can read.
  public static let schemaVersion = 1
}
