import Foundation
import JobDeckTestSupport
import Testing

/// Recording a search only through the UI, in a real terminal: apply with a note, an
/// interview with a time and a video link, archive one posting, delete another and undo the
/// delete; then the CLI sees every change, with times.
@Suite("Recording through the UI in a real terminal", .serialized)
struct UIRecordsTmuxTests {
  let workspace = CLIWorkspace()

  func openUI() throws -> TmuxSession {
    let binary = try BuiltBinary.jobdeck()
    return try TmuxSession(
      command: [binary.url.path, "--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
                    "JOBDECK_NOW": workspace.now],
      columns: 100, rows: 30)
  }

  /// Puts the postings table's selection on the one row matching `text`.
  func select(_ text: String, in ui: TmuxSession) throws {
    try ui.sendKeys("1", "/")
    try ui.sendText(text)
    try ui.sendKeys("Enter")
    try ui.waitFor("filter: \(text)")
  }

  @Test func applyScheduleArchiveDeleteAndUndoOnlyThroughTheUI() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--deadline", "2026-11-28"])
    try workspace.jobdeck(["add", "posting", "--company", "Acme", "--title", "Backend Engineer"])
    try workspace.jobdeck(["add", "posting", "--company", "Zalando", "--title", "Data Analyst",
                           "--deadline", "2026-12-10"])
    let ui = try openUI()
    try ui.waitFor("ML Engineer")

    // Apply with a note: A, then Tab to the note (stage applied and date today are the
    // defaults), Ctrl-S.
    try select("sumup", in: ui)
    try ui.sendKeys("A")
    try ui.waitFor("Apply to SumUp · ML Engineer")
    try ui.sendKeys("Tab", "Tab")
    try ui.sendText("referral from Mara")
    try ui.sendKeys("C-s")
    try ui.waitFor("Applied to SumUp · ML Engineer: applied")
    try ui.sendKeys("Escape")

    // An interview with a time, a duration and a video link, from the pipeline.
    try ui.sendKeys("2")
    try ui.waitFor("applied 1")
    try ui.sendKeys("t")
    try ui.waitFor("New event for SumUp · ML Engineer")
    try ui.sendKeys("Tab")
    try ui.sendText("2026-11-25")
    try ui.sendKeys("Tab")
    try ui.sendText("14:30")
    try ui.sendKeys("Tab", "Tab")
    try ui.sendText("45min")
    try ui.sendKeys("Tab", "Tab")
    try ui.sendText("https://meet.example/sumup")
    try ui.sendKeys("C-s")
    try ui.waitFor("Added interview on Wed 25 Nov 14:30")

    // Archive Acme: it leaves the table.
    try select("acme", in: ui)
    try ui.sendKeys("X")
    try ui.waitFor("Archived Acme · Backend Engineer")
    try ui.sendKeys("Escape")
    _ = try ui.waitUntil("Acme gone from the table") { screen in
      screen.contains("ML Engineer") && !screen.contains("Backend Engineer")
    }

    // Delete Zalando after the question naming it, see it gone from disk, then undo.
    try select("zalando", in: ui)
    try ui.sendKeys("D")
    try ui.waitFor("Delete Zalando · Data Analyst and its 1 deadline? y/N")
    try ui.sendKeys("y")
    _ = try ui.waitUntil("the delete saved") { screen in
      screen.contains("Deleted Zalando · Data Analyst") && screen.contains("│ saved")
    }
    let listed = try workspace.jobdeck(["list"])
    #expect(!listed.standardOutput.contains("Zalando"))
    try ui.sendKeys("u")
    _ = try ui.waitUntil("the undo saved") { screen in
      screen.contains("Undid: Deleted Zalando · Data Analyst") && screen.contains("│ saved")
    }
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)

    let shown = try workspace.json(["show", "sumup-ml-engineer", "--json"])
    let history = try #require(shown["history"] as? [[String: Any]])
    #expect(history.last?["note"] as? String == "referral from Mara")
    #expect(history.last?["to"] as? String == "applied")
    let deadlines = try #require(shown["deadlines"] as? [[String: Any]])
    let interview = try #require(deadlines.first { $0["kind"] as? String == "interview" })
    let due = try #require(interview["due"] as? [String: Any])
    #expect(due["dateTime"] as? String == "2026-11-25T13:30:00Z")
    #expect(due["timeZone"] as? String == "Europe/Berlin")
    #expect(interview["link"] as? String == "https://meet.example/sumup")
    #expect(interview["duration"] as? String == "PT45M")

    let agenda = try workspace.jobdeck(["agenda"]).standardOutput
    #expect(agenda.contains("interview  Wed 2026-11-25 14:30–15:15  SumUp"), "\(agenda)")
    #expect(agenda.contains("meet.example/sumup"))
    #expect(agenda.contains("Zalando"), "the undone delete brings Zalando's deadline back")

    let archived = try workspace.jobdeck(["list", "--archived"]).standardOutput
    #expect(archived.contains("Acme"))
    let listedAfter = try workspace.jobdeck(["list"]).standardOutput
    #expect(!listedAfter.contains("Acme"))
    #expect(listedAfter.contains("Zalando"))
  }
}
