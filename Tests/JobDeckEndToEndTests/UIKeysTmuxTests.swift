import Foundation
import JobDeckTestSupport
import Testing

/// The keymap in a real terminal: the palette, the `/` line that takes every letter as text,
/// and Ctrl-S, which must reach the UI instead of freezing the terminal.
@Suite("UI keys in a real terminal", .serialized)
struct UIKeysTmuxTests {
  let workspace = CLIWorkspace()

  func openUI(columns: Int = 100, rows: Int = 24, environment: [String: String] = [:]) throws
    -> TmuxSession
  {
    let binary = try BuiltBinary.jobdeck()
    return try TmuxSession(
      command: [binary.url.path, "--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
                    "JOBDECK_NOW": workspace.now].merging(environment) { $1 },
      columns: columns, rows: rows)
  }

  func makeAnApplicationWithADeadline() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--deadline", "2026-11-28"])
    try workspace.jobdeck(["add", "posting", "--company", "DeepL", "--title", "Research Intern"])
    try workspace.jobdeck(["apply", "deepl", "--stage", "interview"])
  }

  @Test func lettersTypedAfterSlashInTheAgendaChangeNothing() throws {
    try makeAnApplicationWithADeadline()
    let before = try workspace.storeBytes()
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    // JOBDECK_NOW pins the UI's today as it pins the CLI's.
    try ui.waitFor("2026-11-22")
    try ui.sendKeys("3")
    try ui.waitFor("apply by")
    try ui.sendKeys("/")
    try ui.sendText("xzdL")
    try ui.waitFor("No deadline matches 'xzdL'")
    try ui.sendKeys("Enter")
    try ui.sendKeys("Escape")
    try ui.waitFor("apply by")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
    #expect(try workspace.storeBytes() == before)
  }

  @Test func thePaletteFindsACommandByAFewLettersAndRunsIt() throws {
    try makeAnApplicationWithADeadline()
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    try ui.sendKeys(":")
    try ui.waitFor("Esc close")
    try ui.sendText("agenda")
    try ui.waitFor("show the agenda of deadlines")
    try ui.sendKeys("Enter")
    _ = try ui.waitUntil("the agenda is open") { screen in
      screen.contains("apply by") && !screen.contains("show the agenda of deadlines")
    }
    // Esc closes the palette without running anything.
    try ui.sendKeys(":")
    try ui.waitFor("Esc close")
    try ui.sendText("quit")
    try ui.sendKeys("Escape")
    try ui.waitForAbsence(of: "Esc close")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
  }

  @Test func ctrlSDoesNotFreezeTheTerminal() throws {
    try makeAnApplicationWithADeadline()
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    try ui.sendKeys("C-s")
    try ui.sendKeys("2")
    try ui.waitFor("interview 1")
    try ui.sendKeys("a")
    try ui.waitFor("Add a posting")
    try ui.sendText("Zalando")
    try ui.sendKeys("C-s")
    // Ctrl-S in the form saves it (it reports the missing title); the screen still reacts.
    try ui.waitFor("title is required")
    try ui.sendKeys("C-q")
    try ui.sendKeys("Escape")
    try ui.waitFor("add cancelled")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
  }

  @Test func withoutTheSwitchTheMouseIsLeftToTheTerminal() throws {
    try makeAnApplicationWithADeadline()
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    // Mouse reporting off: curses never asked for it, so no click reaches the UI.
    #expect(try ui.displayMessage("#{mouse_any_flag}") == "0")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
  }

  @Test func theMouseSwitchesViewsWhenTurnedOn() throws {
    try makeAnApplicationWithADeadline()
    let ui = try openUI(environment: ["JOBDECK_MOUSE": "1"])
    try ui.waitFor("ML Engineer")
    #expect(try ui.displayMessage("#{mouse_any_flag}") == "1")
    // What xterm sends (SGR mode) for a press and release of button 1 on "3 Agenda" in the
    // header: column 35, row 1, 1-based.
    try ui.sendText("\u{1B}[<0;35;1M\u{1B}[<0;35;1m")
    try ui.waitFor("apply by")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
  }
}
