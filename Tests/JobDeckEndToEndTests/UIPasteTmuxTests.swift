import Foundation
import JobDeckTestSupport
import Testing

/// Pasting an ad into the UI's import dialog in a real terminal: tmux's `paste-buffer -p` sends
/// the text as a bracketed paste, so its letters (`q` quits, `D` deletes, `x` dismisses) must
/// arrive as text, and the posting reaches the store through the usual preview.
@Suite("Pasting an ad into the UI in a real terminal", .serialized)
struct UIPasteTmuxTests {
  let workspace = CLIWorkspace()

  static let ad = """
    Data Engineer (m/f/d)
    Quokka GmbH
    Location: Berlin

    We quickly query data. Don't wait: xD!
    Apply by 2026-12-20.

    """

  func openUI(path: String? = nil) throws -> TmuxSession {
    let binary = try BuiltBinary.jobdeck()
    var environment = ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
                       "JOBDECK_NOW": workspace.now, "WAYLAND_DISPLAY": ""]
    if let path { environment["PATH"] = path }
    return try TmuxSession(command: [binary.url.path, "--store", workspace.storePath],
                           environment: environment, columns: 100, rows: 30)
  }

  func expectQuokkaListed() throws {
    let listed = try workspace.jsonArray(["list", "--json"])
    let posting = try #require(listed.first { $0["company"] as? String == "Quokka GmbH" })
    #expect(posting["title"] as? String == "Data Engineer (m/f/d)")
    #expect(posting["location"] as? String == "Berlin")
    let agenda = try workspace.jobdeck(["agenda"]).standardOutput
    #expect(agenda.contains("2026-12-20"), "\(agenda)")
  }

  /// `i`, the ad pasted into the dialog (`whileShown` runs while the box shows it), `Ctrl-D`
  /// to the preview.
  func pasteAd(into ui: TmuxSession, whileShown: () throws -> Void = {}) throws {
    try ui.sendKeys("i")
    try ui.waitFor("paste an ad")
    try ui.paste(UIPasteTmuxTests.ad)
    try ui.waitFor("Import a pasted ad")
    try ui.waitFor("Don't wait: xD!")
    try whileShown()
    try ui.sendKeys("C-d")
    try ui.waitFor("Import preview")
  }

  @Test func aBracketedPasteOfAnAdIsPreviewedAndSaved() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    let ui = try openUI()
    try ui.waitFor("ML Engineer")
    try pasteAd(into: ui) { () throws -> Void in
      #expect(try ui.capture().contains("ML Engineer") == false, "the box covers the table")
    }
    try ui.waitFor("Quokka GmbH")
    try ui.sendKeys("y")
    _ = try ui.waitUntil("the import saved") { screen in
      screen.contains("imported Quokka GmbH") && screen.contains("│ saved")
    }
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
    try expectQuokkaListed()
    let listed = try workspace.jsonArray(["list", "--json"])
    #expect(listed.count == 2, "the pasted letters deleted or added nothing else")
  }

  /// Issue 14: re-importing from the UI keeps the title the user corrected, as `jobdeck import`.
  @Test func aReimportFromTheUIKeepsTheTitleTheUserEdited() throws {
    let file = workspace.directory + "/ad.txt"
    try Data(UIPasteTmuxTests.ad.utf8).write(to: URL(fileURLWithPath: file))
    try workspace.jobdeck(["import", file])
    let id = try #require(try workspace.jsonArray(["list", "--json"]).first?["id"] as? String)
    try workspace.jobdeck(["edit", id, "--title", "Data Engineer"])
    let ui = try openUI()
    try ui.waitFor("Data Engineer")
    try pasteAd(into: ui)
    try ui.sendKeys("y")
    try ui.waitFor("u update it")
    try ui.sendKeys("u")
    try ui.waitFor("kept title “Data Engineer” (edited by you)")
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
    let listed = try workspace.jsonArray(["list", "--json"])
    #expect(listed.count == 1)
    #expect(listed.first?["title"] as? String == "Data Engineer")
  }

  @Test func ctrlVReadsTheClipboardThroughXclip() throws {
    let tools = workspace.directory + "/tools"
    try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
    let script = tools + "/xclip"
    try writeExecutable("#!/bin/sh\ncat <<'AD'\n" + UIPasteTmuxTests.ad + "AD\n", to: script)
    let ui = try openUI(path: tools + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""))
    try ui.waitFor("No postings yet")
    try ui.sendKeys("i")
    try ui.waitFor("paste an ad")
    try ui.sendKeys("C-v")
    try ui.waitFor("Import preview")
    try ui.waitFor("read the clipboard with xclip")
    try ui.sendKeys("Enter")
    _ = try ui.waitUntil("the import saved") { screen in
      screen.contains("imported Quokka GmbH") && screen.contains("│ saved")
    }
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)
    try expectQuokkaListed()
  }
}
