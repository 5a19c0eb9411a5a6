import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckCore

/// Random edits of every kind a record list allows, for the property tests below.
private struct ListEdits {
  var generator: DeckGenerator
  var serial = 0

  init(seed: UInt64) { generator = DeckGenerator(seed: seed, hostileText: false) }

  mutating func edit(_ postings: inout RecordList<Posting>) {
    serial += 1
    let position = postings.isEmpty ? nil : generator.int(0...(postings.count - 1))
    switch (generator.int(0...9), position) {
    case (0, let position?): postings[position].title = generator.text()
    case (1, let position?): postings[position].id = "renamed-\(serial)"
    case (2, let position?): postings.remove(at: position)
    case (3, let position?):
      postings.insert(generator.posting(id: "inserted-\(serial)"), at: position)
    case (4, let position?): postings.swapAt(position, postings.count - 1)
    case (5, _): postings.removeAll { $0.title.count % 3 == serial % 3 }
    case (6, let position?): postings[position] = generator.posting(id: postings[position].id)
    case (7, _): postings.sort { $0.title < $1.title }
    default: postings.append(generator.posting(id: "new-\(serial)"))
    }
  }
}

/// The changes as a journal replays them: known ids in place, then removals, then additions.
private func replaying<Record>(_ changes: RecordChanges<Record>, onto list: RecordList<Record>)
  -> RecordList<Record>
{
  var records = list.elements
  for record in changes.changed {
    if let position = records.firstIndex(where: { $0.id == record.id }) {
      records[position] = record
    }
  }
  records.removeAll { changes.removed.contains($0.id) }
  records += changes.added
  return RecordList(records)
}

@Suite struct RecordListTests {
  @Test(arguments: SeededGenerator.seeds(default: 200))
  func lookupsByIdFindWhatAScanFinds(seed: UInt64) {
    var edits = ListEdits(seed: seed)
    var postings = RecordList(edits.generator.deck(maximumRecords: 8).postings)
    for _ in 0..<20 {
      edits.edit(&postings)
      let ids = postings.map(\.id) + ["absent"]
      for id in ids {
        #expect(postings.index(ofID: id) == postings.firstIndex { $0.id == id }, "seed \(seed)")
        #expect(postings[id: id] == postings.first { $0.id == id }, "seed \(seed)")
      }
      #expect(postings.hasRepeatedIDs == (Set(postings.map(\.id)).count != postings.count))
    }
  }

  /// Two lists edited apart from one base (one of them, say, an earlier value kept for undo):
  /// their changes, replayed, turn one into the other whenever they can be said; and when they
  /// cannot (the save then rewrites the whole file), the lists go on from there.
  @Test(arguments: SeededGenerator.seeds(default: 200))
  func changesBetweenTwoListsFromOneBaseReplayToTheLaterOne(seed: UInt64) {
    var edits = ListEdits(seed: seed)
    var base = RecordList(edits.generator.deck(maximumRecords: 8).postings)
    base.startRecordingChanges(base: 7)
    var saved = base
    var current = base
    for _ in 0..<12 {
      if edits.generator.generator.chance(0.3) {
        edits.edit(&saved)
      } else {
        edits.edit(&current)
      }
      guard let changes = current.changes(since: saved) else {
        saved = current
        continue
      }
      #expect(replaying(changes, onto: saved) == current, "seed \(seed)")
      if edits.generator.generator.chance(0.5) { saved = current }
    }
    // An edit in place after a save can always be said, whatever came before.
    saved = current
    current.append(edits.generator.posting(id: "last"))
    if current.count > 1 { current[0].title = "Edited last" }
    let changes = current.changes(since: saved)
    #expect(changes.map { replaying($0, onto: saved) } == current, "seed \(seed)")
  }

