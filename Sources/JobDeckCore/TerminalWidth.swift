/// Terminal columns, per grapheme as `wcwidth` counts them, and text fitted to a width: the
/// arithmetic that keeps table columns aligned whatever the script.
extension TerminalText {
  /// Columns the text takes on a terminal, summed per grapheme (see `displayWidth(of:)` for one
  /// grapheme).
  public static func displayWidth(of text: String) -> Int {
    let asciiRun = leadingPrintableASCIICount(text)
    if asciiRun == text.utf8.count { return asciiRun }
    // The run's last byte may begin a grapheme with what follows (e + combining accent), so it
    // is measured with the rest; a boundary lies between any two printable ASCII bytes.
    let counted = max(0, asciiRun - 1)
    return counted + Substring(text.utf8.dropFirst(counted)).reduce(0) {
      $0 + displayWidth(of: $1)
    }
  }

  /// True when every byte is printable ASCII (space to tilde): then each byte is one grapheme one
  /// column wide, and the per-grapheme Unicode lookups (the bulk of rendering a long agenda or
  /// table) can be skipped.
  static func isPrintableASCII(_ text: String) -> Bool {
    leadingPrintableASCIICount(text) == text.utf8.count
  }

  /// How many bytes at the start are printable ASCII.
  static func leadingPrintableASCIICount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      bytes.firstIndex { $0 < 0x20 || $0 >= 0x7F } ?? bytes.count
    }
  }

  /// Columns one grapheme takes, as `wcwidth` would say for its base: 2 for East Asian Wide and
  /// Fullwidth characters and for emoji shown as pictures, 0 for combining marks and invisible
  /// characters, 1 otherwise.
  public static func displayWidth(of grapheme: Character) -> Int {
    if let ascii = grapheme.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
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
    if leadingPrintableASCIICount(text) >= width {
      // The first `width` bytes are one column each, so a boundary follows byte `width - 1`.
      return String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…"
    }
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
