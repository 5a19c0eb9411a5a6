import Foundation
import JobDeckCore
@testable import JobDeckStore
import JobDeckTestSupport
import Testing

/// The store's one codec: what the encoder writes the decoder reads back as the same deck, and
/// writing that deck again gives the same bytes; the format of today's files is pinned by a
/// fixture; whatever is not the encoder's layout is read by the same record readers or refused
/// with its position.
@Suite("Store codec")
struct StoreCodecTests {
  static let currentFormat = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/stores/current-format.json")

  /// A generated deck with what plain generation leaves out: conflicts, suggestion answers,
  /// awkward numbers, far and fractional instants.
  static func richDeck(seed: UInt64, records: Int = 12) -> Deck {
    var generator = DeckGenerator(seed: seed)
    var deck = generator.deck(maximumRecords: records)
    let ids = deck.postings.map(\.id) + deck.applications.map(\.id) + ["settings"]
    for _ in 0..<generator.int(0...3) {
      deck.conflicts.append(generator.conflict(recordID: generator.pick(ids)))
    }
    if generator.int(0...1) == 1 {
      deck.settings.suggestionAnswers = [
        SuggestionAnswer(answer: .dismissed, id: "x/no-response"),
        SuggestionAnswer(answer: .snoozed, id: "y/follow-up", until: CivilDate("2026-12-01")),
      ]
    }
    return deck
  }

  static let awkwardNumbers: [Double] = [
    0.1, 0.2 + 0.1, 1e21, 1e22, 1e16, 1e15, 42000, -0.0, 0, .leastNonzeroMagnitude,
    2.2250738585072014e-308,
    Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 1e-7, 2.5e-5, 0.000001,
    123_456.789, -1.5, 3, 1.0 / 3.0, .pi, 9_007_199_254_740_992, 1e100, 12_345_678_901_234_568,
  ]

  @Test(arguments: PropertySeeds.seeds(default: 300))
  func generatedDecksReadBackEqualAndAreWrittenAgainByteForByte(seed: UInt64) throws {
    let deck = Self.richDeck(seed: seed)
    let data = try StoreEncoder().encode(deck)
    let decoded = try StoreDecoder().decode(data, path: "p.json")
    #expect(decoded.deck == deck, "seed \(seed)")
    #expect(decoded.readOnlyReason == nil)
    #expect(try StoreEncoder().encode(decoded.deck) == data, "seed \(seed)")
    // The layout's parallel path and the general document reader agree.
    let general = try data.withUnsafeBytes { bytes in
      try StoreDecoder.readDocument(bytes, path: "p.json").deck
    }
    #expect(general == deck, "seed \(seed)")
  }

  @Test func theCurrentFormatFixtureLoadsAndIsWrittenBackByteForByte() throws {
    let original = try Data(contentsOf: Self.currentFormat)
    let loaded = try StoreDecoder().decode(original, path: "current-format.json")
    #expect(loaded.readOnlyReason == nil)
    #expect(!loaded.deck.conflicts.isEmpty)
    #expect(!loaded.deck.settings.suggestionAnswers.isEmpty)
    #expect(loaded.deck.applications.contains { $0.source != nil && $0.method != nil })
    #expect(loaded.deck.postings.contains { $0.compensation?.minimum == 1e21 })
    #expect(try StoreEncoder().encode(loaded.deck) == original)
  }

