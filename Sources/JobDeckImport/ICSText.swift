import Foundation

/// The text rules of RFC 5545 that every consumer (calcurse, khal, python-icalendar) relies on.
public enum ICSText {
  /// Escapes a TEXT value (RFC 5545 §3.3.11): backslash first, so the escapes added after it are
  /// not escaped again; then `;` `,` and line breaks. Control characters and bidi overrides are
  /// dropped (tabs become spaces), so imported ad text cannot smuggle terminal escapes or
  /// reorder what a calendar shows.
  public static func escaped(_ text: String) -> String {
    var result = ""
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    for scalar in normalized.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\n": result += "\\n"
      case "\t": result += " "
      default:
        if isStripped(scalar) { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// C0/C1 controls and the bidirectional embedding, override and isolate characters.
  static func isStripped(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets, continued
  /// by CRLF and a space. Breaks fall between grapheme clusters, so a break never lands inside
  /// a UTF-8 sequence (which leaves invalid UTF-8 on both lines for any consumer that decodes
  /// before unfolding) nor between an emoji and its skin-tone modifier (a space followed by a
  /// modifier is one character to grapheme-aware readers, which then miss the fold). Only a
  /// cluster longer than a whole line is broken, between its scalars. Returns the line with its
  /// final CRLF.
  public static func folded(_ line: String) -> String {
    var output: [UInt8] = []
    var lineLength = 0
    var limit = 75  // the first line has all 75 octets; continuations spend one on the space
    func breakLine() {
      output += [0x0D, 0x0A, 0x20]
      lineLength = 0
      limit = 74
    }
    for character in line {
      let bytes = Array(character.utf8)
      if lineLength + bytes.count <= limit {
        output += bytes
        lineLength += bytes.count
        continue
      }
      if bytes.count <= 74 {
        breakLine()
        output += bytes
        lineLength = bytes.count
        continue
      }
      for scalar in character.unicodeScalars {
        let scalarBytes = Array(String(scalar).utf8)
        if lineLength + scalarBytes.count > limit { breakLine() }
        output += scalarBytes
        lineLength += scalarBytes.count
      }
    }
    output += [0x0D, 0x0A]
    return String(decoding: output, as: UTF8.self)
  }
}
