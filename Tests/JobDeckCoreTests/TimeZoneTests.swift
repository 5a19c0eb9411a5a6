import Foundation
import Testing
import JobDeckCore

@Suite("Time zones and DST")
struct TimeZoneTests {
  /// A store with all-day, relative and derived deadlines: everything but timed ones, whose
  /// day legitimately depends on where the user is.
  private func store() throws -> Deck {
    var (deck, postingID, applicationID) = acmeDeck(
      stage: .accepted, movedOn: "2026-03-20",
      terms: EmploymentTerms(startDate: day("2026-04-01"), probation: .months(6)))
    deck.settings.currentNoticePeriod = .weeks(4)
    deck.add(allDay(.applicationCutoff, "2026-03-27", owner: .posting(postingID)))
    deck.add(allDay(.assessment, "2026-03-29", owner: .application(try #require(applicationID))))
    deck.add(allDay(.contractEnd, "2026-10-25", owner: .application(try #require(applicationID))))
    deck.refreshDerivedDeadlines()
    return deck
  }

  private struct Row: Equatable {
    var id: String
    var date: CivilDate?
    var daysLeft: Int?
    var urgency: Urgency?
  }

  private func rows(_ agenda: Agenda) -> [Row] {
    agenda.entries.map { Row(id: $0.id, date: $0.date, daysLeft: $0.daysLeft, urgency: $0.urgency) }
  }

  @Test("Same store, same civil time, three zones: the same agenda",
        arguments: [(9, 0), (0, 30), (23, 30)])
  func sameAgendaInEveryZone(hour: Int, minute: Int) throws {
    let deck = try store()
    let zones = ["Pacific/Auckland", "America/St_Johns", "Europe/Berlin"].map(zone)
    let agendas = zones.map {
      rows(Agenda.build(deck: deck, clock: clock("2026-03-25", hour, minute, in: $0)))
    }
    #expect(!agendas[0].isEmpty)
    #expect(agendas[0] == agendas[1])
    #expect(agendas[1] == agendas[2])
  }

  @Test func daysLeftAcrossTheSpringChangeAreCivilDays() throws {
    // Berlin skips 02:00–03:00 on Sunday 29 March 2026: that day has 23 hours.
    var (deck, postingID, _) = acmeDeck(stage: nil)
    deck.add(allDay(.assessment, "2026-03-30", owner: .posting(postingID)))
    for (hour, minute) in [(0, 0), (12, 0), (23, 59)] {
      let agenda = Agenda.build(deck: deck, clock: clock("2026-03-28", hour, minute))
      #expect(agenda.entries.first?.daysLeft == 2)
    }
    let dayAfter = Agenda.build(deck: deck, clock: clock("2026-03-29", 3, 0))
    #expect(dayAfter.entries.first?.daysLeft == 1)
  }

  @Test func daysLeftAcrossTheAutumnChangeAreCivilDays() throws {
    // Berlin repeats 02:00–03:00 on Sunday 25 October 2026: that day has 25 hours.
    var (deck, postingID, _) = acmeDeck(stage: nil)
    deck.add(allDay(.assessment, "2026-10-26", owner: .posting(postingID)))
    for (hour, minute) in [(0, 0), (23, 59)] {
      let agenda = Agenda.build(deck: deck, clock: clock("2026-10-25", hour, minute))
      #expect(agenda.entries.first?.daysLeft == 1)
      #expect(agenda.entries.first?.urgency == .imminent)
    }
    let before = Agenda.build(deck: deck, clock: clock("2026-10-24", 23, 59))
    #expect(before.entries.first?.daysLeft == 2)
  }

  @Test func timedReminderOneDayAheadKeepsTheWallClockTimeAcrossDST() throws {
    // Interview Monday 30 March 2026 at 10:00 Berlin; 1 day before is Sunday 10:00 (CEST),
    // 23 hours earlier, not 24.
    var (deck, _, applicationID) = acmeDeck(stage: .interview)
    let interview = day("2026-03-30").instant(hour: 10, in: berlin)
    deck.add(Deadline(
      id: "", kind: .interview, due: .timed(interview, timeZone: "Europe/Berlin"),
      leadTimes: [.days(1)], owner: .application(applicationID ?? "")))
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-29", 9, 59)).isEmpty)
    #expect(Agenda.remindersDue(deck: deck, clock: clock("2026-03-29", 10, 0)).count == 1)
  }
}
