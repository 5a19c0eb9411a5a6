import Foundation
import JobDeckCore
import Testing

/// Issue 15, "Tasks and events have different lives", with the injected clock: a task is overdue
/// until done, dismissed or snoozed; an event that is over is never overdue, it waits under
/// "Passed: what happened?" for an answer and then is history.
@Suite("Task and event lifecycle")
struct EventLifecycleTests {
  private let job = "acme-ml-intern"

  private func deck(with deadlines: [Deadline], stage: Stage = .interview) -> Deck {
    var (deck, _, _) = acmeDeck(stage: stage)
    for deadline in deadlines { deck.add(deadline) }
    return deck
  }

  private func timed(_ kind: DeadlineKind, _ date: String, _ hour: Int, _ minute: Int = 0,
                     in zoneName: String = "Europe/Berlin", lasting duration: Period? = nil)
    -> Deadline
  {
    Deadline(id: "", kind: kind,
             due: .timed(day(date).instant(hour: hour, minute: minute, in: zone(zoneName)),
                         timeZone: zoneName),
             owner: .application(job), duration: duration)
  }

  private func section(of deck: Deck, at clock: FixedWallClock) -> AgendaSection? {
    Agenda.build(deck: deck, clock: clock).entries.first?.section
  }

  @Test func everyTaskKindStaysOverdueWhileEveryEventKindPasses() {
    let tasks: [DeadlineKind] = [.applicationCutoff, .takeHome, .offerResponse, .followUp,
                                 .resignationNotice]
    let events: [DeadlineKind] = [.interview, .call, .assessment, .startDate, .probationReview]
    #expect(tasks.allSatisfy { !$0.isEvent })
    #expect(events.allSatisfy { $0.isEvent })
    for kind in tasks {
      // An apply-by date is live while the application is only saved.
      let late = deck(with: [allDay(kind, "2026-02-01", owner: .application(job))],
                      stage: kind == .applicationCutoff ? .saved : .interview)
      // Thirty-seven days on, a task still needs doing.
      #expect(section(of: late, at: clock("2026-03-10")) == .overdue, "\(kind)")
    }
    for kind in events {
      let passed = deck(with: [allDay(kind, "2026-03-09", owner: .application(job))])
      #expect(section(of: passed, at: clock("2026-03-10")) == .passed, "\(kind)")
    }
  }

  @Test func anEventThatRunsPastMidnightIsTodayUntilItEnds() {
    // 23:30–00:30 Berlin, started on the 9th.
    let late = deck(with: [timed(.call, "2026-03-09", 23, 30)])
    #expect(section(of: late, at: clock("2026-03-10", 0, 29)) == .today)
    #expect(section(of: late, at: clock("2026-03-10", 0, 30)) == .passed)
  }

  @Test func anAllDayEventPassesAtMidnightInTheUsersZoneNotAtTheStartOfItsDay() {
    let start = deck(with: [allDay(.startDate, "2026-03-10", owner: .application(job))])
    #expect(section(of: start, at: clock("2026-03-10", 0, 1)) == .today)
    #expect(section(of: start, at: clock("2026-03-10", 23, 59)) == .today)
    #expect(section(of: start, at: clock("2026-03-11", 0, 0)) == .passed)
    // Midnight in Berlin is still the 10th in New York: there it has not passed yet.
    let newYork = clock("2026-03-10", 19, 0, in: zone("America/New_York"))
    #expect(section(of: start, at: newYork) == .today)
  }

  @Test func aTimedEventPassesByItsOwnZoneWhereverTheUserIs() {
    // 10:00–11:00 in New York is 15:00–16:00 in Berlin on 10 March 2026: New York changed its
    // clocks on 8 March, Berlin not yet (a fixed six-hour difference would say 17:00).
    let interview = deck(with: [timed(.interview, "2026-03-10", 10, in: "America/New_York")])
    #expect(section(of: interview, at: clock("2026-03-10", 15, 59)) == .today)
    #expect(section(of: interview, at: clock("2026-03-10", 16, 0)) == .passed)
  }

  @Test func aTimedEventOnTheDayTheClocksChangeEndsByItsZonesClock() {
    // Berlin springs forward on 29 March 2026 at 02:00. A 09:00 interview that day is at
    // 07:00 UTC (CEST, not CET), and ends at 08:00 UTC.
    let interview = deck(with: [timed(.interview, "2026-03-29", 9)])
    let utcClock = { (hour: Int, minute: Int) in clock("2026-03-29", hour, minute, in: utc) }
    #expect(section(of: interview, at: utcClock(7, 59)) == .today)
    #expect(section(of: interview, at: utcClock(8, 0)) == .passed)
    // A two-day event over the change ends at the same wall-clock time two days on.
    let retreat = deck(with: [timed(.custom, "2026-03-28", 10, lasting: .days(2))])
    #expect(section(of: retreat, at: clock("2026-03-30", 9, 59)) == .today)
    #expect(section(of: retreat, at: clock("2026-03-30", 10, 0)) == .passed)
  }

  @Test func aPassedEventWaitsTwoWeeksForAnAnswerThenIsHistory() {
    let interview = deck(with: [timed(.interview, "2026-03-10", 9)])
    #expect(section(of: interview, at: clock("2026-03-24", 12)) == .passed)
    #expect(section(of: interview, at: clock("2026-03-25", 12)) == nil)
  }

  @Test func markingAPassedEventDoneMakesItHistoryAtOnce() throws {
    var interview = deck(with: [timed(.interview, "2026-03-10", 9)])
    let id = try #require(interview.deadlines.first { $0.kind == .interview }?.id)
    try interview.markDone(id, at: noonUTC("2026-03-10"))
    #expect(Agenda.build(deck: interview, clock: clock("2026-03-10", 14)).entries.isEmpty)
  }

  @Test func aPassedEventIsNotOverdueSendsNoReminderAndIsLeftOutOfOverdueOnly() {
    let interview = deck(with: [timed(.interview, "2026-03-09", 9)])
    let now = clock("2026-03-10", 14)
    #expect(Agenda.remindersDue(deck: interview, clock: now).isEmpty)
    #expect(Agenda.build(deck: interview, clock: now, query: AgendaQuery(overdueOnly: true))
      .entries.isEmpty)
    // A window of days ahead still lists it, as it lists overdue tasks: it waits for an answer.
    #expect(Agenda.build(deck: interview, clock: now, query: AgendaQuery(within: .days(7)))
      .entries.count == 1)
  }

  @Test func theSummaryRowsGiveTheSameLifecycleAsTheDeck() {
    let mixed = deck(with: [
      timed(.interview, "2026-03-09", 9), timed(.call, "2026-03-10", 13, 30),
      allDay(.startDate, "2026-03-01", owner: .application(job)),
      allDay(.takeHome, "2026-03-01", owner: .application(job)),
      timed(.interview, "2026-02-01", 9),
    ])
    for now in [clock("2026-03-10", 14), clock("2026-03-10", 14, 30), clock("2026-03-16", 0, 0)] {
      let fromDeck = Agenda.build(deck: mixed, clock: now)
      let fromRows = Agenda.build(rows: Agenda.rows(of: mixed), clock: now, query: .everything)
      #expect(fromDeck == fromRows)
    }
  }
}
