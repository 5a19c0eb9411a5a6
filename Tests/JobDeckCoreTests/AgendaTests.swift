import Foundation
import Testing
import JobDeckCore

@Suite("Agenda")
struct AgendaTests {
  private let job = "acme-ml-intern"
  private let today = "2026-03-10"  // a Tuesday

  /// One take-home (a task) per distance from today, on the application.
  private func spread(_ offsets: [Int]) -> Deck {
    var (deck, _, _) = acmeDeck(stage: .interview)
    for offset in offsets {
      deck.add(Deadline(
        id: "", kind: .takeHome, due: .allDay(day(today).adding(days: offset)),
        owner: .application(job)))
    }
    return deck
  }

  @Test func groupsComeInDisplayOrder() {
    let deck = spread([20, 10, 5, 0, -3])
    let agenda = Agenda.build(deck: deck, clock: clock(today))
    #expect(agenda.groups.map(\.title) == ["Overdue", "Today", "This week", "Next two weeks", "Later"])
    #expect(agenda.entries.map(\.daysLeft) == [-3, 0, 5, 10, 20])
  }

  @Test func entriesCarryCompanyTitleAndOwner() throws {
    let entry = try #require(Agenda.build(deck: spread([1]), clock: clock(today)).entries.first)
    #expect(entry.company == "Acme")
    #expect(entry.title == "ML Intern")
    #expect(entry.owner == .application(job))
    #expect(entry.urgency == .imminent)
  }

  @Test func withinKeepsWhatIsDueByTheHorizonPlusEverythingOverdue() {
    let deck = spread([-30, 0, 7, 8])
    let agenda = Agenda.build(deck: deck, clock: clock(today), query: AgendaQuery(within: .days(7)))
    #expect(agenda.entries.map(\.daysLeft) == [-30, 0, 7])
  }

  @Test func overdueOnlyShowsOnlyOverdue() {
    let deck = spread([-2, -1, 0, 3])
    let agenda = Agenda.build(
      deck: deck, clock: clock(today), query: AgendaQuery(overdueOnly: true))
    #expect(agenda.entries.map(\.daysLeft) == [-2, -1])
  }

  @Test func fromStartsTheWindowAndWithinCountsFromIt() {
    let deck = spread([-1, 2, 5, 9, 12])
    let query = AgendaQuery(within: .days(4), from: day(today).adding(days: 5))
    let agenda = Agenda.build(deck: deck, clock: clock(today), query: query)
    #expect(agenda.entries.map(\.daysLeft) == [5, 9])
  }

  @Test func beforeExcludesTheDayAndByIncludesIt() {
    let deck = spread([1, 3])
    let limit = day(today).adding(days: 3)
    let before = Agenda.build(deck: deck, clock: clock(today), query: .before(limit))
    let by = Agenda.build(deck: deck, clock: clock(today), query: .by(limit))
    #expect(before.entries.map(\.daysLeft) == [1])
    #expect(by.entries.map(\.daysLeft) == [1, 3])
  }

  @Test func kindsFilterKeepsOnlyThoseKinds() {
    var deck = spread([1])
    deck.add(allDay(.offerResponse, "2026-03-12", owner: .application(job)))
    let agenda = Agenda.build(
      deck: deck, clock: clock(today), query: AgendaQuery(kinds: [.offerResponse]))
    #expect(agenda.entries.map(\.kind) == [.offerResponse])
  }

  /// A day reads as a timeline: timed entries in the order they happen, then the all-day ones
  /// by kind.
  @Test func sameDaySortsByTimeThenKind() {
    var (deck, postingID, _) = acmeDeck(stage: nil)
    let owner = DeadlineOwner.posting(postingID)
    deck.add(Deadline(
      id: "", kind: .interview,
      due: .timed(day("2026-03-12").instant(hour: 15, in: berlin), timeZone: "Europe/Berlin"),
      owner: owner))
    deck.add(Deadline(
      id: "", kind: .interview,
      due: .timed(day("2026-03-12").instant(hour: 9, in: berlin), timeZone: "Europe/Berlin"),
      owner: owner))
    deck.add(allDay(.assessment, "2026-03-12", owner: owner))
    deck.add(allDay(.applicationCutoff, "2026-03-12", owner: owner))
    deck.add(allDay(.followUp, "2026-03-11", owner: owner))
    let entries = Agenda.build(deck: deck, clock: clock(today)).entries
    #expect(entries.map(\.kind) == [.followUp, .interview, .interview, .applicationCutoff, .assessment])
    #expect(entries[1].time == day("2026-03-12").instant(hour: 9, in: berlin))
  }

  @Test func snoozedDeadlineHidesUntilItsDayAndThenReturns() throws {
    var deck = spread([5])
    let id = try #require(deck.deadlines.first?.id)
    try deck.snooze(id, until: day("2026-03-13"))
    #expect(Agenda.build(deck: deck, clock: clock("2026-03-12", 23, 59)).entries.isEmpty)
    #expect(Agenda.build(deck: deck, clock: clock("2026-03-13", 0, 0)).entries.count == 1)
  }

  @Test func doneAndDismissedDeadlinesLeaveTheAgenda() throws {
    var deck = spread([1, 2, 3])
    try deck.markDone(deck.deadlines[0].id, at: noonUTC(today))
    try deck.dismiss(deck.deadlines[1].id, at: noonUTC(today))
    let agenda = Agenda.build(deck: deck, clock: clock(today))
    #expect(agenda.entries.map(\.daysLeft) == [3])
  }

