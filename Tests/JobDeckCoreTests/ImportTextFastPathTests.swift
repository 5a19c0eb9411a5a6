import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckCore

/// The byte-level answers an import uses for every row, against the Foundation and `Character`
/// code they stand in for, on every ASCII character and on hostile text.
@Suite("Import text fast paths answer as Foundation and the standard library do")
struct ImportTextFastPathTests {
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

  @Test func slugsMatchTheCharacterByCharacterVersion() {
    var generator = SeededGenerator(seed: 11)
    let words = ["Machine Learning", "machine learning", "Engineer", "GmbH", "Zürich", "Ärzte",
                 "Data-Science", "R&D", "C++", "2025", "Internship", "of", "the", "  ", "\t", "ß"]
    var pairs: [(String, String)] = Self.samples().map { ($0, $0) }
    for _ in 0..<2000 {
      let company = (0..<Int.random(in: 0...3, using: &generator)).map { _ in generator.pick(words) }
        .joined(separator: " ")
      let title = (0..<Int.random(in: 0...5, using: &generator)).map { _ in generator.pick(words) }
        .joined(separator: generator.pick([" ", "-", "/", ""]))
      pairs.append((company, title))
      pairs.append((company, HostileStrings.random(using: &generator, maximumPieces: 4)))
    }
    for (company, title) in pairs {
      #expect(IdentifierMaker.slug(company: company, title: title)
              == ReferenceIdentifierMaker.slug(company: company, title: title),
              "\(company.debugDescription) \(title.debugDescription)")
      #expect(IdentifierMaker.slug(title) == ReferenceIdentifierMaker.slug(title))
    }
  }
}
