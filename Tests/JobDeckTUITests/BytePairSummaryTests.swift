import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckTUI

/// A description held in a store's bytes is passed over when its byte-pair summary lacks a pair
/// of the search word (`LongText.mayHold`): on hostile descriptions (accents, CJK, JSON escapes,
/// either case), searching with summaries finds exactly what reading every description finds.
@Suite("Byte-pair summaries never hide a match")
struct BytePairSummaryTests {
  static let clock = Fixtures.clock

  /// `text` as the store's writer writes a JSON string body: `"`, `\` and control characters
  /// escaped, the short escapes where there is one, `\u00xx` in lower case otherwise.
  static func jsonBody(_ text: String) -> String {
    var body = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": body += "\\\""
      case "\\": body += "\\\\"
      case "\u{8}": body += "\\b"
      case "\t": body += "\\t"
      case "\n": body += "\\n"
      case "\u{C}": body += "\\f"
      case "\r": body += "\\r"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        body += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: body.unicodeScalars.append(scalar)
      }
    }
    return body
  }

  /// Postings whose descriptions are packed in one block as their JSON bodies, as a store read
  /// leaves them; every fifth is a `String`, as after an edit. The other fields match nothing
  /// the tests type.
  static func deck(descriptions: [String]) -> Deck {
    let bodies = descriptions.map { Array(jsonBody($0).utf8) }
    let block = LongTextBlock(capacity: bodies.reduce(0) { $0 + $1.count })
    var deck = Deck()
    for (index, body) in bodies.enumerated() {
      var posting = Posting(id: "p\(index)", title: "·", company: "·", createdAt: clock.now)
      if index % 5 == 4 {
        posting.description = descriptions[index]
      } else if let start = body.withUnsafeBytes({ block.append($0) }) {
        posting.descriptionText = LongText(
          validatedJSONBodyIn: block, start: start, count: body.count,
          hasEscapes: body.contains(UInt8(ascii: "\\")))
      }
      deck.postings.append(posting)
    }
    return deck
  }

  static let pieces = [
    "Zeppelin", "zeppelin", "ZEPP", "Köln", "KÖLN", "Straße", "café", "cafe\u{301}", "東京",
    "エンジニア", "\n", "\t", "\"quoted\"", "\\", "\\n", "u00e9", "\u{1F}", "new", "Ünïcödé", "ß",
    " ", "data", "DATA", "İst", "\u{212A}elvin", "👩‍💻",
  ]

  static func hostileDescription(_ random: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...24, using: &random)).map { _ in
      random.chance(0.2) ? HostileStrings.random(using: &random, maximumPieces: 3)
        : random.pick(pieces)
    }.joined(separator: random.chance(0.5) ? " " : "")
  }

  /// Part of a description, in a case of its own, or something it may lack.
  static func needle(_ descriptions: [String], _ random: inout SeededGenerator) -> String {
    let source = random.pick(descriptions)
    guard random.chance(0.7), !source.isEmpty else {
      return random.chance(0.5) ? String(HostileStrings.random(using: &random).prefix(3))
        : random.pick(pieces)
    }
    let characters = Array(source)
    let start = Int.random(in: 0..<characters.count, using: &random)
    let length = Int.random(in: 1...6, using: &random)
    let part = String(characters[start..<min(start + length, characters.count)])
    switch Int.random(in: 0..<3, using: &random) {
    case 0: return part.uppercased()
    case 1: return part.lowercased()
    default: return part
    }
  }

  func visible(_ app: App) -> [Int] { Renderer(state: app.state).visiblePostingIndices() }

  @Test(arguments: PropertySeeds.seeds(default: 12))
  func searchingWithSummariesFindsWhatReadingEveryDescriptionFinds(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let descriptions = (0..<Int.random(in: 1...300, using: &random)).map { _ in
      Self.hostileDescription(&random)
    }
    let deck = Self.deck(descriptions: descriptions)
    var app = App(deck: deck, storePath: "/tmp/store.json", clock: Self.clock,
      readOnlyReason: nil)
    // The first searches make the summaries; the later ones read them.
    for _ in 0..<60 {
      let needle = Self.needle(descriptions, &random)
      app.state.filter = needle
      #expect(visible(app) == PostingListRule.visible(
        deck, sort: app.state.postingSort, filter: needle, clock: Self.clock),
        "filter \(needle.debugDescription)")
    }
  }

  /// Byte by byte: wherever the in-place search finds a needle in a text held as its JSON body,
  /// the text's summary lets the needle through, whether made by this call or an earlier one.
  @Test(arguments: PropertySeeds.seeds(default: 4))
  func aSummaryLetsThroughEveryNeedleTheTextHolds(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let alphabet: [UInt8] = Array("aAzZeE u0\\n\"t.".utf8) + [0xC3, 0xA9, 0x81, 0xE6, 0x9D, 0xB1]
    let texts = (0..<400).map { _ in
      String(decoding: (0..<Int.random(in: 0...60, using: &random)).map { _ in
        random.pick(alphabet)
      }, as: UTF8.self)
    }
    let deck = Self.deck(descriptions: texts)
    for _ in 0..<3 {
      for posting in deck.postings {
        guard let description = posting.descriptionText else { continue }
        let needle = (0..<Int.random(in: 2...4, using: &random)).map { _ in
          random.pick(Array("azeu0tn .".utf8) + [0xC3, 0xA9])
        }
        let found = description.containsPlainText { bytes, from in
          needle.withUnsafeBufferPointer {
            TextSearch.firstASCIIFoldedMatch(in: bytes, needle: $0, from: from)
          }
        }
        if found {
          #expect(description.mayHold(BytePairs.Needle(needle)),
            "\(posting.description.debugDescription) \(needle)")
        }
      }
    }
  }

  @Test func aWordTheSummariesRuledOutIsFoundOnceAnEditAddsIt() throws {
    let deck = Self.deck(descriptions: ["A balloon ride over Köln", "Airships \"and\" blimps"])
    var app = Fixtures.app(deck)
    app.press(.character("/"))
    app.type("zeppelin")
    #expect(visible(app).isEmpty)
    app.press(.escape)
    let posting = try #require(app.state.deck.posting(withID: "p0"))
    let original = RecordDocument.render(posting, application: nil)
    let edited = original.replacingOccurrences(of: "balloon", with: "Zeppelin")
    #expect(edited != original)
    app.send(.editorFinished(.recordDocument(.posting("p0"), original: original), text: edited))
    #expect(app.state.deck.posting(withID: "p0")?.description == "A Zeppelin ride over Köln")
    app.press(.character("/"))
    app.type("zeppelin")
    #expect(visible(app) == [0])
  }
}
