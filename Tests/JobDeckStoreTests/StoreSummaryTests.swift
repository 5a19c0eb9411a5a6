import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

/// `store.json.summary`, the agenda's cache of a large store: it must show exactly what the full
/// store shows, follow every change of the store or its journal, and never be trusted when it
/// does not read.
@Suite("Agenda summary of a large store")
struct StoreSummaryTests {
  private static let clock = FixedWallClock(
    now: Date(timeIntervalSince1970: 1_772_528_400), timeZone: TimeZone(identifier: "UTC") ?? .current)

  @Test(arguments: (0..<UInt64(200)).map { 0x5EED_0000 + $0 })
  func theAgendaAndRemindersOfTheSummaryAreThoseOfTheWholeDeck(seed: UInt64) {
    var generator = DeckGenerator(seed: seed, instantHourUTC: 12, hostileText: true)
    let deck = generator.deck(maximumRecords: 8)
    let slim = StoreSummary.slimmed(deck)
    var window = AgendaQuery()
    window.within = .days(14)
    window.includePending = false
    for query in [AgendaQuery.everything, window] {
      #expect(Agenda.build(deck: slim, clock: Self.clock, query: query)
        == Agenda.build(deck: deck, clock: Self.clock, query: query))
    }
    #expect(Agenda.remindersDue(deck: slim, clock: Self.clock)
      == Agenda.remindersDue(deck: deck, clock: Self.clock))
  }

  @Test func theSummaryIsWrittenOnceAndReadAfterwards() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    try store.save(Fixtures.threeApplications())
    let first = try store.loadSummary()
    #expect(first.deck == StoreSummary.slimmed(Fixtures.threeApplications()))
    #expect(first.fingerprint == nil && first.isReadOnly)
    let written = try #require(Disk.text(store.summaryPath))
    #expect(written.hasPrefix("{\"jobdeckSummaryOf\":"))
    // Read back from the summary: a marker changed in the summary alone shows up.
    try written.replacingOccurrences(of: "\"followUpAfterDays\":14", with: "\"followUpAfterDays\":15")
      .write(toFile: store.summaryPath, atomically: false, encoding: .utf8)
    #expect(try store.loadSummary().deck.settings.followUpAfterDays == 15)
  }

  @Test func aJournalAppendOrARewriteMakesTheSummaryStale() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    let base = Fixtures.threeApplications()
    let saved = try store.save(base, ifUnchangedSince: nil)
    _ = try store.loadSummary()
    var moved = base
    try moved.move(applicationID: moved.applications[0].id, to: .offer, at: Fixtures.later)
    _ = try store.save(moved, ifUnchangedSince: saved, previous: base)
    #expect(Disk.bytes(store.journalPath) != nil)
    #expect(try store.loadSummary().deck == StoreSummary.slimmed(moved))
    try store.compact()
    try store.update { deck in deck.settings.followUpAfterDays = 3 }
    var expected = moved
    expected.settings.followUpAfterDays = 3
    #expect(try store.loadSummary().deck == StoreSummary.slimmed(expected))
  }

  @Test(arguments: ["", "garbage\n", "{\"jobdeckSummaryOf\":\"1:x\"}\n{\n"])
  func aSummaryThatDoesNotReadIsRebuiltFromTheStore(damage: String) throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    try store.save(Fixtures.threeApplications())
    _ = try store.loadSummary()
    let written = try #require(Disk.text(store.summaryPath))
    // Damage after a correct header too: the content is cut off halfway.
    let header = String(written.prefix { $0 != "\n" }) + "\n"
    for text in [damage, header + String(written.dropFirst(header.count).prefix(40))] {
      try text.write(toFile: store.summaryPath, atomically: false, encoding: .utf8)
      #expect(try store.loadSummary().deck == StoreSummary.slimmed(Fixtures.threeApplications()))
    }
  }

  @Test func aSmallStoreGetsNoSummaryFile() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    try store.save(Fixtures.threeApplications())
    #expect(try store.loadSummary().deck == StoreSummary.slimmed(Fixtures.threeApplications()))
    #expect(Disk.bytes(store.summaryPath) == nil)
  }
}
