import Foundation
import JobDeckCore

@testable import JobDeckImport

// The CSV importer as it was before it read files a piece at a time: the whole table first, then
// every date column's order, then the rows. Kept verbatim (renamed, reading with
// `ReferenceCSVReader`) as the reference the streaming importer is compared against.

/// Reads a tracking spreadsheet exported as CSV into posting drafts (the table-first version).
enum ReferenceCSVPostingImporter {
  static func importPostings(from text: consuming String, source: String = "csv",
                                    importedAt: Date) throws(CSVError) -> CSVImportResult
  {
    let table = try ReferenceCSVReader.read(text)
    // The fields are copies: a caller that hands over its text (its last use) lets the 200 MB
    // of a large export go before the rows are built from the fields.
    _ = consume text
    var columns: [CSVColumn: Int] = [:]
    var ignored: [String] = []
    for (index, name) in table.header.enumerated() {
      if let column = CSVColumn(header: name), columns[column] == nil {
        columns[column] = index
      } else if !name.trimmingCharacters(in: .whitespaces).isEmpty {
        ignored.append(name)
      }
    }
    guard columns[.company] != nil || columns[.title] != nil else {
      throw .missingColumns("company or title", found: table.header)
    }

    let dateColumns: [CSVColumn] = [.posted, .deadline, .applied]
    var orders: [CSVColumn: CSVDateOrder] = [:]
    for column in dateColumns {
      guard let index = columns[column] else { continue }
      orders[column] = CSVDateOrder.settled(by: table.records.map { $0.fields[index] })
    }
    let fileOrder = Set(orders.values).count == 1 ? orders.values.first : nil

    var rows: [CSVImportedRow] = []
    var errors: [CSVRowError] = table.errors.map { error in
      switch error {
      case .raggedRow(let row, let line, let fieldCount, let headerCount):
        return CSVRowError(
          row: row, line: line, column: nil,
          message: "\(fieldCount) fields, but the header has \(headerCount)"
            + " (an unquoted delimiter inside a value?)")
      default:
        return CSVRowError(row: 0, line: 0, column: nil, message: error.description)
      }
    }

    let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
    let isOwnExport = table.header == CSVExporter.header
    for record in table.records {
      var reader = ReferenceRowReader(
        record: record, header: header, isOwnExport: isOwnExport, columns: columns,
        dateOrders: orders, fileDateOrder: fileOrder)
      if let row = reader.importedRow(source: source, importedAt: importedAt),
        reader.errors.isEmpty
      {
        rows.append(row)
      }
      errors += reader.errors
    }
    errors.sort { ($0.row, $0.column ?? "") < ($1.row, $1.column ?? "") }
    return CSVImportResult(rows: rows, errors: errors, ignoredColumns: ignored)
  }
}

/// Reads the cells of one record, collecting what is wrong with them.
private struct ReferenceRowReader {
  let record: CSVRecord
  /// The header's cells, trimmed: how errors and phrases name a column.
  let header: [String]
  let isOwnExport: Bool
  let columns: [CSVColumn: Int]
  let dateOrders: [CSVColumn: CSVDateOrder]
  let fileDateOrder: CSVDateOrder?
  var errors: [CSVRowError] = []
  var remarks: [String] = []

  init(record: CSVRecord, header: [String], isOwnExport: Bool, columns: [CSVColumn: Int],
       dateOrders: [CSVColumn: CSVDateOrder], fileDateOrder: CSVDateOrder?) {
    self.record = record
    self.header = header
    self.isOwnExport = isOwnExport
    self.columns = columns
    self.dateOrders = dateOrders
    self.fileDateOrder = fileDateOrder
  }

  /// The cell, or nil when the column is absent or the cell blank: JobDeck's own export
  /// exactly, without its formula guard; other files trimmed, line breaks made `\n`.
  func cell(_ column: CSVColumn) -> String? {
    guard let index = columns[column] else { return nil }
    let field = record.fields[index]
    if isOwnExport {
      guard !field.isEmpty else { return nil }
      let formulaLike = field.drop { $0 == "'" }.unicodeScalars.first
        .map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
      return field.hasPrefix("'") && formulaLike ? String(field.unicodeScalars.dropFirst()) : field
    }
    let value = field.trimmedOfWhitespaceAndNewlines
      .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    return value.isEmpty ? nil : value
  }

