/// A key as the UI sees it, decoded by the terminal layer from curses input.
public enum KeyPress: Hashable, Sendable {
  case character(Character)
  /// Ctrl plus a letter, lowercase: `.control("r")` is Ctrl-R.
  case control(Character)
  case enter, escape, tab, backTab, backspace, delete
  case up, down, left, right, home, end, pageUp, pageDown
  case function(Int)
  case resize(TerminalSize)
}
