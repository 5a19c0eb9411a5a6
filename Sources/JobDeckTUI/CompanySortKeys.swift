import Foundation
import JobDeckCore

/// The company sort of 100,000 postings, most of them with companies of their own: comparing
/// `lowercased()` Strings costs a String per posting and a Unicode-aware comparison per step.
/// For ASCII (nearly every company) the lowercased bytes compare exactly as the Strings do, so
/// those are compared with `memcmp` from one buffer; a non-ASCII one is compared as a String.
struct CompanySortKeys {
  private var bytes: [UInt8] = []
  private var offsets: [Int] = [0]
  /// `lowercased()` of the non-ASCII companies; nil for ASCII ones.
  private var unicode: [String?] = []

  init(_ postings: [Posting]) {
    offsets.reserveCapacity(postings.count + 1)
    unicode.reserveCapacity(postings.count)
    for posting in postings {
      var company = posting.company
      let isASCII = company.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
      if isASCII {
        FoldedText.appendLowercased(company, to: &bytes)
        unicode.append(nil)
      } else {
        unicode.append(company.lowercased())
      }
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
      func compare(_ left: Int, _ right: Int) -> Int {
        if unicode[left] != nil || unicode[right] != nil {
          let (l, r) = (string(left), string(right))
          return l == r ? 0 : (l < r ? -1 : 1)
        }
        let leftLength = offsets[left + 1] - offsets[left]
        let rightLength = offsets[right + 1] - offsets[right]
        let common = min(leftLength, rightLength)
        if common > 0, let base {
          let result = memcmp(base + offsets[left], base + offsets[right], common)
          if result != 0 { return Int(result) }
        }
        return leftLength - rightLength
      }
      return unicode.indices.sorted { left, right in
        let result = compare(left, right)
        return result != 0 ? result < 0 : left < right
      }
    }
  }
}
