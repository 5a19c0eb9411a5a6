import CNcursesw
import Foundation
import JobDeckTUI
import Testing

@testable import JobDeckTerminal

/// Everything that starts curses: serialized, because curses has one current screen per process.
@Suite("Headless curses: the blit and the run loop", .serialized)
struct HeadlessCursesTests {
  func startTerminal(_ device: HeadlessDevice,
                     environment: [String: String] = [:]) throws -> CursesTerminal {
    try CursesTerminal(device: device.device, environment: environment)
  }

  @Test("Blitted ASCII, CJK, emoji and accented rows read back as the Screen's rows")
  func blitRoundTrip() throws {
    let device = try HeadlessDevice()
    let terminal = try startTerminal(device)
    defer { terminal.close() }
    var blitter = ScreenBlitter(palette: terminal.palette)
    var screen = Screen(size: terminal.size)
    screen.write("Acme GmbH   Backend engineer   Berlin", row: 0, column: 0)
    screen.write("株式会社テスト   東京   エンジニア", row: 1, column: 2)
    screen.write("🚀 Rocket Labs 🎉 launch party", row: 2, column: 0)
    screen.write("café naïve Zürich", row: 3, column: 5, style: CellStyle(role: .selected))
    screen.write("end", row: 23, column: 77)
    blitter.draw(screen, in: terminal.window)

    for row in 0..<screen.size.rows {
      #expect(terminal.visibleText(row: row) == screen.rows[row], "row \(row)")
    }
    #expect(terminal.visibleText(row: 1) == "  株式会社テスト   東京   エンジニア")
  }

  @Test("Only changed rows are rewritten, until the frame is invalidated")
  func onlyChangedRowsAreRewritten() throws {
    let device = try HeadlessDevice()
    let terminal = try startTerminal(device)
    defer { terminal.close() }
    var blitter = ScreenBlitter(palette: terminal.palette)
    var first = Screen(size: terminal.size)
    first.write("row one", row: 1, column: 0)
    first.write("row five", row: 5, column: 0)
    blitter.draw(first, in: terminal.window)
    // Something else draws over row 5 behind the blitter's back.
    _ = mvwaddstr(terminal.window, 5, 0, "scribble")

    var second = first
    second.write("row ONE", row: 1, column: 0)
    blitter.draw(second, in: terminal.window)
    #expect(terminal.visibleText(row: 1) == "row ONE")
    #expect(terminal.visibleText(row: 5) == "scribble")

    blitter.invalidate()
    blitter.draw(second, in: terminal.window)
    #expect(terminal.visibleText(row: 5) == "row five")
  }

  @Test("A cell curses measures differently is padded or replaced so later columns stay put")
  func widthDisagreementsKeepAlignment() throws {
    let device = try HeadlessDevice()
    let terminal = try startTerminal(device)
    defer { terminal.close() }
    var blitter = ScreenBlitter(palette: terminal.palette)
    var screen = Screen(size: terminal.size)
    // U+263A is one column to curses; the UI measured it (with its emoji selector) as two.
    screen[0, 0] = Cell(text: "\u{263A}\u{FE0F}")
    screen[0, 1] = Cell(text: "", isContinuation: true)
    screen[0, 2] = Cell(text: "X")
    // A wide character the UI measured as one column.
    screen[1, 0] = Cell(text: "日")
    screen[1, 1] = Cell(text: "Y")
    blitter.draw(screen, in: terminal.window)

    #expect(terminal.visibleText(row: 0) == "\u{263A}\u{FE0F} X")
    #expect(terminal.visibleText(row: 1) == "\u{FFFD}Y")
  }

  @Test("Roles are drawn with their colour pair, and with none under NO_COLOR")
  func rolesBecomeColourPairs() throws {
    var screen = Screen(size: TerminalSize(rows: 24, columns: 80))
    screen.write("OVERDUE", row: 0, column: 0, style: CellStyle(role: .overdue))

    let colourDevice = try HeadlessDevice()
    let colour = try startTerminal(colourDevice)
    var colourBlitter = ScreenBlitter(palette: colour.palette)
    colourBlitter.draw(screen, in: colour.window)
    let coloured = colour.rendition(row: 0, column: 0)
    colour.close()
    #expect(coloured.pair == StylePalette(usesColor: true).colorPair(for: .overdue))
    #expect(coloured.pair != 0)

    let plainDevice = try HeadlessDevice()
    let plain = try startTerminal(plainDevice, environment: ["NO_COLOR": "1"])
    var plainBlitter = ScreenBlitter(palette: plain.palette)
    plainBlitter.draw(screen, in: plain.window)
    let uncoloured = plain.rendition(row: 0, column: 0)
    plain.close()
    #expect(uncoloured.pair == 0)
    #expect(uncoloured.attributes & jd_attr_bold() != 0)
  }
}
