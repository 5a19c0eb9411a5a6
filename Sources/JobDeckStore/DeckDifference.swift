import Glibc
import JobDeckCore

/// The journal operations that turn the deck a caller last read into the deck it now saves.
///
/// Only differences the journal can say exactly come out: records changed in place, removed
/// anywhere, or added at the end of their collection. Anything else (records reordered, added in
/// the middle, ids repeated) gives nil, and the caller rewrites the whole file instead. The
/// result is correct by construction: every id it puts in place or deletes occurs exactly once in
/// `previous`, every id it appends occurs there not at all, and no id is named twice, so
/// `StoreJournal.replay` of the result onto `previous` is `deck`.
enum DeckDifference {
  /// Ids named by more operations than this are checked against one dictionary of all ids
  /// rather than by a scan each.
  private static let scanLimit = 8

  static func operations(from previous: Deck, to deck: Deck) -> [StoreJournal.Operation]? {
    var operations: [StoreJournal.Operation] = []
    if previous.settings != deck.settings { operations.append(.putSettings(deck.settings)) }
    if previous.conflicts != deck.conflicts { operations.append(.putConflicts(deck.conflicts)) }
    guard
      let postings = difference(previous.postings, deck.postings, in: .postings,
        put: StoreJournal.Operation.putPosting),
      let applications = difference(previous.applications, deck.applications,
        in: .applications, put: StoreJournal.Operation.putApplication),
      let deadlines = difference(previous.deadlines, deck.deadlines, in: .deadlines,
        put: StoreJournal.Operation.putDeadline)
    else { return nil }
    return operations + postings + applications + deadlines
  }

  /// Whether two records are bit for bit the same value. Then they are equal (same numbers, same
  /// string and array storage); when not, `==` decides. Comparing the bits first makes the walk
  /// over 100,000 unchanged records a few milliseconds.
  private static func sameBits<Record>(
    _ old: UnsafeBufferPointer<Record>, _ oldIndex: Int, _ new: UnsafeBufferPointer<Record>,
    _ newIndex: Int
  ) -> Bool {
    guard let oldBase = old.baseAddress, let newBase = new.baseAddress else { return false }
    return memcmp(oldBase + oldIndex, newBase + newIndex, MemoryLayout<Record>.size) == 0
  }

  private static func difference<Record: Identifiable & Equatable>(
    _ old: [Record], _ new: [Record], in collection: StoreJournal.Collection,
    put: (Record) -> StoreJournal.Operation
  ) -> [StoreJournal.Operation]? where Record.ID == String {
    // An edit elsewhere in the deck leaves this array's storage shared: nothing to compare.
    if old.count == new.count,
      old.withUnsafeBufferPointer({ a in new.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress } })
    {
      return []
    }
    var operations: [StoreJournal.Operation] = []
    var inPlace: [String] = []
    var appended: [String] = []
    old.withUnsafeBufferPointer { old in
      new.withUnsafeBufferPointer { new in
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < old.count {
          if newIndex < new.count, Self.sameBits(old, oldIndex, new, newIndex) {
            // The same record, copied along with its array: its text and arrays share storage.
            newIndex += 1
          } else if newIndex < new.count, old[oldIndex].id == new[newIndex].id {
            if old[oldIndex] != new[newIndex] {
              operations.append(put(new[newIndex]))
              inPlace.append(new[newIndex].id)
            }
            newIndex += 1
          } else {
            operations.append(.delete(collection, id: old[oldIndex].id))
            inPlace.append(old[oldIndex].id)
          }
          oldIndex += 1
        }
        while newIndex < new.count {
          operations.append(put(new[newIndex]))
          appended.append(new[newIndex].id)
          newIndex += 1
        }
      }
    }
    if operations.isEmpty { return [] }
    let named = inPlace + appended
    guard Set(named).count == named.count else { return nil }
    let occurrences: (String) -> Int
    if named.count <= scanLimit {
      occurrences = { id in old.reduce(0) { $0 + ($1.id == id ? 1 : 0) } }
    } else {
      var counts: [String: Int] = [:]
      counts.reserveCapacity(old.count)
      for record in old { counts[record.id, default: 0] += 1 }
      occurrences = { counts[$0] ?? 0 }
    }
    guard inPlace.allSatisfy({ occurrences($0) == 1 }),
      appended.allSatisfy({ occurrences($0) == 0 })
    else { return nil }
    return operations
  }
}
