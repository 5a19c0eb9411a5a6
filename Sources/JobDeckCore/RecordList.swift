/// One kind of record (postings, applications or deadlines) in creation order, found by id in
/// constant time, and noting the id of every record each change touches.
///
/// An array in every other way (indices, `append`, `remove(at:)`, `deck.postings[i].title = x`),
/// so code written for `[Posting]` reads the same. Ids may repeat: a hand-edited store can hold
/// two records with one id, and dropping either would lose what the user saved; lookups by id
/// find the first, as a scan would, and `jobdeck check` reports the repeat.
///
/// The records are held in chunks of `chunkCapacity`, every one full but the last: the UI keeps
/// earlier versions of the deck for undo, so the first change to a version copies what it
/// changes, and a change to one record then copies one chunk instead of every record. Reading
/// `list[i].field` reaches the record in place, without copying it out.
///
/// The touched ids are what lets a save append only what changed to the journal instead of
/// comparing two decks record by record: see `changes(since:)`. They are not part of the value
/// (`==` and `hash` ignore them): two lists with the same records are equal however they came to
/// be.
public struct RecordList<Record: Identifiable & Hashable & Sendable>: Sendable
where Record.ID == String {
  /// Every chunk full but the last, which is never empty: equal lists have equal chunks.
  @usableFromInline var chunks: [ContiguousArray<Record>]
  /// The position of the first record with each id.
  @usableFromInline var positions: [String: Int]
  /// How many records repeat the id of an earlier one.
  @usableFromInline var repeatedCount: Int
  @usableFromInline var changeRecord = ChangeRecord()

  /// How many records there are: every chunk but the last is full.
  @inlinable var recordCount: Int {
    guard let last = chunks.last else { return 0 }
    return (chunks.count - 1) << Self.chunkShift + last.count
  }

  /// Records per chunk: a power of two, so that a position splits with a shift and a mask.
  @usableFromInline static var chunkShift: Int { 10 }
  public static var chunkCapacity: Int { 1 << chunkShift }

  public init() {
    chunks = []
    positions = [:]
    repeatedCount = 0
  }

  @inlinable public init<Records: Sequence>(_ records: Records) where Records.Element == Record {
    self.init()
    for record in records { appendUnindexed(record) }
    reindex()
  }

  /// The records already in chunks of `chunkCapacity` (every one full but the last), taken over
  /// as they are: what a reader that built them so hands over without copying a record.
  @inlinable public init(chunks: [ContiguousArray<Record>]) {
    precondition(
      chunks.dropLast().allSatisfy { $0.count == Self.chunkCapacity }
        && (chunks.last.map { !$0.isEmpty && $0.count <= Self.chunkCapacity } ?? true),
      "every chunk but the last must be full")
    self.chunks = chunks
    positions = [:]
    repeatedCount = 0
    reindex()
  }

  /// The records as an array, for code that needs one: a copy of every record.
  public var elements: [Record] { Array(self) }

  /// Calls `body` with the position of each record in `range`, in order, and the record in
  /// place (valid during the call only): for passes over many records. A record handed over as
  /// a value would be copied for each call, several hundred bytes, and a pass reading one field
  /// of 100,000 postings would spend most of its time copying.
  @inlinable public func forEach(
    in range: Range<Int>,
    _ body: (_ position: Int, _ record: UnsafePointer<Record>) throws -> Void
  ) rethrows {
    precondition(range.lowerBound >= 0 && range.upperBound <= recordCount, "range out of bounds")
    var position = range.lowerBound
    while position < range.upperBound {
      let chunk = position &>> Self.chunkShift
      let start = chunk << Self.chunkShift
      let end = Swift.min(range.upperBound, start + Self.chunkCapacity)
      try chunks[chunk].withUnsafeBufferPointer { records in
        guard let base = records.baseAddress else { return }
        for offset in (position - start)..<(end - start) {
          try body(start + offset, base + offset)
        }
      }
      position = end
    }
  }

  /// The position of the first record that `matches`, the records read in place as in
  /// `forEach(in:_:)`.
  @inlinable public func firstPosition(where matches: (UnsafePointer<Record>) throws -> Bool)
    rethrows -> Int?
  {
    var start = 0
    for chunk in chunks {
      let found = try chunk.withUnsafeBufferPointer { records -> Int? in
        guard let base = records.baseAddress else { return nil }
        return try records.indices.first { try matches(base + $0) }
      }
      if let found { return start + found }
      start += chunk.count
    }
    return nil
  }

  /// `forEach(in:_:)` over every record.
  @inlinable public func forEachPosition(
    _ body: (_ position: Int, _ record: UnsafePointer<Record>) throws -> Void
  ) rethrows {
    try forEach(in: indices, body)
  }

  /// The first record with this id.
  @inlinable public subscript(id id: String) -> Record? {
    positions[id].map { self[$0] }
  }

  /// The position of the first record with this id.
  @inlinable public func index(ofID id: String) -> Int? { positions[id] }

  @inlinable public func contains(id: String) -> Bool { positions[id] != nil }

  /// Whether `other` is this very version of the list, its records in the same storage (a copy
  /// that was never changed): answered without comparing a record. Equal lists built apart
  /// answer false.
  public func sharesStorage(with other: RecordList) -> Bool {
    recordCount == other.recordCount
      && chunks.withUnsafeBufferPointer { mine in
        other.chunks.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
      }
  }

  /// The positions whose records may differ from `other`'s, found by storage alone: those in
  /// chunks the two lists do not share, and those only the longer list has. For a list and a
  /// copy of it changed in a few places that is a chunk or two, so what is worked out from the
  /// records (a view's lists, a count) can be brought up to date by reading those positions
  /// only. A position in a range may lie past the end of either list.
  public func unsharedRanges(comparedWith other: RecordList) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    func add(_ range: Range<Int>) {
      if let last = ranges.last, last.upperBound == range.lowerBound {
        ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
      } else {
        ranges.append(range)
      }
    }
    let shared = Swift.min(chunks.count, other.chunks.count)
    for chunk in 0..<shared {
      let same = chunks[chunk].withUnsafeBufferPointer { mine in
        other.chunks[chunk].withUnsafeBufferPointer { theirs in
          mine.baseAddress == theirs.baseAddress && mine.count == theirs.count
        }
      }
      if !same { add(chunk << Self.chunkShift..<(chunk + 1) << Self.chunkShift) }
    }
    let end = Swift.max(recordCount, other.recordCount)
    if shared << Self.chunkShift < end { add(shared << Self.chunkShift..<end) }
    return ranges
  }

  /// Whether some id is held by more than one record (only a hand-edited store does that).
  public var hasRepeatedIDs: Bool { repeatedCount > 0 }

  /// The ids touched since changes began to be recorded (`Deck.startRecordingChanges()`).
  public var touchedIDs: Set<String> { changeRecord.touched }

  /// Removes every record that `shouldBeRemoved` selects, in one pass.
  public mutating func removeAll(where shouldBeRemoved: (Record) throws -> Bool) rethrows {
    try removeRecords { try shouldBeRemoved($1) }
  }

  /// Removes the records at `positions`, in one pass.
  public mutating func remove(atPositions positions: Set<Int>) {
    guard !positions.isEmpty else { return }
    removeRecords { position, _ in positions.contains(position) }
  }

  /// Keeps the records `isRemoved` does not select, noting the ids of those it does.
  private mutating func removeRecords(
    _ isRemoved: (_ position: Int, _ record: Record) throws -> Bool
  ) rethrows {
    var kept = RecordList()
    kept.chunks.reserveCapacity(chunks.count)
    for position in indices {
      if try isRemoved(position, self[position]) {
        touch(self[position].id)
      } else {
        kept.appendUnindexed(self[position])
      }
    }
    guard kept.recordCount != recordCount else { return }
    replaceRecords(with: kept)
  }

  /// Starts a new change record: from now on the list notes the ids each change touches,
  /// counted from its records as they are now, which `base` names.
  mutating func startRecordingChanges(base: UInt64) {
    changeRecord = ChangeRecord(base: base, touched: [])
  }

  @usableFromInline mutating func touch(_ id: String) {
    if changeRecord.base != nil { changeRecord.touched.insert(id) }
  }

  /// Appends without touching the id or indexing it: for building a list that `reindex()`
  /// indexes once at the end.
  @usableFromInline mutating func appendUnindexed(_ record: Record) {
    if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkCapacity {
      var chunk = ContiguousArray<Record>()
      chunk.reserveCapacity(Self.chunkCapacity)
      chunk.append(record)
      chunks.append(chunk)
    } else {
      chunks[chunks.count - 1].append(record)
    }
  }

  /// Takes the records of `other` (built with `appendUnindexed`), keeping this list's change
  /// record.
  private mutating func replaceRecords(with other: RecordList) {
    chunks = other.chunks
    reindex()
  }

  @inlinable mutating func reindex() {
    var positions = [String: Int](minimumCapacity: recordCount)
    // Last to first, so that the first record with an id is the one left; in place, so that
    // only the id is retained, not every field of a record copied out.
    for (chunk, records) in chunks.enumerated().reversed() {
      records.withUnsafeBufferPointer { records in
        for offset in records.indices.reversed() {
          positions[records[offset].id] = chunk << Self.chunkShift + offset
        }
      }
    }
    repeatedCount = recordCount - positions.count
    self.positions = positions
  }

  /// The record at `position` changed its id from `old`.
  @usableFromInline mutating func idChanged(at position: Int, from old: String) {
    let new = self[position].id
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
  /// Chunk by chunk: a chunk two versions share compares by identity at once.
  public static func == (lhs: RecordList, rhs: RecordList) -> Bool { lhs.chunks == rhs.chunks }
}

