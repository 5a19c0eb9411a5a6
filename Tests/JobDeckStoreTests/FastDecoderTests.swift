import Foundation
import JobDeckCore
@testable import JobDeckStore
import JobDeckTestSupport
import Testing

/// The fast loader (`FastStoreLayout`) against the trusted one (`JSONDecoder` with strictness
/// checks): same decks wherever it decodes, and a clean hand-over everywhere else.
@Suite("Fast store decoder")
struct FastDecoderTests {
  func fastDeck(_ data: Data) -> Deck? {
    data.withUnsafeBytes { FastStoreLayout.decode($0) }
  }

  @Test(arguments: PropertySeeds.seeds(default: 200))
  func decodesGeneratedDecksExactlyAsJSONDecoderDoes(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed)
    let deck = generator.deck(maximumRecords: 12)
    let data = try StoreEncoder().encodeWithJSONEncoder(deck)
    let fast = try #require(fastDeck(data), "seed \(seed): the fast path gave up on encoder output")
    #expect(fast == (try StoreDecoder().decodeTrusted(data, path: "p.json").deck), "seed \(seed)")
    #expect(fast == deck, "seed \(seed)")
  }

  @Test(arguments: PropertySeeds.seeds(default: 20))
  func streamingInSmallChunksGivesTheSameDeck(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed)
    let deck = generator.deck(maximumRecords: 30)
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreEncoder().encode(deck).write(to: URL(fileURLWithPath: path))
    // 4 KiB chunks: lines are carried over between reads, and long ones grow the buffer.
    let decoded = try #require(try StoreDecoder().decodeFile(at: path, path: path,
      chunkSize: 4096))
    #expect(decoded.document.deck == deck, "seed \(seed)")
    #expect(decoded.document.readOnlyReason == nil)
  }

  @Test func aLargeDeckDecodesOnTwoWorkersInOrder() throws {
    var generator = DeckGenerator(seed: 7)
    var deck = Deck()
    for index in 0..<3000 {
      deck.postings.append(generator.posting(id: "p\(index)"))
      deck.applications.append(generator.application(id: "a\(index)", postingID: "p\(index)"))
    }
    let data = try StoreEncoder().encode(deck)
    #expect(fastDeck(data) == deck)
  }

  @Test func aMissingFileIsNil() throws {
    let directory = try TemporaryDirectory()
    #expect(try StoreDecoder().decodeFile(at: directory.file("none.json"), path: "x") == nil)
  }

  static func swap(_ old: String, _ new: String) -> (String) -> String {
    { $0.replacingOccurrences(of: old, with: new) }
  }

  /// Each edit turns encoder output into something the fast path must not take.
  nonisolated(unsafe) static let handOvers: [(name: String, edit: (String) -> String)] = [
    ("trailing comma", swap("\"tags\":[\"ml\",\"python\"]", "\"tags\":[\"ml\",\"python\",]")),
    ("unknown key", swap("{\"company\":\"SumUp\"", "{\"colour\":\"red\",\"company\":\"SumUp\"")),
    ("duplicate key",
      swap("\"title\":\"ML Engineer\"",
        "\"title\":\"ML Engineer\",\"title\":\"Other\"")),
    ("null optional", swap("{\"company\":\"SumUp\"", "{\"company\":\"SumUp\",\"location\":null")),
    ("raw tab in a string", swap("ML Engineer", "ML\tEngineer")),
    ("unknown escape", swap("ML Engineer", "ML\\xEngineer")),
    ("lone surrogate", swap("ML Engineer", "ML\\ud800Engineer")),
    ("fractional seconds", swap("2026-11-28T10:00:00Z", "2026-11-28T10:00:00.5Z")),
    ("offset instant", swap("2026-11-28T10:00:00Z", "2026-11-28T11:00:00+01:00")),
    ("fractional integer", swap("\"followUpAfterDays\":10", "\"followUpAfterDays\":10.0")),
    ("huge number", swap("\"minimum\":70000", "\"minimum\":1e400")),
    ("unknown stage", swap("\"stage\":\"interview\"", "\"stage\":\"hired\"")),
    ("impossible date", swap("\"2026-12-01\"", "\"2026-02-30\"")),
    ("bad time zone", swap("Europe/Berlin", "Mars/Olympus")),
    ("space after a colon", swap("\"company\":\"SumUp\"", "\"company\": \"SumUp\"")),
    ("blank line", swap("  \"applications\"", "\n  \"applications\"")),
    ("no final newline", { String($0.dropLast()) }),
    ("text after the end", { $0 + "{}\n" }),
    ("older schema version", swap("\"schemaVersion\": 1", "\"schemaVersion\": 0")),
    ("newer schema version", swap("\"schemaVersion\": 1", "\"schemaVersion\": 2")),
    ("pretty-printed", { text in
      let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) ?? [:]
      let data = (try? JSONSerialization.data(withJSONObject: object,
        options: [.prettyPrinted, .sortedKeys])) ?? Data()
      return String(decoding: data, as: UTF8.self) + "\n"
    }),
  ]

  @Test(arguments: handOvers.indices)
  func anythingButEncoderOutputGoesToTheTrustedPathWithItsResult(index: Int) throws {
    let (name, edit) = Self.handOvers[index]
    let original = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)
    let edited = edit(original)
    #expect(edited != original, "\(name): the edit did not apply")
    let data = Data(edited.utf8)
    #expect(fastDeck(data) == nil, "\(name): the fast path took it")
    let trusted = Result { () throws(StoreError) in
      try StoreDecoder().decodeTrusted(data, path: "store.json")
    }
    let loaded = Result { () throws(StoreError) in
      try StoreDecoder().decodeDocument(data, path: "store.json")
    }
    switch (trusted, loaded) {
    case (.success(let expected), .success(let actual)):
      #expect(actual.deck == expected.deck, "\(name)")
      #expect(actual.readOnlyReason == expected.readOnlyReason, "\(name)")
    case (.failure(let expected), .failure(let actual)):
      #expect(actual.description == expected.description, "\(name)")
    default:
      Issue.record("\(name): trusted \(trusted), loaded \(loaded)")
    }
  }

  @Test func aTrailingCommaStillGetsItsPositionedMessageFromAStoreFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let text = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)
      .replacingOccurrences(of: "\"tags\":[\"ml\",\"python\"]",
        with: "\"tags\":[\"ml\",\"python\",]")
    try Disk.write(text, to: path)
    let error = #expect(throws: StoreError.self) { try StoreFile(path: path).load() }
    #expect(error?.description.contains("trailing comma") == true)
    guard case .malformed(_, let line, _, _, _)? = error else {
      Issue.record("not a positioned error: \(String(describing: error))")
      return
    }
    #expect(line == 5)
  }

  @Test func aPrettyPrintedFileStillLoads() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let deck = Fixtures.fullDeck()
    let object = try JSONSerialization.jsonObject(with: try StoreEncoder().encode(deck))
    try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])
      .write(to: URL(fileURLWithPath: path))
    #expect(try StoreFile(path: path).load().deck == deck)
  }

  @Test func escapesTheEncoderNeverWritesAreStillDecodedOnTheFastPath() throws {
    let text = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)
      .replacingOccurrences(of: "ML Engineer", with: "ML\\u00e9\\/\\ud83d\\ude00 Engineer")
    let fast = try #require(fastDeck(Data(text.utf8)))
    #expect(fast.postings.contains { $0.title == "MLé/😀 Engineer" })
    #expect(fast == (try StoreDecoder().decodeTrusted(Data(text.utf8), path: "p").deck))
  }
}
