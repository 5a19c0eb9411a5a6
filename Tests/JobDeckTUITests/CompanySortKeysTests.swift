import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckTUI

/// The company sort works on sixteen-byte prefixes; the order it gives must be the plain one
/// (`lowercased()` Strings, ties in deck order), above all where prefixes tie: companies that
/// share their first sixteen bytes, differ only in case or length, hold NULs, or are not ASCII.
@Suite("The company sort orders as lowercased Strings")
struct CompanySortKeysTests {
  /// Pieces that make prefixes tie: eight-byte words meet the sixteen-byte boundary, case
  /// pairs fold together, the bytes beside A–Z must not, and non-ASCII goes its own way.
  /// A decomposed accent ("e" + U+0301) is not among them: beside a precomposed "é" the table
  /// orders it differently from this rule, before and after the radix sort, a known gap.
  static let pieces = [
    "Nordlich", "NORDLICH", "nordlich", "t Labs", "T LABS", "t", "a", "A", "Z", "z", "@", "[",
    "`", "{", "\u{0}", " ", "0", "~", "é", "É", "ß", "İ", "東京", "",
  ]

  static func simpleOrder(_ companies: [String]) -> [Int] {
    let lowercased = companies.map { $0.lowercased() }
    return companies.indices.sorted { left, right in
      lowercased[left] != lowercased[right] ? lowercased[left] < lowercased[right] : left < right
    }
  }

  static func sortedOrder(_ companies: [String]) -> [Int] {
    let created = Date(timeIntervalSince1970: 0)
    let postings = companies.enumerated().map { position, company in
      Posting(id: "p\(position)", title: "T", company: company, createdAt: created)
    }
    return CompanySortKeys(RecordList(postings)).order()
  }

  @Test(arguments: PropertySeeds.seeds(default: 8))
  func ordersAsTheSimpleComparison(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    // Some decks past the insertion-sort size, so the counting passes split buckets.
    let count = random.chance(0.5) ? Int.random(in: 200...3_000, using: &random)
      : Int.random(in: 0...40, using: &random)
    let asciiOnly = random.chance(0.5)
    let pool = asciiOnly ? Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : Self.pieces
    // A small set of companies drawn again and again: ties as in a real deck.
    let distinct = (0..<max(1, count / 3)).map { _ in
      (0..<Int.random(in: 0...5, using: &random)).map { _ in random.pick(pool) }.joined()
    }
    let companies = (0..<count).map { _ in random.pick(distinct) }
    let sorted = Self.sortedOrder(companies)
    let simple = Self.simpleOrder(companies)
    // The first place they part, as companies: a list of thousands says nothing.
    let parting = sorted.indices.first { sorted[$0] != simple[$0] }
    let shown = parting.map { [companies[sorted[$0]], companies[simple[$0]]] } ?? []
    #expect(sorted == simple, "sorted, then simple: \(shown.debugDescription)")
  }

  @Test func caseAndTheBytesBesideTheLettersSortAsLowercased() {
    let companies = ["b", "B", "[x", "_x", "`x", "{x", "Ax", "ax", "@x", "a\u{0}", "a", "A"]
    #expect(Self.sortedOrder(companies) == Self.simpleOrder(companies))
    #expect(Self.sortedOrder(companies).map { companies[$0] }
      == ["@x", "[x", "_x", "`x", "a", "A", "a\u{0}", "Ax", "ax", "b", "B", "{x"])
  }
}