extension RecordList: Hashable {
  /// Chunk by chunk, as `==` compares: equal lists have the same chunks.
  public func hash(into hasher: inout Hasher) { hasher.combine(chunks) }
}

extension RecordList: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: Record...) { self.init(elements) }
}

extension RecordList: CustomStringConvertible {
  public var description: String { elements.description }
}

extension RecordList: RandomAccessCollection, MutableCollection {
  public typealias Index = Int
  public typealias Indices = Range<Int>

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { recordCount }
  @inlinable public var count: Int { recordCount }
  @inlinable public var isEmpty: Bool { recordCount == 0 }
  @inlinable public var indices: Range<Int> { 0..<recordCount }
  @inlinable public func index(after index: Int) -> Int { index + 1 }
  @inlinable public func index(before index: Int) -> Int { index - 1 }

  /// A position out of range traps in the chunk arrays' own bounds checks: past the end it
  /// names a chunk that is not there, or a place past the last chunk's records.
  @inlinable public subscript(position: Int) -> Record {
    _read {
      yield chunks[position &>> Self.chunkShift][position & (Self.chunkCapacity - 1)]
    }
    set {
      let chunk = position &>> Self.chunkShift
      let offset = position & (Self.chunkCapacity - 1)
      let old = chunks[chunk][offset].id
      chunks[chunk][offset] = newValue
      if newValue.id == old { touch(old) } else { idChanged(at: position, from: old) }
    }
    _modify {
      let chunk = position &>> Self.chunkShift
      let offset = position & (Self.chunkCapacity - 1)
      let old = chunks[chunk][offset].id
      // Noted before the yield as well, so that a change that throws half way is still seen.
      touch(old)
      yield &chunks[chunk][offset]
      if chunks[chunk][offset].id != old { idChanged(at: position, from: old) }
    }
  }
}

