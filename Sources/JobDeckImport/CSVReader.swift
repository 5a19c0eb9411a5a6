import Foundation
import JobDeckCore

/// One record of a CSV file, with where it sits so errors can point at it.
public struct CSVRecord: Hashable, Sendable {
  public var fields: [String]
  /// The record's row as a spreadsheet shows it: the header is row 1, and a quoted field that
  /// spans several lines still makes one row.
  public var row: Int
  /// The physical line (1-based) the record starts on.
  public var line: Int

  public init(fields: [String], row: Int, line: Int) {
    self.fields = fields
    self.row = row
    self.line = line
  }
}

/// A CSV file split into its header and data records.
public struct CSVTable: Hashable, Sendable {
  public var header: [String]
  public var delimiter: Character
  /// Data records, every one with exactly `header.count` fields (short rows padded with "").
  public var records: [CSVRecord]
  /// Rows that could not be read as a record of this table (more fields than the header).
  public var errors: [CSVError]
}

/// What is wrong with a CSV file, and where.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file (after a byte-order mark) holds no header row.
  case empty
  /// A quoted field is still open at the end of the file.
  case unbalancedQuote(row: Int, line: Int)
  /// A row has more fields than the header names.
  case raggedRow(row: Int, line: Int, fieldCount: Int, headerCount: Int)
  /// The header names no column the importer can use.
  case missingColumns(String, found: [String])

  public var description: String {
    switch self {
    case .empty:
      return "the CSV file is empty: expected a header row such as 'Company,Title,Deadline'"
    case .unbalancedQuote(let row, let line):
      return "row \(row) (line \(line)): a quoted field opened here is never closed"
        + " (a \" is missing before the end of the file)"
    case .raggedRow(let row, let line, let fieldCount, let headerCount):
      return "row \(row) (line \(line)): \(fieldCount) fields, but the header has \(headerCount)"
        + " (an unquoted delimiter inside a value?)"
    case .missingColumns(let what, let found):
      let names = found.prefix(20).map { QuotedExcerpt.quoted($0) }.joined(separator: ", ")
        + (found.count > 20 ? ", … and \(found.count - 20) more" : "")
      return "the header has no \(what) column (found: \(names))"
    }
  }
}

