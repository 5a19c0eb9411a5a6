import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// Issue 12 §1, in process: whatever a save writes, the loader reads back. Random decks get
/// dates and instants on both sides of the range's edges (1899-12-31, 1900-01-01, 2199-12-31,
/// 2200-01-01, the first and last instants and a second beyond) and periods at and beyond their
/// limits;
/// each is saved through the full rewrite and through the journal. A save either succeeds and
/// loads back equal, or is refused with `DeckError.outsideSupportedDates` and leaves every file
/// as it was.
@Suite("Property: a save either loads back or writes nothing")
struct PropertySaveLoadsBackTests {
  /// The edges inside the range, and just outside it (and far outside).
  static let insideDates = ["1900-01-01", "1900-01-02", "2024-02-29", "2199-12-30", "2199-12-31"]
    .compactMap(CivilDate.init)
  static let outsideDates = ["1899-12-31", "2200-01-01", "0001-01-01", "9999-12-31"]
    .compactMap(CivilDate.init)
  static let insideInstants = [SupportedDates.firstInstant, SupportedDates.lastInstant]
  static let outsideInstants = [
    SupportedDates.firstInstant.addingTimeInterval(-1), SupportedDates.lastInstant.addingTimeInterval(1),
    Date(timeIntervalSince1970: 253_402_300_740), Date(timeIntervalSince1970: -62_135_596_800),
  ]
  static let insidePeriods = [Period(years: 300), Period(days: 109_575), Period(months: 6)]
  static let outsidePeriods = [Period(years: 301), Period(days: -109_576), Period(hours: 2_629_801)]

  /// Replaces some of the deck's dates by values at the range's edges; with `oneOutside`, one
  /// of them (when the deck has a record to hold it) by a value just or far outside.
  static func withEdges(_ deck: Deck, oneOutside: Bool, _ generator: inout SeededGenerator)
    -> Deck
  {
    var deck = deck
    for index in deck.deadlines.indices where generator.chance(0.3) {
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: deck.deadlines[index].due = .allDay(generator.pick(insideDates))
      case 1:
        deck.deadlines[index].due = .timed(generator.pick(insideInstants), timeZone: "Etc/GMT+12")
      case 2: deck.deadlines[index].snoozedUntil = generator.pick(insideDates)
      default: deck.deadlines[index].leadTimes = [generator.pick(insidePeriods)]
      }
    }
    for index in deck.applications.indices where generator.chance(0.3) {
      deck.applications[index].terms.startDate = generator.pick(insideDates)
      deck.applications[index].terms.probation = generator.pick(insidePeriods)
    }
    for index in deck.postings.indices where generator.chance(0.2) {
      deck.postings[index].updatedAt = generator.pick(insideInstants)
    }
    guard oneOutside else { return deck }
    switch Int.random(in: 0..<3, using: &generator) {
    case 0 where !deck.deadlines.isEmpty:
      let index = Int.random(in: deck.deadlines.indices, using: &generator)
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: deck.deadlines[index].due = .allDay(generator.pick(outsideDates))
      case 1:
        deck.deadlines[index].due = .timed(generator.pick(outsideInstants), timeZone: "UTC")
      case 2: deck.deadlines[index].snoozedUntil = generator.pick(outsideDates)
      default: deck.deadlines[index].leadTimes = [generator.pick(outsidePeriods)]
      }
    case 1 where !deck.applications.isEmpty:
      let index = Int.random(in: deck.applications.indices, using: &generator)
      if generator.chance(0.5) {
        deck.applications[index].terms.contractEnd = generator.pick(outsideDates)
      } else {
        deck.applications[index].createdAt = generator.pick(outsideInstants)
      }
    default:
      if !deck.postings.isEmpty {
        let index = Int.random(in: deck.postings.indices, using: &generator)
        deck.postings[index].createdAt = generator.pick(outsideInstants)
      }
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
    let policy = seed % 2 == 1 ? StoreFile.JournalPolicy.always : .standard
    let store = StoreFile(path: path, journalPolicy: policy)
    let first = decks.deck()
    try store.save(first)
    var current = try store.load().deck
    #expect(current == first, "seed \(seed)")
    var journaled = false
    var saves: [Int] = []
    for step in 0..<6 {
      let oneOutside = decks.generator.chance(0.4)
      var next = Self.withEdges(step % 2 == 0 ? current : decks.deck(), oneOutside: oneOutside,
                                &decks.generator)
      if step % 2 == 0 {
        // A change to the deck as read, so that it has something to journal: a new deck has no
        // change record and is written whole.
        next.postings.append(Posting(id: "added-at-step-\(step)", title: "Added", company: "Acme",
          createdAt: Date(timeIntervalSince1970: 1_700_000_000)))
      }
      let before = files(path)
      do {
        try store.update { $0 = next }
        let loaded = try store.load().deck
        #expect(loaded == next, "seed \(seed) step \(step)")
        #expect(SupportedDates.problem(in: loaded) == nil, "seed \(seed) step \(step)")
        current = loaded
        saves.append(step)
        if FileManager.default.fileExists(atPath: path + ".journal") { journaled = true }
        #expect(!oneOutside || SupportedDates.problem(in: next) == nil, "seed \(seed) step \(step)")
      } catch let DeckError.outsideSupportedDates(problem) {
        #expect(problem.contains(SupportedDates.rangeText) || problem.contains("300 years"),
                "seed \(seed) step \(step): \(problem)")
        #expect(files(path) == before, "seed \(seed) step \(step): refused but wrote")
        #expect(try store.load().deck == current, "seed \(seed) step \(step)")
      }
    }
    // The journal's own check (only the records a save appends) must have been exercised.
    if seed % 2 == 1 { #expect(journaled, "seed \(seed) never appended to the journal; saved \(saves)") }
  }
}
