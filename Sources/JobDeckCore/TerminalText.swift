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
    if isPrintableASCII(text) { return text }
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

  // MARK: - Classification

  /// Whether a scalar must not reach a terminal as it is: every one `sanitized` would show or
  /// remove, apart from line feed and tab (line structure, harmless). For callers that escape
  /// instead of sanitizing (JSON output writes `\u001b`), so the zero-width joiner counts too:
  /// escaping it loses nothing.
  public static func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: return false
    case 0x2028, 0x2029, 0x200D: return true
    default: return isControl(scalar) || isRemovedInvisible(scalar)
    }
  }

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
}
