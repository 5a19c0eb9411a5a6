import Dispatch
import Foundation
import Glibc
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Synchronization
import Testing

/// A store whose saves go through the journal, with one application moved once.
private struct JournaledStore {
  let directory: TemporaryDirectory
  let store: StoreFile
  var deck: Deck
  var fingerprint: StoreFingerprint?

  init() throws {
    directory = try TemporaryDirectory()
    store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    try store.save(Fixtures.threeApplications(), ifUnchangedSince: nil)
    // Read back, as a session does: only a deck read from the store knows which records its
    // changes touched, which is what a journal save writes.
    let loaded = try store.load()
    fingerprint = loaded.fingerprint
    deck = loaded.deck
    try move(0, to: .screening)
  }

  mutating func move(_ index: Int, to stage: Stage) throws {
    var moved = deck
    try moved.move(applicationID: moved.applications[index].id, to: stage, at: Fixtures.later)
    fingerprint = try store.save(moved, ifUnchangedSince: fingerprint, previous: deck)
    deck = moved
  }

  func append(_ text: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: store.journalPath))
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    try handle.close()
  }

  var journalText: String { Disk.text(store.journalPath) ?? "" }
}

@Suite("Journal: crashes, damage and other writers")
struct StoreJournalSafetyTests {
  @Test func aSaveOfOneChangeAppendsOneLineAndLeavesTheStoreFileAlone() throws {
    var fixture = try JournaledStore()
    let storeBytes = Disk.bytes(fixture.store.path)
    let lines = fixture.journalText.split(separator: "\n").count
    try fixture.move(1, to: .interview)
    #expect(Disk.bytes(fixture.store.path) == storeBytes)
    #expect(fixture.journalText.split(separator: "\n").count == lines + 1)
    #expect(fixture.journalText.hasSuffix("\n"))
    #expect(try fixture.store.load().deck == fixture.deck)
  }

  @Test func aTornLastLineIsIgnoredOnLoadAndCutOffBeforeTheNextAppend() throws {
    var fixture = try JournaledStore()
    try fixture.append(#"{"ops":[{"op":"put","collection":"applications","record":{"id":"#)
    let loaded = try fixture.store.load()
    #expect(loaded.deck == fixture.deck)
    #expect(try fixture.store.check().journalTornBytes > 0)
    fixture.fingerprint = loaded.fingerprint
    try fixture.move(2, to: .offer)
    #expect(!fixture.journalText.contains(#"record":{"id":{"#))
    #expect(fixture.journalText.split(separator: "\n", omittingEmptySubsequences: false).last == "")
    #expect(try fixture.store.check().journalTornBytes == 0)
    #expect(try StoreFile(path: fixture.store.path).load().deck == fixture.deck)
  }

  @Test func aMalformedLineIsAPositionedErrorAndNothingIsWrittenWhileItIsThere() throws {
    var fixture = try JournaledStore()
    try fixture.move(1, to: .interview)
    // Damage the middle line (the first move), keeping the last one intact.
    var lines = fixture.journalText.split(separator: "\n").map(String.init)
    lines[1] = lines[1].replacingOccurrences(of: #""stage":"screening""#,
      with: #""stage":"interviewing""#)
    try (lines.joined(separator: "\n") + "\n").write(toFile: fixture.store.journalPath,
      atomically: false, encoding: .utf8)
    let storeBytes = Disk.bytes(fixture.store.path)
    let journalBytes = Disk.bytes(fixture.store.journalPath)
    let column = try #require(lines[1].range(of: #""interviewing""#)).lowerBound
      .utf16Offset(in: lines[1]) + 1
    let expected = StoreError.journalLineUnusable(path: fixture.store.journalPath, line: 2,
      column: column, jsonPath: "ops[0].record.stage",
      problem: "unknown stage \"interviewing\"; expected one of "
        + Stage.allCases.map(\.rawValue).joined(separator: ", "))
    #expect(throws: expected) { try fixture.store.load() }
    #expect(throws: expected) { try fixture.store.update { $0.settings.followUpAfterDays = 3 } }
    #expect(throws: expected) { try fixture.store.compact() }
    #expect(throws: expected) { try fixture.store.check() }
    #expect(throws: StoreError.self) {
      try fixture.store.save(Deck(), ifUnchangedSince: fixture.store.fingerprint(), previous: nil)
    }
    #expect(Disk.bytes(fixture.store.path) == storeBytes)
    #expect(Disk.bytes(fixture.store.journalPath) == journalBytes)
  }

  @Test func aConditionalSaveNoticesAnAppendByAnotherWriter() throws {
    let fixture = try JournaledStore()
    let seen = try fixture.store.load()
    #expect(fixture.store.fingerprint() == seen.fingerprint)
    try StoreFile(path: fixture.store.path, journalPolicy: .always).update { deck in
      try deck.move(applicationID: deck.applications[2].id, to: .rejected, at: Fixtures.later)
    }
    #expect(fixture.store.fingerprint() != seen.fingerprint)
    var stale = seen.deck
    try stale.move(applicationID: stale.applications[1].id, to: .offer, at: Fixtures.later)
    let journalBytes = Disk.bytes(fixture.store.journalPath)
    #expect(throws: StoreError.changedOnDisk(path: fixture.store.path)) {
      try fixture.store.save(stale, ifUnchangedSince: seen.fingerprint, previous: seen.deck)
    }
    #expect(Disk.bytes(fixture.store.journalPath) == journalBytes)
    #expect(try fixture.store.load().deck.applications[2].stage == .rejected)
  }

