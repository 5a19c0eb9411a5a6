import Foundation
import JobDeckCore

/// Lists the views derive from the deck (the agenda, the sorted and filtered postings, each
/// posting's stage), kept until what they derive from changes.
///
/// `update` and `view` are pure functions of `AppState`, and every key used to recompute these
/// from scratch: harmless for a shortlist, 100 ms and more per key at 100,000 postings. Each
/// entry remembers the inputs it was computed from (compared by value; unchanged arrays compare
/// by identity at once) and is recomputed only when they differ, so results never go stale.
final class ViewCache: @unchecked Sendable {
  // Recursive: computing the sorted order asks for the agenda, which is cached here too.
  private let lock = NSRecursiveLock()

  private var agendaInputs: (deck: Deck, now: Date, timeZone: TimeZone)?
  private var agenda: [AgendaEntry] = []
  private var nearest: [String: AgendaEntry]?

  private var stageDeck: Deck?
  private var stages: [String: Stage] = [:]

  private var orderInputs: (deck: Deck, now: Date, sort: PostingSort)?
  private var order: [Int] = []

  private var searchPostings: [Posting]?
  private var searchText: [UInt8] = []
  private var searchOffsets: [Int] = []

  private var filterInputs: (deck: Deck, now: Date, sort: PostingSort, needle: String)?
  private var filtered: [Int] = []

  private func locked<T>(_ body: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body()
  }

  /// `Agenda.visibleEntries` for the deck at `now`.
  func agendaEntries(deck: Deck, now: Date, timeZone: TimeZone, compute: () -> [AgendaEntry])
    -> [AgendaEntry]
  {
    locked {
      if let inputs = agendaInputs, inputs.now == now, inputs.timeZone == timeZone,
        inputs.deck == deck
      {
        return agenda
      }
      agenda = compute()
      nearest = nil
      agendaInputs = (deck, now, timeZone)
      return agenda
    }
  }

  /// Memoizes `compute` for the agenda last returned by `agendaEntries`.
  func nearestByPosting(compute: () -> [String: AgendaEntry]) -> [String: AgendaEntry] {
    locked {
      if let nearest { return nearest }
      let computed = compute()
      nearest = computed
      return computed
    }
  }

  /// The stage of each posting's first application, as the table shows it.
  func stage(ofPosting id: String, in deck: Deck) -> Stage? {
    locked {
      if stageDeck != deck {
        var result: [String: Stage] = [:]
        for application in deck.applications {
          if let postingID = application.postingID, result[postingID] == nil {
            result[postingID] = application.stage
          }
        }
        stages = result
        stageDeck = deck
      }
      return stages[id]
    }
  }

  /// Indices into `deck.postings` in the table's order, narrowed by the filter.
  func visiblePostingIndices(deck: Deck, now: Date, sort: PostingSort, filter: String,
    sortedOrder: () -> [Int]) -> [Int]
  {
    locked {
      if orderInputs == nil || orderInputs?.now != now || orderInputs?.sort != sort
        || orderInputs?.deck != deck
      {
        order = sortedOrder()
        orderInputs = (deck, now, sort)
        filterInputs = nil
      }
      let needle = filter.lowercased()
      guard !needle.isEmpty else { return order }
      if let inputs = filterInputs, inputs.needle == needle { return filtered }
      // Typing one more character only narrows: search within the previous matches.
      let candidates = filterInputs.map { needle.hasPrefix($0.needle) } == true ? filtered : order
      buildSearchText(deck.postings)
      let needleBytes = Array(needle.utf8)
      filtered = candidates.filter { matches(deck.postings[$0], at: $0, needle: needleBytes,
        needleText: needle) }
      filterInputs = (deck, now, sort, needle)
      return filtered
    }
  }

  /// Title, company, location and tags of every posting, lowercased, in one buffer.
  private func buildSearchText(_ postings: [Posting]) {
    if let searchPostings, searchPostings == postings { return }
    var text: [UInt8] = []
    var offsets: [Int] = [0]
    offsets.reserveCapacity(postings.count + 1)
    for posting in postings {
      for field in [posting.title, posting.company, posting.location ?? "",
                    posting.tags.joined(separator: " ")]
      {
        text.append(contentsOf: field.lowercased().utf8)
        text.append(0)
      }
      offsets.append(text.count)
    }
    searchText = text
    searchOffsets = offsets
    searchPostings = postings
  }

  private func matches(_ posting: Posting, at index: Int, needle: [UInt8], needleText: String)
    -> Bool
  {
    let start = searchOffsets[index]
    let length = searchOffsets[index + 1] - start
    // Both sides are lowercased already; the ASCII folding changes nothing there.
    let inFields = searchText.withUnsafeBufferPointer { buffer in
      TextSearch.asciiFoldedContains(
        UnsafeBufferPointer(rebasing: buffer[start..<start + length]), needle: needle)
    }
    if inFields { return true }
    guard let description = posting.description else { return false }
    return TextSearch.contains(description, lowercasedNeedle: needle, needleText: needleText)
  }
}

/// Case-insensitive substring search over long text without lowercasing a copy of it.
enum TextSearch {
  /// `needle` is the lowercased needle's UTF-8. ASCII needles are compared byte by byte with
  /// ASCII case folding; others fall back to lowercasing the text.
  static func contains(_ text: String, lowercasedNeedle needle: [UInt8], needleText: String)
    -> Bool
  {
    guard needle.allSatisfy({ $0 < 0x80 }) else {
      return text.lowercased().contains(needleText)
    }
    var text = text
    return text.withUTF8 { bytes in
      asciiFoldedContains(bytes, needle: needle)
    }
  }

  static func asciiFoldedContains(_ bytes: UnsafeBufferPointer<UInt8>, needle: [UInt8])
    -> Bool
  {
    let count = needle.count
    guard count > 0 else { return true }
    guard bytes.count >= count, let base = bytes.baseAddress else { return false }
    let first = needle[0]
    let firstUpper = (first >= 0x61 && first <= 0x7A) ? first - 0x20 : first
    let last = bytes.count - count
    return needle.withUnsafeBufferPointer { needleBytes in
      var index = 0
      while index <= last {
        let byte = base[index]
        if byte == first || byte == firstUpper {
          var offset = 1
          while offset < count {
            var candidate = base[index + offset]
            if candidate >= 0x41 && candidate <= 0x5A { candidate += 0x20 }
            if candidate != needleBytes[offset] { break }
            offset += 1
          }
          if offset == count { return true }
        }
        index += 1
      }
      return false
    }
  }
}

/// Holds the cache in `AppState` without taking part in its equality: two states that differ
/// only in what has been cached are the same state.
struct ViewCacheBox: Equatable, Sendable {
  let cache = ViewCache()
  static func == (lhs: ViewCacheBox, rhs: ViewCacheBox) -> Bool { true }
}
