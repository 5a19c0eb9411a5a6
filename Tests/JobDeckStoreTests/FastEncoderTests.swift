import Foundation
import JobDeckCore
@testable import JobDeckStore
import JobDeckTestSupport
import Testing

/// The fast writer (`FastRecordWriter`) must write exactly the bytes `JSONEncoder` wrote, the
/// format's definition: any difference would rewrite every line of a user's file on the next
/// save and break the one-line `git diff` promise.
@Suite("Fast store encoder")
struct FastEncoderTests {
  func expectIdentical(_ deck: Deck, _ comment: String = "",
    sourceLocation: SourceLocation = #_sourceLocation) throws
  {
    let fast = try StoreEncoder().encode(deck)
    let reference = try StoreEncoder().encodeWithJSONEncoder(deck)
    if fast != reference {
      let fastLines = String(decoding: fast, as: UTF8.self).split(separator: "\n")
      let referenceLines = String(decoding: reference, as: UTF8.self).split(separator: "\n")
      let first = zip(fastLines, referenceLines).first { $0 != $1 }
      let fastLine = first.map { String($0.0) } ?? "-"
      let referenceLine = first.map { String($0.1) } ?? "-"
      let message = "\(comment): first differing line\nfast:      \(fastLine)"
        + "\nreference: \(referenceLine)"
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: PropertySeeds.seeds(default: 300))
  func generatedDecksAreWrittenByteForByteAsJSONEncoderWritesThem(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed)
    try expectIdentical(generator.deck(maximumRecords: 12), "seed \(seed)")
  }

  @Test func theFullFixtureAndAnEmptyDeckAreIdentical() throws {
    try expectIdentical(Fixtures.fullDeck())
    try expectIdentical(Deck())
  }

  @Test func everyHostileStringInEveryStringFieldIsIdentical() throws {
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
      deck.deadlines.append(Deadline(
        id: id, kind: .interview, due: .timed(Fixtures.later, timeZone: text), phrase: text,
        owner: .application(text), note: text))
    }
    try expectIdentical(deck)
  }

  static let awkwardNumbers: [Double] = [
    0.1, 0.2 + 0.1, 1e21, 1e22, 1e16, 1e15, 42000, -0.0, 0, .leastNonzeroMagnitude,
    2.2250738585072014e-308,
    Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 1e-7, 2.5e-5, 0.000001,
    123_456.789, -1.5, 3, 1.0 / 3.0, .pi, 9_007_199_254_740_992, 1e100, 12_345_678_901_234_568,
  ]

  @Test(arguments: awkwardNumbers)
  func compensationNumbersAreFormattedAsJSONEncoderFormatsThem(value: Double) throws {
    let posting = Posting(id: "p", title: "t", company: "c",
      compensation: Compensation(text: "x", minimum: value, maximum: -value, period: .month),
      createdAt: Fixtures.created)
    try expectIdentical(Deck(postings: [posting]), "\(value)")
  }

  @Test func aNonFiniteNumberStillFailsToEncode() {
    let posting = Posting(id: "p", title: "t", company: "c",
      compensation: Compensation(text: "x", minimum: .nan), createdAt: Fixtures.created)
    #expect(throws: (any Error).self) { try StoreEncoder().encode(Deck(postings: [posting])) }
  }

  @Test func instantsWithFractionsAndFarYearsAreIdentical() throws {
    let instants: [Date] = [
      Date(timeIntervalSince1970: 1.7), Date(timeIntervalSince1970: -1.2),
      Date(timeIntervalSince1970: -62_135_596_800), Date(timeIntervalSince1970: 253_402_300_799),
      Date(timeIntervalSince1970: 253_402_300_800), Date(timeIntervalSince1970: -70_000_000_000),
    ]
    let postings = instants.enumerated().map { index, instant in
      Posting(id: "p\(index)", title: "t", company: "c", createdAt: instant, updatedAt: instant)
    }
    try expectIdentical(Deck(postings: postings))
  }

  @Test func aDeckLargerThanOneBatchIsIdenticalAndInOrder() throws {
    var generator = DeckGenerator(seed: 11)
    var deck = Deck()
    for index in 0..<9000 {
      deck.postings.append(generator.posting(id: "p\(index)"))
      if index % 3 == 0 {
        deck.deadlines.append(generator.deadline(id: "d\(index)", owner: .posting("p\(index)")))
      }
    }
    try expectIdentical(deck)
  }

  @Test(arguments: PropertySeeds.seeds(default: 50))
  func whatTheFastEncoderWritesTheFastDecoderReadsBack(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed)
    let deck = generator.deck(maximumRecords: 12)
    let data = try StoreEncoder().encode(deck)
    #expect(data.withUnsafeBytes { FastStoreLayout.decode($0) } == deck, "seed \(seed)")
  }
}