  @Test func compactionFoldsTheJournalInAndRemovesIt() throws {
    var fixture = try JournaledStore()
    try fixture.move(1, to: .interview)
    #expect(try fixture.store.compact() == 2)
    #expect(Disk.bytes(fixture.store.journalPath) == nil)
    let file = try #require(FileManager.default.contents(atPath: fixture.store.path))
    #expect(try StoreDecoder().decode(file, path: "store.json").deck == fixture.deck)
    #expect(try fixture.store.load().deck == fixture.deck)
    #expect(try fixture.store.compact() == 0)
  }

  @Test func aJournalLeftBehindByACrashAfterTheRewriteIsNotAppliedAgain() throws {
    let fixture = try JournaledStore()
    let oldJournal = try #require(Disk.bytes(fixture.store.journalPath))
    // A full rewrite folds the journal in and changes the same application again.
    let rewriting = StoreFile(path: fixture.store.path, journalPolicy: .never)
    try rewriting.update { deck in
      try deck.move(applicationID: deck.applications[0].id, to: .offer, at: Fixtures.later)
    }
    let expected = try rewriting.load().deck
    // The crash: the journal's removal never happened.
    try Data(oldJournal).write(to: URL(fileURLWithPath: fixture.store.journalPath))
    #expect(try fixture.store.load().deck == expected)
    #expect(try fixture.store.check().journalIsStale)
    // The next save keeps the stale journal aside and starts a new one.
    try fixture.store.update { $0.settings.followUpAfterDays = 21 }
    var saved = expected
    saved.settings.followUpAfterDays = 21
    #expect(try fixture.store.load().deck == saved)
    let names = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)
    #expect(names.contains { $0.hasPrefix("store.json.journal.stale-") })
  }

  @Test func aCopyOfTheStoreAndJournalWithNewFileTimesStillReplaysTheJournal() throws {
    var fixture = try JournaledStore()
    try fixture.move(1, to: .interview)
    let copy = try TemporaryDirectory()
    // Plain copies: new inodes, new modification times.
    try FileManager.default.copyItem(atPath: fixture.store.path, toPath: copy.file("store.json"))
    try FileManager.default.copyItem(atPath: fixture.store.journalPath,
      toPath: copy.file("store.json.journal"))
    #expect(try StoreFile(path: copy.file("store.json")).load().deck == fixture.deck)
  }

  @Test func aHandEditedStoreFileStopsLoadingRatherThanDroppingOrMisapplyingTheJournal() throws {
    let fixture = try JournaledStore()
    try handEdit(fixture)
    let storeBytes = Disk.bytes(fixture.store.path)
    let journalBytes = Disk.bytes(fixture.store.journalPath)
    let expected = StoreError.journalForEarlierVersion(storePath: fixture.store.path,
      journalPath: fixture.store.journalPath, saveCount: 1)
    #expect(throws: expected) { try fixture.store.load() }
    #expect(throws: expected) { try fixture.store.check() }
    #expect(throws: expected) { try fixture.store.compact() }
    #expect(throws: expected) { try fixture.store.update { $0.settings.followUpAfterDays = 3 } }
    #expect(throws: expected) { try fixture.store.repairJournal() }
    #expect(Disk.bytes(fixture.store.path) == storeBytes)
    #expect(Disk.bytes(fixture.store.journalPath) == journalBytes)
  }

  @Test func replayingTheJournalOntoAHandEditedFileKeepsBothAndFoldsItIn() throws {
    let fixture = try JournaledStore()
    try handEdit(fixture)
    let edited = try #require(Disk.bytes(fixture.store.path))
    let recovery = try fixture.store.replayJournal()
    #expect(recovery.keptSaveCount == 1)
    #expect(recovery.setAsidePath == nil)
    #expect(Disk.bytes(fixture.store.journalPath) == nil)
    #expect(Disk.bytes(fixture.store.backupPath) == edited)
    var expected = fixture.deck
    expected.postings[0].company = "Alpha Corp"
    #expect(try fixture.store.load().deck == expected)
    #expect(try fixture.store.check().isHealthy)
  }

  @Test func settingTheJournalAsideLoadsTheHandEditedFileAlone() throws {
    let fixture = try JournaledStore()
    try handEdit(fixture)
    let journalBytes = Disk.bytes(fixture.store.journalPath)
    let keptAt = try #require(try fixture.store.setJournalAside())
    #expect(keptAt.hasPrefix(fixture.store.journalPath + ".stale-"))
    #expect(Disk.bytes(keptAt) == journalBytes)
    var expected = Fixtures.threeApplications()
    expected.postings[0].company = "Alpha Corp"
    #expect(try fixture.store.load().deck == expected)
  }

  private func handEdit(_ fixture: JournaledStore) throws {
    let text = try #require(Disk.text(fixture.store.path))
    try text.replacingOccurrences(of: "\"Alpha\"", with: "\"Alpha Corp\"")
      .write(toFile: fixture.store.path, atomically: false, encoding: .utf8)
  }

  @Test func repairSetsABadLineInTheMiddleAsideAndKeepsTheSavesBeforeAndAfterIt() throws {
    var fixture = try JournaledStore()
    try fixture.move(1, to: .interview)
    try fixture.move(2, to: .offer)
    var lines = fixture.journalText.split(separator: "\n").map(String.init)
    let bad = lines[2].replacingOccurrences(of: #""stage":"interview""#,
      with: #""stage":"interviewing""#)
    lines[2] = bad
    try (lines.joined(separator: "\n") + "\n").write(toFile: fixture.store.journalPath,
      atomically: false, encoding: .utf8)
    let storeBytes = Disk.bytes(fixture.store.path)
    #expect(throws: StoreError.self) { try fixture.store.load() }

    let recovery = try fixture.store.repairJournal()
    #expect(recovery.setAsideLines == [3])
    #expect(recovery.keptSaveCount == 2)
    let keptAt = try #require(recovery.setAsidePath)
    #expect(keptAt.hasPrefix(fixture.store.journalPath + ".rejected-"))
    let rejected = try #require(Disk.text(keptAt)).split(separator: "\n").map(String.init)
    #expect(rejected.count == 2)
    #expect(rejected[0].hasPrefix("# line 3 of \(fixture.store.journalPath): "
      + "\(fixture.store.journalPath):3:"))
    #expect(rejected[1] == bad)
    #expect(Disk.bytes(fixture.store.path) == storeBytes)
    let journal = fixture.journalText.split(separator: "\n").map(String.init)
    #expect(journal == [lines[0], lines[1], lines[3]])

    var expected = Fixtures.threeApplications()
    try expected.move(applicationID: expected.applications[0].id, to: .screening,
      at: Fixtures.later)
    try expected.move(applicationID: expected.applications[2].id, to: .offer, at: Fixtures.later)
    #expect(try fixture.store.load().deck == expected)
    #expect(try fixture.store.check().isHealthy)
    // Nothing more to repair: nothing is written.
    let repairedJournal = Disk.bytes(fixture.store.journalPath)
    #expect(try fixture.store.repairJournal().changedJournal == false)
    #expect(Disk.bytes(fixture.store.journalPath) == repairedJournal)
  }

  @Test func aDamagedHeaderStopsLoadingAndReplayAppliesTheSavesOntoTheFileAsItIs() throws {
    var fixture = try JournaledStore()
    try fixture.move(1, to: .interview)
    var lines = fixture.journalText.split(separator: "\n").map(String.init)
    lines[0] = lines[0].replacingOccurrences(of: "jobdeckJournal", with: "jobdeckJournaI")
    try (lines.joined(separator: "\n") + "\n").write(toFile: fixture.store.journalPath,
      atomically: false, encoding: .utf8)
    let journalBytes = Disk.bytes(fixture.store.journalPath)
    #expect {
      try fixture.store.load()
    } throws: { error in
      guard case .journalHeaderUnusable(let path, 1, 1, _, _)? = error as? StoreError else {
        return false
      }
      return path == fixture.store.journalPath
    }
    #expect(throws: StoreError.self) { try fixture.store.repairJournal() }
    #expect(Disk.bytes(fixture.store.journalPath) == journalBytes)
    let recovery = try fixture.store.replayJournal()
    #expect(recovery.keptSaveCount == 2)
    #expect(Disk.bytes(fixture.store.journalPath) == nil)
    #expect(try fixture.store.load().deck == fixture.deck)
  }

  @Test func aJournalWhoseBaseIsTheBackupWasFoldedInAndIsLeftAsideSilently() throws {
    let fixture = try JournaledStore()
    let oldJournal = try #require(Disk.bytes(fixture.store.journalPath))
    try fixture.store.compact()
    // The crash: the compaction's rename happened, the journal's removal did not.
    try Data(oldJournal).write(to: URL(fileURLWithPath: fixture.store.journalPath))
    #expect(try fixture.store.load().deck == fixture.deck)
    #expect(try fixture.store.check().journalIsStale)
  }

  @Test func aSmallStoreUnderTheStandardPolicyIsRewrittenAndGetsNoJournal() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    let deck = Fixtures.threeApplications()
    let seen = try store.save(deck, ifUnchangedSince: nil)
    var moved = deck
    try moved.move(applicationID: moved.applications[0].id, to: .offer, at: Fixtures.later)
    try store.save(moved, ifUnchangedSince: seen, previous: deck)
    #expect(Disk.bytes(store.journalPath) == nil)
    let file = try #require(FileManager.default.contents(atPath: store.path))
    #expect(try StoreDecoder().decode(file, path: "store.json").deck == moved)
  }

  @Test func aJournalThatWouldOutgrowItsShareIsFoldedIn() throws {
    let directory = try TemporaryDirectory()
    let policy = StoreFile.JournalPolicy(minimumStoreSize: 0, maximumJournalSize: .max,
      maximumJournalShare: 0.5)
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: policy)
    try store.save(Fixtures.threeApplications())
    var sawJournal = false
    for round in 0..<30 {
      try store.update { deck in
        let index = round % deck.applications.count
        try deck.move(applicationID: deck.applications[index].id,
          to: round.isMultiple(of: 2) ? .screening : .interview, at: Fixtures.later)
      }
      let journal = Int64(Disk.bytes(store.journalPath)?.count ?? 0)
      let file = Int64(Disk.bytes(store.path)?.count ?? 0)
      #expect(journal <= file / 2)
      sawJournal = sawJournal || journal > 0
    }
    #expect(sawJournal)
    #expect(try store.load().deck.applications[2].history.count == 11)
  }

  @Test func aNewerSchemaStoreIsNeverWrittenNorJournaled() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let text = "{\n  \"schemaVersion\": 2,\n  \"settings\": {\"followUpAfterDays\":14},\n"
      + "  \"postings\": [],\n  \"applications\": [],\n  \"deadlines\": []\n}\n"
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let store = StoreFile(path: path, journalPolicy: .always)
    let loaded = try store.load()
    #expect(loaded.isReadOnly)
    var changed = loaded.deck
    changed.settings.followUpAfterDays = 3
    #expect(throws: StoreError.self) { try store.update { $0.settings.followUpAfterDays = 3 } }
    #expect(throws: StoreError.self) {
      try store.save(changed, ifUnchangedSince: loaded.fingerprint, previous: loaded.deck)
    }
    #expect(Disk.text(path) == text)
    #expect(Disk.bytes(store.journalPath) == nil)
  }

  @Test func restoringTheBackupKeepsTheJournalAsideWithTheReplacedFile() throws {
    var fixture = try JournaledStore()
    try fixture.store.compact()
    fixture.fingerprint = fixture.store.fingerprint()
    try fixture.move(1, to: .interview)
    let keptAt = try #require(try fixture.store.restoreBackup())
    #expect(Disk.bytes(fixture.store.journalPath) == nil)
    #expect(Disk.bytes(keptAt + ".journal") != nil)
    #expect(try fixture.store.load().deck == Fixtures.threeApplications())
  }

  @Test func writersThroughTheJournalAtOnceLoseNothing() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    var deck = Deck()
    let postingID = deck.add(Posting(id: "", title: "Engineer", company: "Alpha",
      createdAt: Fixtures.created))
    let applicationID = try deck.apply(toPosting: postingID, at: Fixtures.created)
    try StoreFile(path: path).save(deck)
    let failures = Mutex<[String]>([])
    // A small journal limit, so that appends and folding rewrites interleave.
    let policy = StoreFile.JournalPolicy(minimumStoreSize: 0, maximumJournalSize: 48 << 10,
      maximumJournalShare: .infinity)
    DispatchQueue.concurrentPerform(iterations: 3) { writer in
      let store = StoreFile(path: path, lockTimeout: 60, journalPolicy: policy)
      for move in 0..<40 {
        do {
          try store.update { deck in
            let stage = deck.application(withID: applicationID)?.stage
            try deck.move(applicationID: applicationID,
              to: stage == .applied ? .screening : .applied,
              note: "writer \(writer) move \(move)", at: Fixtures.later)
            if move.isMultiple(of: 10) {
              deck.add(Posting(id: "", title: "Role \(writer)-\(move)", company: "Beta",
                createdAt: Fixtures.later))
            }
          }
        } catch {
          failures.withLock { $0.append("writer \(writer) move \(move): \(error)") }
        }
      }
    }
    #expect(failures.withLock { $0 } == [])
    let loaded = try StoreFile(path: path).load().deck
    let history = try #require(loaded.application(withID: applicationID)?.history)
    #expect(history.count == 121)
    #expect(Set(history.compactMap(\.note)).count == 120)
    #expect(loaded.postings.count == 13)
  }
}
