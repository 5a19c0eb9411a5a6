import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

@Suite("Journal: a save writes the records its changes touched")
struct StoreJournalTouchedIDsTests {
  private func journalOperations(_ store: StoreFile) throws -> [StoreJournal.Operation] {
    let data = try #require(FileManager.default.contents(atPath: store.journalPath))
    return try StoreJournal.parse(data, path: store.journalPath).operations
  }

  @Test func undoingASavedMoveAndSavingJournalsTheApplicationAsItWas() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    try store.save(Fixtures.threeApplications())
    let loaded = try store.load()
    let original = loaded.deck
    var moved = original
    let applicationID = original.applications[1].id
    try moved.move(applicationID: applicationID, to: .interview, at: Fixtures.later)
    let afterMove = try store.save(moved, ifUnchangedSince: loaded.fingerprint, previous: original)
    #expect(try journalOperations(store) == [.putApplication(moved.applications[1])])

    // Undo gives back the deck as loaded; saving it puts that one application back.
    try store.save(original, ifUnchangedSince: afterMove, previous: moved)
    #expect(try journalOperations(store)
      == [.putApplication(moved.applications[1]), .putApplication(original.applications[1])])
    #expect(try StoreFile(path: store.path).load().deck == original)
  }

  @Test func aDeckNotReadFromTheStoreIsWrittenWhole() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    let deck = Fixtures.threeApplications()
    let fingerprint = try store.save(deck, ifUnchangedSince: nil)
    var changed = deck
    changed.postings[0].title = "Changed"
    // Neither deck came from the store, so nothing says which records differ.
    try store.save(changed, ifUnchangedSince: fingerprint, previous: deck)
    #expect(FileManager.default.contents(atPath: store.journalPath) == nil)
    #expect(try store.load().deck == changed)
  }

  @Test func aStoreWithARepeatedIdLoadsAndSavesEveryRecord() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    var deck = Fixtures.threeApplications()
    // As a hand edit or a merge of two copies can leave it.
    deck.postings[2].id = deck.postings[0].id
    try store.save(deck)
    let loaded = try store.load().deck
    #expect(loaded.postings.count == 3)
    #expect(loaded == deck)
    #expect(loaded.postings.hasRepeatedIDs)

    try store.update { deck in deck.postings[2].title = "Second of the two" }
    let updated = try store.load().deck
    #expect(updated.postings.map(\.title) == [deck.postings[0].title, deck.postings[1].title,
      "Second of the two"])
  }
}
