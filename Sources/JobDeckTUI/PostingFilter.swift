import JobDeckCore

/// Lowercasing without a String for the ASCII text that nearly every field is.
enum FoldedText {
  /// Appends the bytes of `text.lowercased()`: ASCII is folded byte by byte, which is what
  /// `lowercased()` does to ASCII.
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

/// Decides whether one posting passes the filter: title, company, location and tags (as
/// `lowercased()` text), then the description.
///
/// Nothing is prepared per deck: a keystroke reads only the postings its first screen needs,
/// and ASCII fields (nearly all) are searched in place with ASCII case folding.
struct PostingMatcher: @unchecked Sendable {
  let postings: RecordList<Posting>
  /// The lowercased filter text and its UTF-8.
  let needleText: String
  let needle: [UInt8]
  let needleIsASCII: Bool
  /// A needle with a NUL could span two fields of the joined key; it is matched on that key.
  let needleHasNUL: Bool
  let needleHasSpace: Bool
  /// Free of `"`, `\` and control characters, so a description is searched in place
  /// (`LongText.containsPlainText`).
  let needleIsPlain: Bool

  init(postings: RecordList<Posting>, needle: String) {
    self.postings = postings
    self.needleText = needle
    self.needle = Array(needle.utf8)
    self.needleIsASCII = self.needle.allSatisfy { $0 < 0x80 }
    self.needleHasNUL = self.needle.contains(0)
    self.needleHasSpace = self.needle.contains(0x20)
    self.needleIsPlain = self.needle.allSatisfy {
      $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
    }
  }

  /// The positions among `positions` whose postings pass, in order.
  ///
  /// The needle is borrowed once for the whole list: read per posting, its array would be
  /// retained and released each time, and on two cores at once those counts contend. Each
  /// field is read in place (`postings[index].title`): a copy of the whole posting would retain
  /// and release every field it has.
  ///
  /// A plain ASCII needle (nearly every one) is looked for in the descriptions left over, all
  /// at once (`LongText.containPlainText`): they are read from the store file, and together,
  /// in the order of the file, neighbouring ones take one read.
  func matching(_ positions: ArraySlice<Int>) -> [Int] {
    needle.withUnsafeBufferPointer { needle in
      guard needleIsASCII, needleIsPlain else {
        return positions.filter { matches($0, in: postings, needleBytes: needle) }
      }
      var isMatch = [Bool](repeating: false, count: positions.count)
      var described: [Int] = []
      var descriptions: [LongText] = []
      for (offset, index) in positions.enumerated() {
        if fieldsMatch(index, in: postings, needleBytes: needle) {
          isMatch[offset] = true
        } else if let description = postings[index].descriptionText {
          described.append(offset)
          descriptions.append(description)
        }
      }
      let found = LongText.containPlainText(descriptions) { bytes, from in
        TextSearch.firstASCIIFoldedMatch(in: bytes, needle: needle, from: from)
      }
      for (offset, isFound) in zip(described, found) where isFound { isMatch[offset] = true }
      return zip(positions, isMatch).compactMap { $1 ? $0 : nil }
    }
  }

  /// Whether one posting passes a needle that is not plain ASCII.
  private func matches(_ index: Int, in postings: RecordList<Posting>,
                       needleBytes: UnsafeBufferPointer<UInt8>) -> Bool
  {
    if fieldsMatch(index, in: postings, needleBytes: needleBytes) { return true }
    guard let description = postings[index].descriptionText else { return false }
    guard needleIsASCII else { return description.string.lowercased().contains(needleText) }
    // A needle with a quote, a backslash or a control character, looked for in the decoded
    // text (a plain one goes through `matching`'s batch).
    return TextSearch.withBytes(of: description.string) {
      TextSearch.asciiFoldedContains($0, needle: needleBytes)
    }
  }

  /// Whether the title, company, location or tags hold the needle.
  private func fieldsMatch(_ index: Int, in postings: RecordList<Posting>,
                           needleBytes: UnsafeBufferPointer<UInt8>) -> Bool
  {
    if needleHasNUL {
      // The fields joined as the filter has always read them: each lowercased, NUL after each.
      var key: [UInt8] = []
      for field in [postings[index].title, postings[index].company,
                    postings[index].location ?? "", postings[index].tags.joined(separator: " ")]
      {
        FoldedText.appendLowercased(field, to: &key)
        key.append(0)
      }
      if key.withUnsafeBufferPointer({
        TextSearch.asciiFoldedContains($0, needle: needleBytes)
      }) {
        return true
      }
    } else {
      if fieldContains(postings[index].title, needleBytes)
        || fieldContains(postings[index].company, needleBytes)
        || fieldContains(postings[index].location ?? "", needleBytes)
        || tagsContain(postings[index].tags, needleBytes)
      {
        return true
      }
    }
    return false
  }

  /// Whether the tags, joined by spaces and lowercased, hold the needle. A needle without a
  /// space cannot span two tags, so they are searched one at a time rather than joined into a
  /// new String for every posting (lowercasing maps each scalar on its own, so it does not
  /// matter whether it happens before or after joining).
  private func tagsContain(_ tags: [String], _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    if tags.count != 1 && (needleHasSpace || tags.isEmpty) {
      return fieldContains(tags.joined(separator: " "), needle)
    }
    return tags.contains { fieldContains($0, needle) }
  }

  /// Whether `field.lowercased()` holds the needle's bytes.
  private func fieldContains(_ field: String, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    let ascii: Bool? = TextSearch.withBytes(of: field) { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return TextSearch.asciiFoldedContains(bytes, needle: needle)
    }
    if let ascii { return ascii }
    return Array(field.lowercased().utf8).withUnsafeBufferPointer {
      TextSearch.asciiFoldedContains($0, needle: needle)
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
  ///
  /// After two shares (1,536 candidates: a first screen of most words), the rest is read at
  /// once: the descriptions are read from the store file in its order, and every further
  /// share, spread over the whole deck, would read most of the file again.
  func extend(toAtLeast wanted: Int) {
    while matches.count < wanted, !isComplete {
      let size = chunk >= 2_048 ? total - position : min(chunk, total - position)
      matches.append(contentsOf: scan(position..<position + size))
      position += size
      chunk *= 2
    }
  }

  /// The matches in `range` of the candidates, in order; large ranges on both cores.
  ///
  /// A large range is read in deck order and its matches put back in the table's. The table's
  /// order jumps about the deck; the postings and their fields lie in memory in deck order (as
  /// the store was read), so in deck order a scan reads ascending addresses, page after page,
  /// instead of missing the caches and the TLB on nearly every field.
  private func scan(_ range: Range<Int>) -> [Int] {
    let indices = range.map(candidate(at:))
    guard indices.count >= 2_048 else { return matcher.matching(indices[...]) }
    let ascending = indices.sorted()
    let halves = [ascending[..<(ascending.count / 2)], ascending[(ascending.count / 2)...]]
    let matcher = self.matcher
    let results = ConcurrentParts.map(halves.count) { matcher.matching(halves[$0]) }
    guard results.contains(where: { !$0.isEmpty }) else { return [] }
    var isMatch = [Bool](repeating: false, count: matcher.postings.count)
    for matches in results {
      for index in matches { isMatch[index] = true }
    }
    return indices.filter { isMatch[$0] }
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
