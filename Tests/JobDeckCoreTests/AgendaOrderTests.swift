import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

/// Property: the agenda's radix order is exactly the order of its comparison, ties in the
/// order given: same day, same second, same kind and ids with a common start included.
@Suite("Property: the agenda's order is its comparison's")
struct AgendaOrderTests {
  private static let zone = TimeZone(identifier: "Europe/Berlin") ?? .current

  /// The order the agenda promises, the slow and obvious way.
  private static func expectedOrder(_ entries: [AgendaEntry]) -> [Int] {
    entries.indices.sorted { left, right in
      Agenda.isOrderedBefore(entries[left], entries[right])
        || (!Agenda.isOrderedBefore(entries[right], entries[left]) && left < right)
    }
  }

  private static func entries(seed: UInt64, count: Int) -> [AgendaEntry] {
    var generator = SeededGenerator(seed: seed)
    // Long common starts, an id that is a prefix of another, and non-ASCII ones (a composed
    // and a decomposed "é", which compare equal as Strings).
    // Every other seed without them: the ids' integers then decide.
    let ids = ["nordlicht-games-backend-engineer-1/interview",
               "nordlicht-games-backend-engineer-1/follow-up",
               "nordlicht-games-backend-engineer-12/interview", "nordlicht", "a", "b/x", "",
               "cafe-labs/apply-by"]
      + (seed % 2 == 0 ? [] : ["caf\u{E9}-labs/apply-by", "cafe\u{301}-labs/apply-by"])
    let kinds: [DeadlineKind] = [.applicationCutoff, .interview, .followUp, .offerResponse,
                                 .custom]
    let base = Date(timeIntervalSince1970: 1_772_400_000)
    return (0..<count).map { _ in
      let dated = generator.chance(0.9)
      let day = CivilDate(year: 2026, month: 3, day: 1 + Int.random(in: 0..<4, using: &generator))
      let time = dated && generator.chance(0.4)
        ? base.addingTimeInterval(Double(Int.random(in: 0..<4, using: &generator)) * 43_200
          + generator.pick([0, 0.25, 0.5, 1, 3600]))
        : nil
      let date = time.map { CivilDate(containing: $0, in: zone) } ?? (dated ? day : nil)
      return AgendaEntry(
        id: generator.pick(ids), kind: generator.pick(kinds), date: date, time: time,
        timeZone: time == nil ? nil : zone, daysLeft: nil, urgency: nil, company: "",
        title: "", owner: .posting("p"))
    }
  }

  @Test(arguments: PropertySeeds.seeds(default: 50))
  func theOrderIsTheComparisonsWithTiesInTheOrderGiven(seed: UInt64) {
    let entries = Self.entries(seed: seed, count: 1 + Int(seed % 300))
    #expect(Agenda.order(of: entries) == Self.expectedOrder(entries))
  }

  @Test func onlyASCIIIdsLeaveTheComparisonAsTheLastWord() {
    // "cafe\u{301}" is "café": after "cafe-", though its first bytes are "cafe".
    let entries = ["caf\u{E9}", "cafe-labs", "cafe\u{301}"].map {
      AgendaEntry(id: $0, kind: .followUp, date: CivilDate(year: 2026, month: 3, day: 2),
                  daysLeft: 0, urgency: .today, company: "", title: "", owner: .posting("p"))
    }
    #expect(Agenda.order(of: entries) == [1, 0, 2])
  }

  @Test(arguments: PropertySeeds.seeds(default: 20))
  func radixPositionsAreAStableSortOfTheWords(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let count = Int.random(in: 0..<2000, using: &generator)
    let spreads: [UInt64] = [1, 3, 1 << 20, .max]
    let words = (0..<2).map { _ in
      let spread = generator.pick(spreads)
      return (0..<count).map { _ in UInt64.random(in: 0...spread, using: &generator) }
    }
    let expected = (0..<count).sorted {
      (words[0][$0], words[1][$0], $0) < (words[0][$1], words[1][$1], $1)
    }
    #expect(RadixSort.positions(count: count, sortedBy: words) == expected)
  }
}
