import Foundation
import Glibc
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// Modes, symlinks, failed saves, leftovers, backups: the file-level promises of `StoreFile`.
@Suite("Store file safety")
struct StoreFileSafetyTests {
  @Test func aNewStoreIsPrivateToItsOwnerAndSoIsItsNewDirectory() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("data/jobdeck/store.json")

    try StoreFile(path: path).save(Fixtures.fullDeck())

    #expect(Disk.mode(path) == 0o600)
    #expect(Disk.mode(directory.file("data/jobdeck")) == 0o700)
    #expect(Disk.mode(directory.file("data")) == 0o700)
    #expect(Disk.mode(path + ".lock") == 0o600)
  }

  @Test func anExistingFilesModeIsKeptAcrossSaves() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    try store.save(Deck())
    #expect(chmod(path, 0o640) == 0)

    try store.save(Fixtures.fullDeck())
    try store.update { $0.settings.followUpAfterDays = 5 }

    #expect(Disk.mode(path) == 0o640)
  }

  @Test func aSymlinkedStoreIsWrittenThroughAndTheLinkSurvives() throws {
    let directory = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: directory.file("real"),
      withIntermediateDirectories: true)
    let target = directory.file("real/store.json")
    let link = directory.file("store.json")
    #expect(symlink("real/store.json", link) == 0)
    let store = StoreFile(path: link)
    try store.save(Deck())

    try store.save(Fixtures.fullDeck())

    #expect(Disk.isSymlink(link))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/store.json")
    #expect(try StoreFile(path: target).load().deck == Fixtures.fullDeck())
    #expect(Disk.bytes(target + ".bak") != nil)
    #expect(Disk.names(in: directory.path) == ["real", "store.json"])
  }

  @Test func aSaveThatHitsTheFileSizeLimitLeavesTheOriginalAndNoTemporaryFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    try store.save(Fixtures.fullDeck())
    let original = Disk.bytes(path)
    var huge = Fixtures.fullDeck()
    huge.postings[0].description = String(repeating: "a long description ", count: 350_000)

    // Root ignores directory permissions, so make write() itself fail: with SIGXFSZ ignored,
    // writing past RLIMIT_FSIZE returns EFBIG. The limit (4 MB, below the 6.6 MB being written)
    // is process-wide only for the instant of this save, and stays above what other tests write.
    var previousLimit = rlimit()
    #expect(getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &previousLimit) == 0)
    let previousHandler = signal(SIGXFSZ, SIG_IGN)
    var limit = previousLimit
    limit.rlim_cur = 4 << 20
    #expect(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0)
    let result = Result { try store.save(huge) }
    #expect(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &previousLimit) == 0)
    signal(SIGXFSZ, previousHandler)

    guard case .failure(let error) = result, case .fileSystem(let operation, _, let code)? =
      error as? StoreError
    else {
      Issue.record("expected a file system error, got \(result)")
      return
    }
    #expect(operation == "write")
    #expect(code == EFBIG)
    #expect(String(describing: error).contains("maximum file size"))
    #expect(Disk.bytes(path) == original)
    #expect(Disk.temporaryNames(in: directory.path).isEmpty)
  }

  @Test func aStorePathUnderARegularFileFailsWithNotADirectory() throws {
    let directory = try TemporaryDirectory()
    let blocker = directory.file("file")
    try Disk.write("not a directory\n", to: blocker)
    let store = StoreFile(path: blocker + "/store.json")

    #expect(throws: StoreError.fileSystem(operation: "use the directory", path: blocker,
      errorNumber: ENOTDIR)
    ) {
      try store.save(Fixtures.fullDeck())
    }
    let loadError = #expect(throws: StoreError.self) { try store.load() }
    #expect(loadError.map { String(describing: $0).contains("not a directory") } == true)
    #expect(Disk.text(blocker) == "not a directory\n")
  }

  @Test func staleTemporaryFilesAreRemovedAtTheNextUpdate() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    try store.save(Deck())
    try Disk.write("half a save", to: directory.file(".store.json.tmp-4242-abc"))
    try Disk.write("half a backup", to: directory.file(".store.json.tmp-bak-4242-def"))
    try Disk.write("someone else's", to: directory.file(".other.json.tmp-1-x"))

    try store.update { $0.settings.followUpAfterDays = 9 }

    #expect(Disk.temporaryNames(in: directory.path) == [".other.json.tmp-1-x"])
  }

  @Test func aLoadWithNoOtherProcessAroundAlsoRemovesStaleTemporaryFiles() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreFile(path: path).save(Deck())
    try Disk.write("half a save", to: directory.file(".store.json.tmp-4242-abc"))

    _ = try StoreFile(path: path).load()

    #expect(Disk.temporaryNames(in: directory.path).isEmpty)
  }

  @Test func theBackupHoldsThePreviousVersionAfterASave() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    let first = Fixtures.threeApplications()
    try store.save(first)
    let firstBytes = Disk.bytes(path)

    try store.update { try $0.move(applicationID: "beta-engineer", to: .offer, at: Fixtures.later) }

    #expect(Disk.bytes(path + ".bak") == firstBytes)
    #expect(store.backupPath == path + ".bak")
    #expect(try StoreFile(path: path + ".bak").load().deck == first)
  }

  @Test func restoringTheBackupBringsItBackAndKeepsTheBadFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    let good = Fixtures.fullDeck()
    try store.save(good)
    try store.save(Fixtures.threeApplications())
    try Disk.write("{ \"schemaVersion\": 1, oops", to: path)

    let keptAt = try #require(try store.restoreBackup())

    #expect(try store.load().deck == good)
    #expect(keptAt.hasPrefix(path + ".corrupt-"))
    #expect(Disk.text(keptAt) == "{ \"schemaVersion\": 1, oops")
    #expect(Disk.mode(path) == 0o600)
  }

  @Test func restoringWithoutABackupSaysSo() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreFile(path: path).save(Deck())

    #expect(throws: StoreError.noBackup(backupPath: path + ".bak")) {
      try StoreFile(path: path).restoreBackup()
    }
  }

  @Test func aBackupThatDoesNotParseIsNotRestored() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write("{", to: path)
    try Disk.write("[1,]", to: path + ".bak")

    let error = #expect(throws: StoreError.self) { try StoreFile(path: path).restoreBackup() }

    #expect(error.map { String(describing: $0).contains("store.json.bak:1:3") } == true)
    #expect(Disk.text(path) == "{")
  }

  @Test func anErrorInTheUpdateBodyPropagatesAndNothingIsSaved() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    try store.save(Fixtures.threeApplications())
    let before = Disk.bytes(path)

    #expect(throws: DeckError.notFound("nobody", expected: .application)) {
      try store.update { deck in
        deck.settings.followUpAfterDays = 1
        try deck.move(applicationID: "nobody", to: .offer, at: Fixtures.later)
      }
    }
    #expect(Disk.bytes(path) == before)
  }

  @Test func anUpdateThatChangesNothingDoesNotWrite() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    try store.save(Fixtures.threeApplications())
    let before = store.fingerprint()

    let count = try store.update { $0.applications.count }

    #expect(count == 3)
    #expect(store.fingerprint() == before)
    #expect(Disk.bytes(path + ".bak") == nil)
  }

  @Test func theFingerprintTellsWhenAnotherWriterSaved() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreFile(path: path).save(Deck())
    let loaded = try StoreFile(path: path).load()
    #expect(loaded.fingerprint == StoreFile(path: path).fingerprint())

    try StoreFile(path: path).update { $0.settings.followUpAfterDays = 2 }

    #expect(loaded.fingerprint != StoreFile(path: path).fingerprint())
  }

  @Test func aStoreLockedByAnotherProcessFailsAfterTheTimeout() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreFile(path: path).save(Deck())
    let holder = open(path + ".lock", O_RDWR | O_CLOEXEC)
    defer { close(holder) }
    #expect(flock(holder, LOCK_EX) == 0)

    #expect(throws: StoreError.locked(lockPath: path + ".lock", waitedSeconds: 0.2)) {
      try StoreFile(path: path, lockTimeout: 0.2).update { $0.settings.followUpAfterDays = 1 }
    }
    #expect(throws: StoreError.locked(lockPath: path + ".lock", waitedSeconds: 0.2)) {
      try StoreFile(path: path, lockTimeout: 0.2).load()
    }
  }
}
