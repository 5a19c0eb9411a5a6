import Foundation
import JobDeckCore

/// Why the bytes could not be read: where (`offset` in the reader's bytes, `path` of the value)
/// and what (`problem`, as the user reads it).
struct StoreReadError: Error {
  var offset: Int
  /// Built while the error leaves each object and array, so reading costs nothing for it.
  var path: [JSONPathComponent] = []
  var problem: String
  /// The required key an object lacked, kept so that a key written as `null` can be pointed at.
  var missingKey: String?

  init(offset: Int, problem: String, missingKey: String? = nil) {
    self.offset = offset
    self.problem = problem
    self.missingKey = missingKey
  }

  /// The same refusal, pointing at the value when the "missing" key is in fact written as
  /// `null`: the reader treats a null member as absent, which is right for optional keys but
  /// would send someone editing the file looking for a key that is there.
  func pointingAtNull(in bytes: UnsafeRawBufferPointer) -> StoreReadError {
    guard let missingKey else { return self }
    var reader = StoreReader(bytes)
    reader.index = offset
    guard let nullOffset = reader.offsetOfNullMember(named: missingKey) else { return self }
    var refined = StoreReadError(offset: nullOffset,
      problem: "the required key \"\(missingKey)\" is null; it needs a value")
    refined.path = path + [.key(missingKey)]
    return refined
  }

  /// A value the caller rejects without a position of its own (the summary's row format).
  init() { self.init(offset: 0, problem: "unexpected value") }

  var jsonPath: String? {
    let text = JSONPathComponent.format(path)
    return text.isEmpty ? nil : text
  }
}

/// Reads JSON (RFC 8259, strictly: no trailing commas, raw control characters, unknown escapes
/// or bytes that are not UTF-8) straight into values, and says where and why when it cannot.
///
/// The store's records are read key by key into the model (`StoreRecordReading`); nothing
/// builds a tree. Compact JSON, the layout the encoder writes, takes the quick branches: no
/// whitespace to skip, strings without escapes copied in one piece.
struct StoreReader {
  let bytes: UnsafeRawBufferPointer
  var index = 0
  /// Repeated keys are allowed (the last one counts) except where `check` looks for them.
  var rejectsRepeatedKeys = false
  /// Reused by every escaped string.
  private var scratch: [UInt8] = []

  /// Deep enough for any store, shallow enough that hostile nesting cannot overflow the stack.
  static let maximumDepth = 256

  init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { index == bytes.count }

  // MARK: Structure

