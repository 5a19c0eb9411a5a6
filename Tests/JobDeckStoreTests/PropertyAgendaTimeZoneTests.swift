import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// Property: the agenda of all-day deadlines depends on the calendar day the user is in, never
/// on their time zone, the hour, or a DST change (the deadlines issue's three zones: Auckland,
/// St John's at UTC−3:30, Berlin). Decks come from `DeckGenerator`, passed through the store as
/// the CLI and the UI see them; their instants (history, creation) lie at 10:00–11:00 UTC,
/// which is the same calendar day in all three zones, so derived deadlines may differ only if
/// the engine counted seconds instead of days. Timed deadlines are made all-day: an interview
/// at 14:00 in Berlin is legitimately on another day in Auckland.
@Suite("Property: the agenda is the same in every time zone")
struct PropertyAgendaTimeZoneTests {
  static let zones = ["Pacific/Auckland", "America/St_Johns", "Europe/Berlin"]

  func deckThroughTheStore(seed: UInt64) throws -> Deck {
    var generator = DeckGenerator(seed: seed, instantHourUTC: 10, hostileText: false)
    var deck = generator.deck(maximumRecords: 8)
    for index in deck.deadlines.indices {
      if case .timed = deck.deadlines[index].due {
        deck.deadlines[index].due = .allDay(generator.civilDate(years: 2024...2028))
      } else if case .allDay = deck.deadlines[index].due {
        // Near today, so that urgency sections and lead times come into play.
        deck.deadlines[index].due = .allDay(generator.civilDate(years: 2025...2027))
      }
    }
    let data = try StoreEncoder().encode(deck)
    return try StoreDecoder().decode(data, path: "property.json").deck
  }

  func zone(_ identifier: String) throws -> TimeZone {
    try #require(TimeZone(identifier: identifier))
  }

  @Test(arguments: PropertySeeds.seeds(default: 150))
  func sameDayAndHourGiveTheSameAgendaInAucklandStJohnsAndBerlin(seed: UInt64) throws {
    let deck = try deckThroughTheStore(seed: seed)
    var generator = SeededGenerator(seed: seed ^ 0xA6E4DA)
    let today = CivilDate(dayNumber: Int.random(in: 20_089...20_819, using: &generator))
    let hour = Int.random(in: 0...23, using: &generator)
    let minute = Int.random(in: 0...59, using: &generator)
    var agendas: [String: Agenda] = [:]
    for identifier in Self.zones {
      let clock = FixedWallClock(date: today, hour: hour, minute: minute,
                                 timeZone: try zone(identifier))
      #expect(clock.today == today, "\(identifier) seed \(seed)")
      agendas[identifier] = Agenda.build(deck: deck, clock: clock)
    }
    let berlin = try #require(agendas["Europe/Berlin"])
    for identifier in Self.zones {
      #expect(agendas[identifier] == berlin, "\(identifier) differs from Berlin, seed \(seed)")
    }
  }

  /// Every DST change of 2024–2027 in the three zones, the day before, of and after it, at every
  /// hour (including the hour that does not exist and the one that happens twice).
  static func daysAroundDSTChanges() -> [(zone: String, day: CivilDate)] {
    var days: [(String, CivilDate)] = []
    for identifier in zones {
      guard let zone = TimeZone(identifier: identifier) else { continue }
      var instant = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
      let end = Date(timeIntervalSince1970: 1_830_297_600)  // 2028-01-01
      while let next = zone.nextDaylightSavingTimeTransition(after: instant), next < end {
        let day = CivilDate(containing: next, in: zone)
        days += [-1, 0, 1].map { (identifier, day.adding(days: $0)) }
        instant = next
      }
    }
    return days
  }

  @Test func theDSTTableIsNotEmpty() {
    // Four years, two changes a year, three zones, three days each.
    #expect(Self.daysAroundDSTChanges().count == 4 * 2 * 3 * 3)
  }

  @Test(arguments: PropertySeeds.seeds(default: 12))
  func acrossDSTChangesTheAgendaCountsCalendarDays(seed: UInt64) throws {
    let deck = try deckThroughTheStore(seed: seed)
    let utc = try zone("UTC")
    for (identifier, day) in Self.daysAroundDSTChanges() {
      let local = try zone(identifier)
      let reference = Agenda.build(deck: deck, clock: FixedWallClock(date: day, hour: 12,
                                                                    timeZone: utc))
      for hour in 0...23 {
        let clock = FixedWallClock(date: day, hour: hour, minute: 30, timeZone: local)
        #expect(clock.today == day, "\(identifier) \(day) \(hour):30")
        let agenda = Agenda.build(deck: deck, clock: clock)
        #expect(agenda == reference, "\(identifier) \(day) \(hour):30, seed \(seed)")
        for entry in agenda.entries {
          if let date = entry.date, let daysLeft = entry.daysLeft {
            #expect(daysLeft == day.days(until: date), "\(identifier) \(day) \(hour):30")
          }
        }
      }
    }
  }
}
