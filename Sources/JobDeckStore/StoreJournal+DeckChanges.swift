import JobDeckCore

extension StoreJournal {
  /// The journal operations that turn `previous`, the deck the store holds, into `deck`, found
  /// from the ids their changes touched (see `RecordList.changes(since:)`), so a save costs what
  /// it changed, not the size of the deck. Nil when they cannot be said that way (no common
  /// base, repeated ids, records moved or inserted before others): then the caller rewrites the
  /// whole file. `replay` of the result onto `previous` gives `deck`.
  static func operations(from previous: Deck, to deck: Deck) -> [Operation]? {
    guard let postings = deck.postings.changes(since: previous.postings),
      let applications = deck.applications.changes(since: previous.applications),
      let deadlines = deck.deadlines.changes(since: previous.deadlines)
    else { return nil }
    var operations: [Operation] = []
    if previous.settings != deck.settings { operations.append(.putSettings(deck.settings)) }
    if previous.conflicts != deck.conflicts { operations.append(.putConflicts(deck.conflicts)) }
    append(postings, in: .postings, put: Operation.putPosting, to: &operations)
    append(applications, in: .applications, put: Operation.putApplication, to: &operations)
    append(deadlines, in: .deadlines, put: Operation.putDeadline, to: &operations)
    return operations
  }

  /// Changes in place first, then removals, then additions: `replay` puts a known id in place and
  /// appends an unknown one, so this order keeps the records' order.
  private static func append<Record>(
    _ changes: RecordChanges<Record>, in collection: Collection,
    put: (Record) -> Operation, to operations: inout [Operation]
  ) {
    operations += changes.changed.map(put)
    operations += changes.removed.map { .delete(collection, id: $0) }
    operations += changes.added.map(put)
  }
}
