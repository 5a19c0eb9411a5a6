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
      let names = found.map { "'\($0)'" }.joined(separator: ", ")
      return "the header has no \(what) column (found: \(names))"
    }
  }
}

/// Reads RFC 4180 CSV as spreadsheets write it.
///
/// Beyond the RFC it accepts: LF, CRLF or lone CR line ends; a UTF-8 byte-order mark; a missing
/// final newline; `;` (European Excel) and tab delimiters, detected from the header line as the
/// most frequent of `,` `;` tab outside quotes. Line breaks inside quoted fields are returned as
/// `\n`. Rows with fewer fields than the header are padded with empty fields, because
/// spreadsheets drop trailing empty cells; rows with more fields are errors, because a value was
/// probably split by an unquoted delimiter. Wholly empty rows are skipped but still counted, so
/// row numbers match what a spreadsheet shows. A quote in the middle of an unquoted field, or
/// text after a closing quote, is kept literally (as Python's csv module and Excel do).
public enum CSVReader {
  /// The header and the data records, or a fatal error (empty file, unbalanced quote).
  public static func read(_ text: String) throws(CSVError) -> CSVTable {
    let scalars = Array(text.unicodeScalars.drop(while: { $0 == "\u{FEFF}" }))
    let delimiter = detectDelimiter(scalars)
    let all = try records(scalars, delimiter: delimiter)
    guard let headerRecord = all.first, headerRecord.fields.contains(where: { !$0.isEmpty }) else {
      throw .empty
    }
    let header = headerRecord.fields
    var records: [CSVRecord] = []
    var errors: [CSVError] = []
    for var record in all.dropFirst() {
      if record.fields.count > header.count {
        errors.append(
          .raggedRow(row: record.row, line: record.line, fieldCount: record.fields.count,
                     headerCount: header.count))
        continue
      }
      record.fields += Array(repeating: "", count: header.count - record.fields.count)
      records.append(record)
    }
    return CSVTable(header: header, delimiter: Character(delimiter), records: records,
                    errors: errors)
  }

  private static let quote: Unicode.Scalar = "\""
  private static let carriageReturn: Unicode.Scalar = "\r"
  private static let lineFeed: Unicode.Scalar = "\n"

  private static func records(_ scalars: [Unicode.Scalar], delimiter: Unicode.Scalar)
    throws(CSVError) -> [CSVRecord]
  {
    var result: [CSVRecord] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var inQuotes = false
    var fieldStarted = false  // a quote only opens a field at its very start
    var line = 1
    var row = 1
    var recordLine = 1
    var quoteRow = 1
    var quoteLine = 1
    var index = 0

    func endField() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      fieldStarted = false
    }
    func endRecord() {
      endField()
      if fields.contains(where: { !$0.isEmpty }) {
        result.append(CSVRecord(fields: fields, row: row, line: recordLine))
      }
      fields = []
      row += 1
    }

    while index < scalars.count {
      let scalar = scalars[index]
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      if inQuotes {
        if scalar == quote {
          if next == quote {
            field.append(quote)
            index += 2
          } else {
            inQuotes = false
            index += 1
          }
          continue
        }
        if scalar == carriageReturn || scalar == lineFeed {
          field.append(lineFeed)
          line += 1
          index += (scalar == carriageReturn && next == lineFeed) ? 2 : 1
          continue
        }
        field.append(scalar)
        index += 1
        continue
      }
      switch scalar {
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
        if scalar == carriageReturn && next == lineFeed { index += 1 }
      default:
        field.append(scalar)
        fieldStarted = true
      }
      index += 1
    }
    if inQuotes { throw .unbalancedQuote(row: quoteRow, line: quoteLine) }
    if !fields.isEmpty || !field.isEmpty { endRecord() }
    return result
  }

  /// The most frequent of `,` `;` tab outside quotes on the first line; `,` on a tie or none.
  private static func detectDelimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
    var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
    var inQuotes = false
    for scalar in scalars {
      if scalar == quote {
        inQuotes.toggle()
      } else if !inQuotes {
        if scalar == carriageReturn || scalar == lineFeed { break }
        if counts[scalar] != nil { counts[scalar, default: 0] += 1 }
      }
    }
    var best: Unicode.Scalar = ","
    for candidate: Unicode.Scalar in [";", "\t"]
    where counts[candidate, default: 0] > counts[best, default: 0] {
      best = candidate
    }
    return best
  }
}
