import CNcursesw
import Foundation
import JobDeckTUI

/// Where curses reads keys and draws.
enum TerminalDevice {
  /// `/dev/tty`, so the UI works even when JobDeck's standard streams are redirected; falls back
  /// to stdin/stdout when there is no controlling terminal but those are terminals.
  case controllingTerminal
  /// Given streams, a terminal type and a fixed size: the headless terminal of the tests.
  case streams(input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
               terminalType: String, size: TerminalSize)
}

/// The terminal's XON/XOFF flow control, turned off for the UI and restored after it.
struct FlowControl {
  static let bits = tcflag_t(IXON | IXOFF)

  let descriptor: Int32
  /// `IXON` and `IXOFF` as they were; every other mode belongs to curses (`endwin` puts those
  /// back), so only these two bits are restored.
  let originalBits: tcflag_t

  /// Nil when `descriptor` is no terminal (the headless tests' pipes).
  static func turnOff(descriptor: Int32) -> FlowControl? {
    var modes = termios()
    guard descriptor >= 0, tcgetattr(descriptor, &modes) == 0 else { return nil }
    let originalBits = modes.c_iflag & bits
    modes.c_iflag &= ~bits
    guard tcsetattr(descriptor, TCSANOW, &modes) == 0 else { return nil }
    return FlowControl(descriptor: descriptor, originalBits: originalBits)
  }

  func restore() {
    var modes = termios()
    guard tcgetattr(descriptor, &modes) == 0 else { return }
    modes.c_iflag = (modes.c_iflag & ~FlowControl.bits) | originalBits
    _ = tcsetattr(descriptor, TCSANOW, &modes)
  }
}

/// The UI could not take over a terminal.
public enum TerminalError: Error, CustomStringConvertible {
  case notATerminal
  case cursesFailed(terminalType: String)

  public var description: String {
    switch self {
    case .notATerminal:
      return "jobdeck's interface needs a terminal: /dev/tty could not be opened and standard "
        + "input/output are not terminals (use the CLI commands in scripts)"
    case .cursesFailed(let type):
      return "curses could not start on terminal type '\(type)' (is TERM set, and is its "
        + "terminfo entry installed?)"
    }
  }
}

/// One curses screen: started in the modes the UI needs, stepped aside for the editor and for
/// Ctrl-Z, and ended exactly once.
final class CursesTerminal {
  let window: UnsafeMutablePointer<WINDOW>
  let palette: StylePalette
  /// The terminal's device path, handed to the editor as its standard streams.
  let terminalPath: String?
  private let screen: OpaquePointer
  /// Where curses writes; the bracketed-paste switch is written here too.
  private let output: UnsafeMutablePointer<FILE>
  /// Streams this terminal opened and must close (not those a test handed in).
  private let ownedStreams: [UnsafeMutablePointer<FILE>]
  private var isClosed = false
  /// The terminal's modes before flow control was turned off, restored on close.
  private let flowControl: FlowControl?

  /// How long `wget_wch` waits before the loop gets to check signals and the clock.
  static let inputTimeoutMilliseconds: Int32 = 500
  /// Long enough for an escape sequence from a local or ssh terminal to arrive whole, short
  /// enough that a lone Esc feels immediate.
  static let escapeDelayMilliseconds: Int32 = 25

