/// Finds what Foundation's `JSONDecoder` on Linux lets through although RFC 8259 forbids it:
/// trailing commas, raw control characters (a newline) inside strings, unknown escapes such as
/// `\x`, and bytes that are not UTF-8 (which it silently reads as other characters, so the next
/// save would change them); and nesting it cannot report without trapping.
///
/// One pass over the bytes with no allocation, run after every successful decode; when it finds
/// something, the positioned parser says exactly what and where. Accepting such a file would let
/// the next save rewrite text the user never changed, and a raw newline inside a string would
/// break the one-record-per-line layout.
enum StrictJSONScan {
  /// The offset of the first leniency, or nil when the bytes are strict JSON as far as the
  /// decoder's own checks do not already cover.
  static func firstLeniency(in bytes: UnsafeRawBufferPointer) -> Int? {
    let count = bytes.count
    var index = 0
    var inString = false
    var pendingComma: Int?
    // Nesting deeper than the positioned parser allows goes to it, never to `JSONDecoder`:
    // Foundation traps computing the position of its own "too deeply nested" error on an
    // unclosed run of 513 brackets (found by the store-load fuzzer).
    var depth = 0
    while index < count {
      let byte = bytes[index]
      if inString {
        switch byte {
        case UInt8(ascii: "\""):
          inString = false
          index += 1
        case UInt8(ascii: "\\"):
          guard let length = escapeLength(in: bytes, at: index) else { return index }
          index += length
        case 0x00..<0x20:
          return index
        case 0x80...:
          guard let length = utf8Length(in: bytes, at: index) else { return index }
          index += length
        default:
          index += 1
        }
        continue
      }
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D:
        break
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if let comma = pendingComma { return comma }
        depth -= 1
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        if depth > PositionedJSONParser.maximumDepth { return index }
        pendingComma = nil
      case UInt8(ascii: ","):
        pendingComma = index
        index += 1
        continue
      case UInt8(ascii: "\""):
        inString = true
        pendingComma = nil
      default:
        pendingComma = nil
      }
      index += 1
    }
    return nil
  }

  /// Length of a valid escape starting at the backslash at `index`.
  private static func escapeLength(in bytes: UnsafeRawBufferPointer, at index: Int) -> Int? {
    guard index + 1 < bytes.count else { return nil }
    switch bytes[index + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return 2
    case UInt8(ascii: "u"):
      guard index + 5 < bytes.count else { return nil }
      for offset in 2...5 {
        switch bytes[index + offset] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
          UInt8(ascii: "A")...UInt8(ascii: "F"):
          continue
        default: return nil
        }
      }
      return 6
    default:
      return nil
    }
  }

  /// Length of the well-formed UTF-8 sequence whose lead byte is at `index` (RFC 3629 table:
  /// no overlong forms, no surrogates, nothing above U+10FFFF).
  private static func utf8Length(in bytes: UnsafeRawBufferPointer, at index: Int) -> Int? {
    let lead = bytes[index]
    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; secondRange = 0x80...0x9F
    case 0xF0: length = 4; secondRange = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; secondRange = 0x80...0x8F
    default: return nil
    }
    guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
    for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
      return nil
    }
    return length
  }
}
