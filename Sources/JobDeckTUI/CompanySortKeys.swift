import Foundation
import JobDeckCore

/// The company sort of 100,000 postings, most of them with companies of their own: comparing
/// `lowercased()` Strings costs a String per posting and a Unicode-aware comparison per step.
/// For ASCII (nearly every company) the lowercased bytes compare exactly as the Strings do, so
/// those are ordered by their first sixteen lowercased bytes held as two integers
/// (`RadixSort.prefixWords`), bucketed by the first two bytes and sorted as integers within a
/// bucket; whole companies are compared only where those tie (sixteen, as many companies share
/// a first word of eight letters or more: "Nordlicht Labs", "Nordlicht Games"). The few
/// non-ASCII ones are sorted as Strings and put in their places by binary search.
struct CompanySortKeys {
  private let postings: [Posting]

  init(_ postings: [Posting]) {
    self.postings = postings
  }

  /// Posting positions by lowercased company, ties in deck order.
  func order() -> [Int] {
    postings.withUnsafeBufferPointer { postings in
      // Fields read in place: a copy of a posting retains each of its strings.
      var keyed: [(high: UInt64, low: UInt64, position: Int)] = []
      keyed.reserveCapacity(postings.count)
      var others: [Int] = []
      for position in postings.indices {
        let words = postings[position].company.utf8.withContiguousStorageIfAvailable {
          bytes -> (high: UInt64, low: UInt64)? in
          guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
          let words = RadixSort.prefixWords(bytes)
          return (Self.lowercased(words.high), Self.lowercased(words.low))
        }
        guard let words = words ?? nil else {
          others.append(position)
          continue
        }
        keyed.append((words.high, words.low, position))
      }
      let ascii = Self.sorted(keyed) { left, right in
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
  }

  /// Positions by `(high, low)`, then by `compare` where those tie, then by position.
  private static func sorted(
    _ keyed: [(high: UInt64, low: UInt64, position: Int)], compare: (Int, Int) -> Int
  ) -> [Int] {
    // Buckets by the first two bytes (one counting pass), each sorted as integers.
    let bucketCount = 1 << 16
    var starts = [Int](repeating: 0, count: bucketCount + 1)
    for entry in keyed { starts[Int(entry.high >> 48) + 1] += 1 }
    for bucket in 1...bucketCount { starts[bucket] += starts[bucket - 1] }
    var sorted = keyed
    var next = starts
    for entry in keyed {
      let bucket = Int(entry.high >> 48)
      sorted[next[bucket]] = entry
      next[bucket] += 1
    }
    for bucket in 0..<bucketCount where starts[bucket + 1] - starts[bucket] > 1 {
      sorted[starts[bucket]..<starts[bucket + 1]].sort {
        ($0.high, $0.low, $0.position) < ($1.high, $1.low, $1.position)
      }
    }
    var runStart = 0
    while runStart < sorted.count {
      var runEnd = runStart + 1
      while runEnd < sorted.count, sorted[runEnd].high == sorted[runStart].high,
        sorted[runEnd].low == sorted[runStart].low
      {
        runEnd += 1
      }
      // Usually one company many times over: already in deck order.
      let first = sorted[runStart].position
      if runEnd - runStart > 1,
        sorted[(runStart + 1)..<runEnd].contains(where: { compare(first, $0.position) != 0 })
      {
        sorted[runStart..<runEnd].sort { left, right in
          let result = compare(left.position, right.position)
          return result != 0 ? result < 0 : left.position < right.position
        }
      }
      runStart = runEnd
    }
    return sorted.map(\.position)
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
    func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    var leftBytes = left.utf8.makeIterator()
    var rightBytes = right.utf8.makeIterator()
    while true {
      switch (leftBytes.next(), rightBytes.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let leftByte?, let rightByte?):
        if lowered(leftByte) != lowered(rightByte) {
          return Int(lowered(leftByte)) - Int(lowered(rightByte))
        }
      }
    }
  }
}
