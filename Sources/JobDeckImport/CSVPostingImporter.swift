import Foundation
import JobDeckCore

/// One good row of a tracking spreadsheet: the posting it describes, plus what belongs to the
/// user's application rather than to the ad.
public struct CSVImportedRow: Hashable, Sendable {
  public var row: Int
  public var line: Int
  public var draft: PostingDraft
  public var stage: Stage?
  public var appliedOn: CivilDate?
  public var notes: String?
  public var source: ApplicationSource?
  public var method: ApplicationMethod?
  public var sentTo: String?

  public init(row: Int, line: Int, draft: PostingDraft, stage: Stage? = nil,
              appliedOn: CivilDate? = nil, notes: String? = nil,
              source: ApplicationSource? = nil, method: ApplicationMethod? = nil,
              sentTo: String? = nil) {
    self.row = row
    self.line = line
    self.draft = draft
    self.stage = stage
    self.appliedOn = appliedOn
    self.notes = notes
    self.source = source
    self.method = method
    self.sentTo = sentTo
  }

  /// Whether the row says anything that belongs to an application rather than the ad.
  public var describesApplication: Bool {
    stage != nil || notes != nil || source != nil || method != nil || sentTo != nil
  }
}

/// A row the importer refused, with the spreadsheet row and the column at fault.
public struct CSVRowError: Error, Hashable, Sendable, CustomStringConvertible {
  public var row: Int
  public var line: Int
  /// The column as the file heads it ("Stage", "Status"); nil when the row as a whole is wrong.
  public var column: String?
  public var message: String

  public init(row: Int, line: Int, column: String?, message: String) {
    self.row = row
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    if let column { return "row \(row), column '\(column)': \(message)" }
    return "row \(row): \(message)"
  }
}

public struct CSVImportResult: Hashable, Sendable {
  public var rows: [CSVImportedRow]
  /// Bad rows. The caller imports nothing while this is non-empty, unless told to skip them.
  public var errors: [CSVRowError]
  /// Header cells that name no known column; their values are not imported.
  public var ignoredColumns: [String]
}

/// `CSVImportResult` with its rows in batches of a few thousand, in file order, so that a merge
/// can let each batch go once merged (`Deck.importCSVRows(batches:at:timeZone:)`) rather than
/// hold every row beside the deck they became.
public struct CSVImportBatches: Sendable {
  public var batches: [[CSVImportedRow]]
  public var errors: [CSVRowError]
  public var ignoredColumns: [String]

  public init(batches: [[CSVImportedRow]], errors: [CSVRowError], ignoredColumns: [String]) {
    self.batches = batches
    self.errors = errors
    self.ignoredColumns = ignoredColumns
  }

  public var rowCount: Int { batches.reduce(0) { $0 + $1.count } }
}

