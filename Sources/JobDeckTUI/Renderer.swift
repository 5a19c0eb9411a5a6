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
    let area = Area(top: 1, height: Renderer.contentHeight(rows: size.rows), width: size.columns)
    switch state.mode {
    case .detail(let detail): drawDetail(detail, on: &screen, in: area)
    case .palette(let palette) where palette.detail != nil:
      if let detail = palette.detail { drawDetail(detail, on: &screen, in: area) }
      drawPalette(palette, on: &screen, in: area)
    case .addForm(let form): drawAddForm(form, on: &screen, in: area)
    case .fieldForm(let form): drawFieldForm(form, on: &screen, in: area)
    case .offerComparison(let comparison): drawOfferComparison(comparison, on: &screen, in: area)
    case .contacts(let list):
      if let detail = list.detail { drawDetail(detail, on: &screen, in: area) } else {
        drawPipeline(on: &screen, in: area)
      }
      drawContacts(list, on: &screen, in: area)
    case .importPreview(let draft): drawImportPreview(draft, on: &screen, in: area)
    case .importPaste(let ad): drawPastedAd(ad, on: &screen, in: area)
    case .help: drawHelp(on: &screen, in: area)
    default:
      if state.deck.isEmpty {
        drawEmptyState(on: &screen, in: area)
      } else {
        switch state.view {
        case .postings: drawPostings(on: &screen, in: area)
        case .pipeline: drawPipeline(on: &screen, in: area)
        case .agenda: drawAgenda(on: &screen, in: area)
        case .stats: drawStats(on: &screen, in: area)
        }
      }
      if case .stagePicker(let picker) = state.mode {
        drawStagePicker(picker, on: &screen, in: area)
      }
      if case .palette(let palette) = state.mode {
        drawPalette(palette, on: &screen, in: area)
      }
    }
    drawMessageLine(on: &screen, row: size.rows - 3)
    drawHintBar(on: &screen, row: size.rows - 2)
    drawStatusBar(on: &screen, row: size.rows - 1)
    return screen
  }

  /// Rows between the header and the three bottom lines (message, hints, status).
  static func contentHeight(rows: Int) -> Int { max(1, rows - 4) }

  /// The columns of each view's tab in the header, for drawing and for mouse clicks.
  static func tabRanges(columns: Int, keys: KeyTable = .standard)
    -> [(view: TopView, columns: Range<Int>)]
  {
    var column = columns >= 60 ? TerminalText.displayWidth(of: "JobDeck ") : 0
    return TopView.allCases.map { view in
      let width = TerminalText.displayWidth(of: tabLabel(view, keys: keys))
      defer { column += width }
      return (view, column..<(column + width))
    }
  }

  /// The view's name after the first key that shows it (the keymap's, so a rebinding shows).
  static func tabLabel(_ view: TopView, keys: KeyTable = .standard) -> String {
    let command: AppCommand = [
      .postings: .showPostings, .pipeline: .showPipeline, .stats: .showStats,
    ][view] ?? .showAgenda
    guard let key = keys.binding(for: command)?.keys.first else { return " \(view.title) " }
    return " \(KeyMap.label(key)) \(view.title) "
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
    if screen.size.columns >= 60 {
      screen.write("JobDeck ", row: 0, column: 0, style: .heading)
    }
    var column = 0
    for (view, range) in Renderer.tabRanges(columns: screen.size.columns, keys: state.keys) {
      let style = view == state.view ? CellStyle.selected : CellStyle.heading
      column = range.lowerBound + screen.write(
        Renderer.tabLabel(view, keys: state.keys), row: 0, column: range.lowerBound, style: style)
    }
    let helpKey = state.keys.binding(for: .help)?.keys.first.map { "  \(KeyMap.label($0)) help" }
    let today = " \(state.today)" + (helpKey ?? "")
    let width = TerminalText.displayWidth(of: today)
    if column + width < screen.size.columns {
      screen.write(today, row: 0, column: screen.size.columns - width, style: .heading)
    }
  }

  /// The line above the status bar: a prompt being typed, else the last message.
  private func drawMessageLine(on screen: inout Screen, row: Int) {
    switch state.mode {
    case .importPrompt(let input):
      let label = "Import file or URL, or paste an ad: "
      let used = screen.write(label, row: row, column: 0, style: .highlight)
      drawInput(input, on: &screen, row: row, column: used)
      return
    case .duplicateQuestion(let question):
      screen.write(App.duplicatePrompt(question), row: row, column: 0, style: .highlight)
      return
    case .snoozePrompt:
      screen.write("Snooze for: d = 1 day, w = 1 week, Esc = cancel", row: row, column: 0,
                   style: .highlight)
      return
    case .moveNote(let prompt):
      let name = state.deck.application(withID: prompt.applicationID).map(state.recordName(of:))
        ?? prompt.applicationID
      var label = "Note for moving \(name) to \(prompt.stage.displayName) (Enter: none): "
      if TerminalText.displayWidth(of: label) > screen.size.columns - 20 {
        label = "Note for \(prompt.stage.displayName) (Enter: none): "
      }
      let used = screen.write(label, row: row, column: 0, style: .highlight)
      drawInput(prompt.input, on: &screen, row: row, column: used)
      return
    case .editAgain(let again):
      let answer = " Edit again? Y/n"
      let room = max(0, screen.size.columns - TerminalText.displayWidth(of: answer))
      let used = screen.write(TerminalText.sanitized(again.mistake), row: row, column: 0,
                              width: room, style: .error)
      screen.write(answer, row: row, column: used, style: .highlight)
      return
    case .confirmDelete(let confirm):
      // The answer keys stay in view however long the name is.
      let answer = " y/N"
      let question = confirm.question.hasSuffix(answer)
        ? String(confirm.question.dropLast(answer.count)) : confirm.question
      let room = max(0, screen.size.columns - TerminalText.displayWidth(of: answer))
      let used = screen.write(question, row: row, column: 0, width: room, style: .error)
      screen.write(answer, row: row, column: used, style: .error)
      return
    default: break
    }
    let isBrowsing: Bool
    switch state.mode {
    case .browsing, .detail: isBrowsing = true
    default: isBrowsing = false
    }
    if isBrowsing, state.isEditingFilter {
      let label = state.keyContext == .detail ? "search: " : "/"
      let used = screen.write(label, row: row, column: 0, style: .highlight)
      drawInput(TextInput(state.activeFilter), on: &screen, row: row, column: used)
      return
    }
    if let message = state.message {
      screen.write(message, row: row, column: 0, style: state.messageIsError ? .error : .plain)
    } else if isBrowsing, !state.activeFilter.isEmpty {
      let what = state.keyContext == .detail ? "search" : "filter"
      screen.write("\(what): \(state.activeFilter)  (n/N next/previous, Esc clears)", row: row,
                   column: 0, style: .dim)
    }
  }

  /// The main keys of what is on screen: from the keymap for the views and the detail, the
  /// prompt's own keys while one is open. Hints that do not fit are left out whole.
  private func drawHintBar(on screen: inout Screen, row: Int) {
    var pairs: [(String, String)]
    switch state.mode {
    case .browsing, .detail:
      if state.isEditingFilter {
        pairs = [("Enter", "keep"), ("Esc", "clear"), ("↑ ↓", "leave and move")]
      } else {
        pairs = state.keys.hints(in: state.keyContext).map {
          (KeyMap.label($0.keys[0]), $0.hint ?? "")
        }
      }
    case .palette:
      pairs = [("type", "to find"), ("↑ ↓", "choose"), ("Enter", "run"), ("Esc", "close")]
    case .help:
      pairs = [("j k PgDn PgUp", "scroll"), ("q Esc ?", "close")]
    case .stagePicker:
      pairs = [("j k", "choose"), ("Enter", "move"), ("Esc", "cancel")]
    case .snoozePrompt:
      pairs = [("d", "a day"), ("w", "a week"), ("Esc", "cancel")]
    case .addForm:
      pairs = [("Tab", "next field"), ("Ctrl-S", "save"), ("Esc", "cancel")]
    case .importPrompt:
      pairs = [("Enter", "import"), ("paste", "an ad"), ("Ctrl-V", "clipboard"),
               ("Ctrl-E", "editor"), ("Esc", "cancel")]
    case .duplicateQuestion:
      pairs = [("u", "update it"), ("a", "add anyway"), ("n Esc", "cancel")]
    case .importPaste:
      pairs = [("Ctrl-D", "preview"), ("Ctrl-V", "clipboard"), ("Esc", "cancel")]
    case .importPreview:
      pairs = [("y", "add"), ("n", "cancel")]
    case .fieldForm(let form):
      pairs = [("Tab", "next field"), ("Ctrl-S", "save"), ("Esc", "cancel")]
      if case .editFields = form.purpose { pairs.insert(("Ctrl-E", "$EDITOR"), at: 2) }
    case .moveNote:
      pairs = [("Enter", "move"), ("Esc", "don't move")]
    case .confirmDelete:
      pairs = [("y", "delete"), ("any other key", "keep it")]
    case .offerComparison:
      pairs = [("q Esc", "close")]
    case .contacts:
      pairs = [("j k", "choose"), ("a", "add"), ("e Enter", "edit"), ("D", "delete"),
               ("o", "write/call"), ("Esc", "close")]
    case .editAgain:
      pairs = [("y Enter", "edit again"), ("n Esc", "leave it unchanged")]
    }
    var column = 1
    for (key, hint) in pairs {
      let width = TerminalText.displayWidth(of: key) + 1 + TerminalText.displayWidth(of: hint)
      guard column + width <= screen.size.columns else { break }
      column += screen.write(key, row: row, column: column, style: .highlight)
      column += screen.write(" " + hint, row: row, column: column, style: .dim)
      column += 2
    }
  }

  /// A text field to the right edge, with the terminal's cursor at the field's.
  func drawInput(_ input: TextInput, on screen: inout Screen, row: Int, column: Int) {
    let cursor = screen.writeField(
      input, row: row, column: column, width: max(0, screen.size.columns - column))
    screen.cursor = (row, cursor)
  }

  /// Path, counts, read-only flag and save state; as the width shrinks the path gives way
  /// first, then the counts shorten and go: the save state always shows.
  private func drawStatusBar(on screen: inout Screen, row: Int) {
    screen.fill(row: row, style: .statusBar)
    let deck = state.deck
    let deadlines = state.facts(\.pendingDeadlineCount)
    let fullCounts = Plural.count(deck.postings.count, "posting") + " · "
      + Plural.count(deck.applications.count, "application") + " · "
      + Plural.count(deadlines, "deadline")
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
    let sync = state.syncStatus.map { [$0.text(in: state.timeZone)] } ?? []
    let save = TerminalText.sanitized(saveText)
    var right = ""
    for counts in [sync + [fullCounts], sync + [shortCounts], [shortCounts], []] {
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
      "  i   import a posting from a file, a URL or a paste",
      "  ?   all keys",
      "",
      "To look around first, run: jobdeck demo",
    ]
    for (index, line) in lines.enumerated() where index < area.height {
      screen.write(line, row: area.top + 1 + index, column: 2,
                   style: index == 0 ? .heading : .plain)
    }
  }
}
