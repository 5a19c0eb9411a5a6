import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckTUI

/// On random decks, the postings table lists exactly what its rules say (`PostingListRule`),
/// however it gets there (orders cached per deck, a filter scanned a screen at a time on two
/// cores, 16 bytes at a time); the agenda's and the pipeline's lists likewise.
@Suite("The postings table follows its rules on random decks")
struct PostingListPropertyTests {
  static let clock = Fixtures.clock

  func app(_ deck: Deck) -> App {
    App(deck: deck, storePath: "/tmp/store.json", clock: Self.clock, readOnlyReason: nil)
  }

  func visible(_ app: App) -> [Int] { Renderer(state: app.state).visiblePostingIndices() }

  /// A deck size for `seed`: most small, some past the scan's first chunks and two-core size.
  static func size(_ seed: UInt64) -> Int {
    var random = SeededGenerator(seed: seed &+ 99)
    return random.chance(0.25) ? Int.random(in: 3_000...6_000, using: &random)
      : Int.random(in: 0...600, using: &random)
  }

  @Test(arguments: PropertySeeds.seeds(default: 6))
  func everySortOrdersTheTableByItsRule(seed: UInt64) {
    let deck = LargeDeck.deck(seed: seed, postings: Self.size(seed), clock: Self.clock)
    var app = app(deck)
    for sort in [PostingSort.deadline, .posted, .company] {
      #expect(app.state.postingSort == sort)
      #expect(visible(app) == PostingListRule.order(deck, sort: sort, clock: Self.clock))
      app.press(.character("s"))
    }
  }

