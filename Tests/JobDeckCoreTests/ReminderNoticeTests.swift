import Foundation
import JobDeckCore
import Testing

/// What `remind --notify` sends: one notice per deadline and lead time reached, never twice,
/// a new one when the date moves; lead times from the flag or config replace only the kinds'
/// defaults.
@Suite("Reminder notices")
struct ReminderNoticeTests {
  private let job = "acme-ml-intern"

  private func deck(_ deadlines: [Deadline]) -> Deck {
    var (deck, _, _) = acmeDeck(stage: .applied)
    for deadline in deadlines { deck.add(deadline) }
    return deck
  }

  private func due(_ deck: Deck, at clock: FixedWallClock,
                   leads: ReminderLeadTimes = .builtIn) -> [AgendaEntry]
  {
    Agenda.remindersDue(rows: Agenda.rows(of: deck).map(leads.applied(to:)), clock: clock)
  }

  @Test func aReminderSentIsNotSentAgainUntilTheNextLeadTime() throws {
    // A take-home: 2 days before and the day itself.
    let deck = deck([allDay(.takeHome, "2026-03-20", owner: .application(job))])
    let first = ReminderNotice.plan(entries: due(deck, at: clock("2026-03-18", 8)), sent: [])
    #expect(first.toSend.count == 1)
    let sent = first.stillDue.union(first.toSend.map(\.key))
    #expect(ReminderNotice.plan(entries: due(deck, at: clock("2026-03-19", 20)), sent: sent)
      .toSend.isEmpty)
    let onTheDay = ReminderNotice.plan(entries: due(deck, at: clock("2026-03-20", 7)), sent: sent)
    #expect(onTheDay.toSend.map(\.entry.reachedLeadTime) == [.zero])
    #expect(onTheDay.toSend.first?.isCritical == true)
    #expect(first.toSend.first?.isCritical == false)
  }

  @Test func aMovedDateIsANewReminder() throws {
    var deck = deck([allDay(.takeHome, "2026-03-20", owner: .application(job))])
    let before = ReminderNotice.plan(entries: due(deck, at: clock("2026-03-18")), sent: [])
    let sent = Set(before.toSend.map(\.key))
    deck.deadlines[deck.deadlines.count - 1].due = .allDay(day("2026-03-19"))
    let after = ReminderNotice.plan(entries: due(deck, at: clock("2026-03-18")), sent: sent)
    #expect(after.toSend.count == 1)
    #expect(after.stillDue.isEmpty)
  }

  @Test func anInterviewIsNeverCriticalAndATimedLeadFiresAtItsHour() throws {
    let interview = Deadline(
      id: "", kind: .interview,
      due: .timed(day("2026-03-10").instant(hour: 14, in: berlin), timeZone: "Europe/Berlin"),
      owner: .application(job))
    let deck = deck([interview])
    let leads = ReminderLeadTimes(general: [.hours(2)])
    #expect(due(deck, at: clock("2026-03-10", 11, 59), leads: leads).isEmpty)
    let notices = due(deck, at: clock("2026-03-10", 12), leads: leads).compactMap(ReminderNotice.init)
    #expect(notices.count == 1)
    #expect(notices.first?.isCritical == false)
    #expect(notices.first?.key.hasSuffix(" 2026-03-10T13:00:00Z PT2H") == true)
  }

  @Test func configuredLeadTimesReplaceOnlyTheKindsDefaults() {
    let own = allDay(.takeHome, "2026-03-20", owner: .application(job), leadTimes: [.days(10)])
    let deck = deck([own, allDay(.offerResponse, "2026-03-20", owner: .application(job))])
    let leads = ReminderLeadTimes(general: [.days(5)], byKind: [.offerResponse: [.days(9)]])
    let entries = due(deck, at: clock("2026-03-11"), leads: leads)
    #expect(entries.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.offerResponse, .takeHome])
    #expect(due(deck, at: clock("2026-03-10"), leads: leads).map(\.kind) == [.takeHome])
    #expect(due(deck, at: clock("2026-03-09"), leads: leads).isEmpty)
  }
}
