import CNcursesw
import Foundation
import JobDeckTUI

@testable import JobDeckTerminal

/// A curses terminal with no terminal behind it: keys come from a pipe the test writes into,
/// output goes to /dev/null, and the screen is read back from curses' own buffer.
final class HeadlessDevice {
  let size: TerminalSize
  private let input: UnsafeMutablePointer<FILE>
  private let output: UnsafeMutablePointer<FILE>
  private let writeEnd: Int32

  init(size: TerminalSize = TerminalSize(rows: 24, columns: 80)) throws {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0, let input = fdopen(ends[0], "r"),
      let output = fopen("/dev/null", "w")
    else { throw HeadlessError(message: "no pipe or /dev/null") }
    self.size = size
    self.input = input
    self.output = output
    self.writeEnd = ends[1]
  }

  var device: TerminalDevice {
    .streams(input: input, output: output, terminalType: "xterm-256color", size: size)
  }

  /// What the keyboard would send: bytes as an xterm in keypad-transmit mode sends them.
  func type(_ bytes: String) {
    let data = Array(bytes.utf8)
    _ = data.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
  }

  deinit {
    close(writeEnd)
    fclose(input)
    fclose(output)
  }
}

struct HeadlessError: Error {
  let message: String
}

extension CursesTerminal {
  /// One row as curses holds it, trailing blanks trimmed: the same format as `Screen.rows`.
  func visibleText(row: Int) -> String {
    let columns = Int(jd_max_columns(window))
    var buffer = [wchar_t](repeating: 0, count: columns * Int(jd_cchar_max()) + 1)
    let count = mvwinnwstr(window, Int32(row), 0, &buffer, Int32(buffer.count - 1))
    guard count != ERR else { return "<unreadable>" }
    let scalars = buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
    var text = String(String.UnicodeScalarView(scalars))
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  /// The colour pair and attributes curses stored for one cell.
  func rendition(row: Int, column: Int) -> (attributes: attr_t, pair: Int16) {
    var cell = cchar_t()
    _ = mvwin_wch(window, Int32(row), Int32(column), &cell)
    var characters = [wchar_t](repeating: 0, count: Int(jd_cchar_max()) + 1)
    var attributes: attr_t = 0
    var pair: Int16 = 0
    _ = getcchar(&cell, &characters, &attributes, &pair, nil)
    return (attributes, pair)
  }
}

extension Screen {
  /// Writes text from a column; characters in the CJK and emoji blocks take two cells, as the
  /// TUI's width measurement would give them.
  mutating func write(_ text: String, row: Int, column: Int, style: CellStyle = .plain) {
    var column = column
    for character in text {
      let wide = Self.isWide(character)
      guard column + (wide ? 2 : 1) <= size.columns else { return }
      self[row, column] = Cell(text: String(character), style: style)
      if wide { self[row, column + 1] = Cell(text: "", style: style, isContinuation: true) }
      column += wide ? 2 : 1
    }
  }

  private static func isWide(_ character: Character) -> Bool {
    guard let value = character.unicodeScalars.first?.value else { return false }
    return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0xFF00...0xFF60).contains(value) || (0x1F300...0x1F6FF).contains(value)
      || (0x1F900...0x1F9FF).contains(value)
  }
}

/// A stand-in for the real UI: records every action and answers from a script.
struct ScriptedProgram: TerminalProgram {
  var received: [Action] = []
  var respond: (Action) -> [Effect]

  init(respond: @escaping (Action) -> [Effect]) {
    self.respond = respond
  }

  mutating func update(_ action: Action) -> [Effect] {
    received.append(action)
    return respond(action)
  }

  func view(size: TerminalSize) -> Screen {
    var screen = Screen(size: size)
    screen.write("actions: \(received.count)", row: 0, column: 0)
    return screen
  }

  var keys: [KeyPress] {
    received.compactMap { if case .key(let key) = $0 { key } else { nil } }
  }
}
