import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

/// `store.json.summary.changes`: after saves that go to the journal, the agenda reads the old
/// summary amended by the changes instead of loading the store, and must still give exactly the
/// rows of the deck as saved, whatever the saves changed.
@Suite("Summary changes after journal saves")
struct SummaryChangesTests {
  private static let today = CivilDate(year: 2026, month: 3, day: 2) ?? CivilDate(dayNumber: 0)

  /// Rows in a fixed order: the summary path returns them unsorted.
  private static func sorted(_ rows: [AgendaRow]) -> [AgendaRow] {
    rows.sorted { $0.id < $1.id }
  }

  /// One random edit of the kinds people and the engine make: stage moves, renames, an
  /// application moved to another posting, records added at the end or removed anywhere,
  /// deadlines done, snoozed or moved.
  private static func edit(_ deck: inout Deck, generator: inout DeckGenerator, step: Int) {
    switch generator.int(0...8) {
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

  @Test(arguments: (0..<UInt64(60)).map { 0xC4A6_0000 + $0 })
  func theAmendedSummaryHasExactlyTheRowsOfTheSavedDeck(seed: UInt64) throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    var generator = DeckGenerator(seed: seed, hostileText: true)
    try store.save(generator.deck(maximumRecords: 8), ifUnchangedSince: nil)
    // Read back, as a session does: only a deck read from the store can be journaled.
    let loaded = try store.load()
    var deck = loaded.deck
    var fingerprint = loaded.fingerprint
    _ = try store.loadAgendaRows(for: .everything, today: Self.today)
    let summary = try #require(Disk.text(store.summaryPath))
    let clock = FixedWallClock(date: Self.today, timeZone: TimeZone(identifier: "UTC") ?? .current)
    let window = AgendaQuery(within: .days(14), includePending: false)
    for step in 0..<12 {
      let previous = deck
      Self.edit(&deck, generator: &generator, step: step)
      fingerprint = try store.save(deck, ifUnchangedSince: fingerprint, previous: previous)
      let everything = try store.loadAgendaRows(for: .everything, today: Self.today)
      #expect(Self.sorted(everything.rows) == Self.sorted(Agenda.rows(of: deck)), "step \(step)")
      #expect(everything.deadlineCount == deck.deadlines.count)
      let rows = try store.loadAgendaRows(for: window, today: Self.today).rows
      #expect(Agenda.build(rows: rows, clock: clock, query: window)
        == Agenda.build(deck: deck, clock: clock, query: window), "step \(step)")
      // Read through the changes: the summary itself was not rebuilt.
      #expect(Disk.text(store.summaryPath) == summary, "step \(step)")
    }
  }

  @Test func changesAreOnlyKeptForTheSummaryTheyAmend() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    var generator = DeckGenerator(seed: 42, hostileText: false)
    try store.save(generator.deck(maximumRecords: 6), ifUnchangedSince: nil)
    let loaded = try store.load()
    let deck = loaded.deck
    let fingerprint = loaded.fingerprint
    var moved = deck
    moved.deadlines.append(Deadline(id: "late", kind: .followUp, due: .allDay(Self.today),
      owner: .application("nobody")))
    // No summary yet: a save records nothing, and the agenda builds the summary from the store.
    let saved = try store.save(moved, ifUnchangedSince: fingerprint, previous: deck)
    #expect(Disk.bytes(directory.file("store.json.summary.changes")) == nil)
    #expect(Self.sorted(try store.loadAgendaRows(for: .everything, today: Self.today).rows)
      == Self.sorted(Agenda.rows(of: moved)))
    // Changes that name another summary are not used: the summary is rebuilt instead.
    var again = moved
    again.deadlines.removeAll { $0.id == "late" }
    _ = try store.save(again, ifUnchangedSince: saved, previous: moved)
    let changes = try #require(Disk.text(directory.file("store.json.summary.changes")))
    try changes.replacingOccurrences(of: "\"base\":\"3:", with: "\"base\":\"3:0")
      .write(toFile: directory.file("store.json.summary.changes"), atomically: false,
        encoding: .utf8)
    #expect(Self.sorted(try store.loadAgendaRows(for: .everything, today: Self.today).rows)
      == Self.sorted(Agenda.rows(of: again)))
    #expect(Disk.bytes(directory.file("store.json.summary.changes")) == nil)
  }
}