  @Test(arguments: awkwardNumbers)
  func compensationNumbersReadBackExactly(value: Double) throws {
    let posting = Posting(id: "p", title: "t", company: "c",
      compensation: Compensation(text: "x", minimum: value, maximum: -value, period: .month),
      createdAt: Fixtures.created)
    let data = try StoreEncoder().encode(Deck(postings: [posting]))
    let decoded = try StoreDecoder().decode(data, path: "p.json").deck
    #expect(decoded.postings[0].compensation?.minimum?.bitPattern == value.bitPattern
      || decoded.postings[0].compensation?.minimum == value)
    #expect(try StoreEncoder().encode(decoded) == data)
  }

  @Test func everyHostileStringInEveryStringFieldReadsBack() throws {
    var strings = HostileStrings.pieces
    strings.append(String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }))
    strings.append("\u{2028}\u{2029} e\u{301} 👩‍💻 \u{FEFF} \u{7F} </script> C:\\path\\ \"q\"")
    strings.append(String(repeating: "long line with \"quotes\"\t and tabs ", count: 30_000))
    var deck = Deck()
    for (index, text) in strings.enumerated() {
      let id = "id-\(index)-\(text)"
      deck.postings.append(Posting(
        id: id, title: text, company: text, location: text, url: text, source: text,
        compensation: Compensation(text: text, currency: text), tags: [text, text],
        description: text, createdAt: Fixtures.created))
      deck.applications.append(Application(
        id: id, postingID: text, company: text, title: text,
        history: [StageChange(from: .saved, to: .applied, at: Fixtures.later, note: text)],
        notes: text, contacts: [Contact(name: text, role: text, email: text)],
        createdAt: Fixtures.created))
    }
    let data = try StoreEncoder().encode(deck)
    #expect(try StoreDecoder().decode(data, path: "p.json").deck == deck)
  }

  @Test func aNonFiniteNumberFailsToEncode() {
    let posting = Posting(id: "p", title: "t", company: "c",
      compensation: Compensation(text: "x", minimum: .nan), createdAt: Fixtures.created)
    #expect(throws: (any Error).self) { try StoreEncoder().encode(Deck(postings: [posting])) }
  }

  @Test(arguments: PropertySeeds.seeds(default: 20))
  func streamingInSmallChunksGivesTheSameDeck(seed: UInt64) throws {
    let deck = Self.richDeck(seed: seed, records: 30)
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreEncoder().encode(deck).write(to: URL(fileURLWithPath: path))
    // 4 KiB chunks: lines are carried over between reads, and long ones grow the buffer.
    let decoded = try #require(try StoreDecoder().decodeFile(at: path, path: path,
      chunkSize: 4096))
    #expect(decoded.document.deck == deck, "seed \(seed)")
    #expect(decoded.document.readOnlyReason == nil)
  }

  @Test func aStoreWithoutItsLastLineBreakReadInSmallChunksStillLoads() throws {
    let deck = Self.richDeck(seed: 3, records: 30)
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    var data = try StoreEncoder().encode(deck)
    #expect(data.last == 0x0A)
    data.removeLast()
    try data.write(to: URL(fileURLWithPath: path))
    let decoded = try #require(try StoreDecoder().decodeFile(at: path, path: path,
      chunkSize: 4096))
    #expect(decoded.document.deck == deck)
  }

  @Test func aLargeDeckIsWrittenAndReadOnTwoWorkersInOrder() throws {
    var generator = DeckGenerator(seed: 7)
    var deck = Deck()
    for index in 0..<9000 {
      deck.postings.append(generator.posting(id: "p\(index)"))
      if index % 3 == 0 {
        deck.applications.append(generator.application(id: "a\(index)", postingID: "p\(index)"))
        deck.deadlines.append(generator.deadline(id: "d\(index)", owner: .posting("p\(index)")))
      }
    }
    let data = try StoreEncoder().encode(deck)
    #expect(data.withUnsafeBytes { StoreLayout.decode($0) } == deck)
  }

  @Test func aMissingFileIsNil() throws {
    let directory = try TemporaryDirectory()
    #expect(try StoreDecoder().decodeFile(at: directory.file("none.json"), path: "x") == nil)
  }

  static func swap(_ old: String, _ new: String) -> (String) -> String {
    { $0.replacingOccurrences(of: old, with: new) }
  }

  /// Edits a person may make that leave the deck as it was.
  nonisolated(unsafe) static let harmlessEdits: [(name: String, edit: (String) -> String)] = [
    ("unknown key", swap("{\"company\":\"SumUp\"", "{\"colour\":[{\"x\":null}],\"company\":\"SumUp\"")),
    ("null optional", swap("{\"company\":\"SumUp\"", "{\"company\":\"SumUp\",\"location\":null")),
    ("space after a colon", swap("\"company\":\"SumUp\"", "\"company\": \"SumUp\"")),
    ("blank line", swap("  \"applications\"", "\n  \"applications\"")),
    ("no final newline", { String($0.dropLast()) }),
    ("escapes the encoder never writes", swap("\"ML Engineer\"", "\"ML\\u0020Engin\\u0065er\"")),
    ("offset instant", swap("\"2026-11-28T10:00:00Z\"", "\"2026-11-28T11:00:00+01:00\"")),
    ("pretty-printed", { text in
      let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) ?? [:]
      let data = (try? JSONSerialization.data(withJSONObject: object,
        options: [.prettyPrinted, .sortedKeys])) ?? Data()
      return String(decoding: data, as: UTF8.self) + "\n"
    }),
  ]

  @Test(arguments: harmlessEdits.indices)
  func aHandEditThatKeepsTheMeaningLoadsTheSameDeck(index: Int) throws {
    let (name, edit) = Self.harmlessEdits[index]
    let deck = Fixtures.fullDeck()
    let original = String(decoding: try StoreEncoder().encode(deck), as: UTF8.self)
    let edited = edit(original)
    #expect(edited != original, "\(name): the edit did not apply")
    #expect(try StoreDecoder().decode(Data(edited.utf8), path: "store.json").deck == deck,
      "\(name)")
  }

  /// Edits that make the file unreadable, and words the message must hold.
  nonisolated(unsafe) static let refusedEdits: [(name: String, edit: (String) -> String,
    says: String)] = [
    ("trailing comma", swap("\"tags\":[\"ml\",\"python\"]", "\"tags\":[\"ml\",\"python\",]"),
      "remove the trailing comma"),
    ("raw tab in a string", swap("ML Engineer", "ML\tEngineer"), "(U+0009) must be escaped"),
    ("unknown escape", swap("ML Engineer", "ML\\xEngineer"), "not a JSON escape"),
    ("lone surrogate", swap("ML Engineer", "ML\\ud800Engineer"), "surrogate"),
    ("fractional integer", swap("\"followUpAfterDays\":10", "\"followUpAfterDays\":10.5"),
      "expected a whole number, found 10.5"),
    ("huge number", swap("\"minimum\":70000", "\"minimum\":1e400"), "1e400"),
    ("unknown stage", swap("\"stage\":\"interview\"", "\"stage\":\"hired\""),
      "unknown stage \"hired\"; expected one of saved"),
    ("impossible date", swap("\"2026-12-01\"", "\"2026-02-30\""), "'2026-02-30' is not a valid date"),
    ("bad time zone", swap("Europe/Berlin", "Mars/Olympus"), "'Mars/Olympus' is not an IANA"),
    ("text after the end", { $0 + "{}\n" }, "after the end of the JSON document"),
    ("older schema version", swap("\"schemaVersion\": 1", "\"schemaVersion\": 0"),
      "schemaVersion 0 is older"),
  ]

  @Test(arguments: refusedEdits.indices)
  func aHandEditThatBreaksTheFileIsRefusedWithItsPosition(index: Int) throws {
    let (name, edit, says) = Self.refusedEdits[index]
    let original = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)
    let edited = edit(original)
    #expect(edited != original, "\(name): the edit did not apply")
    let error = #expect(throws: StoreError.self, "\(name)") {
      try StoreDecoder().decode(Data(edited.utf8), path: "store.json")
    }
    guard case .malformed(_, let line, _, _, let problem)? = error else {
      Issue.record("\(name): not a positioned error: \(String(describing: error))")
      return
    }
    #expect(line > 1 || name == "older schema version" && line == 2, "\(name)")
    #expect(problem.contains(says), "\(name): \(problem)")
  }

  @Test func aNewerSchemaVersionThatStillFitsLoadsReadOnly() throws {
    let text = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)
      .replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")
    let loaded = try StoreDecoder().decode(Data(text.utf8), path: "store.json")
    #expect(loaded.deck == Fixtures.fullDeck())
    #expect(loaded.readOnlyReason?.contains("schemaVersion 2") == true)
  }
}
