import CNcursesw
import JobDeckTUI

/// Copies a `Screen` into a curses window. Only rows that differ from the previous frame are
/// rewritten; curses then sends the terminal the smallest update it can find.
///
/// Every cell is placed at its own column, so one grapheme whose width curses judges differently
/// from the UI (an emoji sequence, an ambiguous-width symbol) cannot push the rest of its row out
/// of line: the UI's widths win and the cell is padded or replaced to fit them.
struct ScreenBlitter {
  let palette: StylePalette
  private(set) var previous: Screen?

  init(palette: StylePalette) {
    self.palette = palette
  }

  /// Forget the previous frame, so the next `draw` rewrites everything (after the editor ran,
  /// after a suspend, after curses resized its windows).
  mutating func invalidate() {
    previous = nil
  }

  mutating func draw(_ screen: Screen, in window: UnsafeMutablePointer<WINDOW>) {
    let rows = min(screen.size.rows, Int(jd_max_rows(window)))
    let columns = min(screen.size.columns, Int(jd_max_columns(window)))
    let redrawsEverything = previous?.size != screen.size
    if redrawsEverything {
      werase(window)
    }
    for row in 0..<rows where redrawsEverything || rowDiffers(row, screen) {
      drawRow(row, of: screen, columns: columns, in: window)
    }
    placeCursor(screen.cursor, rows: rows, columns: columns, in: window)
    previous = screen
  }

  private func rowDiffers(_ row: Int, _ screen: Screen) -> Bool {
    guard let previous else { return true }
    let start = row * screen.size.columns
    let end = start + screen.size.columns
    return previous.cells[start..<end] != screen.cells[start..<end]
  }

  private func drawRow(_ row: Int, of screen: Screen, columns: Int,
                       in window: UnsafeMutablePointer<WINDOW>) {
    for column in 0..<columns {
      let cell = screen[row, column]
      if cell.isContinuation { continue }
      let isWide = column + 1 < screen.size.columns && screen[row, column + 1].isContinuation
      let width = isWide ? 2 : 1
      let rendition = palette.rendition(for: cell.style)
      if column + width > columns {
        // Half of a wide character would hang past the window's edge: leave a blank instead.
        put(" ", rendition, row: row, column: column, in: window)
        continue
      }
      let shown = Self.fitting(cell.text, width: width)
      put(shown.text, rendition, row: row, column: column, in: window)
      if shown.padding {
        put(" ", rendition, row: row, column: column + 1, in: window)
      }
    }
  }

  /// What to draw so the grapheme occupies exactly `width` columns in curses' own reckoning.
  static func fitting(_ text: String, width: Int) -> (text: String, padding: Bool) {
    guard let first = text.unicodeScalars.first else { return (" ", width == 2) }
    let cursesWidth = Int(jd_wcwidth(wchar_t(bitPattern: first.value)))
    if cursesWidth == width { return (text, false) }
    if width == 2 && cursesWidth == 1 { return (text, true) }
    // Curses cannot draw it in that many columns (a control, a lone combining mark, a wide
    // character the UI measured as narrow): a replacement character keeps the columns aligned.
    return ("\u{FFFD}", width == 2)
  }

  private func put(_ text: String, _ rendition: StylePalette.Rendition, row: Int, column: Int,
                   in window: UnsafeMutablePointer<WINDOW>) {
    let limit = Int(jd_cchar_max())
    var wide = text.unicodeScalars.prefix(limit).map { wchar_t(bitPattern: $0.value) }
    wide.append(0)
    var character = cchar_t()
    if setcchar(&character, wide, rendition.attributes, rendition.colorPair, nil) == ERR {
      // More combining marks than a curses cell holds, or an unusual sequence: keep the base.
      let base: [wchar_t] = [wide[0], 0]
      _ = setcchar(&character, base, rendition.attributes, rendition.colorPair, nil)
    }
    // Writing the bottom-right cell returns ERR because the cursor cannot advance past it; the
    // character is drawn all the same.
    _ = mvwadd_wch(window, Int32(row), Int32(column), &character)
  }

  private func placeCursor(_ cursor: (row: Int, column: Int)?, rows: Int, columns: Int,
                           in window: UnsafeMutablePointer<WINDOW>) {
    if let cursor, (0..<rows).contains(cursor.row), (0..<columns).contains(cursor.column) {
      _ = curs_set(1)
      _ = wmove(window, Int32(cursor.row), Int32(cursor.column))
    } else {
      _ = curs_set(0)
    }
  }
}
