import Foundation
import JobDeckCore

/// The company sort of 100,000 postings, most of them with companies of their own: comparing
/// `lowercased()` Strings costs a String per posting and a Unicode-aware comparison per step.
/// For ASCII (nearly every company) the lowercased bytes compare exactly as the Strings do, so
/// those are radix sorted by their first sixteen bytes held as two integers, and compared with
/// `memcmp` only where those tie (sixteen, as many companies share a first word of eight
/// letters or more: "Nordlicht Labs", "Nordlicht Games"); the non-ASCII ones are sorted as
/// Strings and merged in.
struct CompanySortKeys {
  private var bytes: [UInt8] = []
  private var offsets: [Int] = [0]
  /// `lowercased()` of the non-ASCII companies; nil for ASCII ones.
  private var unicode: [String?] = []

  init(_ postings: [Posting]) {
    offsets.reserveCapacity(postings.count + 1)
    unicode.reserveCapacity(postings.count)
    // By index rather than by element: only the company is read, not a copy of each posting.
    for index in postings.indices {
      var company = postings[index].company
      let isASCII = company.withUTF8 { field in
        guard field.allSatisfy({ $0 < 0x80 }) else { return false }
        for byte in field { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return true
      }
      unicode.append(isASCII ? nil : company.lowercased())
      offsets.append(bytes.count)
    }
  }

  /// The lowercased company of posting `index` as a String (ASCII ones are rebuilt).
  private func string(_ index: Int) -> String {
    unicode[index] ?? String(decoding: bytes[offsets[index]..<offsets[index + 1]], as: UTF8.self)
  }

  /// Posting positions by lowercased company, ties in deck order.
  func order() -> [Int] {
    bytes.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress
      /// memcmp order of two ASCII companies' bytes.
      func compareBytes(_ left: Int, _ right: Int) -> Int {
        let leftLength = offsets[left + 1] - offsets[left]
        let rightLength = offsets[right + 1] - offsets[right]
        let common = min(leftLength, rightLength)
        if common > 0, let base {
          let result = memcmp(base + offsets[left], base + offsets[right], common)
          if result != 0 { return Int(result) }
        }
        return leftLength - rightLength
      }
      func compare(_ left: Int, _ right: Int) -> Int {
        if unicode[left] != nil || unicode[right] != nil {
          let (l, r) = (string(left), string(right))
          return l == r ? 0 : (l < r ? -1 : 1)
        }
        return compareBytes(left, right)
      }
      func precedes(_ left: Int, _ right: Int) -> Bool {
        let result = compare(left, right)
        return result != 0 ? result < 0 : left < right
      }

      // The first sixteen bytes as integers (`RadixSort.prefixWords`); equal integers leave
      // the order to the whole companies.
      var highs: [UInt64] = []
      var lows: [UInt64] = []
      var positions: [Int] = []
      highs.reserveCapacity(unicode.count)
      lows.reserveCapacity(unicode.count)
      positions.reserveCapacity(unicode.count)
      var others: [Int] = []
      for position in unicode.indices {
        guard unicode[position] == nil else {
          others.append(position)
          continue
        }
        let words = RadixSort.prefixWords(
          UnsafeBufferPointer(rebasing: buffer[offsets[position]..<offsets[position + 1]]))
        highs.append(words.high)
        lows.append(words.low)
        positions.append(position)
      }
      // Stable: equal prefixes stay in deck order.
      var ascii = RadixSort.positions(count: positions.count, sortedBy: [highs, lows]).map {
        (high: highs[$0], low: lows[$0], position: positions[$0])
      }
      var runStart = 0
      while runStart < ascii.count {
        var runEnd = runStart + 1
        while runEnd < ascii.count, ascii[runEnd].high == ascii[runStart].high,
          ascii[runEnd].low == ascii[runStart].low
        {
          runEnd += 1
        }
        // Usually one company many times over: already in deck order.
        let first = ascii[runStart].position
        if runEnd - runStart > 1,
          ascii[(runStart + 1)..<runEnd].contains(where: { compareBytes(first, $0.position) != 0 })
        {
          ascii[runStart..<runEnd].sort { precedes($0.position, $1.position) }
        }
        runStart = runEnd
      }
      others.sort(by: precedes)

      var result: [Int] = []
      result.reserveCapacity(unicode.count)
      var otherIndex = 0
      for entry in ascii {
        while otherIndex < others.count, precedes(others[otherIndex], entry.position) {
          result.append(others[otherIndex])
          otherIndex += 1
        }
        result.append(entry.position)
      }
      result.append(contentsOf: others[otherIndex...])
      return result
    }
  }
}
