/// A stable sort of positions by integer keys, for lists of 100,000 records sorted while the
/// user waits for the next frame: a comparison sort of that many records makes about 1.7
/// million calls of its comparison, a radix sort a few passes over the keys.
///
/// Keys are words compared most significant first; callers pack what they sort by into them
/// (a date, a rank, the first bytes of a name) so that the words' order is the order wanted,
/// and settle what the words cannot tell apart (`runs`) with their own comparison.
public enum RadixSort {
  /// Positions `0..<count` ordered by `words[0][position]`, then `words[1][position]`, …;
  /// equal keys keep the order of their positions. Every array in `words` has `count` values.
  public static func positions(count: Int, sortedBy words: [[UInt64]]) -> [Int] {
    var order = Array(0..<count)
    // Least significant word first: each pass is stable, so the later (more significant) passes
    // keep the order the earlier ones made among equal digits.
    for keys in words.reversed() {
      precondition(keys.count == count, "one key per position")
      stablySort(&order, by: keys)
    }
    return order
  }

  /// `value` as a word in the same order as `Int`'s: negative numbers first.
  public static func word(_ value: Int) -> UInt64 {
    UInt64(bitPattern: Int64(value)) ^ (1 << 63)
  }

  /// The first sixteen bytes of `bytes` as two big-endian words, zero-padded: integers in
  /// the order `memcmp` gives those bytes (a text that is a prefix of another sorts first).
  @inlinable
  public static func prefixWords(_ bytes: UnsafeBufferPointer<UInt8>)
    -> (high: UInt64, low: UInt64)
  {
    // Copied into zeroed words in one move, read big-endian: no loop over the bytes.
    var words: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &words) { target in
      target.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(16))))
    }
    return (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1))
  }

  /// The ranges of `order` (as `positions` returns it) whose keys are equal in every word and
  /// hold more than one position: what the caller's own comparison still has to order.
  public static func runs(of order: [Int], in words: [[UInt64]]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count,
        words.allSatisfy({ $0[order[end]] == $0[order[start]] })
      {
        end += 1
      }
      if end - start > 1 { result.append(start..<end) }
      start = end
    }
    return result
  }

  private static let digitBits: UInt64 = 11
  private static let bucketCount = 1 << 11

  /// Reorders `order` by `keys[position]`, stably, eleven bits at a time; a pass whose digit is
  /// the same for every key moves nothing and is skipped.
  private static func stablySort(_ order: inout [Int], by keys: [UInt64]) {
    let count = order.count
    guard count > 1 else { return }
    var minimum = UInt64.max
    var maximum = UInt64.min
    for key in keys {
      minimum = min(minimum, key)
      maximum = max(maximum, key)
    }
    guard minimum != maximum else { return }
    // Digits of `key - minimum`: only as many passes as the spread of the keys needs.
    let topBit = 64 - UInt64((maximum - minimum).leadingZeroBitCount)
    var scratch = [Int](repeating: 0, count: count)
    var counts = [Int](repeating: 0, count: bucketCount + 1)
    keys.withUnsafeBufferPointer { keys in
      var shift: UInt64 = 0
      while shift < topBit {
        let mask = UInt64(bucketCount - 1)
        counts.withUnsafeMutableBufferPointer { counts in
          for bucket in counts.indices { counts[bucket] = 0 }
          order.withUnsafeBufferPointer { source in
            for position in source {
              counts[Int(((keys[position] &- minimum) >> shift) & mask) + 1] += 1
            }
          }
          if counts.contains(count) { return }
          for bucket in 1..<counts.count { counts[bucket] += counts[bucket - 1] }
          order.withUnsafeBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { target in
              for position in source {
                let bucket = Int(((keys[position] &- minimum) >> shift) & mask)
                target[counts[bucket]] = position
                counts[bucket] += 1
              }
            }
          }
          swap(&order, &scratch)
        }
        shift += digitBits
      }
    }
  }
}
