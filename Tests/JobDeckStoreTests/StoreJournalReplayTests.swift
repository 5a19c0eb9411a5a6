import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

/// Random edits of the kinds the UI and the CLI make, applied to generated decks.
struct DeckEdits {
  var generator: DeckGenerator
  var serial = 0

  init(seed: UInt64) { generator = DeckGenerator(seed: seed) }

  /// One edit: a change in place, an addition at the end, a removal, settings, or (rarely) a
  /// reordering the journal cannot say.
  mutating func edit(_ deck: inout Deck) {
    serial += 1
    switch generator.int(0...9) {
    case 0, 1:
      if let index = deck.applications.indices.randomElement(using: &generator.generator) {
        let stage = generator.pick(Stage.allCases)
        deck.applications[index].history.append(
          StageChange(from: deck.applications[index].stage, to: stage, at: generator.instant()))
        deck.applications[index].stage = stage
      } else {
        deck.applications.append(generator.application(id: "new-a\(serial)", postingID: nil))
      }
    case 2:
      deck.postings.append(generator.posting(id: "new-p\(serial)"))
    case 3:
      let owner = deck.postings.first.map { DeadlineOwner.posting($0.id) }
        ?? .application("nobody")
      deck.deadlines.append(generator.deadline(id: "new-d\(serial)", owner: owner))
    case 4:
      if let index = deck.deadlines.indices.randomElement(using: &generator.generator) {
        deck.deadlines[index].status = generator.pick(DeadlineStatus.allCases)
        deck.deadlines[index].note = generator.text()
        deck.deadlines[index].revision += 1
      }
      // A sync met a conflict, or the user resolved one.
      if generator.generator.chance(0.3) {
        deck.conflicts.append(generator.conflict(recordID: generator.text()))
      } else if !deck.conflicts.isEmpty, generator.generator.chance(0.3) {
        deck.conflicts.removeFirst()
      }
    case 5:
      if let index = deck.postings.indices.randomElement(using: &generator.generator) {
        deck.postings[index].title = generator.text()
        deck.postings[index].tags.append(generator.text())
      }
    case 6:
      if !deck.postings.isEmpty {
        deck.postings.remove(at: generator.int(0...(deck.postings.count - 1)))
      }
      if !deck.deadlines.isEmpty, generator.generator.chance(0.5) {
        deck.deadlines.remove(at: generator.int(0...(deck.deadlines.count - 1)))
      }
    case 7:
      deck.settings.followUpAfterDays = generator.int(0...60)
      deck.settings.currentNoticePeriod = generator.maybe { $0.period(allowingTime: false) }
    case 8:
      if !deck.applications.isEmpty {
        deck.applications.remove(at: generator.int(0...(deck.applications.count - 1)))
      }
    default:
      if deck.postings.count > 1, generator.generator.chance(0.3) {
        deck.postings.swapAt(0, deck.postings.count - 1)
      } else {
        deck.postings.append(generator.posting(id: "new-p\(serial)"))
      }
    }
  }
}

extension Deck {
  /// The deck as `StoreFile.load()` hands it out: recording the ids each change touches.
  func recordingChanges() -> Deck {
    var deck = self
    deck.startRecordingChanges()
    return deck
  }
}

@Suite("Journal: the difference replays to the deck that was saved")
struct StoreJournalReplayTests {
  @Test(arguments: PropertySeeds.seeds(default: 200))
  func replayingTheDifferenceOntoThePreviousDeckGivesTheNewDeck(seed: UInt64) {
    var edits = DeckEdits(seed: seed)
    var previous = edits.generator.deck(maximumRecords: 8)
    previous.startRecordingChanges()
    var expressed = 0
    for _ in 0..<12 {
      var deck = previous
      for _ in 0..<edits.generator.int(1...3) { edits.edit(&deck) }
      if let operations = StoreJournal.operations(from: previous, to: deck) {
        var replayed = previous
        StoreJournal.replay(operations, onto: &replayed)
        #expect(replayed == deck, "seed \(seed)")
        expressed += 1
      }
      previous = deck
    }
    #expect(expressed > 0, "seed \(seed): no edit could be journaled")
  }

  @Test func aReorderingIsNotSaidAsJournalOperations() {
    let deck = Fixtures.threeApplications().recordingChanges()
    var reordered = deck
    reordered.postings.reverse()
    #expect(StoreJournal.operations(from: deck, to: reordered) == nil)
  }

  @Test func aRecordInsertedInTheMiddleIsNotSaidAsJournalOperations() {
    let deck = Fixtures.threeApplications().recordingChanges()
    var inserted = deck
    inserted.postings.insert(Posting(id: "middle", title: "T", company: "C",
      createdAt: Fixtures.created), at: 1)
    #expect(StoreJournal.operations(from: deck, to: inserted) == nil)
  }

  @Test func aChangeToOneOfTwoRecordsSharingAnIdIsNotSaidAsJournalOperations() {
    var deck = Fixtures.threeApplications()
    deck.postings[2].id = deck.postings[0].id
    deck.startRecordingChanges()
    var changed = deck
    changed.postings[2].title = "Changed"
    #expect(StoreJournal.operations(from: deck, to: changed) == nil)
  }

  @Test func aStageMoveIsOneOperationWithTheWholeApplication() throws {
    let deck = Fixtures.threeApplications().recordingChanges()
    var moved = deck
    try moved.move(applicationID: deck.applications[1].id, to: .interview, at: Fixtures.later)
    let operations = StoreJournal.operations(from: deck, to: moved)
    #expect(operations == [.putApplication(moved.applications[1])])
  }

  @Test(arguments: PropertySeeds.seeds(default: 25))
  func savesThroughTheJournalLoadAsTheDeckThatWasSaved(seed: UInt64) throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    var edits = DeckEdits(seed: seed)
    var previous = edits.generator.deck(maximumRecords: 6)
    // As the UI's deck, which comes from `load()`.
    previous.startRecordingChanges()
    var fingerprint = try store.save(previous, ifUnchangedSince: nil)
    var appended = 0
    for step in 0..<15 {
      var deck = previous
      edits.edit(&deck)
      let journalBefore = Disk.bytes(store.journalPath)?.count ?? 0
      fingerprint = try store.save(deck, ifUnchangedSince: fingerprint, previous: previous)
      if (Disk.bytes(store.journalPath)?.count ?? 0) > journalBefore { appended += 1 }
      let loaded = try StoreFile(path: store.path).load()
      #expect(loaded.deck == deck, "seed \(seed) step \(step)")
      #expect(loaded.fingerprint == fingerprint, "seed \(seed) step \(step)")
      previous = deck
    }
    #expect(appended > 0, "seed \(seed): nothing went through the journal")
  }

  @Test(arguments: PropertySeeds.seeds(default: 10))
  func updatesThroughTheJournalLoadAsTheDeckThatWasSaved(seed: UInt64) throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    var edits = DeckEdits(seed: seed)
    try store.save(edits.generator.deck(maximumRecords: 6))
    for _ in 0..<10 {
      try store.update { deck in edits.edit(&deck) }
    }
    // The same seeded edits on an in-memory deck: the store must hold exactly that deck.
    var replay = DeckEdits(seed: seed)
    var deck = replay.generator.deck(maximumRecords: 6)
    for _ in 0..<10 { replay.edit(&deck) }
    #expect(try store.load().deck == deck, "seed \(seed)")
  }
}
