import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite("CSV into the deck, and back out")
struct CSVRoundTripTests {
  let importedAt = Date(timeIntervalSince1970: 1_740_000_000)  // 2025-02-19T21:20Z
  let later = Date(timeIntervalSince1970: 1_740_500_000)
  let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current

  let spreadsheet = #"""
    Company,Title,Location,URL,Posted,Deadline,Stage,Applied,Description,Notes,Tags,Salary,Type,Workplace
    SoundCloud,ML Intern,Berlin,https://jobs.example/sc/1,2025-02-01,2025-04-04,interview,2025-02-10,"Audio ML, research team","Called by Jo.
    Second line with ""quotes""",ml; audio,"€ 2,000 / month",internship,hybrid
    "Acme, Inc.",Data Engineer,,,,,,,,,,,full-time,remote
    Zalando,Backend Dev 日本 🚀,Dublin,,01.03.2025,15.04.2025,saved,,,,,,,on-site

    """#

  func importDeck(_ text: String, at time: Date) throws -> (Deck, [MergeOutcome]) {
    let result = try CSVPostingImporter.importPostings(from: text, importedAt: time)
    #expect(result.errors.isEmpty, "\(result.errors)")
    var deck = Deck()
    let outcomes = deck.importCSVRows(result.rows, at: time, timeZone: berlin)
    return (deck, outcomes)
  }

  @Test func importCreatesPostingsApplicationsAndCutoffs() throws {
    let (deck, outcomes) = try importDeck(spreadsheet, at: importedAt)
    #expect(outcomes.map(\.postingID) == ["soundcloud-ml-intern", "acme-data-engineer",
                                          "zalando-backend-dev"])
    let application = try #require(deck.applications(forPosting: "soundcloud-ml-intern").first)
    #expect(application.stage == .interview)
    #expect(application.history.map(\.to) == [.applied, .interview])
    #expect(CivilDate(containing: application.history[0].at, in: berlin) == CivilDate("2025-02-10"))
    #expect(application.notes == "Called by Jo.\nSecond line with \"quotes\"")
    #expect(deck.applications(forPosting: "acme-data-engineer").isEmpty)
    #expect(deck.deadlines.map(\.id) == ["soundcloud-ml-intern/apply-by",
                                         "zalando-backend-dev/apply-by"])
  }

  @Test func importingTheSameFileTwiceChangesNothing() throws {
    let (deck, _) = try importDeck(spreadsheet, at: importedAt)
    var again = deck
    let result = try CSVPostingImporter.importPostings(from: spreadsheet, importedAt: later)
    let outcomes = again.importCSVRows(result.rows, at: later, timeZone: berlin)
    #expect(outcomes.allSatisfy { if case .unchanged = $0 { true } else { false } })
    #expect(again == deck)
  }

  @Test func reimportMovesTheStageAndAppendsNewNotes() throws {
    var (deck, _) = try importDeck("Company,Title,Stage,Notes\nAcme,Dev,applied,first\n", at: importedAt)
    let result = try CSVPostingImporter.importPostings(
      from: "Company,Title,Stage,Notes\nAcme,Dev,offer received,second\n", importedAt: later)
    let outcomes = deck.importCSVRows(result.rows, at: later, timeZone: berlin)
    #expect(outcomes == [.updated("acme-dev", changes: ["stage", "notes"])])
    #expect(deck.applications.first?.stage == .offer)
    #expect(deck.applications.first?.notes == "first\n\nsecond")
  }

  @Test func exportUsesCRLFAndQuotesPerRFC4180() throws {
    let (deck, _) = try importDeck(spreadsheet, at: importedAt)
    let csv = CSVExporter.export(deck, timeZone: berlin)
    #expect(csv.hasPrefix(
      "Company,Title,Location,URL,Posted,Deadline,Stage,Applied,Description,Notes,Tags,Salary,Type,Workplace\r\n"))
    #expect(csv.contains("\"Acme, Inc.\",Data Engineer,"))
    #expect(csv.contains("\"Called by Jo.\nSecond line with \"\"quotes\"\"\""))
    let withoutEmbedded = csv.replacingOccurrences(of: "Jo.\nSecond", with: "")
    #expect(!withoutEmbedded.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(csv.hasSuffix("\r\n"))
  }

  @Test func exportThenImportGivesBackEveryColumnItCarries() throws {
    let (deck, _) = try importDeck(spreadsheet, at: importedAt)
    let csv = CSVExporter.export(deck, timeZone: berlin)
    let (copy, _) = try importDeck(csv, at: later)
    #expect(CSVExporter.export(copy, timeZone: berlin) == csv)
    #expect(copy.postings.count == deck.postings.count)
    for (original, restored) in zip(deck.postings, copy.postings) {
      #expect(restored.id == original.id)
      #expect(restored.company == original.company)
      #expect(restored.title == original.title)
      #expect(restored.location == original.location)
      #expect(restored.url == original.url)
      #expect(restored.posted == original.posted)
      #expect(restored.description == original.description)
      #expect(restored.tags == original.tags)
      #expect(restored.compensation == original.compensation)
      #expect(restored.employmentType == original.employmentType)
      #expect(restored.workplace == original.workplace)
    }
    #expect(copy.applications.map(\.stage) == deck.applications.map(\.stage))
    #expect(copy.applications.map(\.notes) == deck.applications.map(\.notes))
    #expect(copy.deadlines.map(\.due) == deck.deadlines.map(\.due))
  }

  @Test func applicationsWithoutAPostingGetARowOfTheirOwn() throws {
    var deck = Deck()
    try deck.apply(toPosting: nil, company: "Beta", title: "QA", stage: .applied, at: importedAt)
    let csv = CSVExporter.export(deck, timeZone: berlin)
    #expect(csv.contains("\r\nBeta,QA,,,,,applied,2025-02-19,,,,,,\r\n"))
  }
}
