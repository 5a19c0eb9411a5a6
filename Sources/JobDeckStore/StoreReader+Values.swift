import Foundation
import JobDeckCore

/// The values of the store's model (enums, dates, instants, periods) and the words of the
/// reader's messages.
extension StoreReader {
  // MARK: Values of the model

  /// A string that must be one of an enum's raw values; the message names the value `name` and
  /// lists the enum's cases in their order.
  mutating func readEnum<Value: RawRepresentable & CaseIterable>(
    _ type: Value.Type, named name: String = "value"
  ) throws(StoreReadError) -> Value where Value.RawValue == String {
    let start = index
    let text = try readString()
    guard let value = Value(rawValue: text) else {
      let list = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw failure("unknown \(name) \(Self.quoted(text)); expected one of \(list)", at: start)
    }
    return value
  }

  /// `YYYY-MM-DD`, any date `CivilDate` can hold.
  mutating func readCivilDate() throws(StoreReadError) -> CivilDate {
    skipSpace()
    let start = index
    if let raw = readPlainStringBytes(), raw.count == 10, raw[4] == UInt8(ascii: "-"),
      raw[7] == UInt8(ascii: "-"), let year = Self.digits(raw, 0, 4),
      let month = Self.digits(raw, 5, 2), let day = Self.digits(raw, 8, 2),
      let date = CivilDate(year: year, month: month, day: day)
    {
      return date
    }
    index = start
    let text = try readString()
    guard let date = CivilDate(text) else {
      throw failure("'\(SafeText.escaped(text))' is not a valid date (expected YYYY-MM-DD)",
        at: start)
    }
    return date
  }

  /// A date of the store's records: one JobDeck could have accepted (`SupportedDates`).
  mutating func readStoredCivilDate() throws(StoreReadError) -> CivilDate {
    skipSpace()
    let start = index
    let date = try readCivilDate()
    if !SupportedDates.contains(date), let problem = SupportedDates.problem(with: date) {
      throw failure(problem, at: start)
    }
    return date
  }

  /// An instant: `YYYY-MM-DDTHH:MM:SSZ` as the encoder writes it, or what `StoreDateFormat`
  /// accepts from a person (fractions, offsets), within `SupportedDates`.
  mutating func readInstant() throws(StoreReadError) -> Date {
    skipSpace()
    let start = index
    var instant: Date?
    if let raw = readPlainStringBytes(), raw.count == 20, raw[4] == UInt8(ascii: "-"),
      raw[7] == UInt8(ascii: "-"), raw[10] == UInt8(ascii: "T"), raw[13] == UInt8(ascii: ":"),
      raw[16] == UInt8(ascii: ":"), raw[19] == UInt8(ascii: "Z"),
      let year = Self.digits(raw, 0, 4), let month = Self.digits(raw, 5, 2),
      let day = Self.digits(raw, 8, 2), let date = CivilDate(year: year, month: month, day: day),
      let hour = Self.digits(raw, 11, 2), hour < 24,
      let minute = Self.digits(raw, 14, 2), minute < 60,
      let second = Self.digits(raw, 17, 2), second < 60
    {
      instant = Date(timeIntervalSince1970:
        Double(date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second))
    } else {
      index = start
      let text = try readString()
      guard let parsed = StoreDateFormat.date(from: text) else {
        throw failure("\(Self.quoted(text)) is not a date and time such as"
          + " \"2026-11-22T10:00:00Z\"", at: start)
      }
      instant = parsed
    }
    guard let instant else { throw failure("not a date and time", at: start) }
    if !SupportedDates.contains(instant: instant),
      let problem = SupportedDates.problem(withInstant: instant)
    {
      throw failure(problem, at: start)
    }
    return instant
  }

  /// An ISO 8601 period, parsed by `Period.init?(_:)` itself.
  mutating func readPeriod() throws(StoreReadError) -> Period {
    skipSpace()
    let start = index
    let text = try readString()
    guard let period = Period(text) else {
      throw failure("'\(SafeText.escaped(text))' is not an ISO 8601 period such as P3M or P7D,"
        + " \(Period.limitsText)", at: start)
    }
    return period
  }

  // MARK: Messages

  /// "expected a string, found a number 7" about the value at the current position.
  func mismatch(expecting what: String) -> StoreReadError {
    guard index < bytes.count else { return endOfInput(expecting: what) }
    var probe = self
    let found: String
    switch bytes[index] {
    case UInt8(ascii: "\""):
      found = (try? probe.readString()).map { "a string \(Self.quoted($0))" } ?? "a string"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let text = (try? probe.readNumberText()).map { String(decoding: $0, as: UTF8.self) }
      if what == "a whole number", let text { found = text } else { found = "a number \(text ?? "")" }
    case UInt8(ascii: "{"):
      probe.index += 1
      probe.skipSpace()
      found = probe.index < bytes.count && bytes[probe.index] == UInt8(ascii: "}")
        ? "an object {}" : "an object {…}"
    case UInt8(ascii: "["):
      probe.index += 1
      probe.skipSpace()
      found = probe.index < bytes.count && bytes[probe.index] == UInt8(ascii: "]")
        ? "an array []" : "an array […]"
    case UInt8(ascii: "t") where (try? probe.readWord("true")) != nil: found = "a boolean true"
    case UInt8(ascii: "f") where (try? probe.readWord("false")) != nil: found = "a boolean false"
    case UInt8(ascii: "n") where (try? probe.readWord("null")) != nil: found = "null"
    default:
      return failure("expected a value, found \(describeByte(at: index))")
    }
    return failure("expected \(what), found \(found)")
  }

  /// A string for messages: quoted, escaped, shortened to 60 characters.
  static func quoted(_ text: String) -> String {
    let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
    return "\"\(SafeText.escaped(shown))\""
  }

  func describeByte(at offset: Int) -> String {
    guard offset < bytes.count else { return "the end of the file" }
    return "'\(Self.describeRawByte(bytes[offset]))'"
  }

  static func describeRawByte(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return String(UnicodeScalar(byte)) }
    return "\\u{" + String(byte, radix: 16, uppercase: true) + "}"
  }

  /// The bare word at `offset` (`True`, `undefined`), for "expected a value, found …".
  func describeWord(at offset: Int) -> String {
    var end = offset
    while end < bytes.count, end - offset < 20,
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end] | 0x20)
    {
      end += 1
    }
    guard end > offset else { return describeByte(at: offset) }
    return "'" + String(decoding: bytes[offset..<end], as: UTF8.self) + "'"
  }

  static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  @inline(__always)
  static func digits(_ raw: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for offset in start..<start + count {
      let byte = raw[offset]
      guard isDigit(byte) else { return nil }
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

/// A path such as `postings[3].stage`, built from keys and indices.
enum JSONPathComponent: Equatable {
  case key(String)
  case index(Int)

  static func format(_ components: [JSONPathComponent]) -> String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key):
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        if plain {
          text += text.isEmpty ? key : "." + key
        } else {
          text += "[\"\(SafeText.escaped(key))\"]"
        }
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }
}

/// Byte offsets to what an editor shows.
enum TextPosition {
  /// 1-based line and column; the column counts characters (grapheme clusters) of the line, so
  /// "é" or "日" is one column as an editor's cursor sees it.
  static func lineAndColumn(of offset: Int, in bytes: UnsafeRawBufferPointer)
    -> (line: Int, column: Int)
  {
    let end = min(max(offset, 0), bytes.count)
    var line = 1
    var lineStart = 0
    for index in 0..<end where bytes[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    let prefix = String(decoding: bytes[lineStart..<end], as: UTF8.self)
    return (line, prefix.count + 1)
  }
}
