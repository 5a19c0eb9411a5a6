import Foundation
import JobDeckTestSupport

@testable import JobDeckImport

/// The CSV reader's rules stated from the writing side: a table of cell values, written the ways
/// RFC 4180 and spreadsheets allow, and the table reading that text must give back. The reader
/// (bytes, memchr, a piece at a time) must read exactly what these say.
///
/// - A cell that holds the delimiter, a quote or a line break is quoted, its quotes doubled; any
///   other cell may be quoted too. A quote opens a quoted cell only as its first character; a
///   quote later in an unquoted cell is text, and text after a closing quote joins the cell.
/// - Line ends are LF, CRLF or a lone CR; a line break inside a quoted cell is kept as written.
/// - Leading byte-order marks are not text; the last line end may be missing.
/// - The delimiter is the most frequent of `,` `;` tab outside quotes on the first line.
/// - The header is the first record with a non-empty cell. Later records with no non-empty cell
///   are skipped but counted: a record's row is its position among all records (the header's
///   included), its line the physical line it starts on.
/// - A record with fewer cells than the header is padded with empty cells; one with more is a
///   ragged-row error instead of a record.
enum CSVReadingRule {
  struct Written {
    var text: String
    /// What reading `text` must give.
    var expected: Result<CSVTable, CSVError>
    /// The row and line the next record would start on, were one appended after a line end.
    var nextRow: Int
    var nextLine: Int
    var lineEnd: String
    var delimiter: Character
    var omitsLastLineEnd: Bool
  }

  static let delimiters: [Character] = [",", ";", "\t"]
  static let lineEnds = ["\n", "\r\n", "\r"]

  /// Cell values made of what the reader acts on: every delimiter, quotes, every line break, a
  /// byte-order mark inside text, NUL, multi-byte characters and combining marks next to them.
  static let valuePieces = [
    "Acme", "a", " ", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "é", "e\u{301}",
    "\"\u{301}", ",\u{301}", "漢字", "👩‍💻", "\0", "x\"y", "\u{FEFF}", "'=1",
  ]

  static func value(_ generator: inout SeededGenerator) -> String {
    if generator.chance(0.2) { return "" }
    if generator.chance(0.1) { return HostileStrings.random(using: &generator, maximumPieces: 2) }
    return (0..<Int.random(in: 1...4, using: &generator)).map { _ in generator.pick(valuePieces) }
      .joined()
  }

  /// A header cell: text with nothing the reader acts on, so the first line's delimiter count
  /// is the header's cell count less one.
  static func headerValue(_ generator: inout SeededGenerator) -> String {
    generator.pick(["Company", "Title", "Notes", "Stage", "x", "Zürich", "漢字", "Due date"])
  }

  /// How `value` may be written between delimiters.
  static func spelling(of value: String, delimiter: Character, _ generator: inout SeededGenerator)
    -> String
  {
    let needsQuotes = value.unicodeScalars.contains {
      $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == delimiter.unicodeScalars.first
    }
    let startsWithQuote = value.unicodeScalars.first == "\""
    if !needsQuotes && !startsWithQuote && generator.chance(0.6) { return value }
    // Text after the closing quote: a tail that neither starts with a quote (that would read as
    // a doubled quote) nor holds a delimiter or a line break.
    let scalars = Array(value.unicodeScalars)
    var split = scalars.count
    while split > 0 {
      let scalar = scalars[split - 1]
      if scalar == "\r" || scalar == "\n" || scalar == delimiter.unicodeScalars.first { break }
      split -= 1
    }
    if split < scalars.count, generator.chance(0.3) {
      let cut = Int.random(in: split...scalars.count, using: &generator)
      var head = String.UnicodeScalarView(), tail = String.UnicodeScalarView()
      head.append(contentsOf: scalars[..<cut])
      tail.append(contentsOf: scalars[cut...])
      if tail.first != "\"" { return quoted(String(head)) + String(tail) }
    }
    return quoted(value)
  }

  /// `text` between quotes, its quotes doubled. Scalar by scalar: a quote followed by a
  /// combining mark is one Character, which a search for the Character `"` would not find.
  static func quoted(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append("\"")
    for scalar in text.unicodeScalars {
      scalars.append(scalar)
      if scalar == "\"" { scalars.append(scalar) }
    }
    scalars.append("\"")
    return String(scalars)
  }

