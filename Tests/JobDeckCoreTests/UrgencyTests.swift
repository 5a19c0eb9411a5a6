import Foundation
import Testing
import JobDeckCore

@Suite("Urgency")
struct UrgencyTests {
  @Test("Urgency levels by civil days left", arguments: [
    (-1, Urgency.overdue), (0, .today), (1, .imminent), (2, .imminent), (3, .soon), (7, .soon),
    (8, .upcoming), (14, .upcoming), (15, .later),
  ])
  func levels(daysLeft: Int, urgency: Urgency) {
    #expect(Urgency(daysLeft: daysLeft) == urgency)
  }

  @Test func moreUrgentSortsFirst() {
    #expect(Urgency.overdue < .today)
    #expect(Urgency.today < .imminent)
    #expect(Urgency.upcoming < .later)
  }

  private func cutoffDeck() -> Deck {
    var (deck, postingID, _) = acmeDeck(stage: nil)
    deck.add(allDay(.takeHome, "2026-03-03", owner: .posting(postingID)))
    return deck
  }

  @Test func allDayDeadlineIsStillTodayAtOneMinuteToMidnight() throws {
    let agenda = Agenda.build(deck: cutoffDeck(), clock: clock("2026-03-03", 23, 59))
    let entry = try #require(agenda.entries.first)
    #expect(entry.urgency == .today)
    #expect(entry.daysLeft == 0)
  }

  @Test func allDayDeadlineIsTodayAtOneMinutePastMidnight() throws {
    let agenda = Agenda.build(deck: cutoffDeck(), clock: clock("2026-03-03", 0, 1))
    #expect(try #require(agenda.entries.first).urgency == .today)
  }

  @Test func allDayDeadlineIsOverdueAtMidnightTheNextDay() throws {
    let agenda = Agenda.build(deck: cutoffDeck(), clock: clock("2026-03-04", 0, 0))
    let entry = try #require(agenda.entries.first)
    #expect(entry.urgency == .overdue)
    #expect(entry.daysLeft == -1)
  }

  private func interviewDeck(at instant: Date, zone: String = "Europe/Berlin",
                             kind: DeadlineKind = .interview) -> Deck {
    var (deck, _, applicationID) = acmeDeck(stage: .interview)
    deck.add(Deadline(
      id: "", kind: kind, due: .timed(instant, timeZone: zone),
      owner: .application(applicationID ?? "")))
    return deck
  }

  @Test func aTimedTaskIsOverdueOnceItsInstantHasPassed() throws {
    let answerBy = day("2026-03-03").instant(hour: 14, in: berlin)
    let deck = interviewDeck(at: answerBy, kind: .offerResponse)
    let before = Agenda.build(deck: deck, clock: clock("2026-03-03", 13, 59))
    let after = Agenda.build(deck: deck, clock: clock("2026-03-03", 14, 0))
    #expect(try #require(before.entries.first).urgency == .today)
    #expect(try #require(after.entries.first).urgency == .overdue)
    #expect(try #require(after.entries.first).daysLeft == 0)
  }

  /// DOMAIN.md "Tasks and events": an interview that has happened is not overdue.
  @Test func aTimedEventIsTodayWhileItLastsAndPassedOnceItIsOver() throws {
    let interview = day("2026-03-03").instant(hour: 14, in: berlin)
    let deck = interviewDeck(at: interview)
    let during = try #require(Agenda.build(deck: deck, clock: clock("2026-03-03", 14, 59)).entries.first)
    #expect(during.urgency == .today)
    #expect(during.flags.isEmpty)
    let after = try #require(Agenda.build(deck: deck, clock: clock("2026-03-03", 15, 0)).entries.first)
    #expect(after.urgency == nil)
    #expect(after.section == .passed)
    #expect(after.flags == [.happened])
  }

  @Test func timedDeadlineFallsOnTheDayItIsInTheUsersZone() throws {
    // 10:00 in New York on 3 March is 04:00 on 4 March in Auckland.
    let interview = day("2026-03-03").instant(hour: 10, in: zone("America/New_York"))
    let deck = interviewDeck(at: interview, zone: "America/New_York")
    let agenda = Agenda.build(deck: deck, clock: clock("2026-03-03", 12, in: zone("Pacific/Auckland")))
    let entry = try #require(agenda.entries.first)
    #expect(entry.date == day("2026-03-04"))
    #expect(entry.daysLeft == 1)
    #expect(entry.time == interview)
    #expect(entry.timeZone == zone("America/New_York"))
  }
}
