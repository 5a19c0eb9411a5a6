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
/// - An empty collection is `[]` on the member's line.
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
    output.append(contentsOf: "{\n  \"schemaVersion\": \(StoreFormat.schemaVersion),\n".utf8)
    output.append(contentsOf: "  \"settings\": ".utf8)
    var settings = FastRecordWriter()
    settings.write(deck.settings)
    output.append(contentsOf: settings.bytes)
    output.append(contentsOf: ",\n".utf8)
    try append(deck.postings, named: "postings", to: &output, last: false)
    try append(deck.applications, named: "applications", to: &output, last: false)
    try append(deck.deadlines, named: "deadlines", to: &output, last: true)
    output.append(contentsOf: "}\n".utf8)
    return output
  }

  /// The same bytes through `JSONEncoder` alone: the reference the fast writer is tested against
  /// (and the benchmark's "before").
  @_spi(Benchmark)
  public func encodeWithJSONEncoder(_ deck: Deck) throws -> Data {
    let encoder = Self.jsonEncoder()
    var output = Data()
    output.append(contentsOf: "{\n  \"schemaVersion\": \(StoreFormat.schemaVersion),\n".utf8)
    output.append(contentsOf: "  \"settings\": ".utf8)
    output.append(try encoder.encode(deck.settings))
    output.append(contentsOf: ",\n".utf8)
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

  static func jsonEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom(StoreDateFormat.encode)
    return encoder
  }

  /// Writes one member. Records are encoded in batches, each batch split between the workers
  /// and its lines appended in order, so only one batch's text exists besides the output.
  private func append<Record: FastWritable>(
    _ records: [Record], named name: String, to output: inout Data, last: Bool
  ) throws {
    let end = last ? "\n" : ",\n"
    guard !records.isEmpty else {
      output.append(contentsOf: "  \"\(name)\": []\(end)".utf8)
      return
    }
    output.append(contentsOf: "  \"\(name)\": [\n".utf8)
    let batchSize = 4096
    var batchStart = 0
    while batchStart < records.count {
      let batchEnd = min(records.count, batchStart + batchSize)
      let parts = try RecordBatch.encode(records[batchStart..<batchEnd],
        isLast: batchEnd == records.count)
      if batchStart == 0, batchEnd < records.count {
        // Growing a 275 MB `Data` by doubling copies it several times: estimate from the first
        // batch instead, with a margin.
        let perRecord = parts.reduce(0) { $0 + $1.count } / (batchEnd - batchStart)
        output.reserveCapacity(output.count + perRecord * records.count * 11 / 10)
      }
      for part in parts { output.append(contentsOf: part) }
      batchStart = batchEnd
    }
    output.append(contentsOf: "  ]\(end)".utf8)
  }
}

/// Facts about the file format shared by the encoder and decoder.
public enum StoreFormat {
  /// The version this build writes and the newest it can read.
  public static let schemaVersion = 1
}
