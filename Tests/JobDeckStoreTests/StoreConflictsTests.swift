import Foundation
import JobDeckCore
@testable import JobDeckStore
import JobDeckTestSupport
import Testing

/// The store's one list of sync conflicts (`Deck.conflicts`): carried by both writers, both
/// readers and the journal, and absent from the file of a store that has none, so stores written
/// before it existed load and save unchanged.
@Suite("Store conflicts")
struct StoreConflictsTests {
  private static func withConflicts(seed: UInt64) -> Deck {
    var generator = DeckGenerator(seed: seed)
    var deck = generator.deck(maximumRecords: 8)
    let ids = deck.postings.map(\.id) + deck.applications.map(\.id) + ["settings"]
    for _ in 0..<generator.int(1...3) {
      deck.conflicts.append(generator.conflict(recordID: generator.pick(ids)))
    }
    return deck
  }

  @Test(arguments: PropertySeeds.seeds(default: 100))
  func conflictsAreWrittenAndReadBack(seed: UInt64) throws {
    let deck = Self.withConflicts(seed: seed)
    let data = try StoreEncoder().encode(deck)
    #expect(data.withUnsafeBytes { StoreLayout.decode($0) } == deck, "seed \(seed)")
    #expect(try StoreEncoder().encode(StoreDecoder().decode(data, path: "p").deck) == data)
  }

  @Test func aStoreWithoutConflictsHasNoConflictsMember() throws {
    let text = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)
    #expect(!text.contains("\"conflicts\""))
  }

  @Test func aStoreWrittenBeforeConflictsExistedLoadsAndSavesUnchanged() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(Fixtures.handWritten, to: path)
    let store = StoreFile(path: path)
    let loaded = try store.load().deck
    #expect(loaded.conflicts.isEmpty)
    try store.save(loaded)
    #expect(Disk.text(path)?.contains("\"conflicts\"") == false)
    #expect(try StoreFile(path: path).load().deck == loaded)
  }

  @Test func theConflictsLineIsBetweenTheSettingsAndThePostings() throws {
    var deck = Fixtures.threeApplications()
    deck.conflicts = [MergeConflict(
      collection: .application, recordID: deck.applications[0].id, field: "notes",
      losingValue: "\"desktop note\"", keptChangedAt: Fixtures.later, losingChangedAt: nil,
      recordedAt: Fixtures.later)]
    let lines = String(decoding: try StoreEncoder().encode(deck), as: UTF8.self)
      .split(separator: "\n")
    #expect(lines[2].hasPrefix("  \"settings\": "))
    #expect(lines[3] == "  \"conflicts\": [{\"collection\":\"application\",\"field\":\"notes\","
      + "\"keptChangedAt\":\"2026-11-30T00:53:20Z\",\"losingValue\":\"\\\"desktop note\\\"\","
      + "\"recordID\":\"\(deck.applications[0].id)\",\"recordedAt\":\"2026-11-30T00:53:20Z\"}],")
    #expect(lines[4].hasPrefix("  \"postings\": "))
  }

  @Test func aResolvedConflictGoesThroughTheJournal() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    try store.save(Self.withConflicts(seed: 3), ifUnchangedSince: nil)
    let loaded = try store.load()
    var resolved = loaded.deck
    resolved.conflicts.removeFirst()
    try store.save(resolved, ifUnchangedSince: loaded.fingerprint, previous: loaded.deck)
    let journal = String(decoding: Disk.bytes(store.journalPath) ?? [], as: UTF8.self)
    #expect(journal.contains("\"collection\":\"conflicts\""))
    #expect(try StoreFile(path: store.path).load().deck == resolved)
  }
}

/// `jobdeck merge-driver`'s file side: three store files in, the merged one written over ours.
@Suite("Store file merge")
struct StoreFileMergeTests {
  private static let clock = FixedWallClock(now: Fixtures.later,
                                            timeZone: TimeZone(identifier: "UTC") ?? .current)

  @Test func anEmptyAncestorMergesTwoUnrelatedStores() throws {
    let directory = try TemporaryDirectory()
    var ours = Fixtures.threeApplications()
    ours.postings.removeLast()
    let theirs = Deck(postings: [Posting(id: "other", title: "T", company: "C",
                                         createdAt: Fixtures.created)])
    try Disk.write("", to: directory.file("base"))
    try StoreEncoder().encode(ours).write(to: URL(fileURLWithPath: directory.file("ours")))
    try StoreEncoder().encode(theirs).write(to: URL(fileURLWithPath: directory.file("theirs")))
    let result = try StoreFileMerge.merge(
      basePath: directory.file("base"), oursPath: directory.file("ours"),
      theirsPath: directory.file("theirs"), clock: Self.clock)
    let written = try StoreFile(path: directory.file("ours")).load().deck
    #expect(written == result.deck)
    #expect(Set(written.postings.map(\.id)) == Set(ours.postings.map(\.id) + ["other"]))
  }

  @Test func anUnreadableSideLeavesOursAsItWas() throws {
    let directory = try TemporaryDirectory()
    let ours = try StoreEncoder().encode(Fixtures.threeApplications())
    try ours.write(to: URL(fileURLWithPath: directory.file("ours")))
    try Disk.write("{\"schemaVersion\": 1, \"postings\": [", to: directory.file("theirs"))
    try Disk.write("", to: directory.file("base"))
    #expect(throws: StoreError.self) {
      try StoreFileMerge.merge(basePath: directory.file("base"), oursPath: directory.file("ours"),
                               theirsPath: directory.file("theirs"), clock: Self.clock)
    }
    #expect(Disk.bytes(directory.file("ours")) == Array(ours))
  }
}
