import Foundation
import JobDeckCore
import Testing

/// Issue 15, "Proposals, never automatic closing": what JobDeck proposes, with the injected
/// clock, and what accepting, snoozing and dismissing do.
@Suite("Suggestions")
struct SuggestionTests {
  private let job = "acme-ml-intern"
  private let rules = SuggestionRules()

  private func kinds(_ deck: Deck, at clock: FixedWallClock) -> [Suggestion.Kind] {
    deck.suggestions(clock: clock, rules: rules).map(\.kind)
  }

  @Test func applyingCreatesNoFollowUpTaskAnyMore() {
    var (deck, _, _) = acmeDeck(stage: .applied, movedOn: "2026-03-02")
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.isEmpty)
    #expect(Agenda.build(deck: deck, clock: clock("2026-04-30")).entries.isEmpty)
  }

  @Test func anOldEngineFollowUpIsRemovedRatherThanLeftToNag() {
    var (deck, _, _) = acmeDeck(stage: .applied, movedOn: "2026-03-02")
    deck.deadlines.append(Deadline(
      id: "\(job)/follow-up", kind: .followUp, due: .allDay(day("2026-03-16")),
      owner: .application(job), origin: .derived))
    deck.refreshDerivedDeadlines()
    #expect(deck.deadlines.isEmpty)
  }

  @Test func silenceProposesAFollowUpAfterNDaysAndNoResponseAfterM() {
    let (deck, _, _) = acmeDeck(stage: .applied, movedOn: "2026-03-02")
    #expect(kinds(deck, at: clock("2026-03-15")).isEmpty)
    #expect(kinds(deck, at: clock("2026-03-16")) == [.followUp])
    #expect(kinds(deck, at: clock("2026-04-01")) == [.followUp, .noResponse])
    let custom = deck.suggestions(clock: clock("2026-03-05"),
                                  rules: SuggestionRules(followUpDays: 3, noResponseDays: 0))
    #expect(custom.map(\.kind) == [.followUp])
  }

  @Test func nothingIsEverClosedOrMovedWithoutAcceptance() {
    let (deck, _, _) = acmeDeck(stage: .applied, movedOn: "2026-03-02")
    _ = deck.suggestions(clock: clock("2027-03-02"), rules: rules)
    #expect(deck.application(withID: job)?.stage == .applied)
  }

  @Test func acceptingNoResponseIsAStageMoveWithItsReasonInTheHistory() throws {
    var (deck, _, _) = acmeDeck(stage: .applied, movedOn: "2026-03-02")
    let now = clock("2026-04-01")
    let suggestion = try deck.suggestions(clock: now, rules: rules).resolve("\(job)/no-response")
    try deck.accept(suggestion, at: now.now, today: now.today)
    let application = try #require(deck.application(withID: job))
    #expect(application.stage == .ghosted)
    #expect(application.history.last?.note?.contains("no news for 30 days") == true)
    #expect(deck.suggestions(clock: now, rules: rules).isEmpty, "closed: nothing more to ask")
  }

  @Test func acceptingAFollowUpAddsATaskForTodayAndItIsNotProposedAgain() throws {
    var (deck, _, _) = acmeDeck(stage: .applied, movedOn: "2026-03-02")
    let now = clock("2026-03-16")
    let suggestion = try deck.suggestions(clock: now, rules: rules).resolve(job)
    try deck.accept(suggestion, at: now.now, today: now.today)
    let task = try #require(only(.followUp, of: job, in: deck))
    #expect(task.due == .allDay(day("2026-03-16")))
    #expect(kinds(deck, at: now).isEmpty)
    try deck.markDone(task.id, at: now.now)
    #expect(kinds(deck, at: clock("2026-03-20")).isEmpty, "one follow-up per silence")
  }

  @Test func aPassedInterviewProposesTheNextStageAndAcceptingMarksItDone() throws {
    var (deck, _, _) = acmeDeck(stage: .interview, movedOn: "2026-03-02")
    let id = deck.add(Deadline(
      id: "", kind: .interview,
      due: .timed(day("2026-03-10").instant(hour: 10, in: berlin), timeZone: "Europe/Berlin"),
      owner: .application(job)))
    #expect(kinds(deck, at: clock("2026-03-10", 10, 30)).isEmpty, "still going on")
    let now = clock("2026-03-10", 11, 0)
    let suggestion = try #require(deck.suggestions(clock: now, rules: rules).first)
    #expect(suggestion.kind == .nextStage)
    #expect(suggestion.id == id + "/next-stage")
    #expect(suggestion.proposedStage == .offer)
    try deck.accept(suggestion, at: now.now, today: now.today)
    #expect(deck.application(withID: job)?.stage == .offer)
    #expect(deck.deadline(withID: id)?.status == .done)
    #expect(Agenda.build(deck: deck, clock: now).entries.isEmpty, "the interview is history")
  }

  @Test func aPassedStartDateProposesStartedAndTheProbationDatesStay() throws {
    var (deck, _, _) = acmeDeck(
      stage: .accepted, movedOn: "2026-03-02",
      terms: EmploymentTerms(startDate: day("2026-04-01"), probation: .months(6)))
    deck.refreshDerivedDeadlines()
    #expect(kinds(deck, at: clock("2026-04-01")).isEmpty)
    let now = clock("2026-04-02")
    let suggestion = try #require(deck.suggestions(clock: now, rules: rules).first)
    #expect(suggestion.kind == .started)
    try deck.accept(suggestion, at: now.now, today: now.today)
    #expect(Agenda.build(deck: deck, clock: now).entries.map(\.kind)
      == [.probationReview, .probationEnd])
  }

  @Test func anOfferToAnswerWithinTwoDaysIsProposed() throws {
    let (deck, _, _) = acmeDeck(
      stage: .offer, terms: EmploymentTerms(offerResponseBy: day("2026-03-20")))
    var refreshed = deck
    refreshed.refreshDerivedDeadlines()
    #expect(kinds(refreshed, at: clock("2026-03-17")).isEmpty)
    #expect(kinds(refreshed, at: clock("2026-03-18")) == [.answerOffer])
    #expect(kinds(refreshed, at: clock("2026-03-20")) == [.answerOffer])
  }

  @Test func aDismissedSuggestionIsNeverMadeAgainAndASnoozedOneComesBackOnItsDay() {
    var (deck, _, _) = acmeDeck(stage: .applied, movedOn: "2026-03-02")
    deck.answerSuggestion("\(job)/no-response", .dismissed)
    deck.answerSuggestion("\(job)/follow-up", .snoozed, until: day("2026-04-05"))
    #expect(kinds(deck, at: clock("2026-04-04")).isEmpty)
    #expect(kinds(deck, at: clock("2026-04-05")) == [.followUp])
    #expect(kinds(deck, at: clock("2027-01-01")) == [.followUp])
  }

  @Test func closedAndArchivedApplicationsGetNone() throws {
    var (deck, _, _) = acmeDeck(stage: .rejected, movedOn: "2026-01-02")
    #expect(kinds(deck, at: clock("2026-04-01")).isEmpty)
    try deck.move(applicationID: job, to: .applied, at: noonUTC("2026-01-02"))
    #expect(!kinds(deck, at: clock("2026-04-01")).isEmpty)
    try deck.setArchived(true, .application(job), at: noonUTC("2026-03-01"))
    #expect(kinds(deck, at: clock("2026-04-01")).isEmpty)
  }
}
