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
      let clean = TerminalText.sanitized(value)
      let cellText = tableColumn.alignRight
        ? TerminalText.rightAligned(clean, toWidth: tableColumn.width)
        : TerminalText.truncated(clean, toWidth: tableColumn.width)
      let cellStyle = (index < styles.count ? styles[index] : nil) ?? style
      write(cellText, row: row, column: offset, width: tableColumn.width, style: cellStyle)
      offset += tableColumn.width + TableColumn.gap
    }
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
