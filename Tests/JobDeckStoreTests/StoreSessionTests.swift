import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// The CLI and the UI reach the store through a session: it saves only over the version it last
/// saw, so a change another process saved meanwhile is never overwritten.
@Suite("A session on the store")
struct StoreSessionTests {
  @Test func openReadsTheStoreAndASaveOverThatVersionSucceeds() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let session = StoreSession(file: StoreFile(path: path))
    var deck = try session.open().deck
    #expect(deck == Fixtures.threeApplications())
    try deck.move(applicationID: deck.applications[0].id, to: .offer, at: Fixtures.later)
    try session.save(deck)
    #expect(try StoreFile(path: path).load().deck == deck)
    #expect(session.seenVersion == StoreFile(path: path).fingerprint())
    #expect(session.seenDeck == deck)
  }

  @Test func aFirstSaveCreatesTheStore() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("new/store.json")
    let session = StoreSession(file: StoreFile(path: path))
    #expect(try session.open().deck == Deck())
    try session.save(Fixtures.threeApplications())
    #expect(try StoreFile(path: path).load().deck == Fixtures.threeApplications())
  }

  @Test func aSaveAfterAnotherProcessSavedIsRefusedAndWritesNothing() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let session = StoreSession(file: StoreFile(path: path))
    var deck = try session.open().deck
    try StoreSession(file: StoreFile(path: path)).update { deck in
      try deck.move(applicationID: deck.applications[1].id, to: .rejected, at: Fixtures.later)
    }
    let onDisk = Disk.bytes(path)
    try deck.move(applicationID: deck.applications[0].id, to: .offer, at: Fixtures.later)
    #expect(throws: StoreError.changedOnDisk(path: path)) { try session.save(deck) }
    #expect(Disk.bytes(path) == onDisk)
  }

  @Test func afterARefusalTheSessionReloadsAndTheReplayedEditSavesOverTheNewVersion() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let session = StoreSession(file: StoreFile(path: path))
    var deck = try session.open().deck
    let ours = deck.applications[0].id
    let theirs = deck.applications[1].id
    try StoreSession(file: StoreFile(path: path)).update { deck in
      try deck.move(applicationID: theirs, to: .rejected, at: Fixtures.later)
    }
    try deck.move(applicationID: ours, to: .offer, at: Fixtures.later)
    #expect(throws: StoreError.changedOnDisk(path: path)) { try session.save(deck) }
    var reloaded = try #require(session.reloadIfChanged())
    #expect(reloaded.application(withID: theirs)?.stage == .rejected)
    try reloaded.move(applicationID: ours, to: .offer, at: Fixtures.later)
    try session.save(reloaded)
    let saved = try StoreFile(path: path).load().deck
    #expect(saved.application(withID: ours)?.stage == .offer)
    #expect(saved.application(withID: theirs)?.stage == .rejected)
  }

  @Test func reloadIfChangedIsNilWhileTheStoreIsTheVersionLastSeen() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let session = StoreSession(file: StoreFile(path: path))
    var deck = try session.open().deck
    #expect(session.reloadIfChanged() == nil)
    try deck.move(applicationID: deck.applications[0].id, to: .offer, at: Fixtures.later)
    try session.save(deck)
    #expect(session.reloadIfChanged() == nil)
  }

  @Test func aStoreThatStopsParsingIsNotReloadedAndNotOverwritten() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let session = StoreSession(file: StoreFile(path: path))
    let deck = try session.open().deck
    try Disk.write("{\n  \"schemaVersion\": 1,\n  \"postings\": [,]\n}\n", to: path)
    let broken = Disk.bytes(path)
    #expect(session.reloadIfChanged() == nil)
    #expect(throws: StoreError.self) { try session.save(deck) }
    #expect(Disk.bytes(path) == broken)
  }

  @Test func updateSavesTheChangeAndTheSessionHasSeenTheVersionItLeft() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let session = StoreSession(file: StoreFile(path: path))
    let id = try session.update { deck -> String in
      try deck.move(applicationID: deck.applications[0].id, to: .offer, at: Fixtures.later)
      return deck.applications[0].id
    }
    #expect(try StoreFile(path: path).load().deck.application(withID: id)?.stage == .offer)
    #expect(session.seenVersion == StoreFile(path: path).fingerprint())
    #expect(session.reloadIfChanged() == nil)
    var deck = try #require(session.seenDeck)
    try deck.move(applicationID: id, to: .accepted, at: Fixtures.later)
    try session.save(deck)
    #expect(try StoreFile(path: path).load().deck == deck)
  }

  @Test func anUpdateThatChangesNothingWritesNothing() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let before = StoreFile(path: path).fingerprint()
    let session = StoreSession(file: StoreFile(path: path))
    try session.update { _ in }
    #expect(StoreFile(path: path).fingerprint() == before)
    #expect(session.seenVersion == before)
  }

  /// The session holds the deck of the version it saves over, so a large store's save appends
  /// only the difference to the journal and leaves the file itself alone.
  @Test func aSaveOfAJournalledStoreAppendsOnlyTheDifference() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let storeBytes = Disk.bytes(path)
    let session = StoreSession(file: StoreFile(path: path, journalPolicy: .always))
    var deck = try session.open().deck
    try deck.move(applicationID: deck.applications[0].id, to: .offer, at: Fixtures.later)
    try session.save(deck)
    #expect(Disk.bytes(path) == storeBytes)
    #expect(FileManager.default.fileExists(atPath: path + ".journal"))
    #expect(try StoreFile(path: path).load().deck == deck)
  }

  /// `jobdeck sync` lets git read and replace `store.json` inside `withFileAlone`: the file must
  /// hold the whole deck (journal folded in), and a save by anyone else must wait, not land
  /// between git's read and its write.
  @Test func withFileAloneFoldsTheJournalInAndMakesOtherSavesWait() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let session = StoreSession(file: StoreFile(path: path, journalPolicy: .always))
    var deck = try session.open().deck
    try deck.move(applicationID: deck.applications[0].id, to: .offer, at: Fixtures.later)
    try session.save(deck)
    #expect(FileManager.default.fileExists(atPath: path + ".journal"))
    var otherSave: (any Error)?
    let seen = try session.withFileAlone { seen in
      #expect(!FileManager.default.fileExists(atPath: path + ".journal"))
      let encoded = [UInt8](try StoreEncoder().encode(seen))
      #expect(Disk.bytes(path) == encoded)
      do {
        try StoreFile(path: path, lockTimeout: 0.2).save(Deck())
      } catch {
        otherSave = error
      }
      return seen
    }
    #expect(seen == deck)
    guard case .locked? = otherSave as? StoreError else {
      Issue.record("a save while the file was alone: \(String(describing: otherSave))")
      return
    }
    #expect(try StoreFile(path: path).load().deck == deck)
  }

  @Test func withFileAloneWritesAnEmptyStoreWhenThereIsNone() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let deck = try StoreSession(file: StoreFile(path: path)).withFileAlone { deck in
      #expect(FileManager.default.fileExists(atPath: path))
      return deck
    }
    #expect(deck == Deck())
    #expect(try StoreFile(path: path).load().deck == Deck())
  }

  /// The program run inside may have replaced the file: the session must not save over it
  /// without reading it again.
  @Test func afterWithFileAloneTheSessionSavesOnlyOnceItHasReadTheStoreAgain() throws {
    let directory = try TemporaryDirectory()
    let path = try storeOfThreeApplications(in: directory)
    let session = StoreSession(file: StoreFile(path: path))
    let deck = try session.open().deck
    try session.withFileAlone { _ in }
    #expect(throws: StoreError.changedOnDisk(path: path)) { try session.save(deck) }
    #expect(session.reloadIfChanged() == deck)
    try session.save(deck)
  }

  /// The path of a new store of three applications in `directory`.
  private func storeOfThreeApplications(in directory: TemporaryDirectory) throws -> String {
    let path = directory.file("store.json")
    try StoreFile(path: path).save(Fixtures.threeApplications())
    return path
  }
}
