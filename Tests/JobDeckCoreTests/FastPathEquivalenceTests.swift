import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckCore

/// The shortcuts taken for plain ASCII text and for instants after 1900 must agree with the
/// general rules they skip: these compare both on random and hostile input.
@Suite struct FastPathEquivalenceTests {
  /// Mixes of plain ASCII runs with hostile pieces (combining marks after ASCII letters, wide
  /// characters, emoji, controls), so the ASCII run's boundary is exercised.
  private static func sample(_ random: inout SeededGenerator) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 0...4, using: &random) {
      text += random.pick(["Working Student Data Scientist, ", "e", "a\u{301}", "", "ab  ", "…"])
      if random.chance(0.5) { text += HostileStrings.random(using: &random, maximumPieces: 2) }
    }
    return text
  }

  @Test(arguments: SeededGenerator.seeds(default: 500))
  func displayWidthMatchesTheSumOverGraphemes(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let text = Self.sample(&random)
    let reference = text.reduce(0) { $0 + TerminalText.displayWidth(of: $1) }
    #expect(TerminalText.displayWidth(of: text) == reference)
  }

  @Test(arguments: SeededGenerator.seeds(default: 500))
  func truncationMatchesCuttingGraphemeByGrapheme(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let text = Self.sample(&random)
    for width in 1...12 {
      var expected = text
      if text.reduce(0, { $0 + TerminalText.displayWidth(of: $1) }) > width {
        var used = 0
        expected = ""
        for grapheme in text {
          let graphemeWidth = TerminalText.displayWidth(of: grapheme)
          if used + graphemeWidth > width - 1 { break }
          expected.append(grapheme)
          used += graphemeWidth
        }
        expected += "…"
      }
      #expect(TerminalText.truncated(text, toWidth: width) == expected)
    }
  }

  @Test func sanitizingPlainASCIIReturnsItUnchanged() {
    #expect(TerminalText.sanitized("Senior ML Engineer (m/w/d) ~ 80k") == "Senior ML Engineer (m/w/d) ~ 80k")
    #expect(TerminalText.sanitized("tab\there") == "tab here")
  }

  @Test(arguments: SeededGenerator.seeds(default: 300))
  func civilDateOfAnInstantMatchesTheCalendar(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    // 1899–2101 and beyond 9000: both sides of the arithmetic range, DST changes included.
    let seconds = random.pick([
      Double.random(in: -2_240_000_000 ... 4_200_000_000, using: &random).rounded(),
      Double.random(in: 221_845_000_000 ... 221_846_000_000, using: &random).rounded(),
    ])
    let instant = Date(timeIntervalSince1970: seconds)
    for name in DeckGenerator.timeZones {
      let zone = try #require(TimeZone(identifier: name))
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = zone
      let parts = calendar.dateComponents([.year, .month, .day], from: instant)
      let date = CivilDate(containing: instant, in: zone)
      #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day], "\(name) \(seconds)")
    }
  }
}
