import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// The UI keeps a deck in memory for hours; a save must never overwrite a change another process
/// made meanwhile.
@Suite("Saving only over the version last seen")
struct StoreConditionalSaveTests {
  @Test func aSaveOverTheVersionLastSeenSucceedsAndReturnsTheNewVersion() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    let first = try store.save(Fixtures.threeApplications(), ifUnchangedSince: nil)
    #expect(first == store.fingerprint())
    var deck = try store.load().deck
    try deck.move(applicationID: deck.applications[0].id, to: .offer, at: Fixtures.later)
    let second = try store.save(deck, ifUnchangedSince: first)
    #expect(second != first)
    #expect(try store.load().deck == deck)
  }

  @Test func aSaveAfterAnotherProcessSavedIsRefusedAndWritesNothing() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    let seen = try store.save(Fixtures.threeApplications(), ifUnchangedSince: nil)
    // Another process moves an application.
    try StoreFile(path: path).update { deck in
      try deck.move(applicationID: deck.applications[1].id, to: .rejected, at: Fixtures.later)
    }
    let onDisk = Disk.bytes(path)
    var stale = Fixtures.threeApplications()
    try stale.move(applicationID: stale.applications[0].id, to: .offer, at: Fixtures.later)
    #expect(throws: StoreError.changedOnDisk(path: path)) {
      try store.save(stale, ifUnchangedSince: seen)
    }
    #expect(Disk.bytes(path) == onDisk)
  }

  @Test func aFirstSaveIsRefusedWhenSomeoneCreatedTheFileMeanwhile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreFile(path: path).save(Fixtures.threeApplications())
    #expect(throws: StoreError.changedOnDisk(path: path)) {
      try StoreFile(path: path).save(Deck(), ifUnchangedSince: nil)
    }
  }

  @Test func aFingerprintOfAFileThatNeverParsedCannotGetItOverwritten() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    // The header is well formed, the body is not: only a full parse can tell.
    try Disk.write("{\n  \"schemaVersion\": 1,\n  \"postings\": [,]\n}\n", to: path)
    let before = Disk.bytes(path)
    let store = StoreFile(path: path)
    let unverified = try #require(store.fingerprint())
    #expect(!unverified.isVerified)
    #expect(throws: StoreError.self) {
      try store.save(Fixtures.threeApplications(), ifUnchangedSince: unverified)
    }
    #expect(Disk.bytes(path) == before)
  }
}
