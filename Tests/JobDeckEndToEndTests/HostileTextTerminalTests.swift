import Foundation
import JobDeckTestSupport
import Testing

/// Issue item 5: an ad written to take over the terminal, rendered in every view of the real
/// UI under tmux. Nothing may reach the terminal raw: the paste buffers stay as they were (tmux
/// turns an OSC 52 write into a buffer when `set-clipboard` is on), the screen keeps its header
/// (`ESC [2J` would clear it), and `capture-pane -e` holds no escape but tmux's own SGR.
@Suite("Hostile text in the terminal", .serialized)
struct HostileTextTerminalTests {
  let workspace = CLIWorkspace()

  var environment: [String: String] {
    ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
     "JOBDECK_NOW": workspace.now]
  }

  func storeTheHostileAd() throws -> (posting: String, application: String) {
    try HostileText.storeHostileRecords(in: workspace)
  }

  /// Checks one rendered view: the header row is there, no raw control is on the screen, the
  /// paste buffers are untouched and the attributed capture holds SGR only.
  func expectIntact(_ ui: TmuxSession, view: String, header: String) throws {
    let screen = try ui.capture()
    #expect(screen.contains(header), "\(view): header \"\(header)\" gone:\n\(screen)")
    #expect(HostileText.rawControls(in: screen).isEmpty, "\(view): \(screen.debugDescription)")
    #expect(try HostileText.buffers(of: ui) == "sentinel=untouched", "\(view): clipboard written")
    let attributed = try HostileText.capturedWithAttributes(ui)
    #expect(HostileText.escapesOtherThanSGR(in: attributed).isEmpty,
            "\(view): \(HostileText.escapesOtherThanSGR(in: attributed))")
    #expect(try ui.displayMessage("#{pane_title}") != "title", "\(view): pane title set")
  }

  @Test func theProbeSeesARawClipboardWriteAndAClearedScreen() throws {
    // The checks below must be able to fail: a program that does print the sequences raw
    // changes the paste buffers and clears the screen.
    let script = "printf 'HEADER\\n'; printf '\\033[2J\\033[H'; printf '\\033]52;c;cHduZWQ=\\007';"
      + " printf 'after\\n'; sleep 30"
    let probe = try HostileText.pane(["/bin/sh", "-c", script], environment: [:])
    defer { probe.kill() }
    #expect(try HostileText.buffers(of: probe) == "sentinel=untouched")
    try probe.sendKeys("Enter")
    let screen = try probe.waitFor("after")
    #expect(!screen.contains("HEADER"))
    _ = try probe.waitUntil("a paste buffer from OSC 52", timeout: 5) { _ in
      (try? HostileText.buffers(of: probe)) != "sentinel=untouched"
    }
    #expect(try probe.command(["show-buffer"]) == "pwned")
  }

  @Test func everyViewShowsTheHostileAdDefused() throws {
    _ = try storeTheHostileAd()
    let binary = try BuiltBinary.jobdeck()
    let ui = try HostileText.pane([binary.url.path, "--store", workspace.storePath],
                                  environment: environment)
    defer { ui.kill() }
    try ui.sendKeys("Enter")

    // Postings: the company shows its escapes in caret notation.
    let postings = try ui.waitFor("Intern")
    #expect(postings.contains("Evil^[[2J"), "\(postings)")
    try expectIntact(ui, view: "postings", header: "1 Postings")

    // Detail of the posting, with the whole description.
    try ui.sendKeys("Enter")
    let detail = try ui.waitFor("Device control")
    #expect(detail.contains("^[]52;c;cHduZWQ=^G"), "\(detail)")
    #expect(detail.contains("Salary 50k^MSalary 99k^H^H^H"), "\(detail)")
    #expect(detail.contains("fdp.exe") && !detail.contains("\u{202E}"))
    try expectIntact(ui, view: "detail", header: "Evil^[")
    try ui.sendKeys("G")
    // Checked once the end is drawn: capturing at once raced the redraw on a busy machine.
    try ui.waitFor("Apply by 3 March 2027")
    try expectIntact(ui, view: "detail (end)", header: "Apply by 3 March 2027")
    try ui.sendKeys("Escape")

    // Pipeline: the application sits in the interview column.
    try ui.sendKeys("2")
    try ui.waitFor("interview 1")
    try expectIntact(ui, view: "pipeline", header: "2 Pipeline")
    try ui.sendKeys("Enter")
    try expectIntact(ui, view: "pipeline detail", header: "Evil^[")
    try ui.sendKeys("Escape")

    // Agenda: the assessment deadline with its hostile note.
    try ui.sendKeys("3")
    try ui.waitFor("assessment")
    try expectIntact(ui, view: "agenda", header: "3 Agenda")
    try ui.sendKeys("Enter")
    try expectIntact(ui, view: "agenda detail", header: "Evil^[")
    try ui.sendKeys("Escape")

    // Help, and the import prompt with hostile text typed into it.
    try ui.sendKeys("?")
    try expectIntact(ui, view: "help", header: "jobdeck")
    try ui.sendKeys("Escape")
    try ui.sendKeys("i")
    try ui.sendText("x\(HostileText.clipboardWrite)\(HostileText.clearScreen)")
    try expectIntact(ui, view: "import prompt", header: "1 Postings")
    try ui.sendKeys("Escape")

    // The import preview of the hostile ad, then importing it.
    try ui.sendKeys("1")
    try ui.sendKeys("i")
    try ui.sendText(workspace.directory + "/hostile-ad.txt")
    try ui.sendKeys("Enter")
    try ui.waitFor("Import preview")
    try expectIntact(ui, view: "import preview", header: "Import preview")
    try ui.sendKeys("y")
    // The ad is on file already: the duplicate question names it, defused too.
    try ui.waitFor("u update it")
    try expectIntact(ui, view: "duplicate question", header: "1 Postings")
    try ui.sendKeys("u")
    try ui.waitForAbsence(of: "Import preview")
    try expectIntact(ui, view: "after import", header: "1 Postings")

    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
    #expect(try HostileText.buffers(of: ui) == "sentinel=untouched")
  }

  @Test func exportToATerminalIsSanitizedButToAFileIsKeptExact() throws {
    _ = try storeTheHostileAd()
    let binary = try BuiltBinary.jobdeck()
    for format in ["csv", "ics", "json"] {
      let ui = try HostileText.pane(
        // The marker on a line of its own, so the export's last line cannot run into it and wrap.
        ["/bin/sh", "-c", "\"$0\" \"$@\"; echo; echo EXPORT-DONE; sleep 30", binary.url.path, "export",
         "--format", format, "--store", workspace.storePath],
        environment: environment, columns: 200, rows: 60)
      defer { ui.kill() }
      try ui.command(["set-option", "-g", "history-limit", "10000"])
      try ui.sendKeys("Enter")
      try ui.waitFor("EXPORT-DONE")
      #expect(try HostileText.buffers(of: ui) == "sentinel=untouched", "\(format)")
      let attributed = try HostileText.capturedWithAttributes(ui)
      #expect(HostileText.escapesOtherThanSGR(in: attributed).isEmpty, "\(format)")
      #expect(HostileText.rawControls(in: try ui.capture()).isEmpty, "\(format)")
    }
    // To a file (or a pipe) the data stays exact: a calendar or spreadsheet gets what was typed.
    let file = workspace.directory + "/out.csv"
    try workspace.jobdeck(["export", "--format", "csv", "--output", file])
    let written = try String(contentsOfFile: file, encoding: .utf8)
    #expect(written.contains(HostileText.clearScreen))
  }
}
