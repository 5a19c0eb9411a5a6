/// Makes untrusted text (ads, web pages, the store itself) safe to put on a terminal, and
/// measures it in terminal columns.
///
/// The scheme, like git's fix for CVE-2024-52005: every control character is *shown* in caret
/// notation instead of being interpreted, so an escape sequence stays visible as harmless text
/// (`ESC [ 2 J` becomes `^[[2J`, an OSC 52 clipboard write becomes `^[]52;c;…^G`) and a reader
/// can see that the source contained one.
/// - C0 controls U+0000–U+001F: `^@` … `^_` (`\r` → `^M`, `\b` → `^H`, ESC → `^[`), except
///   tab and line feed, which become a space (callers that show several lines split on line
///   breaks first, see `sanitizedLines`).
/// - DEL: `^?`.
/// - C1 controls U+0080–U+009F: written as the 7-bit escape they stand for, `^[` plus the
///   character 0x40 higher (8-bit CSI U+009B → `^[[`).
/// - U+2028/U+2029 (line and paragraph separators): a space.
/// - Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C), zero-width characters
///   (U+200B, U+200C, U+2060, U+FEFF) and every other invisible format character
///   (general category Cf) are removed: they can reorder or hide what a line says. The zero-width
///   joiner is kept only between two emoji, where it builds one pictogram (👩‍💻).
///
/// The result contains no control characters, and sanitizing it again changes nothing.
public enum TerminalText {
  /// The text made safe for one line of a terminal.
  public static func sanitized(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var output = String.UnicodeScalarView()
    var lastKept: Unicode.Scalar?
    for (index, scalar) in scalars.enumerated() {
      let value = scalar.value
      switch value {
      case 0x09, 0x0A:
        output.append(" ")
      case 0x00...0x1F:
        output.append(contentsOf: "^".unicodeScalars)
        output.append(Unicode.Scalar(UInt8(value + 0x40)))
      case 0x7F:
        output.append(contentsOf: "^?".unicodeScalars)
      case 0x80...0x9F:
        output.append(contentsOf: "^[".unicodeScalars)
        output.append(Unicode.Scalar(UInt8(value - 0x40)))
      case 0x2028, 0x2029:
        output.append(" ")
      case 0x200D:
        if let previous = lastKept, isEmojiBase(previous),
          let next = nextVisibleScalar(in: scalars, after: index), isEmojiBase(next)
        {
          output.append(scalar)
        }
        continue
      default:
        if isRemovedInvisible(scalar) { continue }
        output.append(scalar)
      }
      lastKept = output.last
    }
    return String(output)
  }

  /// Multi-line text (a description, notes) as sanitized lines: `\n`, `\r\n` and the Unicode
  /// line separators break lines; a lone `\r` is shown as `^M` (it would overwrite the line).
  public static func sanitizedLines(_ text: String) -> [String] {
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
    var lines: [String] = []
    var current = ""
    for scalar in normalized.unicodeScalars {
      if scalar == "\n" || scalar.value == 0x2028 || scalar.value == 0x2029 {
        lines.append(sanitized(current))
        current = ""
      } else {
        current.unicodeScalars.append(scalar)
      }
    }
    lines.append(sanitized(current))
    return lines
  }

  /// Columns the text takes on a terminal, summed per grapheme (see `displayWidth(of:)` for one
  /// grapheme).
  public static func displayWidth(of text: String) -> Int {
    text.reduce(0) { $0 + displayWidth(of: $1) }
  }

  /// Columns one grapheme takes, as `wcwidth` would say for its base: 2 for East Asian Wide and
  /// Fullwidth characters and for emoji shown as pictures, 0 for combining marks and invisible
  /// characters, 1 otherwise.
  public static func displayWidth(of grapheme: Character) -> Int {
    let scalars = Array(grapheme.unicodeScalars)
    guard let base = scalars.first(where: { !isZeroWidth($0) }) else { return 0 }
    if isControl(base) { return 0 }
    if isWide(base) { return 2 }
    let properties = base.properties
    if properties.isEmojiPresentation { return 2 }
    if scalars.count > 1, properties.isEmoji {
      // A text-default emoji asked to show as a picture (❤️, 1️⃣), or part of a ZWJ sequence.
      if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
    }
    if (0x1F1E6...0x1F1FF).contains(base.value) { return scalars.count > 1 ? 2 : 1 }
    return 1
  }

