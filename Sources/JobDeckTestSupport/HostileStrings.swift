/// Text that mixes everything a terminal or a JSON file can trip over, for property tests and
/// hostile-input tests.
public enum HostileStrings {
  /// Pieces that random strings are built from: plain words, C0 and C1 controls, whole escape
  /// sequences (CSI, OSC 52 clipboard write, OSC 8 link, DCS, 8-bit CSI), overwrites, bidi and
  /// zero-width format characters, CJK, emoji with joiners and modifiers, combining marks,
  /// right-to-left scripts, JSON's own metacharacters.
  public static let pieces: [String] = [
    "a", "Data", " ", "Intern", "\n", "\t", "\r", "\r\n", "\u{8}", "\u{0}", "\u{7}", "\u{7F}",
    "\u{1B}", "\u{1B}[2J", "\u{1B}[31m", "\u{1B}]52;c;aGVsbG8=\u{7}", "\u{1B}]52;c;aGk=\u{1B}\\",
    "\u{1B}]8;;https://evil.example\u{1B}\\", "\u{1B}]8;;\u{1B}\\", "\u{1B}P1$r\u{1B}\\",
    "\u{1B}]0;title\u{7}", "\u{9B}2J", "\u{9B}", "\u{9D}52;c;aGk=\u{9C}", "\u{85}", "\u{90}",
    "\u{202E}", "\u{202D}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{61C}",
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{2028}", "\u{2029}",
    "\u{AD}", "\u{E0001}", "漢字", "求人", "👩‍💻", "👍🏽", "🇩🇪", "e\u{301}", "\u{301}", "\u{20DD}",
    "مهندس", "עברית", "\"", "\\", "/", "{", "}", "[", "]", ",", ":", "\u{FFFD}", "\u{10FFFF}",
  ]

  /// A random string of up to `maximumPieces` pieces.
  public static func random(using generator: inout SeededGenerator, maximumPieces: Int = 12)
    -> String
  {
    let count = Int.random(in: 0...maximumPieces, using: &generator)
    var text = ""
    for _ in 0..<count {
      if generator.chance(0.15) {
        // Any scalar at all, surrogates excepted (a String cannot hold them).
        let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
        text.unicodeScalars.append(Unicode.Scalar(value) ?? "?")
      } else {
        text += generator.pick(pieces)
      }
    }
    return text
  }
}
