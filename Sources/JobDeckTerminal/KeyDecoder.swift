import CNcursesw
import JobDeckTUI

/// Turns what `wget_wch` returned into the UI's `KeyPress`. A pure function of the two values
/// curses hands back, so the whole table is tested without a terminal.
public enum KeyDecoder {
  /// Curses' `OK` and `KEY_CODE_YES`: text versus a function-key code in the same `wint_t`.
  public static let textStatus: Int32 = OK
  public static let keyCodeStatus: Int32 = KEY_CODE_YES

  /// - Parameters:
  ///   - status: what `wget_wch` returned (`OK`, `KEY_CODE_YES`, or `ERR` for no input).
  ///   - value: the character or key code it stored.
  ///   - size: the terminal's size now, reported with `KEY_RESIZE`.
  /// - Returns: nil for no input and for keys the UI has no use for (mouse, unknown codes).
  public static func keyPress(status: Int32, value: UInt32, size: TerminalSize) -> KeyPress? {
    switch status {
    case textStatus: return textKey(value)
    case keyCodeStatus: return functionKey(Int32(truncatingIfNeeded: value), size: size)
    default: return nil
    }
  }

  /// `wget_wch`'s answer for a mouse event: read it with `getmouse`.
  public static func isMouse(status: Int32, value: UInt32) -> Bool {
    status == keyCodeStatus && Int32(truncatingIfNeeded: value) == jd_key_mouse()
  }

  /// A mouse event from curses' button state: button 1 is a click, buttons 4 and 5 the wheel.
  public static func mouseEvent(buttons: mmask_t, row: Int, column: Int) -> MouseEvent? {
    let kind: MouseEvent.Kind
    if buttons & jd_button4_pressed() != 0 {
      kind = .wheelUp
    } else if buttons & jd_button5_pressed() != 0 {
      kind = .wheelDown
    } else if buttons & (jd_button1_pressed() | jd_button1_clicked()) != 0 {
      kind = .click
    } else {
      return nil
    }
    return MouseEvent(kind, row: row, column: column)
  }

  private static func textKey(_ value: UInt32) -> KeyPress? {
    switch value {
    // Terminals send CR or LF for Enter depending on their modes; both mean Enter.
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    // The erase character is DEL (127) on most terminals and BS (8, Ctrl-H) on some.
    case 127, 8: return .backspace
    case 1...26:
      guard let letter = Unicode.Scalar(value + 96) else { return nil }
      return .control(Character(letter))
    case 0, 28...31: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }

  private static func functionKey(_ code: Int32, size: TerminalSize) -> KeyPress? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_RESIZE: return .resize(size)
    case jd_key_f(1)...jd_key_f(63): return .function(Int(code - jd_key_f0()))
    default: return nil
    }
  }
}
