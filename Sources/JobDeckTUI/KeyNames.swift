/// Keys written as the help writes them (`j`, `Ctrl-R`, `PgDn`, `Space`), read back for the
/// config file's `[keys]` table, so what the help shows can be copied into the file.
extension KeyMap {
  /// What `name(_:)` accepts besides single characters, for error messages.
  public static let keyNameRule =
    "one character, Space, Enter, Esc, Tab, Shift-Tab, Backspace, Delete, Up, Down, Left, "
    + "Right, Home, End, PgUp, PgDn, F1…F12 or Ctrl-A…Ctrl-Z"

  /// The key `name` stands for; nil when it names none (or one the UI cannot bind, such as
  /// `resize`).
  public static func key(named name: String) -> KeyPress? {
    let lowered = name.lowercased()
    let named: [String: KeyPress] = [
      "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape,
      "escape": .escape, "tab": .tab, "shift-tab": .backTab, "backspace": .backspace,
      "delete": .delete, "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left,
      "←": .left, "right": .right, "→": .right, "home": .home, "end": .end, "pgup": .pageUp,
      "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
    ]
    if let key = named[lowered] { return key }
    if name.count == 1, let character = name.first, !character.isWhitespace,
      !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    {
      return .character(character)
    }
    if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last,
      letter.isASCII, letter.isLetter
    {
      return .control(letter)
    }
    if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
      return .function(number)
    }
    return nil
  }
}
