import Foundation
import JobDeckCore

@testable import JobDeckImport

// The straightforward implementations the import had before it was made fast, kept verbatim
// (renamed) as the trusted references the fast paths are compared against.

/// The CSV reader as it was: scalar by scalar over an array of the file's Unicode scalars.
enum ReferenceCSVReader {
  /// The header and the data records, or a fatal error (empty file, unbalanced quote).
  static func read(_ text: String) throws(CSVError) -> CSVTable {
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
          field.append(scalar)
          if scalar == carriageReturn && next == lineFeed { field.append(lineFeed) }
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

/// The date parser as it was, before its byte-level shortcuts.
enum ReferenceCSVDateParser {
  typealias Failure = CSVDateParser.Failure

  static func parse(_ raw: String, order: CSVDateOrder?) -> Result<CivilDate, Failure> {
    let text = raw.trimmingCharacters(in: .whitespaces)
    let datePart = String(text.split(whereSeparator: { $0 == " " || $0 == "T" }).first ?? "")
    if let numbers = numbers(datePart, separator: "-") ?? numbers(datePart, separator: "/"),
      numbers.count == 3, numbers[0].count == 4
    {
      return date(year: numbers[0], month: numbers[1], day: numbers[2])
    }
    guard datePart == text else { return .failure(.unparsable) }
    if let numbers = numbers(text, separator: "."), numbers.count == 3, numbers[2].count == 4 {
      return date(year: numbers[2], month: numbers[1], day: numbers[0])
    }
    guard let parts = slashedParts(text) else { return .failure(.unparsable) }
    let (first, second, year) = parts
    if first == second {
      return date(year: year, month: first, day: first)
    }
    switch order {
    case .dayFirst: return date(year: year, month: second, day: first)
    case .monthFirst: return date(year: year, month: first, day: second)
    case nil:
      // One reading is impossible (13/02/2025) even without evidence from the column.
      if first > 12 { return date(year: year, month: second, day: first) }
      if second > 12 { return date(year: year, month: first, day: second) }
      return .failure(.ambiguous)
    }
  }

  /// `a/b/yyyy` as numbers, or nil for anything else.
  static func slashedParts(_ text: String) -> (Int, Int, Int)? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let numbers = numbers(trimmed, separator: "/"), numbers.count == 3,
      numbers[2].count == 4, numbers[0].count <= 2, numbers[1].count <= 2,
      let first = Int(numbers[0]), let second = Int(numbers[1]), let year = Int(numbers[2])
    else { return nil }
    return (first, second, year)
  }

  private static func numbers(_ text: String, separator: Character) -> [String]? {
    let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy({ $0.isASCII && $0.isNumber }) })
    else { return nil }
    return parts
  }

  private static func date(year: String, month: String, day: String)
    -> Result<CivilDate, Failure>
  {
    guard let year = Int(year), let month = Int(month), let day = Int(day) else {
      return .failure(.unparsable)
    }
    return date(year: year, month: month, day: day)
  }

  private static func date(year: Int, month: Int, day: Int) -> Result<CivilDate, Failure> {
    guard year >= 1000, let date = CivilDate(year: year, month: month, day: day) else {
      return .failure(.unparsable)
    }
    guard SupportedDates.contains(date) else { return .failure(.outsideSupportedRange(date)) }
    return .success(date)
  }
}

extension Deck {
  /// `importCSVRows` as it was: every lookup a scan of the deck (`merge(_:at:)`,
  /// `applications(forPosting:)`, `apply`, `move`, `appendNote`).
  @discardableResult
  mutating func referenceImportCSVRows(_ rows: [CSVImportedRow], at time: Date,
                                       timeZone: TimeZone) -> [MergeOutcome]
  {
    rows.map { referenceImportCSVRow($0, at: time, timeZone: timeZone) }
  }

  private mutating func referenceImportCSVRow(_ row: CSVImportedRow, at time: Date,
                                              timeZone: TimeZone) -> MergeOutcome
  {
    let outcome = merge(row.draft, at: time)
    let postingID = outcome.postingID
    var changes: [String] = []
    var applicationID = applications(forPosting: postingID).first?.id
    let appliedAt = row.appliedOn.map { $0.instant(hour: 12, in: timeZone) }

    let createsApplication = applicationID == nil && row.describesApplication
    if createsApplication {
      let stage = row.stage ?? .saved
      let recordsApplying = appliedAt != nil && stage != .saved && stage != .applied
      applicationID = try? apply(
        toPosting: postingID, stage: recordsApplying ? .applied : stage,
        at: appliedAt ?? time)
      if recordsApplying, let applicationID {
        _ = try? move(applicationID: applicationID, to: stage, at: time)
      }
      changes.append("application")
    } else if let applicationID, let stage = row.stage,
      case .moved? = try? move(applicationID: applicationID, to: stage, at: time)
    {
      changes.append("stage")
    }

    if let applicationID, let position = applications.firstIndex(where: { $0.id == applicationID }),
      applications[position].fillInSending(source: row.source, method: row.method,
                                           sentTo: row.sentTo)
    {
      applications[position].updatedAt = time.truncatedToSeconds
      if !createsApplication { changes.append("source/method") }
    }

    if let notes = row.notes, let applicationID,
      let application = application(withID: applicationID),
      application.notes.firstRange(of: notes) == nil
    {
      try? appendNote(notes, toApplication: applicationID, at: time)
      changes.append("notes")
    }

    switch outcome {
    case .added:
      return outcome
    case .updated(let id, let merged):
      return .updated(id, changes: merged + changes)
    case .unchanged(let id):
      return changes.isEmpty ? outcome : .updated(id, changes: changes)
    }
  }
}