  init(device: TerminalDevice, environment: [String: String], enablesMouse: Bool = false,
       theme: ColorTheme = ColorTheme())
    throws(TerminalError)
  {
    Self.chooseUTF8Locale()
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>
    var terminalType = environment["TERM"] ?? ""
    var fixedSize: TerminalSize?
    switch device {
    case .controllingTerminal:
      if let tty = fopen("/dev/tty", "r+") {
        (input, output, ownedStreams, terminalPath) = (tty, tty, [tty], "/dev/tty")
      } else if isatty(0) == 1, isatty(1) == 1,
        let inputCopy = fdopen(dup(0), "r"), let outputCopy = fdopen(dup(1), "w")
      {
        (input, output, ownedStreams, terminalPath) =
          (inputCopy, outputCopy, [inputCopy, outputCopy], nil)
      } else {
        throw .notATerminal
      }
    case .streams(let givenInput, let givenOutput, let type, let size):
      (input, output, ownedStreams, terminalPath) = (givenInput, givenOutput, [], nil)
      terminalType = type
      fixedSize = size
    }
    _ = set_escdelay(Self.escapeDelayMilliseconds)
    guard let screen = newterm(terminalType.isEmpty ? nil : terminalType, output, input) else {
      for stream in ownedStreams { fclose(stream) }
      throw .cursesFailed(terminalType: terminalType)
    }
    self.screen = screen
    self.output = output
    _ = set_term(screen)
    if let fixedSize {
      _ = resizeterm(Int32(fixedSize.rows), Int32(fixedSize.columns))
      // resizeterm queues a KEY_RESIZE; a size fixed from the start is no resize to report.
      _ = flushinp()
    }
    guard let window = jd_stdscr() else {
      throw .cursesFailed(terminalType: terminalType)
    }
    self.window = window
    // cbreak rather than raw: Ctrl-C and Ctrl-Z stay signals, so `kill -INT` and the keyboard
    // take the same path, and a wedged UI can still be stopped.
    _ = cbreak()
    _ = noecho()
    _ = nonl()
    _ = keypad(window, true)
    _ = intrflush(window, false)
    wtimeout(window, Self.inputTimeoutMilliseconds)
    // cbreak leaves XON/XOFF on: Ctrl-S would freeze the terminal until Ctrl-Q. Off while the
    // UI runs, so both reach it as keys; curses' endwin and `close` put it back.
    flowControl = FlowControl.turnOff(descriptor: fileno(input))
    if enablesMouse {
      _ = mousemask(
        jd_button1_pressed() | jd_button1_clicked() | jd_button4_pressed() | jd_button5_pressed(),
        nil)
      // Report a press at once instead of waiting to tell a click from a double click.
      _ = mouseinterval(0)
    }

    var palette = StylePalette(environment: environment, theme: theme)
    if palette.usesColor, has_colors(), start_color() == OK {
      _ = use_default_colors()
      for (pair, foreground) in palette.colorPairs {
        _ = init_pair(pair, foreground, -1)
      }
    } else {
      palette = StylePalette(usesColor: false)
    }
    self.palette = palette
    writeControl(BracketedPaste.enable)
  }

  var size: TerminalSize {
    TerminalSize(rows: Int(jd_max_rows(window)), columns: Int(jd_max_columns(window)))
  }

  /// Hands the terminal back to the shell or an editor, remembering curses' modes.
  func stepAside() {
    writeControl(BracketedPaste.disable)
    _ = def_prog_mode()
    _ = endwin()
  }

  /// Takes the terminal back and repaints all of it: whatever ran meanwhile drew over it.
  func takeBack() {
    _ = reset_prog_mode()
    _ = clearok(window, true)
    _ = wrefresh(window)
    writeControl(BracketedPaste.enable)
  }

  /// A pasted ad arrives as one paste action only while the terminal brackets pastes; the shell
  /// and the editor get the terminal back without it, as they found it.
  private func writeControl(_ sequence: String) {
    _ = fputs(sequence, output)
    _ = fflush(output)
    BracketedPaste.activeDescriptor.store(
      sequence == BracketedPaste.enable ? fileno(output) : -1, ordering: .relaxed)
  }

  /// The next key or code: `wget_wch`'s status (`OK`, `KEY_CODE_YES`, `ERR` on timeout or
  /// interruption) and value.
  func readInput() -> (status: Int32, value: UInt32) {
    var value: wint_t = 0
    let status = wget_wch(window, &value)
    return (status, UInt32(value))
  }

  /// The next key if one arrives within `milliseconds`: the rest of a paste marker is already
  /// on its way when its first characters are read.
  func readInput(waitingAtMost milliseconds: Int32) -> (status: Int32, value: UInt32) {
    wtimeout(window, milliseconds)
    defer { wtimeout(window, Self.inputTimeoutMilliseconds) }
    return readInput()
  }

  /// The mouse event curses queued with `KEY_MOUSE`, as the UI sees it.
  func readMouse() -> MouseEvent? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    return KeyDecoder.mouseEvent(buttons: event.bstate, row: Int(event.y), column: Int(event.x))
  }

  func refresh() {
    _ = wrefresh(window)
  }

  func close() {
    guard !isClosed else { return }
    isClosed = true
    writeControl(BracketedPaste.disable)
    _ = endwin()
    flowControl?.restore()
    delscreen(screen)
    for stream in ownedStreams { fclose(stream) }
  }

  deinit {
    close()
  }

  /// Curses needs a UTF-8 character type to measure and draw anything beyond ASCII. The user's
  /// locale comes first; when it is not UTF-8 (LANG unset in a bare tmux or cron-like setting),
  /// C.UTF-8 still lets wide characters through.
  static func chooseUTF8Locale() {
    setlocale(LC_ALL, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
    if codeset != "UTF-8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }
}