  @Test func everyKindOfEditTouchesTheIdsItWrites() {
    var postings: RecordList<Posting> = [
      Posting(id: "a", title: "A", company: "X", createdAt: Date(timeIntervalSince1970: 0)),
      Posting(id: "b", title: "B", company: "X", createdAt: Date(timeIntervalSince1970: 0)),
      Posting(id: "c", title: "C", company: "X", createdAt: Date(timeIntervalSince1970: 0)),
    ]
    postings.startRecordingChanges(base: 1)
    #expect(postings.touchedIDs.isEmpty)

    var edited = postings
    edited[1].title = "Changed"
    #expect(edited.touchedIDs == ["b"])

    var renamed = postings
    renamed[0].id = "z"
    #expect(renamed.touchedIDs == ["a", "z"])
    #expect(renamed[id: "z"]?.title == "A")
    #expect(renamed[id: "a"] == nil)

    var appended = postings
    appended.append(Posting(id: "d", title: "D", company: "X", createdAt: .distantPast))
    #expect(appended.touchedIDs == ["d"])

    var removed = postings
    removed.remove(at: 0)
    #expect(removed.touchedIDs == ["a"])
    #expect(removed.index(ofID: "c") == 1)

    var filtered = postings
    filtered.removeAll { $0.id == "c" }
    #expect(filtered.touchedIDs == ["c"])

    var swapped = postings
    swapped.swapAt(0, 2)
    #expect(swapped.touchedIDs == ["a", "c"])

    var replaced = postings
    replaced[2] = Posting(id: "c", title: "New", company: "Y", createdAt: .distantPast)
    #expect(replaced.touchedIDs == ["c"])

    var thinned = postings
    thinned.remove(atPositions: [0, 2])
    #expect(thinned.touchedIDs == ["a", "c"])
    #expect(thinned.map(\.id) == ["b"])
    #expect(thinned.index(ofID: "b") == 0)
  }

  /// A hand edit can leave two records with one id: both stay, in their order, and are written
  /// back; lookups find the first, and the second once the first is gone.
  @Test func aRepeatedIdKeepsEveryRecordInOrder() {
    var postings: RecordList<Posting> = [
      Posting(id: "a", title: "First", company: "X", createdAt: .distantPast),
      Posting(id: "b", title: "B", company: "X", createdAt: .distantPast),
      Posting(id: "a", title: "Second", company: "X", createdAt: .distantPast),
    ]
    #expect(postings.count == 3)
    #expect(postings.map(\.title) == ["First", "B", "Second"])
    #expect(postings.hasRepeatedIDs)
    #expect(postings[id: "a"]?.title == "First")
    postings.append(Posting(id: "b", title: "B again", company: "X", createdAt: .distantPast))
    #expect(postings.map(\.title) == ["First", "B", "Second", "B again"])
    #expect(postings[id: "b"]?.title == "B")
    postings.remove(at: 0)
    #expect(postings[id: "a"]?.title == "Second")
    #expect(postings.index(ofID: "a") == 1)
  }

  @Test func differenceCountsSayWhatWasAddedChangedAndRemoved() {
    let old: RecordList<Posting> = [
      Posting(id: "kept", title: "K", company: "X", createdAt: .distantPast),
      Posting(id: "changed", title: "C", company: "X", createdAt: .distantPast),
      Posting(id: "removed", title: "R", company: "X", createdAt: .distantPast),
    ]
    var new = old
    new[1].title = "Changed"
    new.remove(at: 2)
    new.append(Posting(id: "added", title: "A", company: "X", createdAt: .distantPast))
    #expect(new.differenceCounts(from: old) == (added: 1, changed: 1, removed: 1))
    #expect(old.differenceCounts(from: old) == (added: 0, changed: 0, removed: 0))
  }

  @Test func aListBuiltAnewClaimsNoChangesAndCannotBeSaidAgainstAnother() {
    var loaded: RecordList<Posting> = [
      Posting(id: "a", title: "A", company: "X", createdAt: .distantPast),
    ]
    loaded.startRecordingChanges(base: 1)
    let rebuilt = RecordList(loaded.elements + [
      Posting(id: "b", title: "B", company: "X", createdAt: .distantPast),
    ])
    #expect(rebuilt.touchedIDs.isEmpty)
    #expect(rebuilt.changes(since: loaded) == nil)
  }

  @Test func undoingAnEditAfterSavingItSaysTheRecordBackAsItWas() throws {
    var deck = Deck()
    let postingID = deck.add(Posting(id: "", title: "Engineer", company: "Acme",
      createdAt: Date(timeIntervalSince1970: 0)))
    _ = try deck.apply(toPosting: postingID, stage: .applied, at: Date(timeIntervalSince1970: 0))
    deck.startRecordingChanges()
    let beforeMove = deck
    var moved = deck
    let applicationID = try #require(moved.applications.first?.id)
    try moved.move(applicationID: applicationID, to: .interview, at: Date(timeIntervalSince1970: 60))
    // `moved` is saved; then the user undoes the move and the earlier value is saved.
    let changes = try #require(beforeMove.applications.changes(since: moved.applications))
    #expect(changes.changed == [beforeMove.applications[0]])
    #expect(changes.removed.isEmpty && changes.added.isEmpty)
    #expect(beforeMove.postings.changes(since: moved.postings)?.isEmpty == true)
  }