  @Test(arguments: PropertySeeds.seeds(default: 4))
  func nearestDeadlinesAreTheSortedAgendasFirstEntries(seed: UInt64) {
    let deck = LargeDeck.deck(seed: seed, postings: Self.size(seed), clock: Self.clock)
    let app = app(deck)
    let model = AgendaModel(state: app.state)
    let rule = PostingListRule.nearestByPosting(deck, clock: Self.clock)
    #expect(deck.postings.indices.map { model.nearestEntry(ofPostingAt: $0) }
      == deck.postings.map { rule[$0.id] })
    #expect(AgendaModel(state: app.state).entries()
      == Agenda.build(deck: deck, clock: Self.clock).entries)
  }

  /// Typed one key at a time, deleted and retyped: narrowing, resuming and the two-core scan.
  /// The words that break case folding each time, then a few drawn from the deck's own text.
  @Test(arguments: zip(PropertySeeds.seeds(default: 3), [PostingSort.deadline, .posted, .company]))
  func typedFiltersListThePostingsTheRuleLetsThrough(seed: UInt64, sort: PostingSort) {
    let deck = LargeDeck.deck(seed: seed, postings: 6_000, clock: Self.clock)
    var random = SeededGenerator(seed: seed)
    var app = app(deck)
    while app.state.postingSort != sort { app.press(.character("s")) }
    app.press(.character("/"))
    let drawn = (0..<4).map { _ in
      String(random.pick(LargeDeck.words).prefix(Int.random(in: 1...4, using: &random)))
    }
    for word in ["Straße", "ärz", "CAFÉ", "cafe\u{301}", "İst", "kel", "zeppelin", "e\u{301}m",
                 "ENGINEER da", "東京", "ss", "py", "ipsum"] + drawn
    {
      var typed = ""
      for character in word {
        app.type(String(character))
        typed.append(character)
        // What the app holds (the text field may refuse a key): the reference reads the same.
        let expected = PostingListRule.visible(
          deck, sort: sort, filter: app.state.filter, clock: Self.clock)
        // The first screen first (what a keystroke computes), then everything.
        let firstScreen = Renderer(state: app.state).visiblePostingIndices(0..<47)
        #expect(firstScreen == Array(expected.prefix(47)), "filter \(app.state.filter.debugDescription)")
        #expect(visible(app) == expected, "filter \(app.state.filter.debugDescription)")
      }
      app.press(.backspace)
      typed.removeLast()
      #expect(visible(app) == PostingListRule.visible(
        deck, sort: sort, filter: app.state.filter, clock: Self.clock))
      for _ in typed { app.press(.backspace) }
      #expect(visible(app) == PostingListRule.order(deck, sort: sort, clock: Self.clock))
    }
  }

  @Test(arguments: PropertySeeds.seeds(default: 40))
  func hostileDecksFilterAndSortByTheRules(seed: UInt64) {
    var generator = DeckGenerator(seed: seed)
    let deck = generator.deck(maximumRecords: 12)
    var random = SeededGenerator(seed: seed)
    var app = app(deck)
    for sort in [PostingSort.deadline, .posted, .company] {
      #expect(visible(app) == PostingListRule.order(deck, sort: sort, clock: Self.clock))
      let needle = String(HostileStrings.random(using: &random, maximumPieces: 2).prefix(3))
      app.state.filter = needle
      #expect(visible(app) == PostingListRule.visible(deck, sort: sort, filter: needle, clock: Self.clock))
      app.state.filter = ""
      app.press(.character("s"))
    }
  }

  /// A scan long enough to be read in deck order still lists its matches in the table's:
  /// newest first here, which interleaves the deck.
  @Test func aLongScanListsItsMatchesInTheTablesOrder() {
    let today = Self.clock.today
    let deck = Deck(postings: (0..<6_000).map { index in
      Posting(id: "p\(index)", title: index % 7 == 0 ? "Rare role" : "Common role",
              company: "Firm", posted: PostedDate(date: today.adding(days: -(index % 90))),
              createdAt: Self.clock.now)
    })
    var app = app(deck)
    while app.state.postingSort != .posted { app.press(.character("s")) }
    app.state.filter = "rare"
    let expected = PostingListRule.visible(deck, sort: .posted, filter: "rare", clock: Self.clock)
    #expect(expected.count == 858)
    #expect(expected != expected.sorted())
    #expect(visible(app) == expected)
  }

  @Test func keysThatCountOnlyAFewRowsMoveLikeTheFullCount() {
    let deck = LargeDeck.deck(seed: 5, postings: 4_000, clock: Self.clock)
    var app = app(deck)
    app.send(.key(.resize(TerminalSize(rows: 30, columns: 120))))
    app.press(.character("/"))
    app.type("kelvin")
    app.press(.enter)
    let total = PostingListRule.visible(deck, sort: .deadline, filter: "kelvin", clock: Self.clock).count
    for _ in 0..<(total + 3) { app.press(.down) }
    #expect(app.state.postingSelection == total - 1)
    app.press(.home, .pageDown, .pageDown)
    #expect(app.state.postingSelection == min(total - 1, 2 * 24))
    app.press(.end)
    #expect(app.state.postingSelection == total - 1)
    app.press(.character("n"))
    #expect(app.state.postingSelection == 0)
  }

  @Test(arguments: PropertySeeds.seeds(default: 2))
  func foldedTextIsTheLowercasedText(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    for _ in 0..<500 {
      let text = random.chance(0.5) ? HostileStrings.random(using: &random)
        : LargeDeck.words.shuffled(using: &random).prefix(3).joined(separator: " ")
      var bytes: [UInt8] = []
      FoldedText.appendLowercased(text, to: &bytes)
      #expect(bytes == Array(text.lowercased().utf8), "\(text.debugDescription)")
    }
  }

  @Test(arguments: PropertySeeds.seeds(default: 2))
  func searchFindsTheNeedleWhereverTheFoldedTextHoldsIt(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let alphabet: [UInt8] = Array("aAbBzZ@`[{ ".utf8) + [0xC3, 0x84, 0xA4, 0x00, 0x7F]
    for _ in 0..<3_000 {
      let text = (0..<Int.random(in: 0...70, using: &random)).map { _ in random.pick(alphabet) }
      let needle = (0..<Int.random(in: 1...5, using: &random)).map { _ in
        random.pick(alphabet)
      }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
      let found = text.withUnsafeBufferPointer {
        TextSearch.asciiFoldedContains($0, needle: needle)
      }
      #expect(found == PostingListRule.foldedContains(text, needle), "\(text) \(needle)")
    }
  }

  /// The in-place description search resumes after a match it passes over (inside an escape),
  /// so the position matters as much as the answer, in long texts and from any start.
  @Test(arguments: PropertySeeds.seeds(default: 2))
  func searchReportsTheFirstMatchAtOrAfterItsStart(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let alphabet: [UInt8] = Array("eEqQzZ x.\\n".utf8) + [0xC3, 0xA4]
    for _ in 0..<2_000 {
      let text = (0..<Int.random(in: 0...160, using: &random)).map { _ in random.pick(alphabet) }
      let needle = (0..<Int.random(in: 1...6, using: &random)).map { _ in
        random.pick(alphabet)
      }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
      let from = Int.random(in: 0...max(0, text.count), using: &random)
      let found = text.withUnsafeBufferPointer { bytes in
        needle.withUnsafeBufferPointer {
          TextSearch.firstASCIIFoldedMatch(in: bytes, needle: $0, from: from)
        }
      }
      let expected = text.count >= needle.count && from <= text.count - needle.count
        ? (from...(text.count - needle.count)).first { start in
          PostingListRule.foldedContains(Array(text[start..<start + needle.count]), needle)
        } : nil
      #expect(found == expected, "\(text) \(needle) from \(from)")
    }
  }

  @Test(arguments: PropertySeeds.seeds(default: 3))
  func agendaLinesAddressTheFullLayout(seed: UInt64) {
    let deck = LargeDeck.deck(seed: seed, postings: Self.size(seed), clock: Self.clock)
    let groups = AgendaModel(state: app(deck).state).grouped()
    var full: [String] = []
    var entryLines: [Int] = []
    for group in groups {
      full.append("heading \(group.title) (\(group.entries.count))")
      for entry in group.entries {
        entryLines.append(full.count)
        full.append("entry \(entry.id) \(entryLines.count - 1)")
      }
    }
    let lines = AgendaLines(groups: groups)
    #expect(lines.count == full.count)
    let addressed = (0..<lines.count).compactMap(lines.line(at:)).map { line -> String in
      switch line {
      case .heading(let text): return "heading \(text)"
      case .entry(let entry, let index): return "entry \(entry.id) \(index)"
      case .suggestionHeading(let count): return "suggestions \(count)"
      case .suggestion(let suggestion, let index): return "suggestion \(suggestion.id) \(index)"
      }
    }
    #expect(addressed == full)
    #expect(lines.line(at: lines.count) == nil)
    #expect(entryLines.indices.map { lines.line(ofEntry: $0) } == entryLines)
    #expect(lines.line(ofEntry: entryLines.count) == nil)
    #expect((0..<lines.entryCount).compactMap { lines.entry(at: $0)?.id }
      == groups.flatMap(\.entries).map(\.id))
    #expect(lines.entry(at: lines.entryCount) == nil)
  }

  @Test(arguments: PropertySeeds.seeds(default: 3))
  func pipelineColumnsHoldTheStagesApplicationsInDeckOrder(seed: UInt64) {
    let deck = LargeDeck.deck(seed: seed, postings: Self.size(seed), clock: Self.clock)
    var app = app(deck)
    app.state.showsClosedApplications = true
    let renderer = Renderer(state: app.state)
    for (column, stage) in Stage.active.enumerated() {
      #expect(renderer.pipelineApplications(column: column)
        == deck.applications.filter { $0.stage == stage })
    }
    #expect(renderer.pipelineApplications(column: Stage.active.count)
      == Stage.closed.flatMap { stage in deck.applications.filter { $0.stage == stage } })
  }
}
