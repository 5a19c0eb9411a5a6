import Foundation
import JobDeckCore

/// Draws an `AppState` into a `Screen`: a header with the view tabs, the view's content, a
/// message line and the status bar. Each view's drawing lives in its own file.
struct Renderer {
  static let minimumSize = TerminalSize(rows: 10, columns: 40)

  let state: AppState

  /// The rows between the header and the message line.
  struct Area {
    var top: Int
    var height: Int
    var width: Int
  }

  func render(size: TerminalSize) -> Screen {
    var screen = Screen(size: size)
    guard size.rows >= Renderer.minimumSize.rows, size.columns >= Renderer.minimumSize.columns
    else {
      drawTooSmall(on: &screen)
      return screen
    }
    drawHeader(on: &screen)
    let area = Area(top: 1, height: size.rows - 3, width: size.columns)
    switch state.mode {
    case .detail(let detail): drawDetail(detail, on: &screen, in: area)
    case .addForm(let form): drawAddForm(form, on: &screen, in: area)
    case .importPreview(let draft): drawImportPreview(draft, on: &screen, in: area)
    case .help: drawHelp(on: &screen, in: area)
    default:
      if state.deck.isEmpty {
        drawEmptyState(on: &screen, in: area)
      } else {
        switch state.view {
        case .postings: drawPostings(on: &screen, in: area)
        case .pipeline: drawPipeline(on: &screen, in: area)
        case .agenda: drawAgenda(on: &screen, in: area)
        }
      }
      if case .stagePicker(let picker) = state.mode {
        drawStagePicker(picker, on: &screen, in: area)
      }
    }
    drawMessageLine(on: &screen, row: size.rows - 2)
    drawStatusBar(on: &screen, row: size.rows - 1)
    return screen
  }

  private func drawTooSmall(on screen: inout Screen) {
    let lines = [
      "terminal too small",
      "need \(Renderer.minimumSize.columns)×\(Renderer.minimumSize.rows)",
      "have \(screen.size.columns)×\(screen.size.rows)",
    ]
    for (row, line) in lines.enumerated() where row < screen.size.rows {
      screen.write(line, row: row, column: 0)
    }
  }

  private func drawHeader(on screen: inout Screen) {
    screen.fill(row: 0, style: .heading)
    var column = screen.size.columns >= 60
      ? screen.write("JobDeck ", row: 0, column: 0, style: .heading) : 0
    for view in TopView.allCases {
      let label = " \(view.rawValue + 1) \(view.title) "
      let isCurrent = view == state.view
      let style = isCurrent ? CellStyle.selected : CellStyle.heading
      column += screen.write(label, row: 0, column: column, style: style)
    }
    let today = " \(state.today)  ? help"
    let width = TerminalText.displayWidth(of: today)
    if column + width < screen.size.columns {
      screen.write(today, row: 0, column: screen.size.columns - width, style: .heading)
    }
  }

  /// The line above the status bar: a prompt being typed, else the last message.
  private func drawMessageLine(on screen: inout Screen, row: Int) {
    switch state.mode {
    case .importPrompt(let input):
      let label = "Import file or URL: "
      let used = screen.write(label, row: row, column: 0, style: .highlight)
      drawInput(input.text, on: &screen, row: row, column: used)
      return
    case .snoozePrompt:
      screen.write("Snooze for: d = 1 day, w = 1 week, Esc = cancel", row: row, column: 0,
                   style: .highlight)
      return
    default: break
    }
    if state.view == .postings, state.mode == .browsing, state.isEditingFilter {
      let used = screen.write("/", row: row, column: 0, style: .highlight)
      drawInput(state.filter, on: &screen, row: row, column: used)
      return
    }
    if let message = state.message {
      screen.write(message, row: row, column: 0, style: state.messageIsError ? .error : .plain)
    } else if state.view == .postings, !state.filter.isEmpty, state.mode == .browsing {
      screen.write("filter: \(state.filter)  (n/N next/previous, Esc clears)", row: row,
                   column: 0, style: .dim)
    }
  }

  /// A text field showing the end of its text, with the cursor after it.
  func drawInput(_ text: String, on screen: inout Screen, row: Int, column: Int) {
    let available = max(0, screen.size.columns - column - 1)
    var shown = TerminalText.sanitized(text)
    while TerminalText.displayWidth(of: shown) > available, !shown.isEmpty {
      shown.removeFirst()
    }
    let used = screen.write(shown, row: row, column: column, width: available, style: .inputField)
    screen.cursor = (row, min(screen.size.columns - 1, column + used))
  }

