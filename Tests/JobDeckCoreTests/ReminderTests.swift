import Foundation
import Testing
import JobDeckCore

@Suite("Reminders")
struct ReminderTests {
  private let job = "acme-ml-intern"

  /// The application is still saved, so that an application cutoff is on the agenda.
  private func deck(_ kind: DeadlineKind, on date: String, leadTimes: [Period]? = nil) -> Deck {
    var (deck, _, _) = acmeDeck(stage: .saved)
    deck.add(allDay(kind, date, owner: .application(job), leadTimes: leadTimes))
    return deck
  }

  @Test func sixWeekLeadFiresSixWeeksAheadAndNotADayEarlier() throws {
    // contractEnd's default lead is 6 weeks: 42 days before 31 Aug is 20 Jul.
    let deck = deck(.contractEnd, on: "2026-08-31")
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-07-19", 23, 59)).isEmpty)
    let due = Agenda.remindersDue(deck: deck, clock: clock("2026-07-20", 0, 0))
    #expect(due.count == 1)
    #expect(due.first?.reachedLeadTime == .weeks(6))
    #expect(due.first?.daysLeft == 42)
  }

  @Test func theMostRecentlyReachedLeadIsReported() throws {
    let deck = deck(.applicationCutoff, on: "2026-03-20")  // 7d, 2d, same day
    let early = Agenda.remindersDue(deck: deck, clock: clock("2026-03-14"))
    let late = Agenda.remindersDue(deck: deck, clock: clock("2026-03-18"))
    let onTheDay = Agenda.remindersDue(deck: deck, clock: clock("2026-03-20"))
    #expect(early.first?.reachedLeadTime == .days(7))
    #expect(late.first?.reachedLeadTime == .days(2))
    #expect(onTheDay.first?.reachedLeadTime == .zero)
  }

  @Test func nothingBeforeTheFirstLead() {
    let deck = deck(.applicationCutoff, on: "2026-03-20")
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-12")).isEmpty)
  }

  @Test func overdueDeadlinesStillRemind() {
    let deck = deck(.takeHome, on: "2026-03-01")
    let due = Agenda.remindersDue(deck: deck, clock: clock("2026-03-10"))
    #expect(due.first?.urgency == .overdue)
  }

  @Test func userLeadTimesReplaceTheDefaults() {
    let deck = deck(.startDate, on: "2026-04-01", leadTimes: [.months(1)])
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-01")).count == 1)
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-02-28")).isEmpty)
  }

  @Test func emptyLeadTimesMeanNoReminder() {
    let deck = deck(.assessment, on: "2026-03-01", leadTimes: [])
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-10")).isEmpty)
  }

  @Test func timedLeadOfHoursFiresAtThatInstant() {
    var (deck, _, _) = acmeDeck(stage: .interview)
    deck.add(Deadline(
      id: "", kind: .interview,
      due: .timed(day("2026-03-10").instant(hour: 14, in: berlin), timeZone: "Europe/Berlin"),
      leadTimes: [.hours(2)], owner: .application(job)))
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-10", 11, 59)).isEmpty)
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-10", 12, 0)).count == 1)
  }

  @Test func snoozedAndDoneDeadlinesDoNotRemind() throws {
    var deck = deck(.assessment, on: "2026-03-10")
    let id = deck.deadlines[0].id
    try deck.snooze(id, until: day("2026-03-11"))
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-10")).isEmpty)
    try deck.reopen(id, at: noonUTC("2026-03-10"))
    try deck.markDone(id, at: noonUTC("2026-03-10"))
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-10")).isEmpty)
  }
}
