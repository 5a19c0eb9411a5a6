import JobDeckCore

/// Drawing on a `Screen`: every write sanitizes its text and places graphemes by their display
/// width, so no view can put a control character on the terminal or misalign a column.
extension Screen {
  /// Writes `text` on `row` from `column`, within `width` columns (to the right edge when nil).
  /// A grapheme two columns wide takes its cell and a continuation cell; one that does not fit
  /// at the limit becomes a space. Returns the columns used.
  @discardableResult
  public mutating func write(
    _ text: String, row: Int, column: Int, width: Int? = nil, style: CellStyle = .plain
  ) -> Int {
    guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return 0 }
    let limit = min(size.columns, column + max(0, width ?? size.columns - column))
    var position = column
    if Screen.isPrintableASCII(text) {
      // Each byte is a grapheme one column wide that sanitizing leaves alone: no Unicode
      // property lookups for the text nearly every cell shows.
      for byte in text.utf8 {
        if position >= limit { break }
        put(String(Unicode.Scalar(byte)), row: row, column: position, style: style)
        position += 1
      }
      return position - column
    }
    for grapheme in TerminalText.sanitized(text) {
      let graphemeWidth = TerminalText.displayWidth(of: grapheme)
      if graphemeWidth == 0 { continue }
      if position + graphemeWidth > limit {
        if position < limit { put(" ", row: row, column: position, style: style) }
        position = limit
        break
      }
      put(String(grapheme), row: row, column: position, style: style)
      if graphemeWidth == 2 {
        if position + 2 < size.columns, self[row, position + 2].isContinuation {
          self[row, position + 2] = Cell(text: " ", style: self[row, position + 2].style)
        }
        self[row, position + 1] = Cell(text: "", style: style, isContinuation: true)
      }
      position += graphemeWidth
    }
    return position - column
  }

  /// Writes a text field's `input` on `row` in `width` columns from `column`, scrolled so the
  /// cursor shows with the text before it (the end of a long value, when the cursor is there);
  /// returns the cursor's column. One column stays free for the cursor after the last character.
  public mutating func writeField(_ input: TextInput, row: Int, column: Int, width: Int) -> Int {
    let (beforeCursor, fromCursor) = input.split
    let before = TerminalText.sanitized(String(beforeCursor))
    let room = max(0, width - 1)
    // The longest end of `before` that fits, measured grapheme by grapheme from the cursor.
    var start = before.endIndex
    var used = 0
    while start > before.startIndex {
      let previous = before.index(before: start)
      let graphemeWidth = TerminalText.displayWidth(of: before[previous])
      if used + graphemeWidth > room { break }
      used += graphemeWidth
      start = previous
    }
    let shown = before[start...] + TerminalText.sanitized(String(fromCursor))
    write(String(shown), row: row, column: column, width: width, style: .inputField)
    return min(size.columns - 1, column + used)
  }

  /// Blanks `width` cells of `row` from `column` in `style` (a selection bar, the status bar).
  public mutating func fill(row: Int, column: Int = 0, width: Int? = nil, style: CellStyle) {
    guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return }
    let end = min(size.columns, column + max(0, width ?? size.columns - column))
    for position in column..<end { put(" ", row: row, column: position, style: style) }
  }

  /// Writes a row of a table: each value starts at its column's offset and is cut to its width
  /// with `…`, so the columns line up whatever the text (CJK, emoji, combining marks).
  public mutating func writeTableRow(
    _ values: [String], columns: [TableColumn], row: Int, column: Int = 0,
    style: CellStyle = .plain, styles: [CellStyle?] = []
  ) {
    var offset = column
    for (index, tableColumn) in columns.enumerated() {
      let value = index < values.count ? values[index] : ""
      let cellStyle = (index < styles.count ? styles[index] : nil) ?? style
      if !tableColumn.alignRight, Screen.isPrintableASCII(value) {
        // `truncated` of one-column graphemes: the first width - 1 and an ellipsis.
        let width = tableColumn.width
        if value.utf8.count <= width {
          write(value, row: row, column: offset, width: width, style: cellStyle)
        } else if width > 0 {
          write(String(decoding: value.utf8.prefix(width - 1), as: UTF8.self), row: row,
                column: offset, width: width, style: cellStyle)
          write("…", row: row, column: offset + width - 1, width: 1, style: cellStyle)
        }
        offset += tableColumn.width + TableColumn.gap
        continue
      }
      let clean = TerminalText.sanitized(value)
      let cellText = tableColumn.alignRight
        ? TerminalText.rightAligned(clean, toWidth: tableColumn.width)
        : Screen.truncated(clean, toWidth: tableColumn.width)
      write(cellText, row: row, column: offset, width: tableColumn.width, style: cellStyle)
      offset += tableColumn.width + TableColumn.gap
    }
  }

  /// `TerminalText.truncated`, reading no further than the width: the result is the same, but a
  /// long text (a card's company and title) costs its first columns only, not its whole length.
  static func truncated(_ text: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    var used = 0
    var cut: String.Index?
    for index in text.indices {
      let graphemeWidth = TerminalText.displayWidth(of: text[index])
      if cut == nil, used + graphemeWidth > width - 1 { cut = index }
      used += graphemeWidth
      if used > width { return String(text[..<(cut ?? index)]) + "…" }
    }
    return text
  }

  /// Only U+0020–U+007E: what `sanitized` keeps as it is and measures one column per byte.
  static func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// Places one grapheme, first breaking any wide character whose half it would overwrite.
  private mutating func put(_ text: String, row: Int, column: Int, style: CellStyle) {
    if self[row, column].isContinuation, column > 0 {
      let wideStyle = self[row, column - 1].style
      self[row, column - 1] = Cell(text: " ", style: wideStyle)
    }
    if column + 1 < size.columns, self[row, column + 1].isContinuation {
      let style = self[row, column + 1].style
      self[row, column + 1] = Cell(text: " ", style: style)
    }
    self[row, column] = Cell(text: text, style: style)
  }
}

/// One column of a table: its heading and width in terminal columns.
public struct TableColumn: Equatable, Sendable {
  /// Columns between two table columns.
  public static let gap = 1

  public var title: String
  public var width: Int
  public var alignRight: Bool

  public init(_ title: String, width: Int, alignRight: Bool = false) {
    self.title = title
    self.width = max(0, width)
    self.alignRight = alignRight
  }
}

extension CellStyle {
  static let heading = CellStyle(role: .heading, bold: true)
  static let dim = CellStyle(role: .dim)
  static let selected = CellStyle(role: .selected, reverse: true)
  static let statusBar = CellStyle(role: .statusBar, reverse: true)
  static let error = CellStyle(role: .error, bold: true)
  static let highlight = CellStyle(role: .highlight, bold: true)
  static let inputField = CellStyle(role: .inputField, underline: true)
}
