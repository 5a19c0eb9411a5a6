/// One kind of record (postings, applications or deadlines) in creation order, found by id in
/// constant time, and noting the id of every record each change touches.
///
/// An array in every other way (indices, `append`, `remove(at:)`, `deck.postings[i].title = x`),
/// so code written for `[Posting]` reads the same. Ids may repeat: a hand-edited store can hold
/// two records with one id, and dropping either would lose what the user saved; lookups by id
/// find the first, as a scan would, and `jobdeck check` reports the repeat.
///
/// The touched ids are what lets a save append only what changed to the journal instead of
/// comparing two decks record by record: see `changes(since:)`. They are not part of the value
/// (`==` and `hash` ignore them): two lists with the same records are equal however they came to
/// be.
public struct RecordList<Record: Identifiable & Hashable & Sendable>: Sendable
where Record.ID == String {
  @usableFromInline var records: [Record]
  /// The position of the first record with each id.
  @usableFromInline var positions: [String: Int]
  /// How many records repeat the id of an earlier one.
  @usableFromInline var repeatedCount: Int
  @usableFromInline var changeRecord = ChangeRecord()

  public init() {
    records = []
    positions = [:]
    repeatedCount = 0
  }

  public init<Records: Sequence>(_ records: Records) where Records.Element == Record {
    self.records = Array(records)
    positions = [:]
    repeatedCount = 0
    reindex()
  }

  /// The records as an array, for code that needs one.
  @inlinable public var elements: [Record] { records }

  /// The records in place, for loops over many records that must not retain each one.
  @inlinable public func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Record>) throws -> Result
  ) rethrows -> Result {
    try records.withUnsafeBufferPointer(body)
  }

  /// The first record with this id.
  @inlinable public subscript(id id: String) -> Record? {
    positions[id].map { records[$0] }
  }

  /// The position of the first record with this id.
  @inlinable public func index(ofID id: String) -> Int? { positions[id] }

  @inlinable public func contains(id: String) -> Bool { positions[id] != nil }

  /// Whether `other` is this very version of the list, its records in the same storage (a copy
  /// that was never changed): answered without comparing a record. Equal lists built apart
  /// answer false.
  public func sharesStorage(with other: RecordList) -> Bool {
    records.withUnsafeBufferPointer { mine in
      other.records.withUnsafeBufferPointer { theirs in
        mine.baseAddress == theirs.baseAddress && mine.count == theirs.count
      }
    }
  }

  /// Whether some id is held by more than one record (only a hand-edited store does that).
  public var hasRepeatedIDs: Bool { repeatedCount > 0 }

  /// The ids touched since changes began to be recorded (`Deck.startRecordingChanges()`).
  public var touchedIDs: Set<String> { changeRecord.touched }

  /// Removes every record that `shouldBeRemoved` selects, in one pass.
  public mutating func removeAll(where shouldBeRemoved: (Record) throws -> Bool) rethrows {
    var kept: [Record] = []
    kept.reserveCapacity(records.count)
    for record in records {
      if try shouldBeRemoved(record) { touch(record.id) } else { kept.append(record) }
    }
    guard kept.count != records.count else { return }
    records = kept
    reindex()
  }

  /// Removes the records at `positions`, in one pass.
  public mutating func remove(atPositions positions: Set<Int>) {
    guard !positions.isEmpty else { return }
    var kept: [Record] = []
    kept.reserveCapacity(records.count - positions.count)
    for (position, record) in records.enumerated() {
      if positions.contains(position) { touch(record.id) } else { kept.append(record) }
    }
    records = kept
    reindex()
  }

  /// Starts a new change record: from now on the list notes the ids each change touches,
  /// counted from its records as they are now, which `base` names.
  mutating func startRecordingChanges(base: UInt64) {
    changeRecord = ChangeRecord(base: base, touched: [])
  }

  @usableFromInline mutating func touch(_ id: String) {
    if changeRecord.base != nil { changeRecord.touched.insert(id) }
  }

  @usableFromInline mutating func reindex() {
    var positions = [String: Int](minimumCapacity: records.count)
    // Last to first, so that the first record with an id is the one left; in place, so that
    // only the id is retained, not every field of a record copied out.
    records.withUnsafeBufferPointer { records in
      for position in records.indices.reversed() {
        positions[records[position].id] = position
      }
    }
    repeatedCount = records.count - positions.count
    self.positions = positions
  }

  /// The record at `position` changed its id from `old`.
  @usableFromInline mutating func idChanged(at position: Int, from old: String) {
    let new = records[position].id
    touch(old)
    touch(new)
    if repeatedCount == 0, positions[new] == nil {
      positions[old] = nil
      positions[new] = position
    } else {
      reindex()
    }
  }
}