/// Reads RFC 4180 CSV as spreadsheets write it.
///
/// Beyond the RFC it accepts: LF, CRLF or lone CR line ends; a UTF-8 byte-order mark; a missing
/// final newline; `;` (European Excel) and tab delimiters, detected from the header line as the
/// most frequent of `,` `;` tab outside quotes. A field's text is returned exactly as written
/// (line breaks inside quoted fields as they are, CRLF included, as Python's csv module does),
/// so that a file written by `CSVExporter` reads back to the same text. Rows with fewer fields
/// than the header are padded with empty fields, because spreadsheets drop trailing empty cells;
/// rows with more fields are errors, because a value was probably split by an unquoted delimiter. Wholly empty rows are skipped but still counted, so
/// row numbers match what a spreadsheet shows. A quote in the middle of an unquoted field, or
/// text after a closing quote, is kept literally (as Python's csv module and Excel do).
///
/// `CSVStreamReader` reads the same way from bytes that arrive in pieces.
public enum CSVReader {
  /// The header and the data records, or a fatal error (empty file, unbalanced quote).
  public static func read(_ text: String) throws(CSVError) -> CSVTable {
    // Every byte the reader acts on (quote, delimiters, CR, LF) is ASCII, and in UTF-8 an ASCII
    // byte never occurs inside another character's encoding: so the file is read as bytes, and
    // each field is the exact bytes between them, without decoding scalars (which would cost
    // time and memory in proportion to a large file's size several times over).
    var text = text
    var header: [String] = []
    var delimiter: UInt8 = UInt8(ascii: ",")
    var records: [CSVRecord] = []
    var errors: [CSVError] = []
    var failure: CSVError?
    text.withUTF8 { bytes in
      var reader = CSVStreamReader()
      do throws(CSVError) {
        _ = try reader.read(bytes, isFinal: true) { event in
          switch event {
          case .header(let fields, let detected):
            header = fields
            delimiter = detected
          case .record(let record): records.append(record)
          case .raggedRow(let error): errors.append(error)
          }
        }
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return CSVTable(header: header, delimiter: Character(Unicode.Scalar(delimiter)),
                    records: records, errors: errors)
  }
}

/// The records of CSV text, read a complete record at a time from bytes that may stop anywhere:
/// what it cannot finish yet it leaves unconsumed, to be given again with the bytes that follow.
/// State carried between pieces: the delimiter, the row and line numbers, and the header.
struct CSVRecordScanner {
  let delimiter: UInt8
  /// The row and physical line the next record starts on.
  var row = 1
  var line = 1

  init(delimiter: UInt8) {
    self.delimiter = delimiter
  }

  private static let quote = UInt8(ascii: "\"")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let lineFeed = UInt8(ascii: "\n")

  /// Calls `body` with each complete record in `bytes` that holds a non-empty field, and returns
  /// how many bytes those records (and the empty ones between them) took. With `isFinal` the
  /// bytes are the rest of the file: everything is consumed, the last record needs no line end,
  /// and a quote still open is an error.
  mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool,
                     _ body: (CSVRecord) -> Void) throws(CSVError) -> Int
  {
    let quote = Self.quote, carriageReturn = Self.carriageReturn, lineFeed = Self.lineFeed
    let delimiter = delimiter
    var fields: [String] = []
    var reader = FieldBytes(bytes)
    var inQuotes = false
    var fieldStarted = false  // a quote only opens a field at its very start
    var line = line
    var row = row
    var recordLine = line
    var quoteRow = row
    var quoteLine = line
    var index = 0
    // Where the record being read started, to give it back when the bytes stop inside it.
    var recordStart = 0
    let count = bytes.count

    func endField() {
      fields.append(reader.take())
      fieldStarted = false
    }
    func endRecord() {
      endField()
      if fields.contains(where: { !$0.isEmpty }) {
        body(CSVRecord(fields: fields, row: row, line: recordLine))
      }
      // Room for as many fields as this record had: every record of a file usually has the
      // same number, and growing the array field by field would make it anew several times.
      let fieldCount = fields.count
      fields = []
      fields.reserveCapacity(fieldCount)
      row += 1
    }

    scanning: while index < count {
      let byte = bytes[index]
      // A byte whose meaning depends on the next one (`""`, CRLF) waits for it.
      guard index + 1 < count || isFinal
        || (byte != quote && byte != carriageReturn)
      else { break scanning }
      let next: UInt8? = index + 1 < count ? bytes[index + 1] : nil
      if inQuotes {
        if byte == quote {
          if next == quote {
            reader.append(quote)
            index += 2
          } else {
            inQuotes = false
            index += 1
          }
          continue
        }
        if byte == carriageReturn || byte == lineFeed {
          let after = index + ((byte == carriageReturn && next == lineFeed) ? 2 : 1)
          reader.append(from: index, to: after)
          line += 1
          index = after
          continue
        }
        // The run up to the next quote is the field's as it stands, line breaks included, which
        // are only counted (memchr: these runs are whole descriptions of many lines, each of
        // which was otherwise searched up to the quote once more). A CR that is the run's last
        // byte before more bytes arrive is counted as a line end here, but a record that has
        // not ended is read again from its start with those bytes.
        let end = firstIndex(of: quote, in: bytes, from: index + 1, before: count)
        line += lineBreaks(in: bytes, from: index, before: end)
        reader.append(from: index, to: end)
        index = end
        continue
      }
      switch byte {
      case quote where !fieldStarted:
        inQuotes = true
        fieldStarted = true
        quoteRow = row
        quoteLine = line
      case delimiter:
        endField()
      case carriageReturn, lineFeed:
        endRecord()
        line += 1
        recordLine = line
        if byte == carriageReturn && next == lineFeed { index += 1 }
        recordStart = index + 1
        self.row = row
        self.line = line
      default:
        // Up to the next delimiter or line break; a quote inside is literal, as the field has
        // started.
        var end = index + 1
        while end < count, bytes[end] != delimiter, bytes[end] != carriageReturn,
          bytes[end] != lineFeed
        {
          end += 1
        }
        reader.append(from: index, to: end)
        fieldStarted = true
        index = end
        continue
      }
      index += 1
    }
    guard isFinal else { return recordStart }
    if inQuotes { throw .unbalancedQuote(row: quoteRow, line: quoteLine) }
    if !fields.isEmpty || !reader.isEmpty { endRecord() }
    self.row = row
    self.line = line
    return count
  }

  /// The position of the first `byte` in `start..<limit`, else `limit`.
  private func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>,
                          from start: Int, before limit: Int) -> Int
  {
    guard start < limit, let base = bytes.baseAddress,
      let found = memchr(base + start, Int32(byte), limit - start)
    else { return limit }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// How many line ends (LF, CRLF, or a lone CR) `start..<limit` holds.
  private func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                          before limit: Int) -> Int
  {
    var breaks = 0
    var position = start
    while position < limit {
      position = firstIndex(of: Self.lineFeed, in: bytes, from: position, before: limit)
      guard position < limit else { break }
      breaks += 1
      position += 1
    }
    position = start
    while position < limit {
      position = firstIndex(of: Self.carriageReturn, in: bytes, from: position, before: limit)
      guard position < limit else { break }
      // A CR before an LF is counted with it.
      if position + 1 >= limit || bytes[position + 1] != Self.lineFeed { breaks += 1 }
      position += 1
    }
    return breaks
  }

