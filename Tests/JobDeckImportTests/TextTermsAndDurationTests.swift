import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite struct TextTermsAndDurationTests {
  private func draft(_ text: String) -> PostingDraft {
    PostingTextExtractor.extract(text: text, importDate: TextAdFixtures.importDate, source: nil)
  }

  @Test(arguments: [
    ("a 10 weeks summer internship", 10, 10, StatedDuration.Unit.week),
    ("our six-week bootcamp", 6, 6, .week),
    ("placements last 12 - 24 weeks", 12, 24, .week),
    ("duration: 6 months", 6, 6, .month),
    ("durée : 4 à 6 mois", 4, 6, .month),
    ("befristet auf 24 Monate", 24, 24, .month),
    ("a contract of 1 year", 1, 1, .year),
    ("Praktikumsdauer: sechs Monate", 6, 6, .month),
    ("contrat de trois mois", 3, 3, .month),
    ("prácticas de seis meses", 6, 6, .month),
    ("staż trwa 3 miesiące", 3, 3, .month),
  ])
  func readsDurationsWithDigitsWordsAndRanges(text: String, minimum: Int, maximum: Int,
                                               unit: StatedDuration.Unit) {
    let found = DurationScanner.durations(in: text)
    #expect(found.count == 1, "\(text)")
    #expect(found.first?.minimum == minimum, "\(text)")
    #expect(found.first?.maximum == maximum, "\(text)")
    #expect(found.first?.unit == unit, "\(text)")
  }

  @Test(arguments: [
    ("Probation period of 6 months.", Period.months(6)),
    ("Probezeit: 6 Monate", .months(6)),
    ("Période d'essai de deux mois.", .months(2)),
    ("Periodo de prueba de un mes.", .months(1)),
    ("Proeftijd van 2 maanden.", .months(2)),
    ("Okres próbny: 3 miesiące", .months(3)),
    ("There is a 90-day introductory period.", .days(90)),
  ])
  func readsProbationInEveryLanguage(text: String, expected: Period) {
    let result = draft("Analyst\n" + text)
    #expect(result.terms.probation == expected, "\(text)")
    #expect(result.deadlines.allSatisfy { $0.kind != .probationReview }, "\(text)")
  }

  @Test func initialTermWithReviewBecomesAPendingRelativeDeadline() throws {
    let result = draft(TextAdFixtures.ukInitialTerm)
    let review = try #require(result.deadlines.first { $0.kind == .probationReview })
    #expect(review.due == .relative(to: .startDate, offset: .months(3)))
    #expect(review.phrase?.contains("performance review at the end of the first 3-month term") == true)
    #expect(review.origin == .imported)
    #expect(result.terms.probationReviewAfter == .months(3))
    #expect(result.terms.probation == .months(3))
    #expect(result.remarks.contains { $0.contains("pending until the start date is known") })
  }

  @Test func experienceAndNoticePeriodsAreNotContractLengths() {
    let result = draft("""
      Data Engineer
      You have 3 years of experience with Python.
      Start date: 1 April 2025
      Notice period: 1 month.
      """)
    #expect(result.deadlines.allSatisfy { $0.kind != .contractEnd })
  }

  @Test func internshipDurationWithAKnownStartGivesTheContractEnd() throws {
    let result = draft(TextAdFixtures.englishInternshipBoard)
    let end = try #require(result.deadlines.first { $0.kind == .contractEnd })
    // 2 June + 6 months ends on 1 December (BGB §188(2)).
    #expect(end.due == .allDay(CivilDate(year: 2025, month: 12, day: 1) ?? TextAdFixtures.importDate))
    #expect(end.phrase?.contains("Duration: 6 months") == true)
    #expect(result.terms.startDate == CivilDate(year: 2025, month: 6, day: 2))
    #expect(result.terms.contractEnd == CivilDate(year: 2025, month: 12, day: 1))
  }

  @Test func durationWithoutAStartIsOnlyRemarked() {
    let result = draft("Research Intern\nThe internship lasts 10 weeks.")
    #expect(result.deadlines.isEmpty)
    #expect(result.remarks.contains { $0.contains("P10W") })
  }

  @Test func durationRangeComputesNoEnd() {
    let result = draft(TextAdFixtures.frenchInternship)
    #expect(result.deadlines.allSatisfy { $0.kind != .contractEnd })
    #expect(result.remarks.contains { $0.contains("range") })
    #expect(result.terms.probation == .months(2))
  }
}