/// Which ids a list's changes touched, counted from the version `base` names.
///
/// The rule that makes it sound: a record whose id is not in `touched` is exactly as it was in
/// the base, at the same place relative to the other untouched ones. Every change keeps the rule
/// (each mutating operation touches the ids it writes, removes or inserts), and a list built
/// anew has no base, so it records nothing and claims nothing. For two lists with the same base,
/// every record that differs between them has its id in the union of their touched sets, whatever
/// order the changes were made or undone in.
@usableFromInline struct ChangeRecord: Sendable {
  @usableFromInline var base: UInt64?
  @usableFromInline var touched: Set<String> = []

  @usableFromInline init(base: UInt64? = nil, touched: Set<String> = []) {
    self.base = base
    self.touched = touched
  }
}

extension RecordList: Equatable {
  public static func == (lhs: RecordList, rhs: RecordList) -> Bool { lhs.records == rhs.records }
}

extension RecordList: Hashable {
  public func hash(into hasher: inout Hasher) { hasher.combine(records) }
}

extension RecordList: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: Record...) { self.init(elements) }
}

extension RecordList: CustomStringConvertible {
  public var description: String { records.description }
}

extension RecordList: RandomAccessCollection, MutableCollection {
  public typealias Index = Int
  public typealias Indices = Range<Int>

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { records.count }
  @inlinable public var count: Int { records.count }
  @inlinable public var isEmpty: Bool { records.isEmpty }
  @inlinable public var indices: Range<Int> { 0..<records.count }
  @inlinable public func index(after index: Int) -> Int { index + 1 }
  @inlinable public func index(before index: Int) -> Int { index - 1 }

  @inlinable public subscript(position: Int) -> Record {
    get { records[position] }
    set {
      let old = records[position].id
      records[position] = newValue
      if newValue.id == old { touch(old) } else { idChanged(at: position, from: old) }
    }
    _modify {
      let old = records[position].id
      // Noted before the yield as well, so that a change that throws half way is still seen.
      touch(old)
      yield &records[position]
      if records[position].id != old { idChanged(at: position, from: old) }
    }
  }
}

extension RecordList: RangeReplaceableCollection {
  public mutating func replaceSubrange<Replacement: Collection>(
    _ range: Range<Int>, with replacement: Replacement
  ) where Replacement.Element == Record {
    for record in records[range] { touch(record.id) }
    for record in replacement { touch(record.id) }
    let isAppend = range.isEmpty && range.lowerBound == records.count
    let start = records.count
    records.replaceSubrange(range, with: replacement)
    if isAppend {
      for position in start..<records.count {
        let id = records[position].id
        if positions[id] == nil { positions[id] = position } else { repeatedCount += 1 }
      }
    } else {
      reindex()
    }
  }

  public mutating func reserveCapacity(_ count: Int) {
    records.reserveCapacity(count)
    positions.reserveCapacity(count)
  }

  public mutating func append(_ record: Record) {
    touch(record.id)
    if positions[record.id] == nil { positions[record.id] = records.count } else {
      repeatedCount += 1
    }
    records.append(record)
  }
}