  /// Line breaks as the reader counts lines: CRLF is one.
  static func lineBreaks(in text: String) -> Int {
    var count = 0
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      if scalar == "\n" && previous != "\r" { count += 1 }
      if scalar == "\r" { count += 1 }
      previous = scalar
    }
    return count
  }

  /// A random table written out, with the table reading must give.
  static func written(_ generator: inout SeededGenerator, maximumRows: Int = 12) -> Written {
    let delimiter = generator.pick(delimiters)
    let lineEnd = generator.pick(lineEnds)
    let width = delimiter == "," ? Int.random(in: 1...5, using: &generator)
      : Int.random(in: 2...5, using: &generator)
    var rows: [[String]] = []
    // Blank rows before the header only where they cannot change the detected delimiter.
    if delimiter == "," {
      for _ in 0..<Int.random(in: 0...1, using: &generator) {
        rows.append(Array(repeating: "", count: Int.random(in: 1...3, using: &generator)))
      }
    }
    var header = (0..<width).map { _ in headerValue(&generator) }
    if generator.chance(0.2) { header[Int.random(in: 0..<width, using: &generator)] = "" }
    rows.append(header)
    for _ in 0..<Int.random(in: 0...maximumRows, using: &generator) {
      let count = generator.chance(0.15) ? Int.random(in: 1...width + 2, using: &generator) : width
      let blank = generator.chance(0.1)
      rows.append((0..<count).map { _ in blank ? "" : value(&generator) })
    }

    var text = generator.chance(0.2) ? String(repeating: "\u{FEFF}", count: Int.random(in: 1...2, using: &generator)) : ""
    var line = 1
    var headerCells: [String]?
    var records: [CSVRecord] = []
    var errors: [CSVError] = []
    var omitsLastLineEnd = false
    for (offset, cells) in rows.enumerated() {
      var spelled = cells.map { spelling(of: $0, delimiter: delimiter, &generator) }
      // A byte-order mark that starts the file is not text: such a first cell is quoted.
      if offset == 0, cells[0].unicodeScalars.first == "\u{FEFF}" {
        spelled[0] = quoted(cells[0])
      }
      let record = spelled.joined(separator: String(delimiter))
      let isLast = offset == rows.count - 1
      // Without its line end, a last record of one empty cell would not be there at all.
      omitsLastLineEnd = isLast && !record.isEmpty && generator.chance(0.4)
      text += record + (omitsLastLineEnd ? "" : lineEnd)
      let row = offset + 1
      if cells.contains(where: { !$0.isEmpty }) {
        if let headerCells {
          if cells.count > headerCells.count {
            errors.append(.raggedRow(row: row, line: line, fieldCount: cells.count,
                                     headerCount: headerCells.count))
          } else {
            records.append(CSVRecord(
              fields: cells + Array(repeating: "", count: headerCells.count - cells.count),
              row: row, line: line))
          }
        } else {
          headerCells = cells
        }
      }
      line += lineBreaks(in: record) + 1
    }
    guard let headerCells else {
      return Written(text: text, expected: .failure(.empty), nextRow: rows.count + 1,
                     nextLine: line, lineEnd: lineEnd, delimiter: delimiter,
                     omitsLastLineEnd: omitsLastLineEnd)
    }
    return Written(
      text: text,
      expected: .success(CSVTable(header: headerCells, delimiter: delimiter, records: records,
                                  errors: errors)),
      nextRow: rows.count + 1, nextLine: line, lineEnd: lineEnd, delimiter: delimiter,
                     omitsLastLineEnd: omitsLastLineEnd)
  }

  /// `written` followed by a record whose cell opens a quote that nothing closes: reading fails
  /// at the row and line where that quote opened, wherever the rest of the file was.
  static func withUnclosedQuote(_ generator: inout SeededGenerator) -> (text: String, error: CSVError) {
    var written = written(&generator)
    if written.omitsLastLineEnd { written.text += written.lineEnd }
    let opened = generator.chance(0.5) ? "" : "Acme" + String(written.delimiter)
    let rest = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
      generator.pick(["text", ",", "\n", "\r\n", "漢字", ";"])
    }.joined()
    return (written.text + opened + "\"" + rest,
            .unbalancedQuote(row: written.nextRow, line: written.nextLine))
  }

  /// The table written back with `,`: every cell that holds a delimiter of any kind, a quote, a
  /// line break or a leading byte-order mark quoted, so that reading it gives the same cells.
  static func rewritten(_ table: CSVTable) -> String {
    func cell(_ value: String) -> String {
      let special = value.unicodeScalars.contains {
        $0 == "," || $0 == ";" || $0 == "\t" || $0 == "\"" || $0 == "\r" || $0 == "\n"
      } || value.unicodeScalars.first == "\u{FEFF}"
      return special ? quoted(value) : value
    }
    return ([table.header] + table.records.map(\.fields))
      .map { $0.map(cell).joined(separator: ",") }.joined(separator: "\n")
  }
}
