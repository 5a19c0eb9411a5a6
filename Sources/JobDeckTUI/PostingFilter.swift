import Dispatch
import JobDeckCore

/// Title, company, location and tags of every posting, lowercased, in one buffer: what the `/`
/// filter reads first for each posting, without touching the postings themselves.
struct PostingSearchKeys: Sendable {
  let text: [UInt8]
  /// `offsets[i]..<offsets[i + 1]` are posting i's bytes.
  let offsets: [Int]

  init(_ postings: [Posting]) {
    var text: [UInt8] = []
    var offsets: [Int] = [0]
    offsets.reserveCapacity(postings.count + 1)
    for posting in postings {
      PostingSearchKeys.appendLowercased(posting.title, to: &text)
      text.append(0)
      PostingSearchKeys.appendLowercased(posting.company, to: &text)
      text.append(0)
      PostingSearchKeys.appendLowercased(posting.location ?? "", to: &text)
      text.append(0)
      PostingSearchKeys.appendLowercased(posting.tags.joined(separator: " "), to: &text)
      text.append(0)
      offsets.append(text.count)
    }
    self.text = text
    self.offsets = offsets
  }

  /// The bytes of `text.lowercased()`: ASCII text (nearly all of it) is folded byte by byte,
  /// which is what `lowercased()` does to ASCII, without building a String.
  static func appendLowercased(_ field: String, to buffer: inout [UInt8]) {
    var field = field
    let isASCII = field.withUTF8 { bytes -> Bool in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
      for byte in bytes { buffer.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
      return true
    }
    if !isASCII { buffer.append(contentsOf: field.lowercased().utf8) }
  }
}

/// Decides whether one posting passes the filter: its search keys first, then its description.
struct PostingMatcher: @unchecked Sendable {
  let keys: PostingSearchKeys
  let descriptions: [String?]
  /// The lowercased filter text and its UTF-8.
  let needleText: String
  let needle: [UInt8]
  let needleIsASCII: Bool

  init(keys: PostingSearchKeys, descriptions: [String?], needle: String) {
    self.keys = keys
    self.descriptions = descriptions
    self.needleText = needle
    self.needle = Array(needle.utf8)
    self.needleIsASCII = self.needle.allSatisfy { $0 < 0x80 }
  }

  func matches(_ index: Int) -> Bool {
    let start = keys.offsets[index]
    let end = keys.offsets[index + 1]
    return needle.withUnsafeBufferPointer { needleBytes in
      let inFields = keys.text.withUnsafeBufferPointer { buffer in
        TextSearch.asciiFoldedContains(
          UnsafeBufferPointer(rebasing: buffer[start..<end]), needle: needleBytes)
      }
      if inFields { return true }
      guard var description = descriptions[index] else { return false }
      guard needleIsASCII else { return description.lowercased().contains(needleText) }
      return description.withUTF8 { TextSearch.asciiFoldedContains($0, needle: needleBytes) }
    }
  }
}

/// The postings one filter text lets through, in the table's order, found lazily: a keystroke
/// scans only as far as the screen needs (the first rows), so typing stays instant even when
/// a word must be looked for in every description. Asking for the count scans to the end.
///
/// Scanning goes through `candidates` then `order[tailStart...]`; a longer needle narrows a
/// shorter one's result by starting from its matches and its unscanned rest.
final class PostingFilterScan: @unchecked Sendable {
  let matcher: PostingMatcher
  private let candidates: [Int]
  private let order: [Int]
  private let tailStart: Int
  private var position = 0
  private(set) var matches: [Int] = []
  private var chunk = 512

  init(matcher: PostingMatcher, order: [Int]) {
    self.matcher = matcher
    self.candidates = []
    self.order = order
    self.tailStart = 0
  }

  /// Narrows `base`, whose needle is a prefix of this one: nothing `base` ruled out can match.
  init(matcher: PostingMatcher, narrowing base: PostingFilterScan) {
    self.matcher = matcher
    self.order = base.order
    var candidates = base.matches
    if base.position < base.candidates.count {
      candidates.append(contentsOf: base.candidates[base.position...])
      tailStart = base.tailStart
    } else {
      tailStart = base.tailStart + (base.position - base.candidates.count)
    }
    self.candidates = candidates
  }

  private var total: Int { candidates.count + order.count - tailStart }
  var isComplete: Bool { position >= total }

  private func candidate(at position: Int) -> Int {
    position < candidates.count
      ? candidates[position] : order[tailStart + position - candidates.count]
  }

  /// Scans until at least `wanted` matches are known or every candidate has been read.
  func extend(toAtLeast wanted: Int) {
    while matches.count < wanted, !isComplete {
      let size = min(chunk, total - position)
      matches.append(contentsOf: scan(position..<position + size))
      position += size
      chunk = min(chunk * 2, 16_384)
    }
  }

  /// The matches in `range` of the candidates, in order; large ranges on both cores.
  private func scan(_ range: Range<Int>) -> [Int] {
    let indices = range.map(candidate(at:))
    guard indices.count >= 2_048 else { return indices.filter(matcher.matches) }
    let halves = [indices[..<(indices.count / 2)], indices[(indices.count / 2)...]]
    let results = ScanResults(count: halves.count)
    let matcher = self.matcher
    DispatchQueue.concurrentPerform(iterations: halves.count) { part in
      results.store(halves[part].filter(matcher.matches), at: part)
    }
    return results.joined()
  }

  /// Whether `index` (a position in the filtered list) exists; scans as far as needed.
  func count(upTo limit: Int) -> Int {
    extend(toAtLeast: limit)
    return min(matches.count, limit)
  }

  var count: Int {
    extend(toAtLeast: .max)
    return matches.count
  }
}

/// Each concurrent part writes its own slot; read after `concurrentPerform` has returned.
private final class ScanResults: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<[Int]>
  private let count: Int

  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: [], count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  func store(_ value: [Int], at index: Int) { slots[index] = value }

  func joined() -> [Int] { (0..<count).flatMap { slots[$0] } }
}
