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

  func render() -> String { render(includingHeader: true) }

  /// The lines joined, each after `indent`; without the header when a caller prints its own
  /// headings (the agenda). Each cell is measured once and written into one growing string:
  /// a 100,000-deadline agenda prints 20,000 lines.
  func render(includingHeader: Bool, indent: String = "") -> String {
    let all = includingHeader ? [header] + rows : rows
    var widths = Array(repeating: 0, count: header.count)
    let measured = all.map { row in row.map { TerminalText.displayWidth(of: $0) } }
    for (row, cellWidths) in zip(all, measured) {
      for index in row.indices where index < widths.count {
        widths[index] = min(maximumWidths[index], max(widths[index], cellWidths[index]))
      }
    }
    var output = ""
    output.reserveCapacity(all.count * (widths.reduce(indent.utf8.count, +) + 2 * widths.count))
    for (rowIndex, row) in all.enumerated() {
      if rowIndex > 0 { output += "\n" }
      output += indent
      for (index, cell) in row.enumerated() {
        var text = cell
        var width = measured[rowIndex][index]
        if index < widths.count, width > widths[index] {
          text = TerminalText.truncated(cell, toWidth: widths[index])
          width = TerminalText.displayWidth(of: text)
        }
        output += text
        if index == row.count - 1 { continue }
        let missing = (index < widths.count ? widths[index] : width) - width
        if missing > 0 { output += String(repeating: " ", count: missing) }
        output += "  "
      }
    }
    return output
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
