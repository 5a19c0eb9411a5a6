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
/// Records are written by `StoreRecordWriter` on up to two cores.
public struct StoreEncoder: Sendable {
  public init() {}

  /// The whole file's bytes. Throws only for values JSON cannot hold (NaN, infinity).
  public func encode(_ deck: Deck) throws -> Data {
    var output = Data()
    output.reserveCapacity(4096)
    var reserved = false
    try write(deck) { part in
      if !reserved, part.count > 65_536 {
        // Growing a large `Data` by doubling copies it several times: reserve from the first
        // piece of postings instead, with a margin.
        output.reserveCapacity(Self.estimatedSize(of: deck, firstPiece: part))
        reserved = true
      }
      output.append(contentsOf: part)
    }
    return output
  }

  /// The same bytes as `encode`, handed to `sink` a piece at a time (the header, then a batch
  /// of records at a time), so that a save streams into its file and never holds the whole
  /// text besides the deck. Errors thrown by `sink` propagate.
  func write(_ deck: Deck, to sink: ([UInt8]) throws -> Void) throws {
    var head = StoreRecordWriter()
    head.bytes = Array("{\n  \"schemaVersion\": \(StoreFormat.schemaVersion),\n".utf8)
    head.append("  \"settings\": ")
    head.write(deck.settings)
    head.append(",\n")
    if !deck.conflicts.isEmpty {
      // Written only when there are some, so a store without any has the same bytes as before
      // conflicts existed.
      head.append("  \"conflicts\": ")
      head.write(deck.conflicts)
      head.append(",\n")
    }
    try sink(head.bytes)
    try write(deck.postings, named: "postings", to: sink, last: false)
    try write(deck.applications, named: "applications", to: sink, last: false)
    try write(deck.deadlines, named: "deadlines", to: sink, last: true)
    try sink(Array("}\n".utf8))
  }

  /// `write(_:to:)` for a save to `path`: a value JSON cannot hold becomes `.unencodable`.
  func write(_ deck: Deck, savingTo path: String,
    to sink: ([UInt8]) throws(StoreError) -> Void) throws(StoreError)
  {
    do {
      try write(deck) { piece throws in try sink(piece) }
    } catch let error as StoreError {
      throw error
    } catch {
      throw .unencodable(path: path, problem: "\(error)")
    }
  }

  private static let batchSize = 4096

  /// From the first piece of postings, a line each.
  private static func estimatedSize(of deck: Deck, firstPiece: [UInt8]) -> Int {
    let lines = firstPiece.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    let perPosting = firstPiece.count / max(1, lines)
    return (perPosting * deck.postings.count + 1024 * deck.applications.count
      + 512 * deck.deadlines.count) * 11 / 10
  }

  /// Writes one member. Records are encoded in batches, each batch split between the workers
  /// and handed on as one piece, so only one batch's text exists besides the output.
  private func write<Record: StoreWritable>(
    _ records: RecordList<Record>, named name: String, to sink: ([UInt8]) throws -> Void, last: Bool
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
      for piece in try Self.lines(
        of: records, batchStart..<batchEnd, isLast: batchEnd == records.count)
      {
        try sink(piece)
      }
      batchStart = batchEnd
    }
    try sink(Array("  ]\(end)".utf8))
  }

  /// The lines of `records` (`    {...},\n`) in order, written by one or two threads, as one
  /// piece per thread (joining them would copy every byte once more); the very last line of a
  /// member has no comma (`isLast`).
  private static func lines<Record: StoreWritable>(
    of records: RecordList<Record>, _ batch: Range<Int>, isLast: Bool
  ) throws -> [[UInt8]] {
    let workers = batch.count >= 256
      ? min(2, max(1, ProcessInfo.processInfo.activeProcessorCount)) : 1
    let middle = batch.lowerBound + batch.count / 2
    let ranges = workers == 1
      ? [batch] : [batch.lowerBound..<middle, middle..<batch.upperBound]
    let lastIndex = isLast ? batch.upperBound - 1 : -1
    let results = ConcurrentParts.map(ranges.count) { part in
      Result { () throws(StoreRecordWriter.Unwritable) in
        var writer = StoreRecordWriter()
        writer.bytes.reserveCapacity(ranges[part].count * 1024)
        for index in ranges[part] {
          writer.append("    ")
          try records[index].write(to: &writer)
          writer.append(index == lastIndex ? "\n" : ",\n")
        }
        return writer.bytes
      }
    }
    return try results.map { try $0.get() }
  }
}

/// A record type the store's members hold.
protocol StoreWritable: Sendable {
  func write(to writer: inout StoreRecordWriter) throws(StoreRecordWriter.Unwritable)
}

extension Posting: StoreWritable {
  func write(to writer: inout StoreRecordWriter) throws(StoreRecordWriter.Unwritable) {
    try writer.write(self)
  }
}

extension Application: StoreWritable {
  func write(to writer: inout StoreRecordWriter) throws(StoreRecordWriter.Unwritable) {
    try writer.write(self)
  }
}

extension Deadline: StoreWritable {
  func write(to writer: inout StoreRecordWriter) { writer.write(self) }
}

/// Facts about the file format shared by the encoder and decoder.
public enum StoreFormat {
  /// The version this build writes and the newest it can read.
  public static let schemaVersion = 1
  /// The oldest version this build reads. An older file is refused with its position; when the
  /// format changes, the record readers learn the older shape (a renamed key, a default for a
  /// new required one) so that old files are upgraded as they are read and written back in the
  /// new version on the next save.
  static let oldestReadableVersion = 1

  /// `.newerSchemaVersion` for a file written by a newer JobDeck, which is read-only here; nil
  /// for a version this build writes or reads.
  static func newerVersionError(_ version: Int, path: String) -> StoreError? {
    guard version > schemaVersion else { return nil }
    return .newerSchemaVersion(path: path, found: version, supported: schemaVersion)
  }
}