  /// The most frequent of `,` `;` tab outside quotes on the first line (`,` on a tie or none),
  /// and whether that line's end is in `bytes` (else the answer may change with more bytes).
  static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, lineEnded: Bool) {
    let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
    var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
    var inQuotes = false
    var lineEnded = false
    for byte in bytes {
      if byte == quote {
        inQuotes.toggle()
      } else if !inQuotes {
        if byte == carriageReturn || byte == lineFeed {
          lineEnded = true
          break
        }
        if counts[byte] != nil { counts[byte, default: 0] += 1 }
      }
    }
    var best = comma
    for candidate in [semicolon, tab] where counts[candidate, default: 0] > counts[best, default: 0] {
      best = candidate
    }
    return (best, lineEnded)
  }
}

/// The bytes of the field being read: runs of the file taken as they are (usually the whole
/// field is one run, made into text without an intermediate copy), joined in a buffer only when
/// the field is written differently from how it reads (`""`, line breaks, text after a closing
/// quote).
private struct FieldBytes {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The run of the file not yet copied into `buffer`.
  var runStart = 0
  var runEnd = 0
  var buffer: [UInt8] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  var isEmpty: Bool { runStart == runEnd && buffer.isEmpty }

  /// Adds the file's bytes from `start` up to `end` to the field.
  mutating func append(from start: Int, to end: Int) {
    if runStart == runEnd {
      runStart = start
    } else if runEnd != start {
      flushRun()
      runStart = start
    }
    runEnd = end
  }

  /// Adds a byte the file spells differently (`""` for `"`).
  mutating func append(_ byte: UInt8) {
    flushRun()
    buffer.append(byte)
  }

  /// The field read so far, as text; the next field starts empty.
  mutating func take() -> String {
    let text: String
    if buffer.isEmpty {
      text = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]), as: UTF8.self)
    } else {
      flushRun()
      text = String(decoding: buffer, as: UTF8.self)
      buffer.removeAll(keepingCapacity: true)
    }
    runStart = runEnd
    return text
  }

  private mutating func flushRun() {
    if runStart < runEnd {
      buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]))
    }
    runStart = runEnd
  }
}
