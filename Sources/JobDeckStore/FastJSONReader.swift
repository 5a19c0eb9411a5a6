import Foundation
import JobDeckCore

/// Thrown by the fast decoding path whenever the bytes are anything but what `StoreEncoder`
/// writes (or a plain variation of it). Carries nothing: the caller then runs the trusted
/// `JSONDecoder` path, which produces today's behaviour and messages for the whole file.
struct FastPathMiss: Error {}

/// A byte-level reader of one compact JSON record (one line of the store).
///
/// Deliberately narrower than JSON: no whitespace between tokens, no `null`, only the escapes
/// `JSONEncoder` writes plus `\/` and `\uXXXX`, strict UTF-8, integers without fraction or
/// exponent. Anything else is a `FastPathMiss`, never a guess, so accepting a line here always
/// means `JSONDecoder` would have produced the same values.
struct FastJSONReader {
  let bytes: UnsafeRawBufferPointer
  var index: Int
  /// Reused by every escaped string of the line.
  private var scratch: [UInt8] = []

  init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
    self.index = 0
  }

  var isAtEnd: Bool { index == bytes.count }

  @inline(__always)
  func peek() throws(FastPathMiss) -> UInt8 {
    guard index < bytes.count else { throw FastPathMiss() }
    return bytes[index]
  }

  @inline(__always)
  mutating func expect(_ byte: UInt8) throws(FastPathMiss) {
    guard index < bytes.count, bytes[index] == byte else { throw FastPathMiss() }
    index += 1
  }

  /// Reads `{`, then calls `member` once per key (positioned at its value), then `}`.
  /// `member` returns the key's bit, so repeated keys (which `JSONDecoder` resolves silently)
  /// send the file to the trusted path.
  @inline(__always)
  mutating func readObject(
    _ member: (inout FastJSONReader, UnsafeRawBufferPointer) throws(FastPathMiss) -> UInt32
  ) throws(FastPathMiss) {
    try expect(UInt8(ascii: "{"))
    if try peek() == UInt8(ascii: "}") {
      index += 1
      return
    }
    var seen: UInt32 = 0
    while true {
      let key = try readKey()
      try expect(UInt8(ascii: ":"))
      let bit = try member(&self, key)
      guard seen & bit == 0 else { throw FastPathMiss() }
      seen |= bit
      let next = try peek()
      index += 1
      if next == UInt8(ascii: "}") { return }
      guard next == UInt8(ascii: ",") else { throw FastPathMiss() }
    }
  }

  /// Reads `[`, calls `element` per element, then `]`.
  @inline(__always)
  mutating func readArray(_ element: (inout FastJSONReader) throws(FastPathMiss) -> Void)
    throws(FastPathMiss)
  {
    try expect(UInt8(ascii: "["))
    if try peek() == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      try element(&self)
      let next = try peek()
      index += 1
      if next == UInt8(ascii: "]") { return }
      guard next == UInt8(ascii: ",") else { throw FastPathMiss() }
    }
  }

  /// A key's raw bytes: keys the records know are plain ASCII, so one with an escape or a
  /// non-ASCII byte can only be unknown, which the trusted path handles.
  mutating func readKey() throws(FastPathMiss) -> UnsafeRawBufferPointer {
    try expect(UInt8(ascii: "\""))
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let key = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        index += 1
        return key
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw FastPathMiss() }
      index += 1
    }
    throw FastPathMiss()
  }

  /// From `position`, the index of the first `"`, `\` or control byte (or the end), and
  /// whether a byte of 0x80 or more came before it. Eight bytes at a time: descriptions are
  /// most of a store's bytes.
  @inline(__always)
  func scanRun(from position: Int) -> (end: Int, nonASCII: Bool) {
    let count = bytes.count
    var position = position
    var nonASCII: UInt64 = 0
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while position + 8 <= count {
      let word = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      // Bytes that are `"`, `\`, or below 0x20 (the "has a zero byte" trick on each).
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        | ((word &- ones &* 0x20) & ~word)
      if special & highs != 0 { break }
      nonASCII |= word
      position += 8
    }
    var tail: UInt8 = 0
    while position < count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      tail |= byte
      position += 1
    }
    return (position, nonASCII & highs != 0 || tail >= 0x80)
  }

  /// The raw UTF-8 of a string without escapes, or nil (index unchanged) when it has escapes.
  @inline(__always)
  mutating func readPlainStringBytes() throws(FastPathMiss) -> (UnsafeRawBufferPointer, Bool)? {
    try expect(UInt8(ascii: "\""))
    let start = index
    let (end, nonASCII) = scanRun(from: start)
    guard end < bytes.count else { throw FastPathMiss() }
    switch bytes[end] {
    case UInt8(ascii: "\""):
      index = end + 1
      return (UnsafeRawBufferPointer(rebasing: bytes[start..<end]), nonASCII)
    case UInt8(ascii: "\\"):
      index = start - 1
      return nil
    default:
      throw FastPathMiss()
    }
  }

  /// A string value, unescaped; invalid UTF-8, raw control characters, lone surrogates and
  /// unknown escapes are misses.
  mutating func readString() throws(FastPathMiss) -> String {
    if let (raw, hasNonASCII) = try readPlainStringBytes() {
      if !hasNonASCII { return String(decoding: raw, as: UTF8.self) }
      guard let text = String(validating: raw, as: UTF8.self) else { throw FastPathMiss() }
      return text
    }
    return try readEscapedString()
  }

  /// Copies the runs between escapes in bulk into a scratch buffer kept for the whole line.
  private mutating func readEscapedString() throws(FastPathMiss) -> String {
    try expect(UInt8(ascii: "\""))
    scratch.removeAll(keepingCapacity: true)
    var nonASCII = false
    while true {
      let (end, runNonASCII) = scanRun(from: index)
      guard end < bytes.count else { throw FastPathMiss() }
      nonASCII = nonASCII || runNonASCII
      scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<end]))
      index = end + 1
      switch bytes[end] {
      case UInt8(ascii: "\""):
        if !nonASCII { return String(decoding: scratch, as: UTF8.self) }
        guard let text = String(validating: scratch, as: UTF8.self) else { throw FastPathMiss() }
        return text
      case UInt8(ascii: "\\"):
        let escape = try peek()
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try readHex4()
          if (0xD800..<0xDC00).contains(scalar) {
            try expect(UInt8(ascii: "\\"))
            try expect(UInt8(ascii: "u"))
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw FastPathMiss() }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let value = Unicode.Scalar(scalar) else { throw FastPathMiss() }
          if value.isASCII {
            scratch.append(UInt8(value.value))
          } else {
            nonASCII = true
            scratch.append(contentsOf: UTF8.encode(value).map(Array.init) ?? [])
          }
        default:
          throw FastPathMiss()
        }
      default:
        throw FastPathMiss()
      }
    }
  }

  private mutating func readHex4() throws(FastPathMiss) -> UInt32 {
    guard index + 4 <= bytes.count else { throw FastPathMiss() }
    var value: UInt32 = 0
    for offset in 0..<4 {
      let byte = bytes[index + offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw FastPathMiss()
      }
      value = value << 4 | UInt32(digit)
    }
    index += 4
    return value
  }

  /// An integer written as `JSONEncoder` writes one: `0` or `-?[1-9][0-9]*`, at most 18 digits.
  mutating func readInt() throws(FastPathMiss) -> Int {
    var negative = false
    if try peek() == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    let start = index
    var value = 0
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"),
      bytes[index] <= UInt8(ascii: "9")
    {
      value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
      index += 1
    }
    let digits = index - start
    guard digits > 0, digits <= 18, digits == 1 || bytes[start] != UInt8(ascii: "0"),
      !(negative && value == 0)
    else { throw FastPathMiss() }
    if index < bytes.count {
      let next = bytes[index]
      guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E")
      else { throw FastPathMiss() }
    }
    return negative ? -value : value
  }

  /// A finite number in strict JSON grammar, converted with the correctly rounded parser.
  mutating func readDouble() throws(FastPathMiss) -> Double {
    let start = index
    if try peek() == UInt8(ascii: "-") { index += 1 }
    guard try digitRun() > 0 else { throw FastPathMiss() }
    let firstDigit = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
    if bytes[firstDigit] == UInt8(ascii: "0"), index - firstDigit > 1 { throw FastPathMiss() }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard try digitRun() > 0 else { throw FastPathMiss() }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      let sign = try peek()
      if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
      guard try digitRun() > 0 else { throw FastPathMiss() }
    }
    guard index - start <= 40,
      let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)),
      value.isFinite
    else { throw FastPathMiss() }
    return value
  }

  private mutating func digitRun() throws(FastPathMiss) -> Int {
    let start = index
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"),
      bytes[index] <= UInt8(ascii: "9")
    {
      index += 1
    }
    return index - start
  }

  /// A string whose bytes must match one of an enum's raw values.
  mutating func readEnum<Value: RawRepresentable>(_ type: Value.Type) throws(FastPathMiss) -> Value
  where Value.RawValue == String {
    guard let value = Value(rawValue: try readString()) else { throw FastPathMiss() }
    return value
  }

  /// `YYYY-MM-DD` exactly, as `CivilDate.init?(_:)` accepts it.
  mutating func readCivilDate() throws(FastPathMiss) -> CivilDate {
    guard let (raw, _) = try readPlainStringBytes(), raw.count == 10,
      raw[4] == UInt8(ascii: "-"), raw[7] == UInt8(ascii: "-"),
      let year = Self.digits(raw, 0, 4), let month = Self.digits(raw, 5, 2),
      let day = Self.digits(raw, 8, 2),
      let date = CivilDate(year: year, month: month, day: day)
    else { throw FastPathMiss() }
    return date
  }

  /// A date of the store's records: `readCivilDate`, within `SupportedDates` (outside it, the
  /// trusted path reports it with its position). The summary's computed dates need no range.
  mutating func readStoredCivilDate() throws(FastPathMiss) -> CivilDate {
    let date = try readCivilDate()
    guard SupportedDates.contains(date) else { throw FastPathMiss() }
    return date
  }

  /// The instant form the encoder writes, `YYYY-MM-DDTHH:MM:SSZ`; the other forms
  /// `StoreDateFormat` accepts (fractions, offsets, lower case) go to the trusted path.
  mutating func readInstant() throws(FastPathMiss) -> Date {
    guard let (raw, _) = try readPlainStringBytes(), raw.count == 20,
      raw[4] == UInt8(ascii: "-"), raw[7] == UInt8(ascii: "-"), raw[10] == UInt8(ascii: "T"),
      raw[13] == UInt8(ascii: ":"), raw[16] == UInt8(ascii: ":"), raw[19] == UInt8(ascii: "Z"),
      let year = Self.digits(raw, 0, 4), let month = Self.digits(raw, 5, 2),
      let day = Self.digits(raw, 8, 2),
      let date = CivilDate(year: year, month: month, day: day),
      let hour = Self.digits(raw, 11, 2), hour < 24,
      let minute = Self.digits(raw, 14, 2), minute < 60,
      let second = Self.digits(raw, 17, 2), second < 60
    else { throw FastPathMiss() }
    let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
    let instant = Date(timeIntervalSince1970: Double(seconds))
    // Out of range: the trusted path reports it with its position.
    guard SupportedDates.contains(instant: instant) else { throw FastPathMiss() }
    return instant
  }

  /// An ISO 8601 period, parsed by `Period.init?(_:)` itself so the two paths cannot differ.
  mutating func readPeriod() throws(FastPathMiss) -> Period {
    guard let period = Period(try readString()) else { throw FastPathMiss() }
    return period
  }

  @inline(__always)
  private static func digits(_ raw: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for offset in start..<start + count {
      let byte = raw[offset]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }
}

/// Compares a key's bytes with a known name without building a `String`.
@inline(__always)
func keyIs(_ key: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
  guard key.count == name.utf8CodeUnitCount, let base = key.baseAddress else { return false }
  return memcmp(base, name.utf8Start, key.count) == 0
}
