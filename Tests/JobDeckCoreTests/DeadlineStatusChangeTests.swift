import Foundation
import Testing
import JobDeckCore

@Suite("Deadline status changes")
struct DeadlineStatusChangeTests {
  private let job = "acme-ml-intern"

  private func deckWithAssessment() -> (Deck, String) {
    var (deck, _, _) = acmeDeck(stage: .interview)
    let id = deck.add(allDay(.assessment, "2026-03-10", owner: .application(job)))
    return (deck, id)
  }

  @Test func markDoneSetsTheStatusBumpsTheRevisionAndStampsTheOwner() throws {
    var (deck, id) = deckWithAssessment()
    try deck.markDone(id, at: noonUTC("2026-03-09"))
    #expect(deck.deadline(withID: id)?.status == .done)
    #expect(deck.deadline(withID: id)?.revision == 1)
    #expect(deck.application(withID: job)?.updatedAt == noonUTC("2026-03-09"))
  }

  @Test func rescheduleMarksADerivedDeadlineEdited() throws {
    var (deck, _, _) = acmeDeck(
      stage: .accepted, terms: EmploymentTerms(startDate: day("2026-05-01")))
    deck.refreshDerivedDeadlines()
    try deck.reschedule("\(job)/start", to: .allDay(day("2026-04-01")))
    let start = try #require(deck.deadline(withID: "\(job)/start"))
    #expect(start.origin == .edited)
    #expect(start.revision == 1)
    #expect(start.due == .allDay(day("2026-04-01")))
  }

  @Test func rescheduleKeepsAManualDeadlineManual() throws {
    var (deck, id) = deckWithAssessment()
    try deck.reschedule(id, to: .allDay(day("2026-03-11")))
    #expect(deck.deadline(withID: id)?.origin == .manual)
  }

  @Test func unknownIdsThrowNotFound() {
    var (deck, _) = deckWithAssessment()
    #expect(throws: DeckError.notFound("nope", expected: .deadline)) {
      try deck.markDone("nope", at: noonUTC("2026-03-09"))
    }
    #expect(throws: DeckError.notFound("nope", expected: .deadline)) {
      try deck.dismiss("nope", at: noonUTC("2026-03-09"))
    }
    #expect(throws: DeckError.notFound("nope", expected: .deadline)) {
      try deck.snooze("nope", until: day("2026-03-12"))
    }
    #expect(throws: DeckError.notFound("nope", expected: .deadline)) {
      try deck.reschedule("nope", to: .allDay(day("2026-03-12")))
    }
    #expect(throws: DeckError.notFound("nope", expected: .application)) {
      try deck.setTerms(applicationID: "nope") { $0.startDate = day("2026-03-12") }
    }
  }

  @Test func setTermsRefreshesDerivedDeadlines() throws {
    var (deck, _, _) = acmeDeck(stage: .offer)
    try deck.setTerms(applicationID: job) { $0.offerResponseBy = day("2026-03-20") }
    #expect(deck.deadline(withID: "\(job)/offer-response")?.due == .allDay(day("2026-03-20")))
  }
}
