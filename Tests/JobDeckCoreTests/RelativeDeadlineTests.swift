import Foundation
import Testing
@testable import JobDeckCore

@Suite("Month-end rule and relative deadlines")
struct RelativeDeadlineTests {
  @Test("Terms of months end the day before the same day-of-month (DOMAIN.md cases)",
        arguments: [
          ("2026-04-01", 6, "2026-09-30"),
          ("2026-03-31", 6, "2026-09-30"),
          ("2024-08-31", 6, "2025-02-28"),
          ("2023-08-31", 6, "2024-02-29"),
          ("2026-01-15", 3, "2026-04-14"),
        ])
  func termEnd(start: String, months: Int, end: String) {
    #expect(Period.months(months).lastDayOfTerm(startingOn: day(start)) == day(end))
  }

  @Test func probationEndsOnTheLastDayOfTheTermNotTheNaiveDate() {
    let end = DeadlineDue.relativeDate(of: .probationEnd, offset: .months(6), from: day("2026-03-31"))
    #expect(end == day("2026-09-30"))  // add-6-months-minus-a-day would say 29 Sep
  }

  @Test func followUpOffsetIsAPlainLaterDate() {
    let date = DeadlineDue.relativeDate(of: .followUp, offset: .months(1), from: day("2026-01-31"))
    #expect(date == day("2026-02-28"))
  }

  @Test func negativeOffsetCountsBackEvenForTermKinds() {
    let date = DeadlineDue.relativeDate(
      of: .probationReview, offset: Period.days(14).negated, from: day("2026-09-30"))
    #expect(date == day("2026-09-16"))
  }

  @Test func relativeDeadlineIsPendingUntilTheStartDateIsKnown() throws {
    var (deck, postingID, applicationID) = acmeDeck(stage: .offer)
    let review = Deadline(
      id: "", kind: .probationReview, due: .relative(to: .startDate, offset: .months(3)),
      phrase: "performance review at the end of the first 3-month term",
      owner: .posting(postingID), origin: .imported)
    let id = deck.add(review)
    let pending = try #require(deck.deadline(withID: id))
    #expect(deck.resolvedDue(of: pending) == .pending(waitingFor: .startDate))

    try deck.setTerms(applicationID: try #require(applicationID)) {
      $0.startDate = day("2026-06-02")
    }
    let resolved = try #require(deck.deadline(withID: id))
    #expect(deck.resolvedDue(of: resolved) == .day(day("2026-09-01")))
  }

  @Test func postingWithTwoApplicationsLeavesARelativeDeadlinePending() throws {
    var (deck, postingID, first) = acmeDeck(stage: .accepted, terms: EmploymentTerms(
      startDate: day("2026-06-01")))
    _ = try deck.apply(toPosting: postingID, at: noonUTC("2026-03-05"))
    #expect(first != nil)
    let id = deck.add(Deadline(
      id: "", kind: .probationEnd, due: .relative(to: .startDate, offset: .months(6)),
      owner: .posting(postingID)))
    let deadline = try #require(deck.deadline(withID: id))
    #expect(deck.resolvedDue(of: deadline) == .pending(waitingFor: .startDate))
  }

  @Test func importedProgrammeStartAnchorsThePostingsRelativeDeadline() throws {
    var (deck, postingID, _) = acmeDeck(stage: nil)
    deck.add(allDay(.startDate, "2026-06-02", owner: .posting(postingID)))
    let id = deck.add(Deadline(
      id: "", kind: .probationReview, due: .relative(to: .startDate, offset: .months(3)),
      owner: .posting(postingID)))
    let deadline = try #require(deck.deadline(withID: id))
    #expect(deck.resolvedDue(of: deadline) == .day(day("2026-09-01")))
  }

  @Test func agendaShowsAPendingEntryWithWhatItWaitsFor() throws {
    var (deck, postingID, _) = acmeDeck(stage: .offer)
    deck.add(Deadline(
      id: "", kind: .probationReview, due: .relative(to: .startDate, offset: .months(3)),
      owner: .posting(postingID)))
    let agenda = Agenda.build(deck: deck, clock: clock("2026-03-10"), query: .everything)
    let entry = try #require(agenda.entries.first { $0.kind == .probationReview })
    #expect(entry.date == nil)
    #expect(entry.urgency == nil)
    #expect(entry.daysLeft == nil)
    #expect(entry.pendingOn == .startDate)
    #expect(agenda.groups.last?.section == .pending)
  }
}
