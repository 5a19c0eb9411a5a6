import Foundation
import JobDeckCore

/// Text from the store or an imported ad can carry terminal escapes: everything printed goes
/// through the sanitizer, one line at a time so that line breaks survive.
func safe(_ text: String) -> String { TerminalText.sanitized(text) }

func safeLines(_ text: String) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false)
    .map { TerminalText.sanitized(String($0)) }
    .joined(separator: "\n")
}

/// Writes to standard output; `print` would do, but one place makes buffering explicit.
func say(_ text: String = "") {
  print(text)
}

/// Aligned columns measured in terminal cells, so CJK and emoji do not shift them.
struct TextTable {
  var header: [String]
  var rows: [[String]] = []
  /// The widest a column may get before it is truncated with an ellipsis.
  var maximumWidths: [Int]

  init(header: [String], maximumWidths: [Int]? = nil) {
    self.header = header
    self.maximumWidths = maximumWidths ?? Array(repeating: 40, count: header.count)
  }

  mutating func append(_ row: [String]) { rows.append(row.map(safe)) }

  func render() -> String {
    let all = [header] + rows
    var widths = Array(repeating: 0, count: header.count)
    for row in all {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = min(maximumWidths[index], max(widths[index], TerminalText.displayWidth(of: cell)))
      }
    }
    return all.map { row in
      row.enumerated().map { index, cell -> String in
        let clipped = TerminalText.truncated(cell, toWidth: widths[index])
        if index == row.count - 1 { return clipped }
        return clipped + String(repeating: " ", count: widths[index] - TerminalText.displayWidth(of: clipped))
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}

/// JSON for scripts: sorted keys, and any code point a terminal could act on (C1 controls, bidi
/// overrides) written as a `\u` escape. JSONEncoder escapes C0 itself; the rest would pass raw.
enum JSONOutput {
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(isoTimestamp(date))
    }
    let text = String(decoding: try encoder.encode(value), as: UTF8.self)
    return escapingTerminalControls(text)
  }

  static func escapingTerminalControls(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      if TerminalText.isUnsafeForTerminal(scalar) {
        result += String(format: "\\u%04x", scalar.value)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

func isoTimestamp(_ date: Date) -> String {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  return formatter.string(from: date)
}
