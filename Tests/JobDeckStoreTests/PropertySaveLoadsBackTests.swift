import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// Issue 12 §1, in process: whatever a save writes, the loader reads back. Random decks get
/// dates and instants on both sides of the range's edges (1899-12-31, 1900-01-01, 2199-12-31,
/// 2200-01-01, instants half a day inside or outside) and periods at and beyond their limits;
/// each is saved through the full rewrite and through the journal. A save either succeeds and
/// loads back equal, or is refused with `DeckError.outsideSupportedDates` and leaves every file
/// as it was.
@Suite("Property: a save either loads back or writes nothing")
struct PropertySaveLoadsBackTests {
  static let edgeDates = ["1899-12-31", "1900-01-01", "1900-01-02", "2024-02-29", "2199-12-30",
                          "2199-12-31", "2200-01-01", "0001-01-01", "9999-12-31"]
    .compactMap(CivilDate.init)
  /// Seconds from 1970: the first and last supported instants, a second either side, and far out.
  static let edgeInstants: [Date] = [
    SupportedDates.firstInstant, SupportedDates.lastInstant,
    SupportedDates.firstInstant.addingTimeInterval(-1), SupportedDates.lastInstant.addingTimeInterval(1),
    Date(timeIntervalSince1970: 253_402_300_740), Date(timeIntervalSince1970: -62_135_596_800),
  ]
  static let edgePeriods = [Period(years: 300), Period(years: 301), Period(days: 109_575),
                            Period(days: -109_576), Period(months: 6), Period(hours: 2_629_801)]

  /// Replaces some of the deck's dates by edge values.
  static func withEdges(_ deck: Deck, _ generator: inout SeededGenerator) -> Deck {
    var deck = deck
    for index in deck.deadlines.indices where generator.chance(0.3) {
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: deck.deadlines[index].due = .allDay(generator.pick(edgeDates))
      case 1:
        deck.deadlines[index].due = .timed(generator.pick(edgeInstants), timeZone: "Etc/GMT+12")
      case 2: deck.deadlines[index].snoozedUntil = generator.pick(edgeDates)
      default: deck.deadlines[index].leadTimes = [generator.pick(edgePeriods)]
      }
    }
    for index in deck.applications.indices where generator.chance(0.3) {
      if generator.chance(0.5) {
        deck.applications[index].terms.startDate = generator.pick(edgeDates)
      } else {
        deck.applications[index].terms.probation = generator.pick(edgePeriods)
      }
    }
    for index in deck.postings.indices where generator.chance(0.2) {
      deck.postings[index].updatedAt = generator.pick(edgeInstants)
    }
    return deck
  }

  func files(_ path: String) -> [Data?] {
    ["", ".bak", ".journal"].map { FileManager.default.contents(atPath: path + $0) }
  }

  @Test(arguments: PropertySeeds.seeds(default: 60))
  func aSaveLoadsBackOrWritesNothing(seed: UInt64) throws {
    var decks = DeckGenerator(seed: seed, hostileText: false)
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    // Odd seeds append to the journal from the first byte, as a store of 1 MB or more does.
    var policy = StoreFile.JournalPolicy.standard
    if seed % 2 == 1 { policy.minimumStoreSize = 1 }
    let store = StoreFile(path: path, journalPolicy: policy)
    let first = decks.deck()
    try store.save(first)
    var current = try store.load().deck
    #expect(current == first, "seed \(seed)")
    for step in 0..<6 {
      let next = Self.withEdges(step % 2 == 0 ? current : decks.deck(), &decks.generator)
      let before = files(path)
      do {
        try store.update { $0 = next }
        let loaded = try store.load().deck
        #expect(loaded == next, "seed \(seed) step \(step)")
        #expect(SupportedDates.problem(in: loaded) == nil, "seed \(seed) step \(step)")
        current = loaded
      } catch let DeckError.outsideSupportedDates(problem) {
        #expect(problem.contains(SupportedDates.rangeText) || problem.contains("300 years"),
                "seed \(seed) step \(step): \(problem)")
        #expect(files(path) == before, "seed \(seed) step \(step): refused but wrote")
        #expect(try store.load().deck == current, "seed \(seed) step \(step)")
      }
    }
  }
}