  /// Path, counts, read-only flag and save state; as the width shrinks the path gives way
  /// first, then the counts shorten and go: the save state always shows.
  private func drawStatusBar(on screen: inout Screen, row: Int) {
    screen.fill(row: row, style: .statusBar)
    let deck = state.deck
    let deadlines = state.facts(\.pendingDeadlineCount)
    let fullCounts = "\(deck.postings.count) postings · \(deck.applications.count) applications · "
      + "\(deadlines) deadlines"
    let shortCounts = "\(deck.postings.count)p \(deck.applications.count)a \(deadlines)d"
    let saveText: String
    var saveStyle = CellStyle.statusBar
    switch state.saveState {
    case .saved: saveText = "saved"
    case .saving: saveText = "saving…"
    case .failed(let error):
      saveText = "NOT SAVED: \(error) — will retry"
      saveStyle = CellStyle(role: .error, bold: true, reverse: true)
    }
    let columns = screen.size.columns
    let flag = state.isReadOnly ? ["READ-ONLY"] : []
    let save = TerminalText.sanitized(saveText)
    var right = ""
    for counts in [[fullCounts], [shortCounts], []] {
      right = (flag + counts + [""]).joined(separator: " │ ")
      let width = TerminalText.displayWidth(of: right) + TerminalText.displayWidth(of: save)
      if width + 14 <= columns || (counts.isEmpty) { break }
    }
    let rightWidth = TerminalText.displayWidth(of: right) + TerminalText.displayWidth(of: save)
    let start = max(0, columns - rightWidth - 1)
    let pathWidth = start - 2
    if pathWidth >= 5 {
      screen.write(Renderer.leftTruncated(state.storePath, toWidth: pathWidth), row: row,
                   column: 1, width: pathWidth, style: .statusBar)
    }
    let used = screen.write(right, row: row, column: start, style: .statusBar)
    screen.write(save, row: row, column: min(columns - 1, start + used), style: saveStyle)
  }

  /// Keeps the end of a path, which says more than its start: `…/jobdeck/store.json`.
  static func leftTruncated(_ text: String, toWidth width: Int) -> String {
    let clean = TerminalText.sanitized(text)
    guard width > 0 else { return "" }
    if TerminalText.displayWidth(of: clean) <= width { return clean }
    var result = ""
    var used = 1
    for grapheme in clean.reversed() {
      let graphemeWidth = TerminalText.displayWidth(of: grapheme)
      if used + graphemeWidth > width { break }
      result.insert(grapheme, at: result.startIndex)
      used += graphemeWidth
    }
    return "…" + result
  }

  private func drawEmptyState(on screen: inout Screen, in area: Area) {
    let lines = [
      "No postings yet.",
      "",
      "  a   add a posting by hand",
      "  i   import a posting from a file or URL",
      "  ?   all keys",
      "",
      "To look around first, run: jobdeck demo",
    ]
    for (index, line) in lines.enumerated() where index < area.height {
      screen.write(line, row: area.top + 1 + index, column: 2,
                   style: index == 0 ? .heading : .plain)
    }
  }

  private func drawHelp(on screen: inout Screen, in area: Area) {
    let lines = Renderer.helpLines
    screen.write("Keys (any key closes)", row: area.top, column: 1, style: .heading)
    let columnWidth = area.width >= 100 ? area.width / 2 : area.width
    let perColumn = max(1, area.height - 1)
    for (index, line) in lines.enumerated() {
      let column = (index / perColumn) * columnWidth + 1
      let row = area.top + 1 + index % perColumn
      guard column < area.width else { break }
      screen.write(line, row: row, column: column, width: columnWidth - 1)
    }
  }

  static let helpLines = [
    ("1 2 3 Tab Shift-Tab", "postings / pipeline / agenda"),
    ("j k ↑ ↓", "move the selection"),
    ("Enter", "open the detail"),
    ("s", "sort postings (deadline, posted, company)"),
    ("/  n N  Esc", "filter postings, next/previous, clear"),
    ("h l ← →", "pipeline: previous/next column"),
    ("L >   H <", "move to the next/previous stage"),
    ("m", "move to any stage (picker)"),
    ("c", "pipeline: show/hide closed applications"),
    ("x   z d   z w", "agenda: done, snooze a day / a week"),
    ("e   o", "detail: edit notes, open the URL"),
    ("PgUp PgDn", "detail: scroll"),
    ("a   i", "add a posting, import a file or URL"),
    ("u   Ctrl-R", "undo, redo"),
    ("q   Esc", "back; q quits from a top view"),
  ].map { TerminalText.padded($0.0, toWidth: 20) + "  " + $0.1 }
}
