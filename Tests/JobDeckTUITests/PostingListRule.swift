import Foundation
import JobDeckCore
import JobDeckTestSupport

@testable import JobDeckTUI

/// The postings table's rules, stated as plainly as they can be: which posting each sort puts
/// first, and which postings a filter lets through. The app's table (sorted once per deck,
/// filtered lazily a screen at a time, on two cores) must list exactly what these say.
enum PostingListRule {
  /// Each posting's nearest dated agenda entry: the first of the sorted agenda that belongs to
  /// the posting or to one of its applications.
  static func nearestByPosting(_ deck: Deck, clock: FixedWallClock) -> [String: AgendaEntry] {
    var result: [String: AgendaEntry] = [:]
    for entry in Agenda.build(deck: deck, clock: clock).entries where entry.date != nil {
      let postingID: String?
      switch entry.owner {
      case .posting(let id): postingID = id
      case .application(let id): postingID = deck.application(withID: id)?.postingID
      }
      if let postingID, result[postingID] == nil { result[postingID] = entry }
    }
    return result
  }

  /// The table's order; archived postings are not listed (the `V` toggle aside).
  static func order(_ deck: Deck, sort: PostingSort, clock: FixedWallClock) -> [Int] {
    allOrdered(deck, sort: sort, clock: clock).filter { !deck.postings[$0].isArchived }
  }

  /// By deadline: nearest first, postings without one last. By posted date: newest first,
  /// undated last. By company: case-insensitively. Ties keep the deck's order.
  static func allOrdered(_ deck: Deck, sort: PostingSort, clock: FixedWallClock) -> [Int] {
    let postings = deck.postings
    let indices = Array(postings.indices)
    switch sort {
    case .deadline:
      let nearest = nearestByPosting(deck, clock: clock)
      let dates = postings.map { nearest[$0.id]?.date }
      return indices.sorted { left, right in
        switch (dates[left], dates[right]) {
        case (let l?, let r?) where l != r: return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        default: return left < right
        }
      }
    case .posted:
      return indices.sorted { left, right in
        switch (postings[left].posted?.date, postings[right].posted?.date) {
        case (let l?, let r?) where l != r: return l > r
        case (.some, nil): return true
        case (nil, .some): return false
        default: return left < right
        }
      }
    case .company:
      let companies = postings.map { $0.company.lowercased() }
      return indices.sorted { left, right in
        if companies[left] != companies[right] { return companies[left] < companies[right] }
        return left < right
      }
    }
  }

  /// Byte-wise `contains` of `needle` in `text`, every text byte A–Z read as lowercase.
  static func foldedContains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
    let folded = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    guard !needle.isEmpty else { return true }
    guard folded.count >= needle.count else { return false }
    for start in 0...(folded.count - needle.count)
    where Array(folded[start..<start + needle.count]) == needle {
      return true
    }
    return false
  }

  /// A posting passes when the lowercased filter occurs in its title, company, location or
  /// tags (each lowercased, the fields read as one text with a NUL after each), or in its
  /// description: byte for byte with A–Z read as a–z for an ASCII filter, in the lowercased
  /// description otherwise.
  static func matches(_ posting: Posting, filter: String) -> Bool {
    let needleText = filter.lowercased()
    let needle = Array(needleText.utf8)
    let fields = [posting.title, posting.company, posting.location ?? "",
                  posting.tags.joined(separator: " ")]
      .map { Array($0.lowercased().utf8) + [0] }.flatMap { $0 }
    if foldedContains(fields, needle) { return true }
    guard let description = posting.description else { return false }
    if needle.allSatisfy({ $0 < 0x80 }) { return foldedContains(Array(description.utf8), needle) }
    return description.lowercased().contains(needleText)
  }

  static func visible(_ deck: Deck, sort: PostingSort, filter: String, clock: FixedWallClock)
    -> [Int]
  {
    let order = order(deck, sort: sort, clock: clock)
    guard !filter.lowercased().isEmpty else { return order }
    return order.filter { matches(deck.postings[$0], filter: filter) }
  }
}

/// Random decks, large enough to take the scan's chunked and two-core paths when asked, with
/// the text that breaks case folding: capitals, ß, accents precomposed and decomposed, dotted
/// İ, Kelvin sign; ids repeat near the end.
enum LargeDeck {
  static let words = [
    "Engineer", "engineer", "ENGINEER", "Data", "Straße", "STRASSE", "strasse", "Ärzte",
    "ärzte", "Café", "cafe\u{301}", "CAFÉ", "İstanbul", "istanbul", "\u{212A}elvin", "kelvin",
    "Zürich", "zurich", "Berlin", "berlin", "Python", "pYthon", "operators", "東京", "👩‍💻",
    "Émile", "émile", "e\u{301}mile", "Acme", "ACME", "acme", "rust", "Go", "ml",
  ]

  static func deck(seed: UInt64, postings count: Int, clock: FixedWallClock) -> Deck {
    var random = SeededGenerator(seed: seed)
    func phrase(_ words: Int) -> String {
      (0..<words).map { _ in random.pick(LargeDeck.words) }.joined(separator: " ")
    }
    var deck = Deck()
    let created = clock.now
    for index in 0..<count {
      let posted = random.chance(0.7)
        ? PostedDate(date: clock.today.adding(days: -Int.random(in: 0...60, using: &random)))
        : nil
      let description = random.chance(0.9)
        ? (0..<Int.random(in: 1...40, using: &random)).map { _ in
          random.chance(0.05) ? HostileStrings.random(using: &random, maximumPieces: 3)
            : "lorem ipsum dolor " + phrase(2)
        }.joined(separator: ". ")
        : nil
      deck.postings.append(Posting(
        id: "p\(index % max(count - 3, 1))", title: phrase(2), company: random.pick(LargeDeck.words),
        location: random.chance(0.8) ? random.pick(LargeDeck.words) : nil,
        posted: posted, tags: (0..<Int.random(in: 0...2, using: &random)).map { _ in phrase(1) },
        description: description, createdAt: created))
    }
    for index in stride(from: 0, to: count, by: 3) {
      let posting = deck.postings[index]
      deck.applications.append(Application(
        id: "a\(index)", postingID: posting.id, stage: random.pick(Stage.allCases),
        createdAt: created))
      deck.deadlines.append(Deadline(
        id: "d\(index)", kind: random.pick(DeadlineKind.allCases),
        due: .allDay(clock.today.adding(days: Int.random(in: -20...90, using: &random))),
        owner: random.chance(0.5) ? .application("a\(index)") : .posting(posting.id)))
    }
    for index in stride(from: 1, to: count, by: 4) {
      deck.deadlines.append(Deadline(
        id: "c\(index)", kind: .applicationCutoff,
        due: .allDay(clock.today.adding(days: Int.random(in: -5...40, using: &random))),
        owner: .posting(deck.postings[index].id)))
    }
    return deck
  }
}
