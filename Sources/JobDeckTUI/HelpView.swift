import JobDeckCore

/// `?`: every key of the keymap, grouped as the table groups them, scrolled with the usual
/// keys so it fits any terminal the UI draws on.
extension App {
  /// The help scrolls with the keys that scroll the detail (read from the keymap, so a
  /// rebinding moves both); `?`, `q` and `Esc` close it.
  mutating func handleHelpKey(_ key: KeyPress) -> [Effect] {
    let height = Renderer.contentHeight(rows: state.size.rows)
    let lines = Renderer.helpLines(width: state.size.columns, keys: state.keys)
    let maximum = max(0, lines.count - (height - 1))
    switch state.keys.command(for: key, in: .detail) {
    case .help, .back:
      state.mode = state.detailUnderHelp.map(Mode.detail) ?? .browsing
      state.detailUnderHelp = nil
    case .selectNext: state.helpScroll += 1
    case .selectPrevious: state.helpScroll -= 1
    case .pageDown: state.helpScroll += max(1, height - 2)
    case .pageUp: state.helpScroll -= max(1, height - 2)
    case .selectFirst: state.helpScroll = 0
    case .selectLast: state.helpScroll = maximum
    default: return []
    }
    state.helpScroll = max(0, min(state.helpScroll, maximum))
    return []
  }
}

extension Renderer {
  /// The help's lines at `width`: a heading per group, then keys and what they do, the
  /// description wrapped under itself when the width is short; last, the keys of a text field.
  static func helpLines(width: Int, keys: KeyTable = .standard) -> [StyledLine] {
    var sections: [(title: String, rows: [(keys: String, summary: String)])] = []
    for group in KeyGroup.allCases {
      let bindings = keys.bindings.filter { $0.group == group }
      guard !bindings.isEmpty else { continue }
      sections.append((group.title, bindings.map { ($0.keyLabel, $0.summary) }))
    }
    sections.append((TextEdit.helpTitle, TextEdit.allCases.map { ($0.keyLabel, $0.summary) }))
    let keyWidth = min(18, max(8, width / 4))
    let textWidth = max(10, width - keyWidth - 4)
    var lines: [StyledLine] = []
    for section in sections {
      if !lines.isEmpty { lines.append(StyledLine(text: "")) }
      lines.append(StyledLine(text: section.title, style: .heading, indent: 1))
      for row in section.rows {
        let wrapped = TerminalText.wrapped(row.summary, toWidth: textWidth)
        let keys = TerminalText.padded(
          Screen.truncated(row.keys, toWidth: keyWidth), toWidth: keyWidth)
        for (index, piece) in wrapped.enumerated() {
          let lead = index == 0 ? keys : String(repeating: " ", count: keyWidth)
          lines.append(StyledLine(text: lead + "  " + piece, indent: 2))
        }
      }
    }
    return lines
  }

  func drawHelp(on screen: inout Screen, in area: Area) {
    let lines = Renderer.helpLines(width: area.width, keys: state.keys)
    let visible = max(0, area.height - 1)
    let maximum = max(0, lines.count - visible)
    let scroll = max(0, min(state.helpScroll, maximum))
    var title = "Keys"
    if maximum > 0 {
      title += "  \(scroll + 1)–\(min(lines.count, scroll + visible))/\(lines.count)"
    }
    screen.write(title, row: area.top, column: 1, style: .heading)
    for (index, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
      screen.write(line.text, row: area.top + 1 + index, column: line.indent,
                   width: area.width - line.indent, style: line.style)
    }
  }
}