  /// The text cut to `width` columns with a trailing `…` when it does not fit; never splits a
  /// grapheme, so the result may be one column narrower than asked for.
  public static func truncated(_ text: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    if displayWidth(of: text) <= width { return text }
    var result = ""
    var used = 0
    for grapheme in text {
      let graphemeWidth = displayWidth(of: grapheme)
      if used + graphemeWidth > width - 1 { break }
      result.append(grapheme)
      used += graphemeWidth
    }
    return result + "…"
  }

  /// The text truncated or padded with spaces on the right to exactly `width` columns.
  public static func padded(_ text: String, toWidth width: Int) -> String {
    let cut = truncated(text, toWidth: width)
    let missing = max(0, width - displayWidth(of: cut))
    return cut + String(repeating: " ", count: missing)
  }

  /// The text truncated or padded with spaces on the left to exactly `width` columns (numbers).
  public static func rightAligned(_ text: String, toWidth width: Int) -> String {
    let cut = truncated(text, toWidth: width)
    let missing = max(0, width - displayWidth(of: cut))
    return String(repeating: " ", count: missing) + cut
  }

  /// Words wrapped to `width` columns; a word longer than a line is broken between graphemes.
  public static func wrapped(_ line: String, toWidth width: Int) -> [String] {
    guard width > 0 else { return [] }
    // A line that fits keeps its spacing (aligned label columns).
    if displayWidth(of: line) <= width { return [line] }
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    for word in line.split(separator: " ", omittingEmptySubsequences: true) {
      var word = String(word)
      var wordWidth = displayWidth(of: word)
      if currentWidth > 0, currentWidth + 1 + wordWidth <= width {
        current += " " + word
        currentWidth += 1 + wordWidth
        continue
      }
      if currentWidth > 0 {
        lines.append(current)
        current = ""
        currentWidth = 0
      }
      while wordWidth > width {
        var piece = ""
        var pieceWidth = 0
        var rest = Substring(word)
        while let grapheme = rest.first, pieceWidth + displayWidth(of: grapheme) <= width {
          piece.append(grapheme)
          pieceWidth += displayWidth(of: grapheme)
          rest = rest.dropFirst()
        }
        if piece.isEmpty, let grapheme = rest.first {
          // Wider than the whole line (a wide character in one column): drop it.
          rest = rest.dropFirst()
          _ = grapheme
        } else {
          lines.append(piece)
        }
        word = String(rest)
        wordWidth = displayWidth(of: word)
      }
      current = word
      currentWidth = wordWidth
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  // MARK: - Classification

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value)
  }

  /// Invisible characters that `sanitized` drops: bidi controls, zero-width characters and the
  /// other format characters (Cf), which could hide or reorder text.
  static func isRemovedInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
    case 0x200B, 0x200C, 0x2060, 0xFEFF: return true
    default: return scalar.properties.generalCategory == .format
    }
  }

  /// A pictographic emoji (not the digits and `#`/`*` that also carry the Emoji property).
  static func isEmojiBase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value > 0x7F && (scalar.properties.isEmoji || scalar.properties.isEmojiModifier)
  }

  private static func nextVisibleScalar(in scalars: [Unicode.Scalar], after index: Int)
    -> Unicode.Scalar?
  {
    var position = index + 1
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar.value != 0x200D, isRemovedInvisible(scalar) {
        position += 1
        continue
      }
      return scalar
    }
    return nil
  }

  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: break
    }
    let value = scalar.value
    // Variation selectors and the Hangul medial/final jamo that join a preceding syllable.
    return (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
      || (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value)
  }

  /// East Asian Wide (W) and Fullwidth (F) blocks from Unicode's EastAsianWidth.txt, compacted
  /// to the blocks that matter; Swift does not expose the property.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x231A...0x231B, 0x2329...0x232A,
    0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols
    0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, CJK compat
    0x3400...0x4DBF,  // CJK extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x16FE4, 0x17000...0x18AFF,  // Tangut
    0x1B000...0x1B16F,  // Kana supplement and extended
    0x1F200...0x1F2FF,  // enclosed ideographic supplement
    0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
    0x30000...0x3FFFD,  // CJK extension G and later
  ]

  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    guard value >= 0x1100 else { return false }
    return wideRanges.contains { $0.contains(value) }
  }
}
