import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// A file from a newer JobDeck is shown, never written (git refuses unknown repository versions
/// for the same reason).
@Suite("Newer schema versions")
struct StoreSchemaVersionTests {
  let newer = Fixtures.handWritten.replacingOccurrences(
    of: #""schemaVersion": 1,"#, with: #""schemaVersion": 2,"#)

  @Test func aNewerVersionLoadsReadOnlyNamingBothVersions() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(newer, to: path)

    let loaded = try StoreFile(path: path).load()

    #expect(loaded.deck.postings.count == 2)
    let reason = try #require(loaded.readOnlyReason)
    #expect(reason.contains("schemaVersion 2"))
    #expect(reason.contains("only schemaVersion 1"))
  }

  @Test func savingOverANewerVersionFailsAndLeavesTheFileByteIdentical() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(newer, to: path)
    let store = StoreFile(path: path)

    #expect(throws: StoreError.newerSchemaVersion(path: path, found: 2, supported: 1)) {
      try store.save(Fixtures.fullDeck())
    }
    #expect(throws: StoreError.newerSchemaVersion(path: path, found: 2, supported: 1)) {
      try store.update { $0.settings.followUpAfterDays = 1 }
    }
    #expect(Disk.bytes(path) == Array(newer.utf8))
    #expect(Disk.bytes(path + ".bak") == nil)
    #expect(Disk.temporaryNames(in: directory.path).isEmpty)
  }

  /// The UI opens such a file read-only through a session; its save over the version it read
  /// must be refused too, not taken as a save over a version this build wrote.
  @Test func aSessionThatOpenedANewerVersionCannotSaveOverIt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(newer, to: path)
    let session = StoreSession(file: StoreFile(path: path))

    #expect(try session.open().isReadOnly)
    #expect(throws: StoreError.newerSchemaVersion(path: path, found: 2, supported: 1)) {
      try session.save(Fixtures.fullDeck())
    }
    #expect(Disk.bytes(path) == Array(newer.utf8))
    #expect(Disk.bytes(path + ".bak") == nil)
  }

  @Test func anUpdateThatChangesNothingSucceedsOnANewerVersion() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(newer, to: path)

    let count = try StoreFile(path: path).update { $0.postings.count }

    #expect(count == 2)
    #expect(Disk.bytes(path) == Array(newer.utf8))
  }

  @Test func aNewerVersionWhoseContentThisBuildCannotReadIsRefusedNamingBothVersions() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(#"{"schemaVersion": 7, "postings": {"moved": "elsewhere"}}"#, to: path)

    #expect(throws: StoreError.newerSchemaVersion(path: path, found: 7, supported: 1)) {
      try StoreFile(path: path).load()
    }
  }
}
