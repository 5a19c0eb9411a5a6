import Foundation
import Testing
import JobDeckCore

@Suite("Derived deadlines")
struct DerivedDeadlineTests {
  private let job = "acme-ml-intern"

  private func accepted(_ terms: EmploymentTerms, notice: Period? = nil) -> Deck {
    var (deck, _, _) = acmeDeck(stage: .accepted, movedOn: "2026-02-20", terms: terms)
    deck.settings.currentNoticePeriod = notice
    deck.refreshDerivedDeadlines()
    return deck
  }

  @Test func applyingDerivesNoFollowUpWhateverTheSetting() throws {
    // A silent application gets a suggestion instead (SuggestionTests), never a task that nags.
    var (deck, _, _) = acmeDeck(stage: .applied, movedOn: "2026-03-02")
    deck.settings.followUpAfterDays = 7
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.isEmpty)
  }

  @Test func noFollowUpWhileOnlySaved() {
    var (deck, _, _) = acmeDeck(stage: .saved)
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.isEmpty)
  }

  @Test func offerWithAnAnswerByDateYieldsAnOfferResponse() throws {
    var (deck, _, _) = acmeDeck(
      stage: .offer, terms: EmploymentTerms(offerResponseBy: day("2026-03-20")))
    deck.refreshDerivedDeadlines()
    let response = try #require(deck.deadline(withID: "\(job)/offer-response"))
    #expect(response.due == .allDay(day("2026-03-20")))
  }

  @Test func anOpenOfferPutsItsStartDateAndProbationOnTheAgendaBesideTheAnswerBy() throws {
    var (deck, _, _) = acmeDeck(
      stage: .offer, terms: EmploymentTerms(
        offerResponseBy: day("2026-03-20"), startDate: day("2026-04-01"), probation: .months(6)))
    deck.refreshDerivedDeadlines()
    #expect(deck.deadline(withID: "\(job)/offer-response")?.due == .allDay(day("2026-03-20")))
    #expect(deck.deadline(withID: "\(job)/start")?.due == .allDay(day("2026-04-01")))
    #expect(deck.deadline(withID: "\(job)/probation-ends")?.due == .allDay(day("2026-09-30")))
    let agenda = Agenda.build(deck: deck, clock: clock("2026-03-10"))
    #expect(agenda.entries.map(\.kind) == [.offerResponse, .startDate, .probationReview,
                                           .probationEnd])
  }

  @Test func acceptingTheOfferKeepsTheStartDatesIdAndDropsTheAnswerBy() throws {
    var (deck, _, applicationID) = acmeDeck(
      stage: .offer, terms: EmploymentTerms(
        offerResponseBy: day("2026-03-20"), startDate: day("2026-04-01")))
    deck.refreshDerivedDeadlines()
    try deck.move(applicationID: try #require(applicationID), to: .accepted,
                  at: noonUTC("2026-03-12"))
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.map(\.id) == ["\(job)/start"])
    #expect(deck.deadline(withID: "\(job)/start")?.revision == 0, "the calendar event is kept")
  }

  @Test func acceptingWithAStartDateYieldsTheStartDeadline() throws {
    let deck = accepted(EmploymentTerms(startDate: day("2026-04-01")))
    #expect(deck.deadline(withID: "\(job)/start")?.due == .allDay(day("2026-04-01")))
    #expect(deck.deadlines.count == 1)
  }

  @Test func probationEndFollowsTheMonthEndRule() throws {
    let deck = accepted(EmploymentTerms(startDate: day("2026-03-31"), probation: .months(6)))
    #expect(deck.deadline(withID: "\(job)/probation-ends")?.due == .allDay(day("2026-09-30")))
  }

  @Test func probationReviewDefaultsToTwoWeeksBeforeTheEnd() throws {
    let deck = accepted(EmploymentTerms(startDate: day("2026-03-31"), probation: .months(6)))
    #expect(deck.deadline(withID: "\(job)/probation-review")?.due == .allDay(day("2026-09-16")))
  }

  @Test func probationReviewUsesThePostingsOwnReviewTerm() throws {
    let deck = accepted(EmploymentTerms(
      startDate: day("2026-03-31"), probation: .months(6), probationReviewAfter: .months(3)))
    #expect(deck.deadline(withID: "\(job)/probation-review")?.due == .allDay(day("2026-06-30")))
  }

  @Test func contractEndComesFromTheTerms() throws {
    let deck = accepted(EmploymentTerms(contractEnd: day("2026-08-31")))
    #expect(deck.deadline(withID: "\(job)/contract-ends")?.due == .allDay(day("2026-08-31")))
  }

  @Test("Latest resignation day: the notice period ends the day before the start",
        arguments: [
          ("2025-04-01", "P3M", "2024-12-31"),
          ("2025-04-01", "P4W", "2025-03-03"),
          ("2026-03-01", "P1M", "2026-01-31"),
          ("2026-05-15", "P14D", "2026-04-30"),
        ])
  func resignationDay(start: String, notice: String, latest: String) throws {
    let period = try #require(Period(notice))
    #expect(Deck.latestResignationDay(notice: period, startingOn: day(start)) == day(latest))
  }

  @Test func acceptingWithANoticePeriodYieldsTheLatestDayToResign() throws {
    let deck = accepted(EmploymentTerms(startDate: day("2025-04-01")), notice: .months(3))
    #expect(deck.deadline(withID: "\(job)/resign-by")?.due == .allDay(day("2024-12-31")))
  }

  @Test func aNewStartDateMovesDerivedDeadlinesAndBumpsTheirRevision() throws {
    var deck = accepted(EmploymentTerms(startDate: day("2026-04-01"), probation: .months(6)))
    try deck.setTerms(applicationID: job) { $0.startDate = day("2026-05-01") }
    let start = try #require(deck.deadline(withID: "\(job)/start"))
    #expect(start.due == .allDay(day("2026-05-01")))
    #expect(start.revision == 1)
    #expect(deck.deadline(withID: "\(job)/probation-ends")?.due == .allDay(day("2026-10-31")))
  }

  @Test func editedDerivedDeadlineIsNotMovedByTheEngine() throws {
    var deck = accepted(EmploymentTerms(startDate: day("2026-04-01")))
    try deck.reschedule("\(job)/start", to: .allDay(day("2026-04-02")))
    try deck.setTerms(applicationID: job) { $0.startDate = day("2026-05-01") }
    let start = try #require(deck.deadline(withID: "\(job)/start"))
    #expect(start.origin == .edited)
    #expect(start.due == .allDay(day("2026-04-02")))
    #expect(deck.deadlines.count == 1)
  }

  @Test func dismissedDerivedDeadlineIsNotRecreated() throws {
    var deck = accepted(EmploymentTerms(startDate: day("2026-04-01")))
    try deck.dismiss("\(job)/start", at: noonUTC("2026-03-03"))
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.count == 1)
    #expect(deck.deadlines.first?.status == .dismissed)
  }

  @Test func doneDerivedDeadlineIsNotMovedWhenItsInputsChange() throws {
    var deck = accepted(EmploymentTerms(startDate: day("2026-04-01")))
    try deck.markDone("\(job)/start", at: noonUTC("2026-04-01"))
    try deck.setTerms(applicationID: job) { $0.startDate = day("2026-05-01") }
    #expect(deck.deadline(withID: "\(job)/start")?.due == .allDay(day("2026-04-01")))
    #expect(deck.deadlines.count == 1)
  }

  @Test func leavingTheAcceptedStageRemovesPendingDerivedDeadlinesOnly() throws {
    var deck = accepted(EmploymentTerms(startDate: day("2026-04-01"), probation: .months(6)))
    try deck.dismiss("\(job)/probation-review", at: noonUTC("2026-03-01"))
    try deck.move(applicationID: job, to: .withdrawn, at: noonUTC("2026-03-02"))
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.map(\.id) == ["\(job)/probation-review"])
  }

  @Test func refreshingTwiceChangesNothingTheSecondTime() throws {
    var deck = accepted(
      EmploymentTerms(offerResponseBy: day("2026-02-27"), startDate: day("2026-04-01"),
                      probation: .months(6), contractEnd: day("2026-12-31")),
      notice: .weeks(4))
    let once = deck
    deck.refreshDerivedDeadlines()
    #expect(deck == once)
    #expect(deck.deadlines.count == 5)
  }

  @Test func refreshNeverRenamesAnIdEvenWhenAManualDeadlineTookTheName() throws {
    var (deck, _, _) = acmeDeck(
      stage: .accepted, terms: EmploymentTerms(startDate: day("2026-04-01")))
    deck.add(allDay(.startDate, "2026-04-01", owner: .application(job)))
    deck.refreshDerivedDeadlines()
    let ids = deck.deadlines.map(\.id)
    #expect(ids == ["\(job)/start", "\(job)/start-2"])
    #expect(deck.deadline(withID: "\(job)/start-2")?.origin == .derived)
    try deck.setTerms(applicationID: job) { $0.startDate = day("2026-06-01") }
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.map(\.id) == ids)
    #expect(deck.deadline(withID: "\(job)/start")?.due == .allDay(day("2026-04-01")))
    #expect(deck.deadline(withID: "\(job)/start-2")?.due == .allDay(day("2026-06-01")))
  }

  @Test func derivedDeadlinesOfARemovedApplicationAreDropped() throws {
    var deck = accepted(EmploymentTerms(startDate: day("2026-04-01")))
    deck.applications.removeAll()
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.isEmpty)
  }
}
