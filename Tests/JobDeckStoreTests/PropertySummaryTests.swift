import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

/// Property: whatever saves a large store has seen (journal saves, which append to the summary,
/// full rewrites, compaction, a hand edit behind JobDeck's back), the agenda's rows it reads are
/// exactly `Agenda.rows(of:)` of the deck the store holds, and after a save made by JobDeck they
/// come from the summary, not from decoding the store.
@Suite("Property: the summary is the agenda's rows of the deck as saved")
struct PropertySummaryTests {
  private static let today = CivilDate(year: 2026, month: 3, day: 2) ?? CivilDate(dayNumber: 0)

  private static func sortedByID(_ rows: [AgendaRow]) -> [AgendaRow] {
    rows.sorted { $0.id < $1.id }
  }

  @Test(arguments: PropertySeeds.seeds(default: 60))
  func theRowsReadAreTheRowsOfTheDeckAfterAnySequenceOfSaves(seed: UInt64) throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    var generator = DeckGenerator(seed: seed, hostileText: true)
    var deck = generator.deck(maximumRecords: 8)
    var fingerprint = try store.save(deck, ifUnchangedSince: nil)
    let clock = FixedWallClock(date: Self.today, timeZone: TimeZone(identifier: "UTC") ?? .current)
    let window = AgendaQuery(within: .days(14), includePending: false)
    // A hand edit's summary that no reader has made again yet: a save that changes nothing
    // writes nothing, so it stays as it is.
    var leftStale = false
    for step in 0..<12 {
      let previous = deck
      generator.edit(&deck, step: step, today: Self.today)
      var savedByJobDeck = true
      switch generator.int(0...5) {
      case 0:
        // A full rewrite: no previous deck to take the difference from.
        fingerprint = try store.save(deck, ifUnchangedSince: fingerprint, previous: nil)
      case 1:
        fingerprint = try store.save(deck, ifUnchangedSince: fingerprint, previous: previous)
        _ = try store.compact()
        let current: StoreFingerprint = try #require(store.fingerprint())
        fingerprint = current
      case 2:
        // A hand edit: the journal folded in first, then the file replaced behind JobDeck.
        _ = try store.compact()
        try StoreEncoder().encode(deck).write(
          to: URL(fileURLWithPath: directory.file("store.json")), options: .atomic)
        let current: StoreFingerprint = try #require(store.fingerprint())
        fingerprint = current
        savedByJobDeck = false
      default:
        fingerprint = try store.save(deck, ifUnchangedSince: fingerprint, previous: previous)
      }
      if savedByJobDeck, deck != previous { leftStale = false }
      // Some saves follow each other unread: appends on appends, and a save over a summary
      // that a hand edit left stale.
      if step < 11, generator.int(0...3) == 0 {
        if !savedByJobDeck { leftStale = true }
        continue
      }
      let everything = try store.loadAgendaRows(for: .everything, today: Self.today)
      // After journal saves the summary holds rows appended after the others: the same rows,
      // in another order (`Agenda.build` sorts).
      #expect(Self.sortedByID(everything.rows) == Self.sortedByID(Agenda.rows(of: deck)),
        "step \(step)")
      #expect(everything.deadlineCount == deck.deadlines.count, "step \(step)")
      if !leftStale {
        #expect(!everything.readTheStore == savedByJobDeck, "step \(step)")
      }
      leftStale = false
      // The reader of a window stops early, and still shows exactly the deck's agenda.
      let rows = try store.loadAgendaRows(for: window, today: Self.today)
      #expect(!rows.readTheStore, "step \(step)")
      #expect(Agenda.build(rows: rows.rows, clock: clock, query: window)
        == Agenda.build(deck: deck, clock: clock, query: window), "step \(step)")
    }
  }
}
