import Foundation
import JobDeckCore
import Testing

/// The `$EDITOR` document of a record: render, edit, parse; mistakes carry their line.
@Suite("Record document")
struct RecordDocumentTests {
  private let posting = Posting(
    id: "sumup-ml-engineer", title: "ML Engineer", company: "SumUp", location: "Berlin",
    workplace: .hybrid, employmentType: .fullTime, url: "https://jobs.example/1",
    posted: PostedDate(date: day("2026-11-02")),
    compensation: Compensation(text: "€60–70k", minimum: 60_000, maximum: 70_000,
                               currency: "EUR", period: .year),
    tags: ["ml", "python"], description: "We build things.\n\nWith people.",
    createdAt: noonUTC("2026-11-02"))

  @Test func aRenderedPostingParsesBackToItself() throws {
    let text = RecordDocument.render(posting)
    #expect(text.contains("\ntype: full-time\n"))
    #expect(text.contains("\nsalary: 60000-70000 EUR/year\n"))
    #expect(try RecordDocument.parse(text, onto: posting) == posting)
  }

  @Test func linesLeftAsTheyWereKeepWhatTheLineCannotSay() throws {
    var loose = posting
    loose.compensation = Compensation(text: "competitive")
    loose.posted = PostedDate(date: day("2026-11-02"), precision: .onOrBefore)
    loose.tags = ["a, b"]
    let text = RecordDocument.render(loose)
    #expect(text.contains("\nsalary: competitive\n"))
    #expect(try RecordDocument.parse(text, onto: loose) == loose)
    let changed = text.replacingOccurrences(of: "salary: competitive", with: "salary: 50k EUR/year")
    #expect(try RecordDocument.parse(changed, onto: loose).compensation?.minimum == 50_000)
  }

  @Test func editedValuesAndAnEmptyValueClearingAFieldAreTaken() throws {
    let text = RecordDocument.render(posting)
      .replacingOccurrences(of: "title: ML Engineer", with: "title: Senior ML Engineer")
      .replacingOccurrences(of: "location: Berlin", with: "location:")
      .replacingOccurrences(of: "tags: ml, python", with: "tags: ml, rust, ")
    let parsed = try RecordDocument.parse(text, onto: posting)
    #expect(parsed.title == "Senior ML Engineer")
    #expect(parsed.location == nil)
    #expect(parsed.tags == ["ml", "rust"])
    #expect(parsed.description == posting.description)
  }

  @Test(arguments: [
    ("compnay: SumUp", 3, "unknown field 'compnay'; expected one of company, title"),
    ("type: freelance", 3, "invalid type 'freelance': expected one of internship"),
    ("salary: lots", 3, "invalid salary 'lots'"),
    ("posted: yesterday", 3, "invalid posted 'yesterday': expected YYYY-MM-DD"),
    ("no colon here", 3, "expected 'field: value'"),
    ("company:", 3, "invalid company"),
  ])
  func aMistakeIsReportedWithItsLine(line: String, number: Int, message: String) {
    let text = "# comment\n# comment\n" + line + "\ntitle: ML Engineer\n\nText"
    #expect {
      _ = try RecordDocument.parse(text, onto: posting)
    } throws: { error in
      guard let error = error as? RecordDocumentError else { return false }
      return error.line == number && error.message.hasPrefix(message)
    }
  }

  @Test func aFieldGivenTwiceNamesTheFirstLine() {
    #expect(throws: RecordDocumentError(line: 2, message: "'title' is already given on line 1")) {
      _ = try RecordDocument.parse("title: A\ntitle: B\n", onto: posting)
    }
  }

  @Test func anApplicationToAPostingHasOnlyItsNotes() throws {
    let application = Application(id: "a", postingID: "p", notes: "old", createdAt: noonUTC("2026-11-02"))
    let text = RecordDocument.render(application)
    #expect(!text.contains("company:"))
    let parsed = try RecordDocument.parse(text.replacingOccurrences(of: "\nold", with: "\nnew\nlines"),
                                          onto: application)
    #expect(parsed.notes == "new\nlines")
    #expect(throws: RecordDocumentError.self) {
      _ = try RecordDocument.parse("company: X\n\nnotes", onto: application)
    }
  }
}
