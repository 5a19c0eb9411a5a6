import Foundation
import JobDeckCore

/// The company sort of 100,000 postings, most of them with companies of their own: comparing
/// `lowercased()` Strings costs a String per posting and a Unicode-aware comparison per step.
/// For ASCII (nearly every company) the lowercased bytes compare exactly as the Strings do, so
/// those are ordered by their first sixteen lowercased bytes held as two integers
/// (`RadixSort.prefixWords`), a byte at a time from the first (a few counting passes, each
/// splitting a bucket into up to 256), small buckets by insertion; whole companies are
/// compared only where all sixteen tie and one of them is longer. The few non-ASCII ones are
/// sorted as Strings and put in their places by binary search.
struct CompanySortKeys {
  private let postings: RecordList<Posting>

  init(_ postings: RecordList<Posting>) {
    self.postings = postings
  }

  /// An ASCII company's first sixteen lowercased bytes, its length and its posting: 24 bytes,
  /// three arrays of them live during the sort (the keys, a scratch copy, the positions).
  private struct Key {
    var high: UInt64
    var low: UInt64
    var storedLength: UInt32
    var storedPosition: UInt32

    init(high: UInt64, low: UInt64, length: Int, position: Int) {
      self.high = high
      self.low = low
      // A company longer than 4 GB is compared whole anyway (`isWhole` is false for it); a
      // deck holds far fewer than 2³² postings, each taking hundreds of bytes.
      storedLength = UInt32(clamping: length)
      storedPosition = UInt32(position)
    }

    var length: Int { Int(storedLength) }
    var position: Int { Int(storedPosition) }

    /// Sixteen bytes or fewer: the prefix words and the length say all there is.
    var isWhole: Bool { length <= 16 }

    func precedes(_ other: Key) -> Bool {
      high != other.high ? high < other.high : low < other.low
    }

    func ties(_ other: Key) -> Bool { high == other.high && low == other.low }

    /// Byte `index` (0 the first) of the prefix.
    func byte(_ index: Int) -> Int {
      let word = index < 8 ? high : low
      return Int(truncatingIfNeeded: word >> UInt64(56 - 8 * (index & 7))) & 0xFF
    }
  }

  /// Posting positions by lowercased company, ties in deck order.
  func order() -> [Int] {
    // Fields read in place: a copy of a posting retains each of its strings.
    var keyed: [Key] = []
    keyed.reserveCapacity(postings.count)
    var others: [Int] = []
    for position in postings.indices {
      let key = postings[position].company.utf8.withContiguousStorageIfAvailable {
        bytes -> Key? in
        let words = RadixSort.prefixWords(bytes)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        guard (words.high | words.low) & highBits == 0,
          bytes.count <= 16 || bytes[16...].allSatisfy({ $0 < 0x80 })
        else { return nil }
        return Key(high: Self.lowercased(words.high), low: Self.lowercased(words.low),
          length: bytes.count, position: position)
      }
      guard let key = key ?? nil else {
        others.append(position)
        continue
      }
      keyed.append(key)
    }
    let ascii = Self.sorted(&keyed) { left, right in
      Self.compareLowercased(postings[left].company, postings[right].company)
    }

    // Non-ASCII text compares by its normalized form: as lowercased Strings.
    func lowercased(_ position: Int) -> String { postings[position].company.lowercased() }
    let otherKeys = others.map { (text: lowercased($0), position: $0) }.sorted {
      $0.text != $1.text ? $0.text < $1.text : $0.position < $1.position
    }
    guard !otherKeys.isEmpty else { return ascii }
    var result: [Int] = []
    result.reserveCapacity(postings.count)
    var taken = 0
    for other in otherKeys {
      // The first ASCII company after this one (ties in deck order).
      var low = taken
      var high = ascii.count
      while low < high {
        let middle = (low + high) / 2
        let text = lowercased(ascii[middle])
        if text < other.text || (text == other.text && ascii[middle] < other.position) {
          low = middle + 1
        } else {
          high = middle
        }
      }
      result.append(contentsOf: ascii[taken..<low])
      result.append(other.position)
      taken = low
    }
    result.append(contentsOf: ascii[taken...])
    return result
  }

