import CNcursesw
import JobDeckTUI
import Testing

@testable import JobDeckTerminal

@Suite("Curses input becomes the UI's key presses")
struct KeyDecoderTests {
  let size = TerminalSize(rows: 24, columns: 80)

  func text(_ value: UInt32) -> KeyPress? {
    KeyDecoder.keyPress(status: OK, value: value, size: size)
  }

  func code(_ value: Int32) -> KeyPress? {
    KeyDecoder.keyPress(status: KEY_CODE_YES, value: UInt32(value), size: size)
  }

  @Test("Printable text, including non-ASCII, arrives as characters")
  func textIsCharacters() {
    #expect(text(0x61) == .character("a"))
    #expect(text(0x4C) == .character("L"))
    #expect(text(0x2F) == .character("/"))
    #expect(text(0xE9) == .character("é"))
    #expect(text(0x65E5) == .character("日"))
    #expect(text(0x1F600) == .character("😀"))
  }

  @Test("Enter is CR, LF and KEY_ENTER alike")
  func enterHasThreeSpellings() {
    #expect(text(13) == .enter)
    #expect(text(10) == .enter)
    #expect(code(KEY_ENTER) == .enter)
  }

  @Test("Backspace is DEL, BS and KEY_BACKSPACE alike; KEY_DC is delete")
  func backspaceHasThreeSpellings() {
    #expect(text(127) == .backspace)
    #expect(text(8) == .backspace)
    #expect(code(KEY_BACKSPACE) == .backspace)
    #expect(code(KEY_DC) == .delete)
  }

  @Test("Tab, Shift-Tab and Escape")
  func tabsAndEscape() {
    #expect(text(9) == .tab)
    #expect(code(KEY_BTAB) == .backTab)
    #expect(text(27) == .escape)
  }

  @Test("Control letters arrive as lowercase control keys")
  func controlLetters() {
    #expect(text(18) == .control("r"))
    #expect(text(1) == .control("a"))
    #expect(text(21) == .control("u"))
    #expect(text(26) == .control("z"))
  }

  @Test("Navigation keys")
  func navigationKeys() {
    #expect(code(KEY_UP) == .up)
    #expect(code(KEY_DOWN) == .down)
    #expect(code(KEY_LEFT) == .left)
    #expect(code(KEY_RIGHT) == .right)
    #expect(code(KEY_HOME) == .home)
    #expect(code(KEY_END) == .end)
    #expect(code(KEY_PPAGE) == .pageUp)
    #expect(code(KEY_NPAGE) == .pageDown)
  }

  @Test("Function keys carry their number")
  func functionKeys() {
    #expect(code(jd_key_f(1)) == .function(1))
    #expect(code(jd_key_f(10)) == .function(10))
    #expect(code(jd_key_f(12)) == .function(12))
  }

  @Test("A resize reports the terminal's new size")
  func resizeCarriesSize() {
    let small = TerminalSize(rows: 8, columns: 30)
    #expect(KeyDecoder.keyPress(status: KEY_CODE_YES, value: UInt32(KEY_RESIZE), size: small)
      == .resize(small))
  }

  @Test("No input, NUL and unknown key codes are dropped")
  func nothingToDeliver() {
    #expect(KeyDecoder.keyPress(status: ERR, value: 0x61, size: size) == nil)
    #expect(text(0) == nil)
    #expect(code(KEY_MOUSE) == nil)
  }

  @Test("KEY_MOUSE is told apart from keys; button 1 clicks, buttons 4 and 5 turn the wheel")
  func mouseEvents() {
    #expect(KeyDecoder.isMouse(status: KEY_CODE_YES, value: UInt32(KEY_MOUSE)))
    #expect(!KeyDecoder.isMouse(status: OK, value: UInt32(KEY_MOUSE)))
    #expect(KeyDecoder.mouseEvent(buttons: jd_button1_pressed(), row: 3, column: 7)
      == MouseEvent(.click, row: 3, column: 7))
    #expect(KeyDecoder.mouseEvent(buttons: jd_button1_clicked(), row: 0, column: 0)?.kind == .click)
    #expect(KeyDecoder.mouseEvent(buttons: jd_button4_pressed(), row: 1, column: 1)?.kind == .wheelUp)
    #expect(KeyDecoder.mouseEvent(buttons: jd_button5_pressed(), row: 1, column: 1)?.kind
      == .wheelDown)
    #expect(KeyDecoder.mouseEvent(buttons: 0, row: 1, column: 1) == nil)
  }
}
