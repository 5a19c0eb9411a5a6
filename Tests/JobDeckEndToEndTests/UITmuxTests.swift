import Foundation
import JobDeckTestSupport
import Testing

/// The full-screen UI driven as a person would: the real binary in tmux, keys in, screen out.
/// Every wait polls the screen until it holds; nothing sleeps for a fixed time.
@Suite("UI in a real terminal", .serialized)
struct UITmuxTests {
  let workspace = CLIWorkspace()

  func openUI(columns: Int = 100, rows: Int = 24, arguments: [String] = []) throws -> TmuxSession {
    let binary = try BuiltBinary.jobdeck()
    return try TmuxSession(
      command: [binary.url.path] + arguments + ["--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": ""],
      columns: columns, rows: rows)
  }

  func makeTwoApplications() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--location", "Berlin"])
    try workspace.jobdeck(["add", "posting", "--company", "DeepL", "--title", "Research Intern",
                           "--location", "Cologne", "--tag", "nlp"])
    try workspace.jobdeck(["apply", "sumup", "--stage", "applied"])
    try workspace.jobdeck(["apply", "deepl", "--stage", "interview"])
  }

  func history(of id: String) throws -> [[String: Any]] {
    let shown = try workspace.json(["show", id, "--json"])
    return try #require(shown["history"] as? [[String: Any]])
  }

  @Test func browseFilterMoveWithShiftLAndQuitSavesTheMoveAndItsHistory() throws {
    try makeTwoApplications()
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    try ui.waitFor("Research Intern")
    // Filter: only DeepL stays.
    try ui.sendKeys("/")
    try ui.sendText("cologne")
    _ = try ui.waitUntil("only the DeepL row") { screen in
      screen.contains("Research Intern") && !screen.contains("ML Engineer")
    }
    try ui.sendKeys("Escape")
    try ui.waitFor("ML Engineer")
    // Pipeline: move SumUp (applied) on with L.
    try ui.sendKeys("2")
    try ui.waitFor("applied 1")
    try ui.sendKeys("L", "Enter")
    try ui.waitFor("screening 1")
    try ui.waitFor("saved")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
    let entries = try history(of: "sumup-ml-engineer")
    #expect(entries.count == 2)
    #expect(entries.last?["from"] as? String == "applied")
    #expect(entries.last?["to"] as? String == "screening")
  }

  @Test func aTinyTerminalSaysSoAndResizingBackRedraws() throws {
    try makeTwoApplications()
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    try ui.resize(columns: 30, rows: 8)
    try ui.waitFor("too small")
    try ui.resize(columns: 100, rows: 24)
    try ui.waitFor("ML Engineer")
    try ui.sendKeys("q")
  }

  @Test func ctrlCRestoresTheTerminalAndKeepsWhatWasSaved() throws {
    try makeTwoApplications()
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    #expect(try ui.displayMessage("#{alternate_on}") == "1")
    try ui.sendKeys("2")
    try ui.waitFor("applied 1")
    try ui.sendKeys("L", "Enter")
    try ui.waitFor("screening 1")
    try ui.sendKeys("C-c")
    try ui.waitForExit(timeout: 10)
    #expect(try ui.displayMessage("#{alternate_on}") == "0")
    #expect(try history(of: "sumup-ml-engineer").last?["to"] as? String == "screening")
  }

  @Test func aMoveMadeFromAnotherShellShowsUpAndIsNotOverwritten() throws {
    try makeTwoApplications()
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    try ui.sendKeys("2")
    try ui.waitFor("interview 1")
    // Another shell moves DeepL to an offer while the UI is open.
    try workspace.jobdeck(["move", "deepl", "offer", "--note", "from the CLI"])
    try ui.waitFor("offer 1")
    // A move in the UI afterwards keeps the CLI's move.
    // Far left (the saved column), then one step right: applied.
    try ui.sendKeys("h", "h", "h", "h", "h", "h", "l")
    try ui.sendKeys("L", "Enter")
    try ui.waitFor("screening 1")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
    #expect(try history(of: "deepl-research-intern").last?["note"] as? String == "from the CLI")
    #expect(try history(of: "sumup-ml-engineer").last?["to"] as? String == "screening")
  }

  @Test func anEmptyStoreSaysWhatToPress() throws {
    let ui = try openUI()
    try ui.waitFor("jobdeck demo")
    try ui.sendKeys("q")
  }

  @Test func escapeSequencesInAPostingNeverReachTheTerminal() throws {
    let hostile = "Evil\u{1B}[2J\u{1B}]52;c;cHduZWQ=\u{07}Corp\r\u{8}\u{202E}gnp.exe"
    try workspace.jobdeck(["add", "posting", "--company", hostile, "--title", "Intern"])
    let ui = try openUI()
    try ui.waitFor("Intern")
    let screen = try ui.capture()
    #expect(screen.contains("Evil^[[2J"))
    #expect(!screen.contains("\u{1B}"))
    #expect(!screen.contains("\u{202E}"))
    // The header survived: a raw ESC [2J would have cleared it.
    #expect(screen.contains("1 Postings"))
    try ui.sendKeys("q")
  }

  @Test func theDemoOpensOnACopyAndLeavesTheUsersStoreAlone() throws {
    let binary = try BuiltBinary.jobdeck()
    let userStore = workspace.directory + "/.local/share/jobdeck/store.json"
    let ui = try TmuxSession(
      command: [binary.url.path, "demo"],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin"], columns: 120, rows: 30)
    try ui.waitFor("SoundCloud")
    try ui.sendKeys("3")
    try ui.waitFor("Today")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
    #expect(!FileManager.default.fileExists(atPath: userStore))
  }
}
