import JobDeckCore

/// `:` the command palette: every command of the keymap, narrowed by fuzzy matching as the
/// user types; Enter runs the selected one, Esc closes. While it is open, letters are text.
extension App {
  mutating func handlePaletteKey(_ key: KeyPress) -> [Effect] {
    guard case .palette(var palette) = state.mode else { return [] }
    let matches = PaletteMatcher.matches(palette.input.text, context: state.keyContext, in: state.keys)
    switch key {
    case .escape:
      state.mode = palette.detail.map(Mode.detail) ?? .browsing
      return []
    case .enter:
      state.mode = palette.detail.map(Mode.detail) ?? .browsing
      guard matches.indices.contains(palette.selection) else {
        showError("no command matches “\(palette.input.text)”")
        return []
      }
      return runFromPalette(matches[palette.selection].command)
    case .down, .control("n"), .tab:
      palette.selection = min(max(0, matches.count - 1), palette.selection + 1)
    case .up, .control("p"), .backTab:
      palette.selection = max(0, palette.selection - 1)
    default:
      guard let change = palette.input.handle(key) else { return [] }
      if change == .edited { palette.selection = 0 }
    }
    state.mode = .palette(palette)
    return []
  }
}

/// Fuzzy matching of typed text against the commands: the letters in order, anywhere in the
/// description, the command's name or its section, with runs and word starts ranked first.
public enum PaletteMatcher {
  /// The bindings matching `query`, best first; those that act in `context` before the others.
  public static func matches(_ query: String, context: KeyContext, in keys: KeyTable = .standard)
    -> [KeyBinding]
  {
    let needle = Array(query.lowercased().filter { $0 != " " })
    let scored = keys.bindings.enumerated().compactMap { position, binding -> (Int, Int, KeyBinding)? in
      guard let score = score(needle, in: searchText(binding)) else { return nil }
      let applies = binding.contexts.contains(context) ? 1 : 0
      return (score * 2 + applies, position, binding)
    }
    return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.2)
  }

  static func searchText(_ binding: KeyBinding) -> String {
    var name = ""
    for character in binding.command.rawValue {
      if character.isUppercase { name += " " }
      name += character.lowercased()
    }
    return "\(binding.summary) · \(name)".lowercased()
  }

  /// Nil unless every character of `needle` appears in `text` in order.
  static func score(_ needle: [Character], in text: String) -> Int? {
    guard !needle.isEmpty else { return 0 }
    let characters = Array(text)
    var found = 0
    var score = 0
    var previous = -2
    var firstIndex = 0
    for (index, character) in characters.enumerated() where found < needle.count {
      guard character == needle[found] else { continue }
      if found == 0 { firstIndex = index }
      score += 1
      if index == previous + 1 { score += 3 }
      if index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber) {
        score += 2
      }
      previous = index
      found += 1
    }
    // Where the match starts counts too: "mo" is "move …" before "… (detail: scroll down)".
    return found == needle.count ? score * 4 - min(3, firstIndex / 8) : nil
  }
}

extension Renderer {
  func drawPalette(_ palette: CommandPalette, on screen: inout Screen, in area: Area) {
    let matches = PaletteMatcher.matches(palette.input.text, context: state.keyContext, in: state.keys)
    let width = area.width
    let left = 0
    let height = min(area.height, max(3, matches.count + 2))
    for row in area.top..<(area.top + height) {
      screen.fill(row: row, column: left, width: width, style: .plain)
    }
    if height < area.height {
      screen.write(String(repeating: "─", count: width), row: area.top + height - 1, column: 0,
                   style: .dim)
    }
    let used = screen.write(": ", row: area.top, column: left, style: .highlight)
    drawInput(palette.input, on: &screen, row: area.top, column: left + used)
    let visible = max(0, height - 2)
    let offset = max(0, palette.selection - visible + 1)
    if matches.isEmpty, visible > 0 {
      screen.write("no command matches", row: area.top + 1, column: left + 2, style: .dim)
    }
    let keyWidth = min(14, max(6, width / 5))
    for (index, binding) in matches.enumerated().dropFirst(offset).prefix(visible) {
      let row = area.top + 1 + index - offset
      let isSelected = index == palette.selection
      let style: CellStyle = isSelected ? .selected : .plain
      if isSelected { screen.fill(row: row, column: left, width: width, style: style) }
      let place = binding.contexts.contains(state.keyContext)
        ? "" : "  (" + binding.orderedContexts.map(\.title).joined(separator: ", ") + ")"
      let columns = [TableColumn("", width: keyWidth),
                     TableColumn("", width: max(1, width - keyWidth - 2 - TableColumn.gap))]
      screen.writeTableRow([binding.keyLabel, binding.summary + place], columns: columns,
                           row: row, column: left + 1, style: style)
    }
  }
}
