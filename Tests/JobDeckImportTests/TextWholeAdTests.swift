import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// Whole ads through the importer's entry point, as the CLI and UI call it.
@Suite struct TextWholeAdTests {
  private func draft(_ text: String) -> PostingDraft {
    PostingImporter.draft(fromText: text, contentTypeHint: nil,
                          importDate: TextAdFixtures.importDate, source: "pasted")
  }

  private func due(_ draft: PostingDraft, _ kind: DeadlineKind) -> DeadlineDue? {
    draft.deadlines.first { $0.kind == kind }?.due
  }

  private func allDay(_ text: String) -> DeadlineDue? {
    CivilDate(text).map(DeadlineDue.allDay)
  }

  @Test func englishBoardAd() {
    let result = draft(TextAdFixtures.englishInternshipBoard)
    #expect(result.posting.posted == PostedDate(date: CivilDate(year: 2025, month: 2, day: 7) ?? TextAdFixtures.importDate))
    #expect(due(result, .startDate) == allDay("2025-06-02"))
    guard case .timed(let instant, let zone) = due(result, .applicationCutoff) else {
      Issue.record("cutoff should be timed (5 pm CET)")
      return
    }
    #expect(zone == "Europe/Berlin")
    #expect(instant == Date(timeIntervalSince1970: 1_741_017_600))  // 2025-03-03T16:00:00Z
    #expect(result.posting.compensation?.minimum == 3466)
    #expect(result.posting.compensation?.period == .month)
  }

  @Test func americanAd() {
    let result = draft(TextAdFixtures.usFullTime)
    #expect(result.posting.posted?.date == CivilDate(year: 2025, month: 1, day: 28))
    guard case .timed(_, let zone) = due(result, .applicationCutoff) else {
      Issue.record("cutoff should be timed (11:59 pm EST)")
      return
    }
    #expect(zone == "America/New_York")
    #expect(result.posting.compensation?.maximum == 150_000)
    #expect(result.posting.tags.contains("Spark"))
  }

  @Test func germanAd() {
    let result = draft(TextAdFixtures.germanWorkingStudent)
    #expect(result.posting.title == "Werkstudent Data Science (m/w/d)")
    #expect(result.posting.posted?.date == CivilDate(year: 2025, month: 2, day: 3))
    #expect(due(result, .startDate) == allDay("2025-04-01"))
    #expect(due(result, .applicationCutoff) == allDay("2025-03-15"))
    #expect(result.terms.probation == .months(6))
    #expect(result.posting.compensation?.period == .hour)
  }

  @Test func frenchAd() {
    let result = draft(TextAdFixtures.frenchInternship)
    #expect(result.posting.posted?.date == CivilDate(year: 2025, month: 2, day: 5))
    #expect(due(result, .applicationCutoff) == allDay("2025-03-01"))
    #expect(due(result, .startDate) == allDay("2025-04-07"))
    #expect(result.posting.compensation?.minimum == 1200)
  }

  @Test func spanishAd() {
    let result = draft(TextAdFixtures.spanishInternship)
    #expect(due(result, .applicationCutoff) == allDay("2025-02-28"))
    #expect(due(result, .startDate) == allDay("2025-03-03"))
    #expect(due(result, .contractEnd) == allDay("2025-08-29"))
    #expect(result.terms.probation == .months(1))
  }

  @Test func dutchAd() {
    let result = draft(TextAdFixtures.dutchTraineeship)
    #expect(result.posting.posted?.date == CivilDate(year: 2025, month: 2, day: 4))
    #expect(due(result, .applicationCutoff) == allDay("2025-03-14"))
    #expect(due(result, .startDate) == allDay("2025-09-01"))
    #expect(result.posting.compensation?.minimum == 3100)
  }

  @Test func polishAd() {
    let result = draft(TextAdFixtures.polishInternship)
    #expect(result.posting.posted?.date == CivilDate(year: 2025, month: 2, day: 6))
    #expect(due(result, .applicationCutoff) == allDay("2025-03-10"))
    #expect(due(result, .startDate) == allDay("2025-07-01"))
    #expect(due(result, .contractEnd) == allDay("2025-09-30"))
    #expect(result.posting.compensation?.currency == "PLN")
  }

  @Test func britishAdWithInitialTermAndOpenStart() {
    let result = draft(TextAdFixtures.ukInitialTerm)
    #expect(due(result, .applicationCutoff) == allDay("2025-03-14"))
    #expect(due(result, .probationReview) == .relative(to: .startDate, offset: .months(3)))
    #expect(result.openDates == ["Start: ASAP"])
    #expect(due(result, .startDate) == nil)
    #expect(result.posting.employmentType == .contract)
    #expect(result.posting.compensation?.currency == "GBP")
  }

  @Test func isDeterministic() {
    #expect(draft(TextAdFixtures.englishInternshipBoard) == draft(TextAdFixtures.englishInternshipBoard))
  }
}
