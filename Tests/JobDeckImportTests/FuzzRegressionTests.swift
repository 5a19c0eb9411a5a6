import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// Inputs that crashed an importer or produced a draft the store cannot save, found by the
/// fuzzers (`Scripts/fuzz`) and the hostile-input corpus. Each must now import without a trap,
/// and what it imports must be storable (finite numbers only: JSON has no infinity).
@Suite("Fuzz regressions: importers")
struct FuzzRegressionTests {
  static let importDate = CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(dayNumber: 0)

  func expectFinite(_ compensation: Compensation?, sourceLocation: SourceLocation = #_sourceLocation) {
    for amount in [compensation?.minimum, compensation?.maximum].compactMap({ $0 }) {
      #expect(amount.isFinite, "\(amount)", sourceLocation: sourceLocation)
    }
  }

  @Test func aJSONLDSalaryBeyondIntsRangeNoLongerTraps() {
    // Trapped in JSONLDPosting.compensation: Int(1e308) is beyond Int.max.
    let html = """
      <html><body><script type="application/ld+json">{"@type": "JobPosting", "title": "Intern",
      "baseSalary": {"currency": "EUR", "value": {"minValue": 1e308, "maxValue": -1e300,
      "unitText": "MONTH"}}}</script></body></html>
      """
    let draft = HTMLPostingReader.draft(fromHTML: html, importDate: Self.importDate, source: "t")
    #expect(draft.posting.compensation?.minimum == 1e308)
    #expect(draft.posting.compensation?.text.hasPrefix("1e+308") == true)
  }

  @Test func aSalaryOfHundredsOfDigitsIsNotImportedAsInfinity() {
    let digits = String(repeating: "9", count: 400)
    let text = "Data Intern\nCompany: Acme\nSalary: €\(digits) per year\n"
    let draft = PostingImporter.draft(fromText: text, contentTypeHint: "text/plain",
                                      importDate: Self.importDate, source: "t")
    expectFinite(draft.posting.compensation)
    let html = """
      <html><body><script type="application/ld+json">{"@type": "JobPosting", "title": "Intern",
      "baseSalary": {"currency": "EUR", "value": "\(digits)-\(digits)"}}</script></body></html>
      """
    expectFinite(HTMLPostingReader.draft(fromHTML: html, importDate: Self.importDate,
                                         source: "t").posting.compensation)
  }

  @Test func aPatternBuiltAgainIsNotCompiledAgain() {
    // The text-import fuzzer's leak report: every import compiled (and leaked) its patterns anew.
    let first = TextPattern(#"^(?:company|firma)\s*:\s*(.+)$"#)
    let second = TextPattern(#"^(?:company|firma)\s*:\s*(.+)$"#)
    #expect(first.expression != nil && first.expression === second.expression)
    let caseSensitive = TextPattern(#"^(?:company|firma)\s*:\s*(.+)$"#, caseSensitive: true)
    #expect(caseSensitive.expression !== first.expression)
  }

  @Test func aCSVRowRepeatingNotesWithTrailingNULsImportsWithoutATrap() throws {
    // The csv-import fuzzer's crash: the second row's notes are the first's plus NULs, and
    // Foundation's String.contains matched past the end of the application's notes and trapped.
    let csv = "Company,Notes\nAcme,\"line one\nline two\"\n"
      + "Acme,\"line one\nline two\(String(repeating: "\u{0}", count: 60))\"\n"
    let result = try CSVPostingImporter.importPostings(from: csv, importedAt: Date())
    // A cell with NUL bytes is now a bad row (binary content, named by row and column)...
    #expect(result.rows.count == 1)
    #expect(result.errors.map(\.description)
      == ["row 3, column 'Notes': a NUL byte: not text; the row was not imported"])
    // ...and the merge that trapped still takes such notes from any other way in.
    let first = try #require(result.rows.first)
    let rows = [first, CSVImportedRow(row: 3, line: 4, draft: first.draft,
                                      notes: "line one\nline two" + String(repeating: "\u{0}", count: 60))]
    var deck = Deck()
    let timeZone = try #require(TimeZone(identifier: "UTC"))
    let outcomes = deck.importCSVRows(rows, at: Date(), timeZone: timeZone)
    #expect(outcomes.count == 2)
    #expect(deck.applications.count == 1)
    #expect(deck.applications.first?.notes.contains("\u{0}") == true)
  }

  @Test func theCSVFuzzersCrashingInputImportsWithoutATrap() throws {
    // The exact input (Tests/Fuzz/corpus/csv-import/crash-a4bac600-…), through the fuzz target's path.
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Fuzz/corpus/csv-import/crash-a4bac600-notes-trailing-nul.csv")
    let text = String(decoding: try Data(contentsOf: path.standardized), as: UTF8.self)
    let result = try CSVPostingImporter.importPostings(from: text, importedAt: Date())
    var deck = Deck()
    let outcomes = deck.importCSVRows(result.rows, at: Date(),
                                      timeZone: try #require(TimeZone(identifier: "UTC")))
    #expect(outcomes.count == result.rows.count)
  }
}
