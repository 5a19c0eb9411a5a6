import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

@testable import JobDeckTUI

/// The `/` filter finds words in descriptions as the user reads them, whether a description is
/// a plain String or still held as the escaped JSON it was read from, in any script.
@Suite("Full-text search")
struct FullTextSearchTests {
  /// A description held as its JSON string body, as a store reader leaves it.
  static func heldAsJSON(_ body: String) -> LongText {
    let bytes = Array(body.utf8)
    let block = LongTextBlock(capacity: bytes.count)
    let start = bytes.withUnsafeBytes { block.append($0) } ?? 0
    return LongText(validatedJSONBodyIn: block, start: start, count: bytes.count,
                    hasEscapes: body.contains("\\"))
  }

  static func posting(_ id: String, description: LongText) -> Posting {
    var posting = Posting(id: id, title: "Role", company: "Firm", createdAt: Fixtures.clock.now)
    posting.descriptionText = description
    return posting
  }

  static let deck = Deck(postings: [
    posting("escaped", description: heldAsJSON(
      "Line one\\nnew team \\u001fword \\\\nine \\\"Quoted\\\" in K\\u00f6ln\\tTabbed")),
    posting("german", description: heldAsJSON("Wir suchen Verstärkung in MÜNCHEN, Straße 5")),
    posting("japanese", description: LongText("東京で働くエンジニア募集")),
    posting("plain", description: LongText("Berlin based, builds zeppelins")),
  ])

  func found(_ text: String) -> [String] {
    var app = Fixtures.app(Self.deck)
    app.press(.character("/"))
    app.type(text)
    return Renderer(state: app.state).visiblePostings().map(\.id).sorted()
  }

  @Test func findsWordsInAnEscapedDescriptionAsItReads() {
    #expect(found("new team") == ["escaped"])
    #expect(found("line one") == ["escaped"])
    #expect(found("nine") == ["escaped"])
    #expect(found("quoted") == ["escaped"])
    #expect(found("tabbed") == ["escaped"])
  }

  @Test func findsNothingThatOnlyTheEscapesSpell() {
    // `\n` before "new", `\u001f` before "word", `\t` before "Tabbed": not letters of the text.
    #expect(found("nnew").isEmpty)
    #expect(found("u001f").isEmpty)
    #expect(found("001fword").isEmpty)
    #expect(found("ttabbed").isEmpty)
    #expect(found("u00f6").isEmpty)
  }

  @Test func findsTextAcrossAnEscapeWithWhatItStandsFor() {
    // The needle holds the character the escape stands for.
    #expect(found("köln") == ["escaped"])
    #expect(found("\"quoted\"") == ["escaped"])
  }

  @Test func findsGermanAndJapaneseInAnyCase() {
    #expect(found("münchen") == ["german"])
    #expect(found("MÜNCHEN") == ["german"])
    #expect(found("verstärkung") == ["german"])
    #expect(found("straße") == ["german"])
    #expect(found("エンジニア") == ["japanese"])
    #expect(found("大阪").isEmpty)
  }

  @Test func typingOnNarrowsToExactlyWhatTheWholeWordFinds() {
    #expect(found("ZEPPELIN") == ["plain"])
    #expect(found("zeppelinx").isEmpty)
    var app = Fixtures.app(Self.deck)
    app.press(.character("/"))
    app.type("e")
    #expect(Renderer(state: app.state).visiblePostings().count == 4)
    app.type("nginee")
    #expect(Renderer(state: app.state).visiblePostings().isEmpty)
    app.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
    app.type("w t")
    #expect(Renderer(state: app.state).visiblePostings().map(\.id) == ["escaped"])
  }
}

/// A deck opened from a store file keeps its descriptions in that file; the filter reads them
/// from there, in the file's order, and must find exactly what it finds in memory.
@Suite("Full-text search in descriptions read from the store file")
struct FileFullTextSearchTests {
  @Test func findsInTheFileWhatItFindsInMemory() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    var postings: [Posting] = []
    var generator = SeededGenerator(seed: 7)
    let words = ["berlin", "zeppelin", "rust", "köln", "line\nnew", "\"quoted\"", "tab\tbed",
      "nine", "\\n", "エンジニア", "MÜNCHEN", "operators", "x"]
    for index in 0..<3_000 {
      let text = (0..<Int.random(in: 3...40, using: &generator)).map { _ in
        words.randomElement(using: &generator) ?? ""
      }.joined(separator: index % 3 == 0 ? "\n" : " ")
      postings.append(FullTextSearchTests.posting("p\(index)", description: LongText(text)))
    }
    let inMemory = Deck(postings: postings)
    try StoreFile(path: path).save(inMemory)
    let fromFile = try StoreFile(path: path).load().deck
    func found(_ needle: String, in deck: Deck) -> [String] {
      var app = Fixtures.app(deck)
      app.press(.character("/"))
      app.type(needle)
      return Renderer(state: app.state).visiblePostings().map(\.id).sorted()
    }
    for needle in ["zeppelin", "ZEPPELIN", "köln", "nnew", "new", "quoted", "\"quoted\"", "nine",
      "tab", "bed", "engineer", "エンジニア", "münchen", "rust zeppelin", "x x", "absent"]
    {
      #expect(found(needle, in: fromFile) == found(needle, in: inMemory), "\(needle)")
    }
    #expect(found("zeppelin", in: fromFile).count > 100)
  }
}