  /// Positions by `(high, low)`, then by `compare` where those tie, then by position; sorts
  /// `sorted` in place rather than a copy of it.
  private static func sorted(_ sorted: inout [Key], compare: (Int, Int) -> Int) -> [Int] {
    var scratch = sorted
    sorted.withUnsafeMutableBufferPointer { sorted in
      scratch.withUnsafeMutableBufferPointer { scratch in
        sortByPrefix(sorted, scratch: scratch, range: 0..<sorted.count, byte: 0)
      }
    }
    var runStart = 0
    while runStart < sorted.count {
      var runEnd = runStart + 1
      while runEnd < sorted.count, sorted[runEnd].ties(sorted[runStart]) { runEnd += 1 }
      let run = runStart..<runEnd
      let first = sorted[runStart]
      if run.count > 1, run.allSatisfy({ sorted[$0].isWhole }) {
        // Equal prefixes: a shorter one is a prefix of the longer (padding or NULs).
        if run.contains(where: { sorted[$0].length != first.length }) {
          sorted[run].sort { ($0.length, $0.position) < ($1.length, $1.position) }
        }
      } else if run.count > 1,
        run.contains(where: { compare(first.position, sorted[$0].position) != 0 })
      {
        sorted[run].sort { left, right in
          let result = compare(left.position, right.position)
          return result != 0 ? result < 0 : left.position < right.position
        }
      }
      runStart = runEnd
    }
    return sorted.map(\.position)
  }

  /// Sorts `keys[range]` by prefix from byte `byte` on (the earlier ones tie), stably: one
  /// counting pass per byte into `scratch`, buckets of a few keys by insertion.
  private static func sortByPrefix(
    _ keys: UnsafeMutableBufferPointer<Key>, scratch: UnsafeMutableBufferPointer<Key>,
    range: Range<Int>, byte: Int
  ) {
    guard range.count > 1, byte < 16 else { return }
    if range.count <= 32 {
      for index in (range.lowerBound + 1)..<range.upperBound {
        let key = keys[index]
        var slot = index
        while slot > range.lowerBound, key.precedes(keys[slot - 1]) {
          keys[slot] = keys[slot - 1]
          slot -= 1
        }
        keys[slot] = key
      }
      return
    }
    var starts = [Int](repeating: 0, count: 257)
    for index in range { starts[keys[index].byte(byte) + 1] += 1 }
    if starts.contains(range.count) {
      // One value of this byte throughout: nothing to move.
      sortByPrefix(keys, scratch: scratch, range: range, byte: byte + 1)
      return
    }
    starts[0] = range.lowerBound
    for bucket in 1...256 { starts[bucket] += starts[bucket - 1] }
    var next = starts
    for index in range {
      let bucket = keys[index].byte(byte)
      scratch[next[bucket]] = keys[index]
      next[bucket] += 1
    }
    for index in range { keys[index] = scratch[index] }
    for bucket in 0..<256 {
      sortByPrefix(keys, scratch: scratch, range: starts[bucket]..<starts[bucket + 1],
        byte: byte + 1)
    }
  }

  /// `word` with the ASCII capitals among its bytes made small, all eight at once (every byte
  /// is below 0x80, so adding to one never carries into the next).
  private static func lowercased(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let atLeastA = word &+ ones &* (0x80 - 0x41)
    let pastZ = word &+ ones &* (0x80 - 0x5B)
    let capitals = atLeastA & ~pastZ & (ones &* 0x80)
    return word | capitals >> 2
  }

  /// memcmp order of two ASCII companies' lowercased bytes.
  private static func compareLowercased(_ left: String, _ right: String) -> Int {
    var left = left
    var right = right
    return left.withUTF8 { left in right.withUTF8 { right in compareLowercased(left, right) } }
  }

  private static func compareLowercased(
    _ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>
  ) -> Int {
    func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    for offset in 0..<min(left.count, right.count)
    where lowered(left[offset]) != lowered(right[offset]) {
      return Int(lowered(left[offset])) - Int(lowered(right[offset]))
    }
    return left.count - right.count
  }
}
