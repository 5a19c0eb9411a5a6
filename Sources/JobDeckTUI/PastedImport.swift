import Foundation
import JobDeckCore

/// Pasting: a bracketed paste lands as text wherever text is typed (never as keys), and the
/// import dialog (`i`) takes a whole ad pasted into its box, read from the clipboard, or written
/// in an empty `$EDITOR` buffer, then shows the usual preview.
extension App {
  static let pasteHelp =
    "paste the ad here (your terminal's paste), Ctrl-V reads the clipboard, Ctrl-E opens an editor"

  mutating func handlePaste(_ text: String) -> [Effect] {
    switch state.mode {
    case .importPrompt(var input):
      // A pasted URL or path stays on the prompt's line; anything longer is an ad.
      if text.contains(where: \.isNewline) {
        state.mode = .importPaste(PastedAd(text))
        showMessage("pasted \(Plural.count(text.split(whereSeparator: \.isNewline).count, "line")); "
          + "Ctrl-D previews the import")
      } else {
        input.insert(pasted: text)
        state.mode = .importPrompt(input)
      }
    case .importPaste(var ad):
      ad.text += text
      state.mode = .importPaste(ad)
    case .addForm(var form):
      var input = form.values[form.focus] ?? TextInput()
      input.insert(pasted: text)
      form.values[form.focus] = input
      form.error = nil
      state.mode = .addForm(form)
    case .fieldForm(var form) where form.fields.indices.contains(form.focus):
      form.fields[form.focus].input.insert(pasted: text)
      form.error = nil
      state.mode = .fieldForm(form)
    case .moveNote(var note):
      note.input.insert(pasted: text)
      state.mode = .moveNote(note)
    case .palette(var palette):
      palette.input.insert(pasted: text)
      palette.selection = 0
      state.mode = .palette(palette)
    case .browsing, .detail:
      guard state.isEditingFilter else {
        showMessage("paste ignored: to import a pasted ad, press i and paste it there")
        return []
      }
      pasteIntoFilter(text)
    default:
      showMessage("paste ignored here")
    }
    return []
  }

  /// Keys in the import dialog's box: typing adds to the pasted text, Ctrl-D previews it.
  mutating func handleImportPasteKey(_ key: KeyPress) -> [Effect] {
    guard case .importPaste(var ad) = state.mode else { return [] }
    switch key {
    case .escape:
      state.mode = .browsing
      showMessage("import cancelled")
    case .control("d"):
      return importPasted(ad.text)
    case .control("v"):
      return [.readClipboard]
    case .enter:
      ad.text += "\n"
      state.mode = .importPaste(ad)
    case .tab:
      ad.text += "\t"
      state.mode = .importPaste(ad)
    case .backspace:
      if !ad.text.isEmpty { ad.text.removeLast() }
      state.mode = .importPaste(ad)
    case .control("u"):
      ad.text = ""
      state.mode = .importPaste(ad)
    case .character(let character):
      var input = TextInput()
      guard input.handle(key) != nil else { return [] }
      ad.text.append(character)
      state.mode = .importPaste(ad)
    default:
      break
    }
    return []
  }

  /// Ctrl-V and Ctrl-E in the import prompt, and `-` (standard input is the UI's terminal).
  mutating func handleImportPromptPasteKey(_ key: KeyPress) -> [Effect]? {
    switch key {
    case .control("v"):
      showMessage("reading the clipboard…")
      return [.readClipboard]
    case .control("e"):
      state.mode = .browsing
      return [.editText("", purpose: .pastedAd)]
    default:
      return nil
    }
  }

  /// The same import as `jobdeck import -`, on text instead of standard input.
  private mutating func importPasted(_ text: String) -> [Effect] {
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      showError("nothing pasted yet: " + App.pasteHelp)
      return []
    }
    state.mode = .browsing
    showMessage("reading the pasted ad…")
    return [.importText(text)]
  }

  mutating func clipboardRead(_ reading: ClipboardReading) -> [Effect] {
    switch reading {
    case .text(let text, let tool):
      let effects = importPasted(text)
      showMessage("read the clipboard with \(tool); reading the ad…")
      return effects
    case .failed(let message):
      showError(message)
      return []
    }
  }

  mutating func pastedAdEdited(_ text: String?) -> [Effect] {
    guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      showMessage("import cancelled (the editor saved nothing)")
      return []
    }
    return importPasted(text)
  }
}

extension Renderer {
  /// The box with the pasted ad: its last lines, so what was just pasted is in view.
  func drawPastedAd(_ ad: PastedAd, on screen: inout Screen, in area: Area) {
    screen.write("Import a pasted ad", row: area.top, column: 1, style: .heading)
    let lineCount = ad.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .count
    let summary = "\(Plural.count(lineCount, "line")), \(ad.text.utf8.count) bytes · "
      + "Ctrl-D: preview · Esc: cancel"
    screen.write(summary, row: area.top + 1, column: 1, width: area.width - 2, style: .dim)
    let boxTop = area.top + 2
    let boxHeight = max(1, area.height - 2)
    let boxWidth = max(1, area.width - 2)
    var lines: [String] = []
    for line in ad.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let clean = TerminalText.sanitized(String(line))
      lines += clean.isEmpty ? [""] : TerminalText.wrapped(clean, toWidth: boxWidth)
    }
    let shown = lines.suffix(boxHeight)
    for row in 0..<boxHeight {
      screen.fill(row: boxTop + row, column: 1, width: boxWidth, style: .inputField)
    }
    for (offset, line) in shown.enumerated() {
      screen.write(line, row: boxTop + offset, column: 1, width: boxWidth, style: .inputField)
    }
    let lastRow = boxTop + max(0, shown.count - 1)
    let lastWidth = TerminalText.displayWidth(of: shown.last ?? "")
    screen.cursor = (lastRow, min(screen.size.columns - 1, 1 + lastWidth))
  }
}
