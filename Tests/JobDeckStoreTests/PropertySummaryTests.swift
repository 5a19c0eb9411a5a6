import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

/// Property: whatever saves a large store has seen (journal saves, full rewrites, compaction,
/// a hand edit behind JobDeck's back), the agenda's rows it reads are exactly
/// `Agenda.rows(of:)` of the deck the store holds, and after a save made by JobDeck they come
/// from the summary, not from decoding the store.
@Suite("Property: the summary is the agenda's rows of the deck as saved")
struct PropertySummaryTests {
  private static let today = CivilDate(year: 2026, month: 3, day: 2) ?? CivilDate(dayNumber: 0)

  /// One random edit of the kinds people and the engine make: stage moves, renames, an
  /// application moved to another posting, records added at the end or removed anywhere,
  /// deadlines done, snoozed or moved, postings archived.
  private static func edit(_ deck: inout Deck, generator: inout DeckGenerator, step: Int) {
    switch generator.int(0...9) {
    case 0 where !deck.applications.isEmpty:
      let index = generator.int(0...(deck.applications.count - 1))
      deck.applications[index].stage = generator.pick(Stage.allCases)
    case 1 where !deck.postings.isEmpty:
      let index = generator.int(0...(deck.postings.count - 1))
      deck.postings[index].company = generator.text()
    case 2 where !deck.applications.isEmpty:
      // Its deadlines stay behind, owned by an application that is gone.
      deck.applications.remove(at: generator.int(0...(deck.applications.count - 1)))
    case 3 where !deck.applications.isEmpty:
      let index = generator.int(0...(deck.applications.count - 1))
      deck.applications[index].postingID = deck.postings.isEmpty || generator.generator.chance(0.3)
        ? nil : generator.pick(deck.postings).id
    case 4 where !deck.postings.isEmpty:
      deck.postings.remove(at: generator.int(0...(deck.postings.count - 1)))
    case 5 where !deck.deadlines.isEmpty:
      let index = generator.int(0...(deck.deadlines.count - 1))
      deck.deadlines[index].status = generator.pick(DeadlineStatus.allCases)
      deck.deadlines[index].snoozedUntil = generator.maybe { $0.civilDate(years: 2026...2026) }
    case 6 where !deck.deadlines.isEmpty:
      deck.deadlines.remove(at: generator.int(0...(deck.deadlines.count - 1)))
    case 7:
      let posting = generator.posting(id: "new-p\(step)")
      deck.postings.append(posting)
      deck.applications.append(generator.application(id: "new-a\(step)", postingID: posting.id))
    case 8 where !deck.postings.isEmpty:
      let index = generator.int(0...(deck.postings.count - 1))
      deck.postings[index].archivedAt = deck.postings[index].isArchived
        ? nil : Date(timeIntervalSince1970: 1_772_000_000)
    default:
      let owners = deck.postings.map { DeadlineOwner.posting($0.id) }
        + deck.applications.map { DeadlineOwner.application($0.id) }
        + [.application("nobody")]
      var deadline = generator.deadline(id: "new-d\(step)", owner: generator.pick(owners))
      if generator.generator.chance(0.5) {
        deadline.due = .allDay(today.adding(days: generator.int(-10...20)))
      }
      deck.deadlines.append(deadline)
    }
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
    for step in 0..<12 {
      let previous = deck
      Self.edit(&deck, generator: &generator, step: step)
      var savedByJobDeck = true
      switch generator.int(0...5) {
      case 0:
        // A full rewrite: no previous deck to take the difference from.
        fingerprint = try store.save(deck, ifUnchangedSince: fingerprint, previous: nil)
      case 1:
        fingerprint = try store.save(deck, ifUnchangedSince: fingerprint, previous: previous)
        _ = try store.compact()
        fingerprint = try #require(store.fingerprint())
      case 2:
        // A hand edit: the journal folded in first, then the file replaced behind JobDeck.
        _ = try store.compact()
        try StoreEncoder().encode(deck).write(
          to: URL(fileURLWithPath: directory.file("store.json")), options: .atomic)
        fingerprint = try #require(store.fingerprint())
        savedByJobDeck = false
      default:
        fingerprint = try store.save(deck, ifUnchangedSince: fingerprint, previous: previous)
      }
      let everything = try store.loadAgendaRows(for: .everything, today: Self.today)
      #expect(everything.rows == Agenda.rows(of: deck), "step \(step)")
      #expect(everything.deadlineCount == deck.deadlines.count, "step \(step)")
      #expect((everything.deck == nil) == savedByJobDeck, "step \(step)")
      // The reader of a window stops early, and still shows exactly the deck's agenda.
      let rows = try store.loadAgendaRows(for: window, today: Self.today)
      #expect(rows.deck == nil, "step \(step)")
      #expect(Agenda.build(rows: rows.rows, clock: clock, query: window)
        == Agenda.build(deck: deck, clock: clock, query: window), "step \(step)")
    }
  }
}
