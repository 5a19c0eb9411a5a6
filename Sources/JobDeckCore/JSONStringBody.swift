/// The body of a JSON string (RFC 8259, the bytes between its quotes) that a reader has already
/// checked: valid UTF-8 and valid escapes only.
enum JSONStringBody {
  /// The text the body stands for.
  static func decoded(_ body: UnsafeRawBufferPointer) -> String {
    String(unsafeUninitializedCapacity: body.count) { output in
      var written = 0
      var index = 0
      func put(_ byte: UInt8) {
        output[written] = byte
        written += 1
      }
      while index < body.count {
        let byte = body[index]
        guard byte == UInt8(ascii: "\\"), index + 1 < body.count else {
          put(byte)
          index += 1
          continue
        }
        let escaped = body[index + 1]
        index += 2
        switch escaped {
        case UInt8(ascii: "b"): put(0x08)
        case UInt8(ascii: "t"): put(0x09)
        case UInt8(ascii: "n"): put(0x0A)
        case UInt8(ascii: "f"): put(0x0C)
        case UInt8(ascii: "r"): put(0x0D)
        case UInt8(ascii: "u"):
          var value = hex4(body, at: index)
          index += 4
          if (0xD800..<0xDC00).contains(value), index + 6 <= body.count {
            let low = hex4(body, at: index + 2)
            value = 0x10000 + ((value - 0xD800) << 10) + (low &- 0xDC00)
            index += 6
          }
          // An escape's UTF-8 is never longer than the escape itself (6 or 12 bytes).
          for unit in String(Character(Unicode.Scalar(value) ?? "\u{FFFD}")).utf8 { put(unit) }
        default: put(escaped)
        }
      }
      return written
    }
  }

  private static func hex4(_ body: UnsafeRawBufferPointer, at start: Int) -> UInt32 {
    var value: UInt32 = 0
    for index in start..<min(start + 4, body.count) {
      let byte = body[index] | 0x20
      value = value * 16 + UInt32(byte >= UInt8(ascii: "a") ? byte - UInt8(ascii: "a") + 10
        : byte &- UInt8(ascii: "0"))
    }
    return value
  }

  /// Whether `position` falls inside an escape, after its backslash (the `n` of `\n`, the
  /// digits of `\u000b`): text found from there is not in the text the body stands for.
  /// `bytes[position]` must not be a backslash.
  static func isInsideEscape(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
    // An escape is at most six bytes (`\u` and four digits) and holds no second backslash but
    // in `\\`, so only the nearest backslash within five bytes can have started it.
    var backslash = position - 1
    while backslash >= 0, position - backslash <= 5, bytes[backslash] != UInt8(ascii: "\\") {
      backslash -= 1
    }
    guard backslash >= 0, position - backslash <= 5 else { return false }
    // It starts an escape when an even number of backslashes come right before it (each pair is
    // one `\\`); otherwise it ends one, and what follows is text.
    var before = backslash - 1
    while before >= 0, bytes[before] == UInt8(ascii: "\\") { before -= 1 }
    guard (backslash - 1 - before) % 2 == 0 else { return false }
    let length = bytes[backslash + 1] == UInt8(ascii: "u") ? 6 : 2
    return position < backslash + length
  }

  /// Whether `body` is a string body exactly as a writer of `"`, `\` and control characters
  /// escaped (`isCanonicalEscape`) writes it: no bare quote or control character, canonical
  /// escapes, well-formed UTF-8.
  static func isCanonical(_ body: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    var nonASCII = false
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while index < body.count {
      // Eight bytes at a time while none is `"`, `\`, a control character or non-ASCII (the
      // "has a zero byte" test on each).
      while index + 8 <= body.count {
        let word = body.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
          | ((word &- ones &* 0x20) & ~word) | word
        if special & highs != 0 { break }
        index += 8
      }
      guard index < body.count else { break }
      let byte = body[index]
      if byte == UInt8(ascii: "\\") {
        let length = index + 1 < body.count && body[index + 1] == UInt8(ascii: "u") ? 6 : 2
        guard index + length <= body.count,
          isCanonicalEscape(UnsafeRawBufferPointer(rebasing: body[index..<index + length]))
        else { return false }
        index += length
        continue
      }
      guard byte >= 0x20, byte != UInt8(ascii: "\"") else { return false }
      nonASCII = nonASCII || byte >= 0x80
      index += 1
    }
    guard nonASCII else { return true }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = body.makeIterator()
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  /// Whether `escape` (a backslash and what follows it, 2 or 6 bytes) is the one escape a
  /// writer of `"`, `\` and control characters produces for its character.
  static func isCanonicalEscape(_ escape: UnsafeRawBufferPointer) -> Bool {
    guard escape.count >= 2 else { return false }
    switch escape[1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "t"),
      UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "r"):
      return escape.count == 2
    case UInt8(ascii: "u"):
      guard escape.count == 6, escape[2] == UInt8(ascii: "0"), escape[3] == UInt8(ascii: "0"),
        escape[4] == UInt8(ascii: "0") || escape[4] == UInt8(ascii: "1")
      else { return false }
      let last = escape[5]
      let isLowerHex = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last)
        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(last)
      guard isLowerHex else { return false }
      // The control characters with a short escape are written that way.
      let value = (escape[4] == UInt8(ascii: "1") ? 16 : 0)
        + Int(last >= UInt8(ascii: "a") ? last - UInt8(ascii: "a") + 10 : last - UInt8(ascii: "0"))
      return ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(value)
    default:
      return false
    }
  }
}