/// Reads a tracking spreadsheet exported as CSV into posting drafts.
///
/// Columns are found by header name (see `CSVColumn.headerNames`), so their order does not
/// matter and unknown columns are ignored (and listed). When two headers name the same column
/// (e.g. "Company" and "Employer") the first one is used. A row is bad when it has neither a
/// company nor a title, an unknown stage, or a date that cannot be read (see `CSVDateOrder` for
/// the slashed-date rule); a bad row is reported by its spreadsheet row number and column.
/// Employment types and workplaces that are not recognised are left unset with a remark on the
/// draft rather than failing the row: they are descriptive, not dates a user could miss.
public enum CSVPostingImporter {
  public static func importPostings(from text: consuming String, source: String = "csv",
                                    importedAt: Date) throws(CSVError) -> CSVImportResult
  {
    var builder = CSVImportBuilder(source: source, importedAt: importedAt, batchSize: .max)
    var failure: CSVError?
    text.withUTF8 { bytes in
      var reader = CSVStreamReader()
      do throws(CSVError) {
        _ = try reader.read(bytes, isFinal: true) { builder.take($0) }
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    let result = try builder.result()
    return CSVImportResult(rows: result.batches.first ?? [], errors: result.errors,
                           ignoredColumns: result.ignoredColumns)
  }

  /// `importPostings(from:source:importedAt:)` for a file read a piece at a time by `readMore`
  /// (see `CSVStreamReader.readUTF8(readingWith:_:)`), so that only the rows are held, never the
  /// file's text and its table besides. Nil when the file is not UTF-8 (read it as text in its
  /// encoding and import that). Throws `CSVError`, or what `readMore` throws.
  ///
  /// With `handOn`, the batches that are final before the file has ended (all of them, unless a
  /// slashed date waits for its column's order) are handed to it in file order as they fill, so
  /// that they can be merged while the rest is read, and the result holds only the batches after
  /// them. A file found not to be UTF-8 may have had batches handed on before that was known.
  public static func importPostings(
    readingUTF8With readMore: (inout [UInt8]) throws -> Bool, source: String = "csv",
    importedAt: Date, handingOn handOn: (([CSVImportedRow]) -> Void)? = nil
  ) throws -> CSVImportBatches? {
    var builder = CSVImportBuilder(source: source, importedAt: importedAt, batchSize: 4096,
                                   handingOn: handOn)
    guard try CSVStreamReader.readUTF8(readingWith: readMore, { builder.take($0) }) else {
      return nil
    }
    return try builder.result()
  }
}

/// Reads the cells of one record, collecting what is wrong with them.
struct RowReader {
  let record: CSVRecord
  let layout: CSVLayout
  var errors: [CSVRowError] = []
  var remarks: [String] = []
  /// Slashed dates read once their column's order is known.
  var unsettled: [UnsettledDate] = []
  /// The file's written-out dates read so far, lent by the builder for this row.
  var writtenDates = CSVDateParser.WrittenDates()

  init(record: CSVRecord, layout: CSVLayout) {
    self.record = record
    self.layout = layout
  }

  /// The cell, or nil when the column is absent or the cell blank. JobDeck's own export is
  /// read exactly (its formula guard taken off); any other file's cells are trimmed, with line
  /// breaks inside them made `\n`.
  func cell(_ column: CSVColumn) -> String? {
    guard let index = layout.index(of: column) else { return nil }
    let field = record.fields[index]
    if layout.isOwnExport { return field.isEmpty ? nil : CSVFormulaGuard.unguarded(field) }
    var value = field.trimmedOfWhitespaceAndNewlines
    if Self.contains(UInt8(ascii: "\r"), in: value) {
      value = value.replacingOccurrences(of: "\r\n", with: "\n")
        .replacingOccurrences(of: "\r", with: "\n")
    }
    return value.isEmpty ? nil : value
  }

  func name(_ column: CSVColumn) -> String { layout.name(column) }

  /// Whether `text`'s UTF-8 holds `byte`, found with memchr: descriptions of a large export are
  /// most of its bytes, and every cell is checked for a NUL and a carriage return.
  static func contains(_ byte: UInt8, in text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
    }
  }

  mutating func fail(_ column: CSVColumn?, _ message: String) {
    errors.append(
      CSVRowError(row: record.row, line: record.line, column: column.map(name), message: message))
  }

  /// The cell's date; nil when blank, wrong (an error), or waiting for its column's order.
  mutating func date(_ column: CSVColumn) -> CivilDate? {
    guard let text = cell(column) else { return nil }
    let reading = CSVDateParser.read(text, writtenDates: &writtenDates)
    if case .slashed = reading {
      unsettled.append(UnsettledDate(column: column, text: text, reading: reading))
      return nil
    }
    switch reading.date(order: nil) {
    case .success(let date):
      return date
    case .failure(let failure):
      fail(column, Self.message(for: failure, text: text))
      return nil
    }
  }

  static func message(for failure: CSVDateParser.Failure, text: String) -> String {
    switch failure {
    case .ambiguous:
      return "\(QuotedExcerpt.quoted(text)) could be day/month or month/day, and no date in this"
        + " column or file settles it; write it as YYYY-MM-DD or DD.MM.YYYY"
    case .unparsable:
      return "\(QuotedExcerpt.quoted(text)) is not a date (expected YYYY-MM-DD, DD.MM.YYYY,"
        + " DD/MM/YYYY or a written date with its year, such as 15 March 2027)"
    case .outsideSupportedRange(let date):
      return "\(QuotedExcerpt.quoted(text)) is \(date), \(SupportedDates.outsideDates)"
    }
  }

  static func applicationCutoff(_ date: CivilDate, text: String, layout: CSVLayout) -> Deadline {
    Deadline(
      id: "", kind: .applicationCutoff, due: .allDay(date),
      phrase: "\(layout.name(.deadline)): \(text)", owner: .posting(""), origin: .imported)
  }

  mutating func importedRow(source: String, importedAt: Date) -> CSVImportedRow? {
    // Text has no NUL bytes; a cell with one is binary content pasted or saved by mistake.
    if let index = record.fields.firstIndex(where: { Self.contains(0, in: $0) }) {
      errors.append(CSVRowError(
        row: record.row, line: record.line,
        column: index < layout.header.count ? layout.header[index] : nil,
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
        fail(.stage, "unknown stage \(QuotedExcerpt.quoted(text))"
          + " (expected one of \(CSVVocabulary.stageNames))")
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
        remarks.append("column '\(name(.type))': \(QuotedExcerpt.quoted(text)) is not an"
          + " employment type JobDeck knows; left unset")
      }
    }
    if let text = cell(.workplace) {
      posting.workplace = CSVVocabulary.workplace(text)
      if posting.workplace == nil {
        remarks.append("column '\(name(.workplace))': \(QuotedExcerpt.quoted(text)) is not"
          + " remote, hybrid or on-site; left unset")
      }
    }
    var method: ApplicationMethod?
    if let text = cell(.method) {
      method = ApplicationMethod(parsing: text)
      if method == nil {
        remarks.append("column '\(name(.method))': \(QuotedExcerpt.quoted(text)) is not a method"
          + " JobDeck knows (\(ApplicationMethod.allowedNames)); left unset")
      }
    }
    var deadlines: [Deadline] = []
    if let deadline, let text = cell(.deadline) {
      deadlines.append(Self.applicationCutoff(deadline, text: text, layout: layout))
    }
    guard errors.isEmpty else { return nil }
    return CSVImportedRow(
      row: record.row, line: record.line,
      draft: PostingDraft(posting: posting, deadlines: deadlines, remarks: remarks),
      stage: stage, appliedOn: applied, notes: cell(.notes),
      source: cell(.source).flatMap(ApplicationSource.init(parsing:)), method: method,
      sentTo: cell(.sentTo))
  }

  /// The URL cell when it is a link JobDeck keeps; otherwise nil, and a remark that says what
  /// was dropped (the rest of the row is still imported).
  mutating func link() -> String? {
    guard let text = cell(.url) else { return nil }
    do {
      return try WebLink(text).text
    } catch {
      remarks.append("column '\(name(.url))': dropped \(QuotedExcerpt.quoted(text)): the URL"
        + " \(error); the rest of the row was imported")
      return nil
    }
  }

  /// Tags split on `,` `;` or `|`, trimmed, blanks dropped.
  func tags() -> [String] {
    guard let text = cell(.tags) else { return [] }
    return CSVVocabulary.tags(text)
  }
}

extension CSVVocabulary {
  /// A tags cell split on `,` `;` or `|`, each tag trimmed of spaces and tabs, blanks dropped.
  static func tags(_ text: String) -> [String] {
    if let tags = asciiTags(text) { return tags }
    return text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
      .map { String($0).trimmedOfWhitespace }
      .filter { !$0.isEmpty }
  }

  /// `tags(_:)` for ASCII text, from its bytes: there `,` `;` `|` are single bytes, and space and
  /// tab are all that trimming to `.whitespaces` removes. Nil for other text. Read from the
  /// text's buffer: indexing its `utf8` view a byte at a time costs more than the rest of a row.
  private static func asciiTags(_ text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      guard CSVStreamReader.isASCII(bytes) else { return nil }
      var tags: [String] = []
      tags.reserveCapacity(
        1 + bytes.reduce(0) { $1 == UInt8(ascii: ",") || $1 == UInt8(ascii: ";")
          || $1 == UInt8(ascii: "|") ? $0 + 1 : $0 })
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: ";"),
          bytes[end] != UInt8(ascii: "|")
        {
          end += 1
        }
        var first = start
        var last = end
        while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
        while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
        if first < last {
          tags.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]),
                             as: UTF8.self))
        }
        start = end + 1
      }
      return tags
    }
  }
}
