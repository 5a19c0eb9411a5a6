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
  /// by CRLF and a space, and never split inside a UTF-8 sequence, which would leave invalid
  /// UTF-8 on both lines for any consumer that decodes before unfolding. Returns the line with
  /// its final CRLF.
  public static func folded(_ line: String) -> String {
    let bytes = Array(line.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
    var start = 0
    var limit = 75  // the first line has all 75 octets; continuations spend one on the space
    while bytes.count - start > limit {
      var end = start + limit
      // Step back off continuation bytes (10xxxxxx) so the break falls before a scalar.
      while end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
      output += bytes[start..<end]
      output += [0x0D, 0x0A, 0x20]
      start = end
      limit = 74
    }
    output += bytes[start...]
    output += [0x0D, 0x0A]
    return String(decoding: output, as: UTF8.self)
  }
}
