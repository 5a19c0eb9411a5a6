/// Finds where a setting is written in the file's text, for messages about values TOML accepts
/// but JobDeck does not: TOMLKit reports positions for syntax errors only.
struct SettingLocator {
  /// A place in the text, both counted from 1 (columns in characters), as editors count them.
  struct Position: Equatable, Sendable {
    var line: Int
    var column: Int
  }

  private let lines: [Substring]

  init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// Which part of a `key = value` line a message is about.
  enum Part: Sendable {
    /// The key itself: a setting JobDeck does not know.
    case key
    /// The value: one JobDeck does not accept.
    case value
  }

  /// Where the value (or the key) of `key` in `table` (nil: the top level) starts; else where
  /// the table's header is; else the start of the file.
  func position(ofKey key: String, in table: String?, part: Part = .value) -> Position {
    var current: String?
    var header: Position?
    for (index, line) in lines.enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      let indent = line.count - trimmed.count
      if trimmed.hasPrefix("[") {
        let name = trimmed.dropFirst().prefix { $0 != "]" }
        current = Self.unquoted(name.trimmingSpaces)
        if current == table { header = Position(line: index + 1, column: indent + 1) }
        continue
      }
      guard current == table, let rest = Self.rest(of: trimmed, afterKey: key) else { continue }
      let afterSpaces = rest.drop { $0 == " " || $0 == "\t" }
      guard afterSpaces.hasPrefix("=") else { continue }
      if part == .key { return Position(line: index + 1, column: indent + 1) }
      let value = afterSpaces.dropFirst().drop { $0 == " " || $0 == "\t" }
      return Position(line: index + 1, column: line.count - value.count + 1)
    }
    return header ?? Position(line: 1, column: 1)
  }

  /// Where the header `[table]` is written, or the start of the file.
  func position(ofTable table: String) -> Position {
    for (index, line) in lines.enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      guard trimmed.hasPrefix("[") else { continue }
      let name = trimmed.dropFirst().prefix { $0 != "]" }
      if Self.unquoted(name.trimmingSpaces) == table {
        return Position(line: index + 1, column: line.count - trimmed.count + 1)
      }
    }
    return Position(line: 1, column: 1)
  }

  private static func rest(of line: Substring, afterKey key: String) -> Substring? {
    for spelling in [key, "\"" + key + "\"", "'" + key + "'"] where line.hasPrefix(spelling) {
      let rest = line.dropFirst(spelling.count)
      if let next = rest.first, next != " ", next != "\t", next != "=" { continue }
      return rest
    }
    return nil
  }

  private static func unquoted(_ text: Substring) -> String {
    if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
      return String(text.dropFirst().dropLast())
    }
    return String(text)
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
      .reduce(into: Substring()) { $0.append($1) }
  }
}
