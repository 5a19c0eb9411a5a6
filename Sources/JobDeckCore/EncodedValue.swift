import Foundation

/// A record as its `Codable` form: the merge compares and combines records field by field
/// through this, so a field added to `Posting`, `Application`, `Deadline` or `Settings` merges
/// without the merge knowing it exists.
enum EncodedValue: Hashable, Codable, Sendable {
  case null
  case bool(Bool)
  /// Integers stay integers, so an `Int` field decodes again after the round trip.
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([EncodedValue])
  case object([String: EncodedValue])

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([EncodedValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: EncodedValue].self))
    }
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  var object: [String: EncodedValue]? {
    if case .object(let members) = self { return members }
    return nil
  }

  var array: [EncodedValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// A number as a `Double`, for times (`Date` encodes as seconds since 2001 here).
  var double: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .number(let value): return value
    default: return nil
    }
  }

  /// Compact JSON with sorted keys: what a conflict keeps, and the last tie-breaker that makes
  /// a merge give the same result whichever side is "ours".
  var text: String {
    guard let data = try? EncodedValue.encoder.encode(self) else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }

  static func of<Value: Encodable>(_ value: Value) -> EncodedValue? {
    guard let data = try? encoder.encode(value) else { return nil }
    return try? JSONDecoder().decode(EncodedValue.self, from: data)
  }

  func decoded<Value: Decodable>(as type: Value.Type) -> Value? {
    guard let data = try? EncodedValue.encoder.encode(self) else { return nil }
    return try? JSONDecoder().decode(type, from: data)
  }

  init?(text: String) {
    guard let value = try? JSONDecoder().decode(EncodedValue.self, from: Data(text.utf8)) else {
      return nil
    }
    self = value
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
