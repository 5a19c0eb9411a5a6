/// A JSON value that remembers where in the file it starts.
///
/// Foundation's `JSONDecoder` on Linux reports neither the offset of a syntax error nor where a
/// wrongly typed value sits, so when decoding fails the store re-reads the bytes with this small
/// parser to tell the user the line and column. It runs only on that slow path (and in
/// `check()`), never on a normal load.
struct PositionedJSON {
  struct Member {
    var key: String
    var keyOffset: Int
    var value: PositionedJSON
  }

  enum Content {
    case object([Member])
    case array([PositionedJSON])
    case string(String)
    /// The number's text as written, so messages can quote it exactly.
    case number(String)
    case bool(Bool)
    case null
  }

  /// Byte offset of the value's first byte in the file.
  var offset: Int
  var content: Content

  /// The member's value, the last one when a key is repeated (as decoders commonly do).
  func member(_ key: String) -> PositionedJSON? {
    guard case .object(let members) = content else { return nil }
    return members.last { $0.key == key }?.value
  }

  /// Short, single-line text for messages: strings quoted, containers abbreviated.
  var quoted: String {
    switch content {
    case .object(let members): return members.isEmpty ? "{}" : "{…}"
    case .array(let items): return items.isEmpty ? "[]" : "[…]"
    case .string(let text):
      let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
      return "\"\(SafeText.escaped(shown))\""
    case .number(let text): return text
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    }
  }

  /// What kind of value this is, in words ("a string"), for type-mismatch messages.
  var kindInWords: String {
    switch content {
    case .object: return "an object"
    case .array: return "an array"
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "a boolean"
    case .null: return "null"
    }
  }
}

/// A syntax error and the byte offset at which it was found.
struct JSONSyntaxError: Error, Equatable {
  var offset: Int
  var jsonPath: String
  var message: String
}

/// A key that occurs twice in one object: JSON leaves the meaning undefined, so `check()` says so.
struct DuplicateKey: Equatable {
  var offset: Int
  var jsonPath: String
  var key: String
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
