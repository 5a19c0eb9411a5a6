import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckCore

/// The text rules an import applies to every row: trimming, comparing and URLs answer as
/// Foundation does, on every ASCII character and on hostile text; ids follow their stated rule.
@Suite("Import text rules answer as Foundation does and ids follow their rule")
struct ImportTextRuleTests {
  /// Every ASCII scalar, alone and between others, at each end and in the middle, plus hostile
  /// strings with whitespace of every kind around them.
  static func samples() -> [String] {
    let ascii = (0..<128).compactMap(Unicode.Scalar.init).map(String.init)
    var samples: [String] = []
    for character in ascii {
      let around: [String] = ["a" + character, character + "a", "A" + character + "b"]
      samples += [character, character + character, " " + character + " "] + around
    }
    samples += ["", " ", "\r\n", "a\r\n", "\r\nA", "  Data   Intern\t", "https://X.Example/A//",
                "\u{A0}a\u{A0}", "\u{85}a", "a\u{2028}", "\u{3000}x\u{3000}", " \u{A0} a", "\u{FEFF}a",
                "HTTPS://Jobs.Example/Path/", "ftp://HOST", "no scheme/Path", ":// leading", "a:/b"]
    var generator = SeededGenerator(seed: 7)
    let edges = ["", " ", "\t", "\n", "\r\n", "\u{A0}", "\u{85}", "\u{2028}", "\u{1680}", "\u{0B}", "\u{1C}"]
    for _ in 0..<3000 {
      let middle = HostileStrings.random(using: &generator, maximumPieces: 5)
      samples.append(generator.pick(edges) + middle + generator.pick(edges))
    }
    return samples
  }