extension RecordList: RangeReplaceableCollection {
  public mutating func replaceSubrange<Replacement: Collection>(
    _ range: Range<Int>, with replacement: Replacement
  ) where Replacement.Element == Record {
    precondition(range.lowerBound >= 0 && range.upperBound <= recordCount, "range out of bounds")
    for position in range { touch(self[position].id) }
    for record in replacement { touch(record.id) }
    if range.isEmpty && range.lowerBound == recordCount {
      for record in replacement { append(record) }
      return
    }
    var rebuilt = RecordList()
    rebuilt.chunks.reserveCapacity(chunks.count)
    for position in 0..<range.lowerBound { rebuilt.appendUnindexed(self[position]) }
    for record in replacement { rebuilt.appendUnindexed(record) }
    for position in range.upperBound..<recordCount { rebuilt.appendUnindexed(self[position]) }
    replaceRecords(with: rebuilt)
  }

  public mutating func reserveCapacity(_ count: Int) {
    chunks.reserveCapacity((count + Self.chunkCapacity - 1) / Self.chunkCapacity)
    positions.reserveCapacity(count)
  }

  public mutating func append(_ record: Record) {
    touch(record.id)
    if positions[record.id] == nil { positions[record.id] = recordCount } else {
      repeatedCount += 1
    }
    appendUnindexed(record)
  }
}