  @inline(__always)
  mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x09, 0x0D: index += 1
      default: return
      }
    }
  }

  func failure(_ problem: String, at offset: Int? = nil) -> StoreReadError {
    StoreReadError(offset: offset ?? index, problem: problem)
  }

  @inline(__always)
  private mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String)
    throws(StoreReadError)
  {
    skipSpace()
    guard index < bytes.count, bytes[index] == byte else { throw unexpected(expecting: what()) }
    index += 1
  }

  /// "expected X, found Y" at the current byte, or the end of the input.
  func unexpected(expecting what: String) -> StoreReadError {
    guard index < bytes.count else { return endOfInput(expecting: what) }
    return failure("expected \(what), found \(describeByte(at: index))")
  }

  func endOfInput(expecting what: String) -> StoreReadError {
    failure("the file ends where \(what) was expected (the file may be truncated)",
      at: bytes.count)
  }

  /// Reads `{`, then calls `member` once per key with the reader at its value, then `}`.
  /// `member` returns the key's bit (0 for a key it skipped), so a repeated key is noticed. A
  /// member whose value is `null` is left out, as an absent optional.
  @inline(__always)
  mutating func readObject(
    _ member: (inout StoreReader, UnsafeRawBufferPointer) throws(StoreReadError) -> UInt32
  ) throws(StoreReadError) {
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
      throw mismatch(expecting: "an object")
    }
    index += 1
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return
    }
    var seen: UInt32 = 0
    while true {
      skipSpace()
      let keyOffset = index
      let key = try readKey()
      try expect(UInt8(ascii: ":"), "':' after a key")
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "n") {
        try readNull()
      } else {
        let bit: UInt32
        do throws(StoreReadError) {
          bit = try member(&self, key)
        } catch {
          var error = error
          error.path.insert(.key(String(decoding: key, as: UTF8.self)), at: 0)
          throw error
        }
        if seen & bit != 0, rejectsRepeatedKeys {
          throw failure("the key \"\(SafeText.escaped(String(decoding: key, as: UTF8.self)))\""
            + " occurs more than once in this object", at: keyOffset)
        }
        seen |= bit
      }
      skipSpace()
      guard index < bytes.count else { throw endOfInput(expecting: "',' or '}'") }
      let next = bytes[index]
      index += 1
      if next == UInt8(ascii: "}") { return }
      guard next == UInt8(ascii: ",") else {
        index -= 1
        throw failure("expected ',' or '}' after a member, found \(describeByte(at: index))"
          + " (is a comma missing?)")
      }
      try refuseTrailingComma(before: UInt8(ascii: "}"))
    }
  }

  /// Reads `[`, calls `element` per element, then `]`.
  @inline(__always)
  mutating func readArray(_ element: (inout StoreReader) throws(StoreReadError) -> Void)
    throws(StoreReadError)
  {
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
      throw mismatch(expecting: "an array")
    }
    index += 1
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return
    }
    var count = 0
    while true {
      do throws(StoreReadError) {
        try element(&self)
      } catch {
        var error = error
        error.path.insert(.index(count), at: 0)
        throw error
      }
      count += 1
      skipSpace()
      guard index < bytes.count else { throw endOfInput(expecting: "',' or ']'") }
      let next = bytes[index]
      index += 1
      if next == UInt8(ascii: "]") { return }
      guard next == UInt8(ascii: ",") else {
        index -= 1
        throw failure("expected ',' or ']' after an element, found \(describeByte(at: index))"
          + " (is a comma missing?)")
      }
      try refuseTrailingComma(before: UInt8(ascii: "]"))
    }
  }

  private mutating func refuseTrailingComma(before close: UInt8) throws(StoreReadError) {
    let comma = index - 1
    skipSpace()
    if index < bytes.count, bytes[index] == close {
      throw failure("a comma before '\(Character(UnicodeScalar(close)))' is not allowed in JSON"
        + " (remove the trailing comma)", at: comma)
    }
  }

  /// A key's raw bytes. Keys the store knows are plain ASCII; any other key is read in full
  /// (so its errors are found) and returned as its raw bytes, which match no known key.
  @inline(__always)
  mutating func readKey() throws(StoreReadError) -> UnsafeRawBufferPointer {
    guard index < bytes.count else { throw endOfInput(expecting: "a key in quotes") }
    guard bytes[index] == UInt8(ascii: "\"") else {
      throw failure("expected a key in double quotes, found \(describeByte(at: index))")
    }
    let start = index + 1
    let (end, nonASCII) = scanRun(from: start)
    if !nonASCII, end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      index = end + 1
      return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }
    _ = try readString()
    return UnsafeRawBufferPointer(rebasing: bytes[start..<index - 1])
  }

  /// Where the object at `index` has `key` written as `null`, if it does; only for messages.
  func offsetOfNullMember(named key: String) -> Int? {
    var reader = self
    reader.skipSpace()
    guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "{") else { return nil }
    reader.index += 1
    while true {
      reader.skipSpace()
      guard let name = try? reader.readKey(),
        (try? reader.expect(UInt8(ascii: ":"), "':' after a key")) != nil
      else { return nil }
      reader.skipSpace()
      if String(decoding: name, as: UTF8.self) == key, reader.index < bytes.count,
        bytes[reader.index] == UInt8(ascii: "n")
      {
        return reader.index
      }
      guard (try? reader.skipValue()) != nil else { return nil }
      reader.skipSpace()
      guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: ",") else {
        return nil
      }
      reader.index += 1
    }
  }

  mutating func readNull() throws(StoreReadError) {
    try readWord("null")
  }

  mutating func readWord(_ word: StaticString) throws(StoreReadError) {
    let start = index
    for offset in 0..<word.utf8CodeUnitCount {
      guard start + offset < bytes.count else {
        throw endOfInput(expecting: "'\(word)'")
      }
      guard bytes[start + offset] == word.utf8Start[offset] else {
        throw failure("expected a value, found \(describeWord(at: start))", at: start)
      }
    }
    index = start + word.utf8CodeUnitCount
  }

  /// Skips one value of any kind, checking it as strictly as the values that are read.
  mutating func skipValue(depth: Int = 0) throws(StoreReadError) {
    guard depth < Self.maximumDepth else { throw failure("values are nested too deeply") }
    skipSpace()
    guard index < bytes.count else { throw endOfInput(expecting: "a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      try readObject { (reader, _) throws(StoreReadError) -> UInt32 in
        try reader.skipValue(depth: depth + 1)
        return 0
      }
    case UInt8(ascii: "["):
      try readArray { (reader) throws(StoreReadError) in try reader.skipValue(depth: depth + 1) }
    case UInt8(ascii: "\""): try skipString()
    case UInt8(ascii: "t"): try readWord("true")
    case UInt8(ascii: "f"): try readWord("false")
    case UInt8(ascii: "n"): try readNull()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumberText()
    default: throw failure("expected a value, found \(describeByte(at: index))")
    }
  }

  /// The first error in the JSON itself (not in what its values mean) from `start` to the end,
  /// or nil. A value of the wrong kind is reported only in a file that is otherwise JSON, so
  /// that a broken file is described by what breaks it.
  static func firstSyntaxError(in bytes: UnsafeRawBufferPointer, from start: Int)
    -> StoreReadError?
  {
    var reader = StoreReader(bytes)
    reader.index = start
    do throws(StoreReadError) {
      try reader.skipValue()
      try reader.readEndOfDocument()
      return nil
    } catch {
      return error
    }
  }

  /// Refuses anything but whitespace after the document's one value.
  mutating func readEndOfDocument() throws(StoreReadError) {
    skipSpace()
    if !isAtEnd {
      throw failure("unexpected \(describeByte(at: index)) after the end of the JSON document")
    }
  }

  /// The next value's bytes, skipped: read later with a reader positioned at its start.
  mutating func skipValueRange() throws(StoreReadError) -> Int {
    skipSpace()
    let start = index
    try skipValue()
    return start
  }

  // MARK: Strings

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

  /// The raw UTF-8 of a string without escapes, or nil (index unchanged) for any other value.
  @inline(__always)
  mutating func readPlainStringBytes() -> UnsafeRawBufferPointer? {
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    let (end, nonASCII) = scanRun(from: index + 1)
    guard !nonASCII, end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
    let raw = UnsafeRawBufferPointer(rebasing: bytes[index + 1..<end])
    index = end + 1
    return raw
  }

  /// Checks a string value as `readString` does, without making a `String` of it when it is
  /// plain ASCII.
  mutating func skipString() throws(StoreReadError) {
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
      let (end, nonASCII) = scanRun(from: index + 1)
      if !nonASCII, end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
        index = end + 1
        return
      }
    }
    _ = try readString()
  }

  /// A string value, unescaped.
  mutating func readString() throws(StoreReadError) -> String {
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw mismatch(expecting: "a string")
    }
    let start = index
    let (end, nonASCII) = scanRun(from: start + 1)
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let raw = UnsafeRawBufferPointer(rebasing: bytes[start + 1..<end])
      if !nonASCII {
        index = end + 1
        return String(decoding: raw, as: UTF8.self)
      }
      if let text = String(validating: raw, as: UTF8.self) {
        index = end + 1
        return text
      }
    }
    return try readEscapedString()
  }

  /// Copies the runs between escapes in bulk, then checks the UTF-8 once.
  private mutating func readEscapedString() throws(StoreReadError) -> String {
    let start = index
    index += 1
    scratch.removeAll(keepingCapacity: true)
    var nonASCII = false
    while true {
      let (end, runNonASCII) = scanRun(from: index)
      nonASCII = nonASCII || runNonASCII
      scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<end]))
      index = end
      guard end < bytes.count else {
        throw failure("a string is not closed (the file may be truncated)", at: start)
      }
      let byte = bytes[end]
      if byte < 0x20 {
        throw failure("a control character (U+\(Self.hex4(UInt32(byte)))) must be escaped inside"
          + " a string" + (byte == 0x0A ? " (is a closing quote missing?)" : ""))
      }
      index += 1
      if byte == UInt8(ascii: "\"") { break }
      let scalar = try readEscape(at: end)
      if scalar.isASCII {
        scratch.append(UInt8(scalar.value))
      } else {
        scratch.append(contentsOf: UTF8.encode(scalar).map(Array.init) ?? [])
      }
    }
    if !nonASCII { return String(decoding: scratch, as: UTF8.self) }
    if let text = String(validating: scratch, as: UTF8.self) { return text }
    throw failure("the text is not valid UTF-8", at: firstInvalidUTF8(from: start + 1))
  }

  /// The escape whose backslash is at `start`; `index` is just after the backslash.
  private mutating func readEscape(at start: Int) throws(StoreReadError) -> Unicode.Scalar {
    guard index < bytes.count else { throw endOfInput(expecting: "an escape sequence") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let first = try readHex4(escapeStart: start)
      if (0xD800..<0xDC00).contains(first) {
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          let lowStart = index
          index += 2
          let second = try readHex4(escapeStart: lowStart)
          if (0xDC00..<0xE000).contains(second),
            let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
          {
            return scalar
          }
        }
        throw failure("\\u\(Self.hex4(first)) starts a surrogate pair that is not completed",
          at: start)
      }
      guard let scalar = Unicode.Scalar(first) else {
        throw failure("\\u\(Self.hex4(first)) is a lone low surrogate, not a character", at: start)
      }
      return scalar
    default:
      throw failure("'\\\(Self.describeRawByte(byte))' is not a JSON escape sequence", at: start)
    }
  }

  private mutating func readHex4(escapeStart: Int) throws(StoreReadError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else {
        throw failure("\\u must be followed by four hexadecimal digits", at: escapeStart)
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  /// Where the first byte that does not belong to well-formed UTF-8 is, in a string that holds
  /// one (escapes are skipped over: they are checked on their own).
  private func firstInvalidUTF8(from start: Int) -> Int {
    var position = start
    while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
      if bytes[position] == UInt8(ascii: "\\") {
        position += bytes[position + 1] == UInt8(ascii: "u") ? 6 : 2
        continue
      }
      guard bytes[position] >= 0x80 else {
        position += 1
        continue
      }
      var decoder = UTF8()
      var iterator = bytes[position...].makeIterator()
      guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return position }
      position += UTF8.width(scalar)
    }
    return position
  }

  // MARK: Numbers

  /// A number's text in strict JSON grammar.
  mutating func readNumberText() throws(StoreReadError) -> UnsafeRawBufferPointer {
    let start = index
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, Self.isDigit(bytes[index]) else {
      throw failure("a number needs a digit here, found \(describeByte(at: index))")
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, Self.isDigit(bytes[index]) {
        throw failure("a number must not start with 0 (leading zeros are not allowed)", at: start)
      }
    } else {
      while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, Self.isDigit(bytes[index]) else {
        throw failure("a digit must follow the decimal point")
      }
      while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard index < bytes.count, Self.isDigit(bytes[index]) else {
        throw failure("a digit must follow the exponent")
      }
      while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }
    return UnsafeRawBufferPointer(rebasing: bytes[start..<index])
  }

  /// A whole number: digits only.
  mutating func readInt() throws(StoreReadError) -> Int {
    try readInteger(Int.self)
  }

  mutating func readInteger<Value: FixedWidthInteger>(_ type: Value.Type) throws(StoreReadError)
    -> Value
  {
    skipSpace()
    let start = index
    guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || Self.isDigit(bytes[index])
    else { throw mismatch(expecting: "a whole number") }
    let raw = try readNumberText()
    let text = String(decoding: raw, as: UTF8.self)
    let negative = raw[0] == UInt8(ascii: "-")
    let digits = raw.dropFirst(negative ? 1 : 0)
    guard digits.allSatisfy(Self.isDigit) else {
      throw failure("expected a whole number, found \(text)", at: start)
    }
    var value: Value = 0
    for digit in digits {
      let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
      let (next, overflowB) = negative
        ? shifted.subtractingReportingOverflow(Value(digit - UInt8(ascii: "0")))
        : shifted.addingReportingOverflow(Value(digit - UInt8(ascii: "0")))
      guard !overflowA, !overflowB else {
        throw failure("the whole number \(text) is out of range (\(Value.min)...\(Value.max))",
          at: start)
      }
      value = next
    }
    return value
  }

  /// A finite number, converted with the correctly rounded parser.
  mutating func readDouble() throws(StoreReadError) -> Double {
    skipSpace()
    let start = index
    guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || Self.isDigit(bytes[index])
    else { throw mismatch(expecting: "a number") }
    let text = String(decoding: try readNumberText(), as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw failure("the number \(text) is too large", at: start)
    }
    return value
  }
}
