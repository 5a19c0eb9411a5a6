import JobDeckCore
import Testing

/// Properties of `TerminalText.sanitized` on seeded random strings that mix ASCII, C0 and C1
/// controls, whole escape sequences, bidi and zero-width characters, CJK, emoji with joiners
/// and modifiers, combining marks and arbitrary scalars.
@Suite("Property: the terminal sanitizer")
struct PropertySanitizerTests {
  static let pieces: [String] = [
    "a", "Intern ", "\n", "\t", "\r", "\r\n", "\u{8}", "\u{0}", "\u{7}", "\u{7F}", "\u{1B}",
    "\u{1B}[2J", "\u{1B}]52;c;aGVsbG8=\u{7}", "\u{1B}]8;;https://evil.example\u{1B}\\",
    "\u{1B}P1$r\u{1B}\\", "\u{9B}2J", "\u{9B}", "\u{9D}", "\u{85}", "\u{202E}", "\u{2066}",
    "\u{200E}", "\u{61C}", "\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{2028}",
    "\u{2029}", "\u{AD}", "\u{E0001}", "漢字", "👩", "💻", "👍🏽", "🇩🇪", "e\u{301}", "\u{301}",
    "مهندس", "עברית",
  ]

  static func randomText(_ random: inout PropertyRandom) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 0...24, using: &random) {
      if Int.random(in: 0..<6, using: &random) == 0 {
        let value = UInt32.random(in: 0...0x10FFFF, using: &random)
        text.unicodeScalars.append(Unicode.Scalar(value) ?? "?")
      } else {
        text += pieces[Int.random(in: 0..<pieces.count, using: &random)]
      }
    }
    return text
  }

  /// What must never reach a terminal: C0 (tab and line feed included, they are turned into
  /// spaces on one line), DEL, C1, the Unicode line separators and invisible format
  /// characters, apart from a zero-width joiner that `sanitized` kept between two emoji.
  static func forbidden(in text: String) -> [Unicode.Scalar] {
    let scalars = Array(text.unicodeScalars)
    return scalars.enumerated().compactMap { index, scalar in
      let value = scalar.value
      if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
        return scalar
      }
      if value == 0x200D {
        let joinsEmoji = index > 0 && index + 1 < scalars.count
          && scalars[index - 1].properties.isEmoji && scalars[index + 1].properties.isEmoji
        return joinsEmoji ? nil : scalar
      }
      return scalar.properties.generalCategory == .format ? scalar : nil
    }
  }

  @Test(arguments: PropertyRandom.seeds(default: 40))
  func outputHasNoControlCharactersAndSanitizingTwiceChangesNothing(seed: UInt64) {
    var random = PropertyRandom(seed: seed)
    for _ in 0..<250 {
      let text = Self.randomText(&random)
      let once = TerminalText.sanitized(text)
      #expect(Self.forbidden(in: once).isEmpty, "\(text.debugDescription) → \(once.debugDescription)")
      #expect(TerminalText.sanitized(once) == once, "\(text.debugDescription)")
      for line in TerminalText.sanitizedLines(text) {
        #expect(Self.forbidden(in: line).isEmpty, "\(text.debugDescription)")
        #expect(TerminalText.sanitized(line) == line)
      }
    }
  }

  @Test(arguments: PropertyRandom.seeds(default: 10))
  func printableTextWithoutControlsPassesUnchanged(seed: UInt64) {
    var random = PropertyRandom(seed: seed)
    let safe = ["a", "Intern ", "漢字", "e\u{301}", "مهندس", "👍🏽", "🇩🇪", "€ 42K", "\"/\\"]
    for _ in 0..<200 {
      let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in
        safe[Int.random(in: 0..<safe.count, using: &random)]
      }.joined()
      #expect(TerminalText.sanitized(text) == text)
    }
  }

  @Test(arguments: PropertyRandom.seeds(default: 10))
  func everyEscapeStaysVisibleAsCaretNotation(seed: UInt64) {
    // An ESC or 8-bit CSI anywhere in the input shows up as "^[" in the output: hidden
    // sequences are shown, not silently dropped.
    var random = PropertyRandom(seed: seed)
    for _ in 0..<200 {
      let text = Self.randomText(&random)
      let escapes = text.unicodeScalars.filter { (0x80...0x9F).contains($0.value) || $0 == "\u{1B}" }
      // Counted in scalars: a combining mark after ESC lands on the "[" of "^[" and makes
      // it another Character, which a String search would not find.
      let output = Array(TerminalText.sanitized(text).unicodeScalars)
      let shown = zip(output, output.dropFirst()).filter { $0 == "^" && $1 == "[" }.count
      #expect(shown >= escapes.count, "\(text.debugDescription)")
    }
  }
}
