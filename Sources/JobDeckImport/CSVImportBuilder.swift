import Foundation
import JobDeckCore

/// Where the importer's columns are in a file, from its header.
struct CSVLayout {
  /// The header's cells, trimmed: how errors and phrases name a column.
  let header: [String]
  let columns: [CSVColumn: Int]
  /// `columns` by `CSVColumn.allCases` position: a cell is looked up some twenty times a row, and
  /// the dictionary hashes the column's name (its raw value) each time.
  private let positions: [Int?]
  /// The file is JobDeck's own export (its header, exactly): its cells are read exactly as
  /// written, with the export's formula guard taken off, and never trimmed.
  let isOwnExport: Bool

  init(header: [String], columns: [CSVColumn: Int], isOwnExport: Bool = false) {
    self.header = header
    self.columns = columns
    self.isOwnExport = isOwnExport
    positions = CSVColumn.allCases.map { columns[$0] }
  }

  /// `columns[column]`.
  func index(of column: CSVColumn) -> Int? { positions[column.position] }

  func name(_ column: CSVColumn) -> String {
    columns[column].map { header[$0] } ?? column.exportName
  }
}

/// A slashed date whose reading waits for its column's order, known only at the end of the file.
struct UnsettledDate {
  var column: CSVColumn
  var text: String
  var reading: CSVDateParser.Reading
}

/// Builds the import a record at a time, as the file is read.
///
/// A slashed date's order is settled by every value in its column (`CSVDateOrder`), so the
/// dates that depend on it (`04/03/2025`; rare) are read once the file has ended, and the rows
/// that hold them completed or failed then; everything else is read from the record at once.
struct CSVImportBuilder {
  static let dateColumns: [CSVColumn] = [.posted, .deadline, .applied]

  let source: String
  let importedAt: Date
  /// Rows per batch of the result.
  let batchSize: Int
  private var layout: CSVLayout?
  /// The header as the file has it, when it names neither a company nor a title column.
  private var headerWithoutNames: [String]?
  private var ignored: [String] = []
  private var evidence: [CSVColumn: CSVDateOrder.Evidence] = [:]
  private var writtenDates = CSVDateParser.WrittenDates()
  /// The good rows, in batches of `batchSize`, after those handed on.
  private var batches: [[CSVImportedRow]] = []
  /// Takes each full batch as soon as it is final, so that it can be merged while the rest of
  /// the file is read; nil: every batch waits for `result()`.
  private let handOn: (([CSVImportedRow]) -> Void)?
  /// How many batches `handOn` took (they come before `batches`).
  private var handedOn = 0
  private var rowCount = 0
  private var errors: [CSVRowError] = []
  /// Records with unsettled dates: the position of the row among the good rows (nil when the
  /// record failed already), and the dates.
  private var unsettled: [(rowIndex: Int?, row: Int, line: Int, dates: [UnsettledDate])] = []

  init(source: String, importedAt: Date, batchSize: Int,
       handingOn handOn: (([CSVImportedRow]) -> Void)? = nil)
  {
    self.source = source
    self.importedAt = importedAt
    self.batchSize = max(1, batchSize)
    self.handOn = handOn
  }

  mutating func take(_ event: CSVEvent) {
    switch event {
    case .header(let cells, _): takeHeader(cells)
    case .record(let record): take(record)
    case .raggedRow(let error):
      guard case .raggedRow(let row, let line, let fieldCount, let headerCount) = error else {
        errors.append(CSVRowError(row: 0, line: 0, column: nil, message: error.description))
        return
      }
      errors.append(
        CSVRowError(
          row: row, line: line, column: nil,
          message: "\(fieldCount) fields, but the header has \(headerCount)"
            + " (an unquoted delimiter inside a value?)"))
    }
  }

