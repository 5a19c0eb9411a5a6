import JobDeckCore

/// `?`: every key of the keymap, grouped as the table groups them, scrolled with the usual
/// keys so it fits any terminal the UI draws on.
extension App {
  mutating func handleHelpKey(_ key: KeyPress) -> [Effect] {
    let page = max(1, Renderer.contentHeight(rows: state.size.rows) - 2)
    let lines = Renderer.helpLines(width: state.size.columns)
    let maximum = max(0, lines.count - (Renderer.contentHeight(rows: state.size.rows) - 1))
    switch key {
    case .character("q"), .character("?"), .escape:
      state.mode = .browsing
      return []
    case .character("j"), .down: state.helpScroll += 1
    case .character("k"), .up: state.helpScroll -= 1
    case .pageDown, .character(" "): state.helpScroll += page
    case .pageUp: state.helpScroll -= page
    case .character("g"), .home: state.helpScroll = 0
    case .character("G"), .end: state.helpScroll = maximum
    default: return []
    }
    state.helpScroll = max(0, min(state.helpScroll, maximum))
    return []
  }
}

extension Renderer {
  /// The help's lines at `width`: a heading per group, then keys and what they do, the
  /// description wrapped under itself when the width is short.
  static func helpLines(width: Int) -> [StyledLine] {
    let keyWidth = min(18, max(8, width / 4))
    let textWidth = max(10, width - keyWidth - 4)
    var lines: [StyledLine] = []
    for group in KeyGroup.allCases {
      let bindings = KeyMap.bindings.filter { $0.group == group }
      guard !bindings.isEmpty else { continue }
      if !lines.isEmpty { lines.append(StyledLine(text: "")) }
      lines.append(StyledLine(text: group.title, style: .heading, indent: 1))
      for binding in bindings {
        let wrapped = TerminalText.wrapped(binding.summary, toWidth: textWidth)
        let keys = TerminalText.padded(
          Screen.truncated(binding.keyLabel, toWidth: keyWidth), toWidth: keyWidth)
        for (index, piece) in wrapped.enumerated() {
          let lead = index == 0 ? keys : String(repeating: " ", count: keyWidth)
          lines.append(StyledLine(text: lead + "  " + piece, indent: 2))
        }
      }
    }
    return lines
  }

  func drawHelp(on screen: inout Screen, in area: Area) {
    let lines = Renderer.helpLines(width: area.width)
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
