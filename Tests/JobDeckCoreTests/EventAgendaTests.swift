import Foundation
import JobDeckCore
import Testing

/// Events with a time (DOMAIN.md "Tasks and events"): after they happen they are not overdue.
@Suite("Events on the agenda")
struct EventAgendaTests {
  private let job = "acme-ml-intern"

  private func deck(with events: [Deadline]) -> Deck {
    var (deck, _, _) = acmeDeck(stage: .interview)
    for event in events { deck.add(event) }
    return deck
  }

  private func timed(_ kind: DeadlineKind, _ date: String, _ hour: Int, duration: Period? = nil,
                     title: String? = nil) -> Deadline
  {
    Deadline(id: "", kind: kind, due: .timed(day(date).instant(hour: hour, in: berlin),
                                               timeZone: "Europe/Berlin"),
             owner: .application(job), title: title, duration: duration)
  }

  @Test func anInterviewThatHappenedThisMorningIsPassedNotOverdue() throws {
    let agenda = Agenda.build(deck: deck(with: [timed(.interview, "2026-03-10", 9)]),
                              clock: clock("2026-03-10", 14))
    let entry = try #require(agenda.entries.first)
    #expect(entry.section == .passed)
    #expect(entry.urgency == nil)
    #expect(entry.flags == [.happened])
  }

  @Test func eventsOfEarlierDaysArePassedButATaskStaysOverdue() {
    let deck = deck(with: [
      timed(.interview, "2026-03-09", 9),
      allDay(.startDate, "2026-03-08", owner: .application(job)),
      timed(.offerResponse, "2026-03-09", 9),
    ])
    let agenda = Agenda.build(deck: deck, clock: clock("2026-03-10", 14))
    #expect(agenda.groups.map(\.section) == [.overdue, .passed])
    #expect(agenda.groups.first?.entries.map(\.kind) == [.offerResponse])
    #expect(agenda.groups.last?.entries.map(\.kind) == [.startDate, .interview])
  }

  @Test func anEventStillAheadTodayIsAPlainTodayEntry() throws {
    let agenda = Agenda.build(deck: deck(with: [timed(.call, "2026-03-10", 16)]),
                              clock: clock("2026-03-10", 14))
    let entry = try #require(agenda.entries.first)
    #expect(entry.section == .today)
    #expect(entry.flags.isEmpty)
  }

  @Test func aHappenedEventSendsNoReminder() {
    let reminders = Agenda.remindersDue(deck: deck(with: [timed(.interview, "2026-03-10", 9)]),
                                        clock: clock("2026-03-10", 14))
    #expect(reminders.isEmpty)
  }

  @Test func eventsOfOneDayAreInTheOrderTheyHappenWhateverTheirKind() {
    let deck = deck(with: [
      timed(.interview, "2026-03-12", 14), timed(.custom, "2026-03-12", 12, title: "Lunch"),
      allDay(.assessment, "2026-03-12", owner: .application(job)),
    ])
    let agenda = Agenda.build(deck: deck, clock: clock("2026-03-10"))
    #expect(agenda.entries.map(\.kind) == [.custom, .interview, .assessment])
  }

  @Test func theEntryCarriesTheEventsDetailsAndItsEnd() throws {
    var event = timed(.interview, "2026-03-12", 14, duration: Period(minutes: 90))
    event.place = "Room 4"
    event.link = "https://meet.example.com/abc"
    let agenda = Agenda.build(deck: deck(with: [event]), clock: clock("2026-03-10"))
    let entry = try #require(agenda.entries.first)
    #expect(entry.event.place == "Room 4")
    #expect(entry.event.link == "https://meet.example.com/abc")
    #expect(entry.endTime == day("2026-03-12").instant(hour: 15, minute: 30, in: berlin))
  }

  @Test func aTimedEventWithoutDurationEndsAfterTheDefaultHour() throws {
    let agenda = Agenda.build(deck: deck(with: [timed(.call, "2026-03-12", 9)]),
                              clock: clock("2026-03-10"))
    let entry = try #require(agenda.entries.first)
    #expect(entry.endTime == day("2026-03-12").instant(hour: 10, in: berlin))
  }

  @Test func archivingTheApplicationOrItsPostingHidesItsDeadlines() throws {
    var deck = deck(with: [timed(.interview, "2026-03-12", 14)])
    try deck.setArchived(true, .application(job), at: noonUTC("2026-03-10"))
    #expect(Agenda.build(deck: deck, clock: clock("2026-03-10")).entries.isEmpty)
    try deck.setArchived(false, .application(job), at: noonUTC("2026-03-10"))
    #expect(Agenda.build(deck: deck, clock: clock("2026-03-10")).entries.count == 1)
    try deck.setArchived(true, .posting(job), at: noonUTC("2026-03-10"))
    #expect(Agenda.build(deck: deck, clock: clock("2026-03-10")).entries.isEmpty)
    #expect(Agenda.rows(of: deck).isEmpty, "the summary's rows follow the same rule")
  }

  @Test func editingAnEventsDateBumpsItsRevisionAndBringsItBack() throws {
    var deck = deck(with: [timed(.interview, "2026-03-12", 14)])
    let id = try #require(deck.deadlines.first?.id)
    try deck.markDone(id, at: noonUTC("2026-03-10"))
    let revision = try #require(deck.deadline(withID: id)?.revision)
    let moved = DeadlineDue.timed(day("2026-03-13").instant(hour: 10, in: berlin),
                                  timeZone: "Europe/Berlin")
    try deck.editDeadline(id, at: noonUTC("2026-03-10")) { $0.due = moved }
    let edited = try #require(deck.deadline(withID: id))
    #expect(edited.due == moved)
    #expect(edited.status == .pending)
    #expect(edited.revision == revision + 1)
  }

  @Test func aCustomEventsIdComesFromItsTitle() {
    var deck = Deck()
    let id = deck.add(timed(.custom, "2026-03-12", 12, title: "Team lunch"))
    #expect(id == "acme-ml-intern/team-lunch")
  }
}