  private mutating func takeHeader(_ cells: [String]) {
    var columns: [CSVColumn: Int] = [:]
    for (index, name) in cells.enumerated() {
      if let column = CSVColumn(header: name), columns[column] == nil {
        columns[column] = index
      } else if !name.trimmingCharacters(in: .whitespaces).isEmpty {
        ignored.append(name)
      }
    }
    guard columns[.company] != nil || columns[.title] != nil else {
      // Thrown at the end, after the rest of the file was read: a quote left open is reported
      // first, as when the whole file was read before the header was looked at.
      headerWithoutNames = cells
      return
    }
    layout = CSVLayout(header: cells.map { $0.trimmingCharacters(in: .whitespaces) },
                       columns: columns, isOwnExport: cells == CSVExporter.header)
  }

  private mutating func take(_ record: CSVRecord) {
    guard let layout else { return }
    for column in Self.dateColumns {
      guard let index = layout.index(of: column) else { continue }
      evidence[column, default: CSVDateOrder.Evidence()].note(record.fields[index])
    }
    var reader = RowReader(record: record, layout: layout)
    // Lent, not copied: the reader adds to the same table.
    swap(&reader.writtenDates, &writtenDates)
    let row = reader.importedRow(source: source, importedAt: importedAt)
    swap(&reader.writtenDates, &writtenDates)
    var rowIndex: Int?
    if let row, reader.errors.isEmpty {
      if batches.last.map({ $0.count >= batchSize }) ?? true {
        batches.append([])
        if batchSize < .max { batches[batches.count - 1].reserveCapacity(batchSize) }
      }
      batches[batches.count - 1].append(row)
      rowIndex = rowCount
      rowCount += 1
    }
    errors += reader.errors
    if !reader.unsettled.isEmpty {
      unsettled.append((rowIndex, record.row, record.line, reader.unsettled))
    }
    // A batch is final once full, unless a row so far waits for the end of the file (its dates
    // may fill in, or fail, a row of it or of a later batch, which must not go before it).
    if let handOn, unsettled.isEmpty, let full = batches.last, full.count >= batchSize {
      batches.removeLast()
      handedOn += 1
      handOn(full)
    }
  }

  consuming func result() throws(CSVError) -> CSVImportBatches {
    if let headerWithoutNames {
      throw .missingColumns("company or title", found: headerWithoutNames)
    }
    if let layout { settleDates(layout) }
    errors.sort { ($0.row, $0.column ?? "") < ($1.row, $1.column ?? "") }
    return CSVImportBatches(batches: batches, errors: errors, ignoredColumns: ignored)
  }

  /// Reads the unsettled dates in their columns' orders, completing their rows or failing them.
  private mutating func settleDates(_ layout: CSVLayout) {
    guard !unsettled.isEmpty else { return }
    var orders: [CSVColumn: CSVDateOrder] = [:]
    for column in Self.dateColumns where layout.columns[column] != nil {
      orders[column] = evidence[column]?.order
    }
    let fileOrder = Set(orders.values).count == 1 ? orders.values.first : nil
    var failed = Set<Int>()
    for record in unsettled {
      for date in record.dates {
        switch date.reading.date(order: orders[date.column] ?? fileOrder) {
        case .success(let day):
          guard let index = record.rowIndex else { continue }
          var (batch, offset) = index.quotientAndRemainder(dividingBy: batchSize)
          batch -= handedOn
          switch date.column {
          case .posted: batches[batch][offset].draft.posting.posted = PostedDate(date: day)
          case .deadline:
            batches[batch][offset].draft.deadlines.append(
              RowReader.applicationCutoff(day, text: date.text, layout: layout))
          default: batches[batch][offset].appliedOn = day
          }
        case .failure(let failure):
          errors.append(
            CSVRowError(row: record.row, line: record.line, column: layout.name(date.column),
                        message: RowReader.message(for: failure, text: date.text)))
          if let index = record.rowIndex { failed.insert(index) }
        }
      }
    }
    guard !failed.isEmpty else { return }
    for batch in batches.indices {
      let start = (batch + handedOn) * batchSize
      batches[batch] = batches[batch].enumerated()
        .filter { !failed.contains(start + $0.offset) }.map(\.element)
    }
    batches.removeAll { $0.isEmpty }
  }
}
