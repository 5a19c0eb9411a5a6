/// What turns one version of a record list into another: records changed in place, removed, and
/// added at the end, in the order a journal replays them.
public struct RecordChanges<Record> {
  /// Records on file in both versions whose values differ, in the later version's order.
  public var changed: [Record]
  /// Ids of records the later version no longer has.
  public var removed: [String]
  /// Records new in the later version, in its order; they come after all the others.
  public var added: [Record]

  public var isEmpty: Bool { changed.isEmpty && removed.isEmpty && added.isEmpty }
}

extension RecordList {
  /// The changes that turn `previous` into this list, found from the ids either list touched
  /// since their common base, without looking at any other record.
  ///
  /// Nil when they cannot be said that way, and the caller must write the whole list: the two
  /// have no common base (or none was recorded), an id repeats, a record moved among the others,
  /// or one was added anywhere but at the end.
  public func changes(since previous: RecordList) -> RecordChanges<Record>? {
    guard let base = changeRecord.base, base == previous.changeRecord.base,
      repeatedCount == 0, previous.repeatedCount == 0
    else { return nil }
    var changed: [(position: Int, record: Record)] = []
    var removed: [(position: Int, id: String)] = []
    var added: [(position: Int, record: Record)] = []
    var common: [(old: Int, new: Int)] = []
    func classify(_ id: String) {
      switch (previous.positions[id], positions[id]) {
      case (nil, nil): break
      case (nil, let new?): added.append((new, self[new]))
      case (let old?, nil): removed.append((old, id))
      case (let old?, let new?):
        common.append((old, new))
        if previous[old] != self[new] { changed.append((new, self[new])) }
      }
    }
    for id in changeRecord.touched { classify(id) }
    for id in previous.changeRecord.touched where !changeRecord.touched.contains(id) {
      classify(id)
    }
    guard count == previous.count - removed.count + added.count,
      added.allSatisfy({ $0.position >= count - added.count })
    else { return nil }
    // A record on file in both keeps its place once the removed ones before it are gone.
    let removedPositions = removed.map(\.position).sorted()
    for (old, new) in common {
      let removedBefore = removedPositions.partitioningIndex { $0 >= old }
      guard old - removedBefore == new else { return nil }
    }
    return RecordChanges(
      changed: changed.sorted { $0.position < $1.position }.map(\.record),
      removed: removed.sorted { $0.position < $1.position }.map(\.id),
      added: added.sorted { $0.position < $1.position }.map(\.record))
  }
}

extension RecordList {
  /// How many ids this list has that `old` lacks, holds with another record, and lacks that
  /// `old` has (for an id that repeats, its first record counts): what tells a person how two
  /// versions that share no change record differ, such as a backup and the file.
  public func differenceCounts(from old: RecordList) -> (added: Int, changed: Int, removed: Int) {
    var added = 0
    var changed = 0
    for (id, position) in positions {
      if let oldPosition = old.positions[id] {
        if old[oldPosition] != self[position] { changed += 1 }
      } else {
        added += 1
      }
    }
    let removed = old.positions.keys.reduce(0) { $0 + (positions[$1] == nil ? 1 : 0) }
    return (added, changed, removed)
  }
}

extension Array {
  /// The first index whose element satisfies `belongs`, which must be false then true along the
  /// array (binary search).
  public func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if belongs(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
