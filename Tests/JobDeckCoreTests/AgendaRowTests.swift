import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckCore

/// `Agenda.rows(of:)`, the agenda before the clock comes in. The summary's reader hands over only
/// the rows up to `AgendaQuery.latestSortDay(today:)`; the agenda of those must be exactly the
/// agenda of all of them, in every zone, on every day.
@Suite("Agenda rows")
struct AgendaRowTests {
  private static let today = CivilDate(year: 2026, month: 3, day: 2) ?? CivilDate(dayNumber: 0)

  /// Zones at the edges of the offsets (+14 h, −11 h) and in between, so that timed deadlines
  /// fall on a day other than their UTC day.
  private static let zones = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Asia/Kolkata",
    "America/St_Johns"].compactMap(TimeZone.init(identifier:))

  private static let queries: [AgendaQuery] = [
    .everything,
    AgendaQuery(within: .days(14), includePending: false),
    AgendaQuery(within: .days(0), includePending: false),
    AgendaQuery(within: .weeks(1), from: today.adding(days: -10)),
    AgendaQuery(within: .days(3), from: today.adding(days: 5), includeOverdue: false),
    AgendaQuery(overdueOnly: true),
    .before(today.adding(days: 4)),
    .by(today.adding(days: -2)),
    AgendaQuery(within: .days(20), kinds: [.interview, .applicationCutoff]),
  ]

  /// A generated deck whose all-day and timed deadlines fall within a few weeks of `today`,
  /// at any hour, so that every window and zone boundary is exercised.
  private static func deckNearToday(seed: UInt64) -> Deck {
    var generator = DeckGenerator(seed: seed, hostileText: true)
    var deck = generator.deck(maximumRecords: 10)
    var random = SeededGenerator(seed: seed ^ 0xA6E4_DA00)
    for index in deck.deadlines.indices {
      let day = today.adding(days: Int.random(in: -20...25, using: &random))
      switch deck.deadlines[index].due {
      case .allDay: deck.deadlines[index].due = .allDay(day)
      case .timed(_, let zone):
        let second = day.dayNumber * 86_400 + Int.random(in: 0..<86_400, using: &random)
        deck.deadlines[index].due = .timed(Date(timeIntervalSince1970: Double(second)),
          timeZone: zone)
      case .relative: break
      }
      if random.chance(0.2) {
        deck.deadlines[index].snoozedUntil = today.adding(days: Int.random(in: -3...3, using: &random))
      }
    }
    return deck
  }

  @Test(arguments: (0..<UInt64(150)).map { 0x0A6E_0000 + $0 })
  func theAgendaOfTheRowsUpToTheBoundIsTheAgendaOfAllRows(seed: UInt64) {
    let deck = Self.deckNearToday(seed: seed)
    let rows = Agenda.rows(of: deck)
    for zone in Self.zones {
      for hour in [0, 9, 23] {
        let clock = FixedWallClock(date: Self.today, hour: hour, timeZone: zone)
        for query in Self.queries {
          let expected = Agenda.build(rows: rows, clock: clock, query: query)
          // What the summary's reader hands over: the rows up to the query's bound.
          let latest = query.latestSortDay(today: clock.today)
          let window = rows.filter { row in
            guard let day = row.sortDay else { return query.needsPendingRows }
            return latest.map { day <= $0 } ?? true
          }
          #expect(Agenda.build(rows: window, clock: clock, query: query) == expected,
            "zone \(zone.identifier) hour \(hour) query \(query)")
        }
      }
    }
  }

  /// The postings' Due column places every deadline without making its entry: where it falls
  /// must be what its entry shows, and a deadline off the agenda must have no place.
  @Test(arguments: (0..<UInt64(60)).map { 0x0A6E_1000 + $0 })
  func aDeadlinesPlacementIsWhatItsEntryShows(seed: UInt64) {
    let deck = Self.deckNearToday(seed: seed)
    let index = DeckIndex(deck)
    for zone in Self.zones {
      for hour in [0, 9, 23] {
        let clock = FixedWallClock(date: Self.today, hour: hour, timeZone: zone)
        for deadline in deck.deadlines {
          let entry = Agenda.entry(for: deadline, in: deck, index: index, clock: clock)
          let placement = Agenda.placement(
            of: deadline, index: index, today: clock.today, clock: clock)
          #expect(placement?.date == entry?.date && placement?.time == entry?.time
            && placement?.daysLeft == entry?.daysLeft && placement?.urgency == entry?.urgency
            && placement?.hasHappened == entry?.flags.contains(.happened)
            && placement?.pendingOn == entry?.pendingOn,
            "deadline \(deadline.id) zone \(zone.identifier) hour \(hour)")
        }
      }
    }
  }

  @Test func rowsAreInDayOrderWithPendingOnesLast() {
    for seed in UInt64(0)..<50 {
      let days = Agenda.rows(of: Self.deckNearToday(seed: seed)).map { $0.sortDay?.dayNumber ?? .max }
      #expect(days == days.sorted())
    }
  }

  /// A deck large enough for its rows to be made on both cores: the rows its deadlines make one
  /// at a time, in day order, ties (many here, within and across the halves) in deck order.
  @Test func aLargeDecksRowsAreItsDeadlinesRowsInDayOrderThenDeckOrder() throws {
    // The first generated deck with a few rows of several days.
    var deck = try #require((UInt64(0)..<200).lazy.map(Self.deckNearToday(seed:)).first {
      Set(Agenda.rows(of: $0).map(\.sortDay)).count >= 3
    })
    let originals = deck.deadlines.elements
    var copy = 0
    while deck.deadlines.count < 5_000 {
      copy += 1
      for var deadline in originals {
        deadline.id += "-\(copy)"
        deck.deadlines.append(deadline)
      }
    }
    let index = DeckIndex(deck)
    let oneByOne = deck.deadlines.elements.compactMap { Agenda.row(for: $0, index: index) }
    let expected = oneByOne.indices.sorted {
      (oneByOne[$0].sortDay?.dayNumber ?? .max, $0) < (oneByOne[$1].sortDay?.dayNumber ?? .max, $1)
    }.map { oneByOne[$0] }
    #expect(Agenda.rows(of: deck, index: index) == expected)
  }

  @Test func rowsLeaveOutWhatTheAgendaNeverShowsAndKeepNames() throws {
    let created = Date(timeIntervalSince1970: 1_772_000_000)
    var deck = Deck(postings: [Posting(id: "p", title: "Intern", company: "Acme",
      createdAt: created, updatedAt: created)])
    deck.deadlines = [
      Deadline(id: "done", kind: .interview, due: .allDay(Self.today), status: .done,
        owner: .posting("p")),
      Deadline(id: "open", kind: .followUp, due: .allDay(Self.today), owner: .posting("p")),
    ]
    let row = try #require(Agenda.rows(of: deck).first)
    #expect(Agenda.rows(of: deck).count == 1)
    #expect(row.id == "open" && row.company == "Acme" && row.title == "Intern")
    #expect(row.leadTimes == DeadlineKind.followUp.defaultLeadTimes)
  }

  @Test func aSnoozedRowComesBackOnItsDay() {
    let row = AgendaRow(id: "d", kind: .followUp, due: .day(Self.today.adding(days: 5)),
      snoozedUntil: Self.today.adding(days: 1), company: "Acme", title: "Intern",
      owner: .posting("p"), leadTimes: [])
    let utc = TimeZone(identifier: "UTC") ?? .current
    let todayClock = FixedWallClock(date: Self.today, timeZone: utc)
    let tomorrowClock = FixedWallClock(date: Self.today.adding(days: 1), timeZone: utc)
    #expect(row.entry(today: todayClock.today, clock: todayClock) == nil)
    #expect(row.entry(today: tomorrowClock.today, clock: tomorrowClock)?.daysLeft == 4)
  }

  @Test func theBoundCoversTheLatestDayAQueryCanShowPlusAZoneDay() {
    let today = Self.today
    #expect(AgendaQuery.everything.latestSortDay(today: today) == nil)
    #expect(AgendaQuery(within: .days(14)).latestSortDay(today: today) == today.adding(days: 15))
    #expect(AgendaQuery(overdueOnly: true).latestSortDay(today: today) == today.adding(days: 1))
    #expect(AgendaQuery.before(today).latestSortDay(today: today) == today)
    // A window that ended in the past still shows what is overdue up to today.
    #expect(AgendaQuery(within: .days(1), from: today.adding(days: -30))
      .latestSortDay(today: today) == today.adding(days: 1))
  }
}
