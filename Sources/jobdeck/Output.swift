import Foundation
import JobDeckCore
import JobDeckStore

/// Text from the store or an imported ad can carry terminal escapes: everything printed goes
/// through the sanitizer, one line at a time so that line breaks survive.
func safe(_ text: String) -> String { TerminalText.sanitized(text) }

func safeLines(_ text: String) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false)
    .map { TerminalText.sanitized(String($0)) }
    .joined(separator: "\n")
}

/// Writes to standard output, sanitized: ids, paths and names echoed back come from the user,
/// the store or an imported ad, and any of them can hold terminal escapes.
func say(_ text: String = "") {
  print(safeLines(text))
}

/// Writes text a renderer has already made safe (`TextTable`, `JSONOutput`, `safeLines`) to
/// standard output as it is: a 100,000-row agenda is not sanitized twice. Its bytes go out in
/// as few `write`s as the pipe takes, after whatever `print` buffered before them.
func sayRendered(_ text: String) {
  var text = text + "\n"
  fflush(nil)
  text.withUTF8 { bytes in
    guard let start = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = write(STDOUT_FILENO, start + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      // A closed pipe (`jobdeck agenda | head`): the rest has no reader.
      guard written > 0 else { return }
      offset += written
    }
  }
}

/// Ends a command that has printed everything and has nothing left to save or unlock, without
/// freeing what it read: taking a 100,000-posting deck apart string by string would take a good
/// share of the run, and the process ends here anyway.
func exitLeavingMemory() -> Never {
  fflush(nil)
  exit(0)
}

/// A line for the person at the terminal on standard error (a prompt, "Wrote …"), sanitized
/// like everything printed; without the "jobdeck: " of `printError`.
func tell(_ text: String, terminator: String = "\n") {
  FileHandle.standardError.write(Data((safeLines(text) + terminator).utf8))
}

/// A file's text (a calendar, a CSV, a report) to `path`, or to standard output without one: to
/// a pipe as it is; on a terminal sanitized like all output. `saying` follows "Wrote PATH: ".
func writeFile(_ text: String, to path: String?, saying summary: String? = nil) throws {
  guard let path else {
    let shown = isatty(STDOUT_FILENO) == 1 ? safeLines(text) : text
    FileHandle.standardOutput.write(Data(shown.utf8))
    return
  }
  try AtomicFile.write(Data(text.utf8), to: path)
  tell("Wrote \(path)" + (summary.map { ": " + $0 } ?? ""))
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
  /// headings (the agenda). Each cell is measured once and its bytes copied into one buffer:
  /// a 100,000-deadline agenda prints 20,000 lines.
  func render(includingHeader: Bool, indent: String = "") -> String {
    let all = includingHeader ? [header] + rows : rows
    let columns = header.count
    var widths = Array(repeating: 0, count: columns)
    var measured: [Int] = []
    measured.reserveCapacity(all.count * columns)
    for row in all {
      for (index, cell) in row.enumerated() {
        let width = TerminalText.displayWidth(of: cell)
        measured.append(width)
        if index < columns { widths[index] = min(maximumWidths[index], max(widths[index], width)) }
      }
    }
    var output: [UInt8] = []
    output.reserveCapacity(all.count * (widths.reduce(indent.utf8.count, +) + 2 * columns + 1))
    var position = 0
    for (rowIndex, row) in all.enumerated() {
      if rowIndex > 0 { output.append(UInt8(ascii: "\n")) }
      output.append(contentsOf: indent.utf8)
      for (index, cell) in row.enumerated() {
        var width = measured[position]
        position += 1
        if index < columns, width > widths[index] {
          let text = TerminalText.truncated(cell, toWidth: widths[index])
          width = TerminalText.displayWidth(of: text)
          output.append(contentsOf: text.utf8)
        } else {
          output.append(contentsOf: cell.utf8)
        }
        if index == row.count - 1 { continue }
        let missing = (index < columns ? widths[index] : width) - width
        if missing > 0 { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: missing)) }
        output.append(UInt8(ascii: " "))
        output.append(UInt8(ascii: " "))
      }
    }
    return String(decoding: output, as: UTF8.self)
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

  /// Printable ASCII (most of the text) is copied as it is; only the other scalars are
  /// classified.
  static func escapingTerminalControls(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      let value = scalar.value
      if value >= 0x20 && value < 0x7F || value == 0x0A || value == 0x09 {
        output.append(UInt8(value))
      } else if TerminalText.isUnsafeForTerminal(scalar) {
        output.append(contentsOf: String(format: "\\u%04x", value).utf8)
      } else {
        output.append(contentsOf: UTF8.encode(scalar).map(Array.init) ?? [])
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}

func isoTimestamp(_ date: Date) -> String {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  return formatter.string(from: date)
}