  @Test func trimmingMatchesFoundation() {
    for text in Self.samples() {
      #expect(text.trimmedOfWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines),
              "\(text.debugDescription)")
      #expect(text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespaces),
              "\(text.debugDescription)")
    }
  }

  @Test func comparableTextMatchesLowercasedWhitespaceCollapsedText() {
    for text in Self.samples() {
      let reference = text.lowercased().split(whereSeparator: { $0.isWhitespace })
        .joined(separator: " ")
      #expect(Deck.comparableText(text) == reference, "\(text.debugDescription)")
    }
  }

  @Test func schemeSeparatorIsFoundWhereFoundationFindsIt() {
    for text in Self.samples() + Self.samples().map({ "http://" + $0 }) + ["a://b://c", "::///"] {
      let fast = text.schemeSeparatorRange.map { text.distance(from: text.startIndex, to: $0.lowerBound) }
      let reference = text.range(of: "://").map {
        text.distance(from: text.startIndex, to: $0.lowerBound)
      }
      #expect(fast == reference, "\(text.debugDescription)")
    }
  }

  @Test func comparableURLMatchesTheFoundationVersion() {
    func reference(_ url: String?) -> String? {
      guard var text = url?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
        return nil
      }
      while text.hasSuffix("/") { text.removeLast() }
      if let schemeEnd = text.range(of: "://") {
        let hostEnd = text[schemeEnd.upperBound...].firstIndex(of: "/") ?? text.endIndex
        text = text[..<hostEnd].lowercased() + text[hostEnd...]
      }
      return text
    }
    for text in Self.samples() + Self.samples().map({ " HTTPS://Host.Example/" + $0 + "/ " }) {
      #expect(Deck.comparableURL(text) == reference(text), "\(text.debugDescription)")
    }
    #expect(Deck.comparableURL(nil) == nil)
  }

  /// Plain words, each capitalised at random and separated by anything that is not an ASCII
  /// letter or digit.
  static func plainWords(_ generator: inout SeededGenerator, count: ClosedRange<Int>) -> [String] {
    let pool = ["data", "intern", "berlin", "ml", "rust", "2025", "ops", "engineer", "acme",
                "zurich", "x1", "nimbus", "research", "go", "cafe", "senior", "team", "42"]
    return (0..<Int.random(in: count, using: &generator)).map { _ in generator.pick(pool) }
  }

  static func written(_ words: [String], _ generator: inout SeededGenerator) -> String {
    let separators = [" ", "-", "/", " & ", ", ", "\t", " · ", "—", " (", ") ", "\u{A0}", "_", "?!"]
    return words.map { word in
      generator.chance(0.5) ? word.uppercased() : (generator.chance(0.5) ? word.capitalized : word)
    }.map { $0 + generator.pick(separators) }.joined()
  }

  @Test(arguments: PropertySeeds.seeds(default: 3))
  func aSlugIsTheTextsLowercaseASCIIWordsJoinedByHyphens(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<500 {
      let words = Self.plainWords(&generator, count: 0...6)
      let text = Self.written(words, &generator)
      let expected = words.isEmpty ? "item" : words.joined(separator: "-")
      #expect(IdentifierMaker.slug(text) == expected, "\(text.debugDescription)")
    }
  }

  @Test(arguments: PropertySeeds.seeds(default: 3))
  func companyAndTitleGiveTwoAndFourWordsAndFillersOnlyWhenNothingElseIsLeft(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let fillers = ["the", "of", "GmbH", "and", "Inc", "a", "at"]
    for _ in 0..<500 {
      let company = Self.plainWords(&generator, count: 0...4)
      let title = Self.plainWords(&generator, count: 0...7)
      // Fillers between the words change nothing while other words are left.
      func withFillers(_ words: [String]) -> [String] {
        words.flatMap { generator.chance(0.3) ? [generator.pick(fillers), $0] : [$0] }
      }
      let slug = IdentifierMaker.slug(
        company: Self.written(withFillers(company), &generator),
        title: Self.written(withFillers(title), &generator))
      let expected = Array(company.prefix(2)) + Array(title.prefix(4))
      #expect(slug == (expected.isEmpty ? "job" : expected.joined(separator: "-")))
    }
    #expect(IdentifierMaker.slug(company: "The Co", title: "Data Intern") == "the-co-data-intern")
    #expect(IdentifierMaker.slug(company: "A", title: "B") == "a-b")
    #expect(IdentifierMaker.slug(company: "SoundCloud", title: "Machine Learning Internship")
      == "soundcloud-ml-intern")
    #expect(IdentifierMaker.slug("Zürich Straße, Łódź, Crème") == "zurich-strase-lodz-creme")
  }

  /// Every filler and abbreviated word, and words next to them in length and spelling, give an
  /// ASCII company and title the slug the same text gets with a non-ASCII separator (which takes
  /// the general route, word by word through the lists).
  @Test func listedWordsAreDroppedAndShortenedAsTheGeneralRouteDoes() {
    let listed = ["a", "an", "the", "and", "of", "for", "in", "at", "to", "with", "m", "f", "d",
                  "w", "x", "gmbh", "ag", "inc", "ltd", "llc", "se", "plc", "co", "corp",
                  "software", "engineer", "internship", "senior", "junior"]
    let nearby = ["b", "ant", "thee", "off", "i", "ax", "gmbhs", "agg", "ltds", "sea", "cop",
                  "softwares", "engineers", "intern", "interns", "seniors", "junio", "zebra"]
    for word in listed + nearby {
      for capitalized in [word, word.capitalized, word.uppercased()] {
        let company = "Acme " + capitalized
        let title = capitalized + " Data " + capitalized
        let general = IdentifierMaker.slug(company: company + " ·", title: title + " ·")
        #expect(IdentifierMaker.slug(company: company, title: title) == general, "\(word)")
        let alone = IdentifierMaker.slug(company: capitalized + "·", title: capitalized + "·")
        #expect(IdentifierMaker.slug(company: capitalized, title: capitalized) == alone, "\(word)")
      }
    }
    #expect(IdentifierMaker.slug(company: "Acme GmbH", title: "Senior Software Internship")
      == "acme-senior-software-intern")
  }

  /// Whatever the text, the id is typable: lowercase ASCII letters, digits and single hyphens
  /// between them.
  @Test(arguments: PropertySeeds.seeds(default: 3))
  func everySlugIsTypable(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<1000 {
      let company = HostileStrings.random(using: &generator, maximumPieces: 4)
      let title = HostileStrings.random(using: &generator, maximumPieces: 4)
      for slug in [IdentifierMaker.slug(company: company, title: title), IdentifierMaker.slug(title)] {
        let pieces = slug.split(separator: "-", omittingEmptySubsequences: false)
        #expect(!pieces.contains { $0.isEmpty }, "\(slug) from \(title.debugDescription)")
        #expect(slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" },
                "\(slug) from \(title.debugDescription)")
      }
    }
  }
}
