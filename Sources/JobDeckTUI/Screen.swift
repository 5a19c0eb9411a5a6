import JobDeckCore

/// What the UI wants on the terminal: a grid of cells. Views render into a `Screen`, tests
/// compare its text with snapshots, and the terminal layer copies it to curses. Nothing here
/// knows about curses.
public struct Screen: Equatable, Sendable {
  public let size: TerminalSize
  /// Row-major, `size.rows * size.columns` cells.
  public private(set) var cells: [Cell]
  /// Where the terminal cursor should rest (a text field being typed into), or nil to hide it.
  public var cursor: (row: Int, column: Int)? {
    get { cursorPosition.map { ($0.row, $0.column) } }
    set { cursorPosition = newValue.map { CursorPosition(row: $0.row, column: $0.column) } }
  }
  private var cursorPosition: CursorPosition?

  public init(size: TerminalSize) {
    self.size = size
    self.cells = Array(repeating: Cell.blank, count: max(0, size.rows) * max(0, size.columns))
  }

  public subscript(row: Int, column: Int) -> Cell {
    get { cells[row * size.columns + column] }
    set { cells[row * size.columns + column] = newValue }
  }

  public var text: String { rows.joined(separator: "\n") }

  /// Each row as plain text, trailing blanks trimmed: the snapshot format. A wide character is
  /// written once; its continuation cell adds nothing.
  public var rows: [String] {
    (0..<size.rows).map { row in
      var line = ""
      for column in 0..<size.columns {
        let cell = self[row, column]
        if !cell.isContinuation { line += cell.text }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  public static func == (lhs: Screen, rhs: Screen) -> Bool {
    lhs.size == rhs.size && lhs.cells == rhs.cells && lhs.cursorPosition == rhs.cursorPosition
  }

  private struct CursorPosition: Equatable, Sendable {
    var row: Int
    var column: Int
  }
}

public struct TerminalSize: Hashable, Sendable {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }
}

/// One terminal cell: a grapheme (already sanitized) and how to draw it. A grapheme two columns
/// wide occupies its cell and a continuation cell to its right.
public struct Cell: Equatable, Sendable {
  public var text: String
  public var style: CellStyle
  public var isContinuation: Bool

  public init(text: String, style: CellStyle = .plain, isContinuation: Bool = false) {
    self.text = text
    self.style = style
    self.isContinuation = isContinuation
  }

  public static let blank = Cell(text: " ")
}

/// Attributes, by meaning rather than by colour: the terminal layer maps them to colours, or to
/// bold/reverse alone under `NO_COLOR`. Urgency never relies on colour alone (views draw badges).
public struct CellStyle: Hashable, Sendable {
  public enum Role: Hashable, Sendable {
    case normal, dim, heading, selected, statusBar, error, overdue, today, imminent, soon,
      upcoming, later, highlight, inputField
  }

  public var role: Role
  public var bold: Bool
  public var underline: Bool
  public var reverse: Bool

  public init(role: Role = .normal, bold: Bool = false, underline: Bool = false,
              reverse: Bool = false) {
    self.role = role
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
  }

  public static let plain = CellStyle()
}
