import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

/// `Agenda.suggestionEntries` makes entries only for the rows near today that can become a
/// suggestion (a large store's agenda has 100,000): whatever it leaves out must never have made
/// one, in any zone and at any hour, so the suggestions are those made from the whole agenda.
@Suite("Suggestion entries")
struct SuggestionEntriesPropertyTests {
  private static let zones = ["Pacific/Kiritimati", "UTC", "Pacific/Pago_Pago", "Asia/Kolkata"]

  @Test(arguments: PropertySeeds.seeds(default: 150))
  func theSuggestionsAreThoseOfTheWholeAgenda(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed, hostileText: false)
    let deck = generator.deck(maximumRecords: 8)
    let rows = Agenda.rows(of: deck)
    let rules = SuggestionRules(followUpDays: 0, noResponseDays: 0)
    // Days around each deadline's: just inside and just outside the days a passed event is
    // asked about and an offer answer is near.
    var days = Set<Int>()
    for row in rows {
      guard let day = row.sortDay?.dayNumber else { continue }
      for offset in [-4, -3, -2, -1, 0, 1, 13, 14, 15, 16] { days.insert(day + offset) }
    }
    for day in days.sorted().prefix(30) {
      for zone in Self.zones {
        let timeZone = try #require(TimeZone(identifier: zone))
        for hour in [0, 11, 23] {
          let clock = FixedWallClock(date: CivilDate(dayNumber: day), hour: hour, timeZone: timeZone)
          let everything = Agenda.sorted(Agenda.entries(of: rows, clock: clock))
          #expect(
            deck.suggestions(clock: clock, rules: rules)
              == deck.suggestions(clock: clock, rules: rules, visibleEntries: everything),
            "seed \(seed), \(CivilDate(dayNumber: day)) \(hour):00 \(zone)")
        }
      }
    }
  }
}