  @Test func deadlinesOfAClosedApplicationLeaveTheAgenda() throws {
    var deck = spread([1])
    try deck.move(applicationID: job, to: .rejected, at: noonUTC(today))
    #expect(Agenda.build(deck: deck, clock: clock(today)).entries.isEmpty)
  }

  @Test func cutoffOfASavedPostingIsFlaggedNotAppliedYet() throws {
    var (deck, postingID, _) = acmeDeck(stage: .saved)
    deck.add(allDay(.applicationCutoff, "2026-03-12", owner: .posting(postingID)))
    let entry = try #require(Agenda.build(deck: deck, clock: clock(today)).entries.first)
    #expect(entry.flags == [.notAppliedYet])
    #expect(entry.urgency == .imminent)
  }

  @Test func cutoffWithNoApplicationIsFlaggedNotAppliedYet() throws {
    var (deck, postingID, _) = acmeDeck(stage: nil)
    deck.add(allDay(.applicationCutoff, "2026-03-12", owner: .posting(postingID)))
    let entry = try #require(Agenda.build(deck: deck, clock: clock(today)).entries.first)
    #expect(entry.flags == [.notAppliedYet])
  }

  @Test func cutoffThatPassedUnappliedIsShownAsMissed() throws {
    var (deck, postingID, _) = acmeDeck(stage: .saved)
    deck.add(allDay(.applicationCutoff, "2026-03-09", owner: .posting(postingID)))
    let agenda = Agenda.build(deck: deck, clock: clock(today))
    let entry = try #require(agenda.entries.first)
    #expect(entry.flags == [.notAppliedYet, .missed])
    #expect(agenda.groups.first?.section == .overdue)
  }

  @Test func cutoffLeavesTheAgendaOnceApplied() throws {
    var (deck, postingID, _) = acmeDeck(stage: .saved)
    deck.add(allDay(.applicationCutoff, "2026-03-12", owner: .posting(postingID)))
    try deck.move(applicationID: job, to: .applied, at: noonUTC(today))
    let agenda = Agenda.build(deck: deck, clock: clock(today))
    #expect(!agenda.entries.contains { $0.kind == .applicationCutoff })
  }

  @Test func allShowsAnAppliedToCutoffNeitherNotAppliedYetNorMissed() throws {
    var (deck, postingID, _) = acmeDeck(stage: .saved)
    deck.add(allDay(.applicationCutoff, "2026-03-09", owner: .posting(postingID)))
    deck.add(allDay(.applicationCutoff, "2026-03-12", owner: .posting(postingID)))
    try deck.move(applicationID: job, to: .applied, at: noonUTC(today))
    let rows = Agenda.rows(of: deck, includingClosed: true)
    let entries = Agenda.entries(of: rows, clock: clock(today))
    #expect(entries.map(\.date) == [day("2026-03-09"), day("2026-03-12")])
    #expect(entries.map(\.flags) == [[.happened], []])
    #expect(entries.map(\.section) == [.passed, .thisWeek])
    // Back to "saved" (the application was withdrawn from the pipeline by mistake): flagged again.
    try deck.move(applicationID: job, to: .saved, at: noonUTC(today))
    let again = Agenda.entries(of: Agenda.rows(of: deck, includingClosed: true), clock: clock(today))
    #expect(again.map(\.flags) == [[.notAppliedYet, .missed], [.notAppliedYet]])
  }

  @Test func theApplicationsDerivedStartSupersedesTheAdsStart() throws {
    var (deck, postingID, _) = acmeDeck(stage: .offer)
    deck.add(allDay(.startDate, "2026-06-01", owner: .posting(postingID)))
    let before = Agenda.build(deck: deck, clock: clock(today)).entries
    #expect(before.map(\.owner) == [.posting(postingID)])
    try deck.move(applicationID: job, to: .accepted, at: noonUTC(today))
    try deck.setTerms(applicationID: job) { $0.startDate = day("2026-06-02") }
    let after = Agenda.build(deck: deck, clock: clock(today)).entries
    #expect(after.map(\.owner) == [.application(job)])
    #expect(after.map(\.date) == [day("2026-06-02")])
  }

  @Test func jsonHasStableCamelCaseFields() throws {
    var deck = spread([3])
    deck.deadlines[0].phrase = "due Friday"
    let entry = try #require(Agenda.build(deck: deck, clock: clock(today)).entries.first)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = try #require(String(data: try encoder.encode(entry), encoding: .utf8))
    #expect(json.contains(#""date":"2026-03-13""#))
    #expect(json.contains(#""daysLeft":3"#))
    #expect(json.contains(#""urgency":"soon""#))
    #expect(json.contains(#""kind":"takeHome""#))
    #expect(json.contains(#""note":null"#))
    #expect(json.contains(#""owner":"acme-ml-intern""#))
    #expect(json.contains(#""time":null"#))
    #expect(json.contains(#""pendingOn":null"#))
    #expect(json.contains(#""flags":[]"#))
    #expect(json.contains(#""phrase":"due Friday""#))
    #expect(json.contains(#""company":"Acme""#))
  }

  @Test func jsonTimeIsISO8601InUTC() throws {
    var (deck, _, _) = acmeDeck(stage: .interview)
    deck.add(Deadline(
      id: "", kind: .interview,
      due: .timed(day("2026-03-11").instant(hour: 14, in: berlin), timeZone: "Europe/Berlin"),
      owner: .application(job)))
    let entry = try #require(Agenda.build(deck: deck, clock: clock(today)).entries.first)
    let json = try #require(String(data: try JSONEncoder().encode(entry), encoding: .utf8))
    #expect(json.contains(#""time":"2026-03-11T13:00:00Z""#))
    #expect(json.contains(#""timeZone":"Europe\/Berlin""#))
  }
}