  @Test func decksThatDifferOnlyInWhatTheyTouchedAreEqual() {
    var deck = Deck(postings: [
      Posting(id: "a", title: "A", company: "X", createdAt: .distantPast),
    ])
    let untouched = deck
    deck.startRecordingChanges()
    deck.postings[0].title = "B"
    deck.postings[0].title = "A"
    #expect(deck == untouched)
    #expect(deck.hashValue == untouched.hashValue)
  }

  // MARK: - Lists longer than a chunk

  /// A list long enough to span several chunks, edited at random (in place, at chunk edges,
  /// removed and inserted in the middle, appended across an edge), reads back what an array
  /// edited the same way holds, and finds each id where the array has it.
  @Test(arguments: SeededGenerator.seeds(default: 20))
  func aListOfSeveralChunksHoldsWhatAnArrayHolds(seed: UInt64) {
    let chunk = RecordList<Posting>.chunkCapacity
    var generator = SeededGenerator(seed: seed)
    func posting(_ id: String) -> Posting {
      Posting(id: id, title: "T\(id)", company: "C", createdAt: .distantPast)
    }
    var array = (0..<(2 * chunk + 7)).map { posting("p\($0)") }
    var list = RecordList(array)
    list.startRecordingChanges(base: 1)
    for step in 0..<60 {
      let edges = [0, chunk - 1, chunk, 2 * chunk - 1, 2 * chunk, array.count - 1]
      let position = generator.chance(0.5)
        ? edges.filter { $0 < array.count }.randomElement(using: &generator) ?? 0
        : Int.random(in: 0..<array.count, using: &generator)
      switch Int.random(in: 0..<6, using: &generator) {
      case 0:
        array[position].title = "edited \(step)"
        list[position].title = "edited \(step)"
      case 1:
        array.remove(at: position)
        list.remove(at: position)
      case 2:
        array.insert(posting("inserted-\(step)"), at: position)
        list.insert(posting("inserted-\(step)"), at: position)
      case 3:
        let added = (0..<Int.random(in: 1...(chunk + 3), using: &generator)).map {
          posting("added-\(step)-\($0)")
        }
        array += added
        list.append(contentsOf: added)
      case 4:
        array.removeAll { $0.title.hasSuffix("\(step % 7)") }
        list.removeAll { $0.title.hasSuffix("\(step % 7)") }
      default:
        array[position].id = "renamed-\(step)"
        list[position].id = "renamed-\(step)"
      }
      #expect(list.count == array.count, "seed \(seed) step \(step)")
      #expect(Array(list) == array, "seed \(seed) step \(step)")
      #expect(list == RecordList(array), "equal to the same records listed anew")
      #expect(list.hashValue == RecordList(array).hashValue)
      for probe in [0, chunk - 1, chunk, array.count - 1] where probe < array.count {
        #expect(list.index(ofID: array[probe].id) == probe, "seed \(seed) step \(step)")
      }
    }
  }

  /// A change to one record of a long list leaves the list it was copied from as it was, and
  /// the two still share every chunk the change did not reach.
  @Test func aChangedCopyLeavesTheOriginalAsItWas() {
    let chunk = RecordList<Posting>.chunkCapacity
    let original = RecordList((0..<(3 * chunk)).map {
      Posting(id: "p\($0)", title: "T", company: "C", createdAt: .distantPast)
    })
    var changed = original
    #expect(changed.sharesStorage(with: original))
    changed[chunk + 5].title = "Changed"
    #expect(!changed.sharesStorage(with: original))
    #expect(original[chunk + 5].title == "T")
    #expect(changed[chunk + 5].title == "Changed")
    #expect(changed != original)
    changed[chunk + 5].title = "T"
    #expect(changed == original)
  }

  /// Records a reader built in chunks are taken over as they are.
  @Test func aListTakesOverFullChunks() {
    let chunk = RecordList<Posting>.chunkCapacity
    let records = (0..<(chunk + 2)).map {
      Posting(id: "p\($0)", title: "T", company: "C", createdAt: .distantPast)
    }
    let list = RecordList(chunks: [ContiguousArray(records[..<chunk]),
      ContiguousArray(records[chunk...])])
    #expect(Array(list) == records)
    #expect(list == RecordList(records))
    #expect(list.index(ofID: "p\(chunk + 1)") == chunk + 1)
  }
}