  mutating func link() -> String? {
    guard let text = cell(.url) else { return nil }
    if let link = WebLink.validated(text) { return link.text }
    remarks.append("column '\(name(.url))': dropped \(QuotedExcerpt.quoted(text)): the URL"
      + " \(WebLink.refusal(of: text).map(String.init(describing:)) ?? "")"
      + "; the rest of the row was imported")
    return nil
  }

  func name(_ column: CSVColumn) -> String {
    columns[column].map { header[$0] } ?? column.exportName
  }

  mutating func fail(_ column: CSVColumn?, _ message: String) {
    errors.append(
      CSVRowError(row: record.row, line: record.line, column: column.map(name), message: message))
  }

  mutating func date(_ column: CSVColumn) -> CivilDate? {
    guard let text = cell(column) else { return nil }
    switch CSVDateParser.parse(text, order: dateOrders[column] ?? fileDateOrder) {
    case .success(let date):
      return date
    case .failure(.ambiguous):
      fail(
        column,
        "\(QuotedExcerpt.quoted(text)) could be day/month or month/day, and no date in this column or file settles"
          + " it; write it as YYYY-MM-DD or DD.MM.YYYY")
    case .failure(.unparsable):
      fail(column, "\(QuotedExcerpt.quoted(text)) is not a date (expected YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)")
    case .failure(.outsideSupportedRange(let date)):
      fail(column, "\(QuotedExcerpt.quoted(text)) is \(date), \(SupportedDates.outsideDates)")
    }
    return nil
  }

  mutating func importedRow(source: String, importedAt: Date) -> CSVImportedRow? {
    if let index = record.fields.firstIndex(where: { $0.utf8.contains(0) }) {
      errors.append(CSVRowError(
        row: record.row, line: record.line,
        column: index < header.count ? header[index] : nil,
        message: "a NUL byte: not text; the row was not imported"))
      return nil
    }
    let company = cell(.company) ?? ""
    let title = cell(.title) ?? ""
    if company.isEmpty && title.isEmpty {
      fail(nil, "neither a company nor a title: a posting needs at least one")
    }
    var stage: Stage?
    if let text = cell(.stage) {
      stage = CSVVocabulary.stage(text)
      if stage == nil {
        fail(.stage, "unknown stage \(QuotedExcerpt.quoted(text)) (expected one of \(CSVVocabulary.stageNames))")
      }
    }
    let posted = date(.posted)
    let deadline = date(.deadline)
    let applied = date(.applied)

    var posting = Posting(
      id: "", title: title, company: company, location: cell(.location), url: link(),
      source: source, posted: posted.map { PostedDate(date: $0) }, tags: tags(),
      description: cell(.description), createdAt: importedAt)
    if let text = cell(.salary) { posting.compensation = Compensation(text: text) }
    if let text = cell(.type) {
      posting.employmentType = CSVVocabulary.employmentType(text)
      if posting.employmentType == nil {
        remarks.append("column '\(name(.type))': \(QuotedExcerpt.quoted(text)) is not an employment type JobDeck knows;"
          + " left unset")
      }
    }
    if let text = cell(.workplace) {
      posting.workplace = CSVVocabulary.workplace(text)
      if posting.workplace == nil {
        remarks.append("column '\(name(.workplace))': \(QuotedExcerpt.quoted(text)) is not remote, hybrid or on-site;"
          + " left unset")
      }
    }
    var deadlines: [Deadline] = []
    if let deadline, let text = cell(.deadline) {
      deadlines.append(
        Deadline(
          id: "", kind: .applicationCutoff, due: .allDay(deadline),
          phrase: "\(name(.deadline)): \(text)", owner: .posting(""), origin: .imported))
    }
    guard errors.isEmpty else { return nil }
    return CSVImportedRow(
      row: record.row, line: record.line,
      draft: PostingDraft(posting: posting, deadlines: deadlines, remarks: remarks),
      stage: stage, appliedOn: applied, notes: cell(.notes))
  }

  /// Tags split on `,` `;` or `|`, trimmed, blanks dropped.
  func tags() -> [String] {
    guard let text = cell(.tags) else { return [] }
    return CSVVocabulary.tags(text)
  }
}
