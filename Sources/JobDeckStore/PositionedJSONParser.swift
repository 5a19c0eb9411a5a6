/// A strict RFC 8259 parser that builds a `PositionedJSON` tree, reports the offset of the first
/// syntax error, and notes repeated keys.
///
/// Written for messages, not speed: it runs only after the fast decoder has already failed.
struct PositionedJSONParser {
  private let bytes: [UInt8]
  private var position = 0
  /// Where the parser is, for messages about syntax errors ("in postings[3]").
  private var path: [JSONPathComponent] = []
  private(set) var duplicateKeys: [DuplicateKey] = []

  /// Deep enough for any store, shallow enough that hostile nesting cannot overflow the stack.
  static let maximumDepth = 256

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Parses the whole input as one JSON value followed only by whitespace.
  mutating func parseDocument() throws(JSONSyntaxError) -> PositionedJSON {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      throw failure("the file starts with a byte order mark, which JSON does not allow", at: 0)
    }
    skipWhitespace()
    if position == bytes.count {
      throw failure(bytes.isEmpty ? "the file is empty" : "the file holds only whitespace")
    }
    let value = try parseValue(depth: 0)
    skipWhitespace()
    if position < bytes.count {
      throw failure("unexpected \(describeByte(at: position)) after the end of the JSON document")
    }
    return value
  }

  private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> PositionedJSON {
    guard depth < Self.maximumDepth else { throw failure("values are nested too deeply") }
    guard position < bytes.count else { throw endOfFile(expecting: "a value") }
    let start = position
    switch bytes[position] {
    case UInt8(ascii: "{"): return PositionedJSON(offset: start, content: try parseObject(depth))
    case UInt8(ascii: "["): return PositionedJSON(offset: start, content: try parseArray(depth))
    case UInt8(ascii: "\""): return PositionedJSON(offset: start, content: .string(try parseString()))
    case UInt8(ascii: "t"):
      try expectWord("true")
      return PositionedJSON(offset: start, content: .bool(true))
    case UInt8(ascii: "f"):
      try expectWord("false")
      return PositionedJSON(offset: start, content: .bool(false))
    case UInt8(ascii: "n"):
      try expectWord("null")
      return PositionedJSON(offset: start, content: .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return PositionedJSON(offset: start, content: .number(try parseNumber()))
    default:
      throw failure("expected a value, found \(describeByte(at: position))")
    }
  }

  private mutating func parseObject(_ depth: Int) throws(JSONSyntaxError) -> PositionedJSON.Content {
    position += 1
    var members: [PositionedJSON.Member] = []
    var seen: Set<String> = []
    skipWhitespace()
    if peek(UInt8(ascii: "}")) {
      position += 1
      return .object([])
    }
    while true {
      skipWhitespace()
      guard position < bytes.count else { throw endOfFile(expecting: "a key in quotes") }
      guard bytes[position] == UInt8(ascii: "\"") else {
        throw failure("expected a key in double quotes, found \(describeByte(at: position))")
      }
      let keyOffset = position
      let key = try parseString()
      if !seen.insert(key).inserted {
        duplicateKeys.append(
          DuplicateKey(offset: keyOffset, jsonPath: JSONPathComponent.format(path), key: key))
      }
      skipWhitespace()
      guard position < bytes.count else { throw endOfFile(expecting: "':'") }
      guard bytes[position] == UInt8(ascii: ":") else {
        throw failure("expected ':' after the key \"\(SafeText.escaped(key))\", found"
          + " \(describeByte(at: position))")
      }
      position += 1
      skipWhitespace()
      path.append(.key(key))
      let value = try parseValue(depth: depth + 1)
      path.removeLast()
      members.append(PositionedJSON.Member(key: key, keyOffset: keyOffset, value: value))
      skipWhitespace()
      guard position < bytes.count else { throw endOfFile(expecting: "',' or '}'") }
      if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      }
      guard bytes[position] == UInt8(ascii: ",") else {
        throw failure("expected ',' or '}' after a member, found \(describeByte(at: position))"
          + " (is a comma missing?)")
      }
      let comma = position
      position += 1
      skipWhitespace()
      if peek(UInt8(ascii: "}")) {
        throw failure("a comma before '}' is not allowed in JSON (remove the trailing comma)",
          at: comma)
      }
    }
  }

  private mutating func parseArray(_ depth: Int) throws(JSONSyntaxError) -> PositionedJSON.Content {
    position += 1
    var items: [PositionedJSON] = []
    skipWhitespace()
    if peek(UInt8(ascii: "]")) {
      position += 1
      return .array([])
    }
    while true {
      skipWhitespace()
      path.append(.index(items.count))
      items.append(try parseValue(depth: depth + 1))
      path.removeLast()
      skipWhitespace()
      guard position < bytes.count else { throw endOfFile(expecting: "',' or ']'") }
      if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      guard bytes[position] == UInt8(ascii: ",") else {
        throw failure("expected ',' or ']' after an element, found \(describeByte(at: position))"
          + " (is a comma missing?)")
      }
      let comma = position
      position += 1
      skipWhitespace()
      if peek(UInt8(ascii: "]")) {
        throw failure("a comma before ']' is not allowed in JSON (remove the trailing comma)",
          at: comma)
      }
    }
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = position
    position += 1
    var scalars = String.UnicodeScalarView()
    var runStart = position
    while true {
      guard position < bytes.count else {
        throw failure("a string is not closed (the file may be truncated)", at: start)
      }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
        try appendRun(from: runStart, to: position, into: &scalars)
      }
      if byte == UInt8(ascii: "\"") {
        position += 1
        return String(scalars)
      }
      if byte < 0x20 {
        throw failure("a control character (U+\(hex4(UInt32(byte)))) must be escaped inside a"
          + " string" + (byte == 0x0A ? " (is a closing quote missing?)" : ""))
      }
      if byte == UInt8(ascii: "\\") {
        scalars.append(try parseEscape())
        runStart = position
        continue
      }
      position += 1
    }
  }

  /// Appends raw bytes of a string, rejecting invalid UTF-8 where it starts.
  private func appendRun(
    from start: Int, to end: Int, into scalars: inout String.UnicodeScalarView
  ) throws(JSONSyntaxError) {
    guard start < end else { return }
    var decoder = UTF8()
    var iterator = bytes[start..<end].makeIterator()
    var consumed = start
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
        consumed += UTF8.width(scalar)
      case .emptyInput: return
      case .error: throw failure("the text is not valid UTF-8", at: consumed)
      }
    }
  }

  private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
    let start = position
    position += 1
    guard position < bytes.count else { throw endOfFile(expecting: "an escape sequence") }
    let byte = bytes[position]
    position += 1
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
      let first = try parseHex4(escapeStart: start)
      if (0xD800..<0xDC00).contains(first) {
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        {
          let lowStart = position
          position += 2
          let second = try parseHex4(escapeStart: lowStart)
          if (0xDC00..<0xE000).contains(second),
            let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
          {
            return scalar
          }
        }
        throw failure("\\u\(hex4(first)) starts a surrogate pair that is not completed", at: start)
      }
      guard let scalar = Unicode.Scalar(first) else {
        throw failure("\\u\(hex4(first)) is a lone low surrogate, not a character", at: start)
      }
      return scalar
    default:
      throw failure("'\\\(describeRawByte(byte))' is not a JSON escape sequence", at: start)
    }
  }

  private mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < bytes.count, let digit = hexValue(bytes[position]) else {
        throw failure("\\u must be followed by four hexadecimal digits", at: escapeStart)
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = position
    if peek(UInt8(ascii: "-")) { position += 1 }
    guard position < bytes.count, isDigit(bytes[position]) else {
      throw failure("a number needs a digit here, found \(describeByte(at: position))")
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
      if position < bytes.count, isDigit(bytes[position]) {
        throw failure("a number must not start with 0 (leading zeros are not allowed)", at: start)
      }
    } else {
      while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }
    if peek(UInt8(ascii: ".")) {
      position += 1
      guard position < bytes.count, isDigit(bytes[position]) else {
        throw failure("a digit must follow the decimal point")
      }
      while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }
    if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
      position += 1
      if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
      guard position < bytes.count, isDigit(bytes[position]) else {
        throw failure("a digit must follow the exponent")
      }
      while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
    let start = position
    for expected in word.utf8 {
      guard position < bytes.count else { throw endOfFile(expecting: "'\(word)'") }
      guard bytes[position] == expected else {
        throw failure("expected a value, found \(describeWord(at: start))", at: start)
      }
      position += 1
    }
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }
  private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private func describeByte(at offset: Int) -> String {
    guard offset < bytes.count else { return "the end of the file" }
    return "'\(describeRawByte(bytes[offset]))'"
  }

  private func describeRawByte(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return String(UnicodeScalar(byte)) }
    return "\\u{" + String(byte, radix: 16, uppercase: true) + "}"
  }

  /// The bare word at `offset` (`True`, `undefined`), for "expected a value, found …".
  private func describeWord(at offset: Int) -> String {
    var end = offset
    while end < bytes.count, end - offset < 20,
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end] | 0x20)
    {
      end += 1
    }
    guard end > offset else { return describeByte(at: offset) }
    return "'" + String(decoding: bytes[offset..<end], as: UTF8.self) + "'"
  }

  private func endOfFile(expecting what: String) -> JSONSyntaxError {
    failure("the file ends where \(what) was expected (the file may be truncated)",
      at: bytes.count)
  }

  private func failure(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(offset: offset ?? position, jsonPath: JSONPathComponent.format(path),
      message: message)
  }
}
