import Foundation
import JobDeckTestSupport
import Testing

/// Importing the same ad again, days later and after the user corrected it: the ad's changes
/// come in, the user's corrections and the first posted date stay, and the output says which.
@Suite("CLI: re-importing an ad")
struct CLIReimportTests {
  let workspace = CLIWorkspace()

  static func ad(closing: String) -> String {
    """
    Softwareentwickler Java (m/w/d)
    Nordlicht Software GmbH
    Hamburg
    vor 5 Tagen

    Die Stelle ist zum 01.03.2027 zu besetzen.
    Bitte bewerben Sie sich bis zum \(closing) über unser Karriereportal.
    """
  }

  func posting() throws -> [String: Any] {
    let list = try workspace.jsonArray(["list", "--json"])
    #expect(list.count == 1, "one posting, not a second copy")
    let id = try #require(list.first?["id"] as? String)
    return try workspace.json(["show", id, "--json"])
  }

  @Test func aSecondImportKeepsThePostedDateAndTheUsersTitleAndTakesTheNewCutoff() throws {
    let first = try workspace.jobdeck(["import", "-"], stdin: Self.ad(closing: "15.01.2027"))
    #expect(first.exitCode == 0, "\(first.standardError)")
    let id = first.standardOutput.split(separator: "\n").first.map(String.init) ?? ""
    try workspace.jobdeck(["edit", id, "--title", "Java Developer"])

    // Ten days later the same text (now "vor 15 Tagen" on the board) with a later cutoff.
    let later = try workspace.jobdeck(
      ["import", "-"], stdin: Self.ad(closing: "31.01.2027").replacingOccurrences(of: "vor 5", with: "vor 15"),
      environment: ["JOBDECK_NOW": "2026-12-02T12:00:00Z"])
    #expect(later.exitCode == 0, "\(later.standardError)")
    #expect(later.standardOutput.contains("Updated the posting on file, \(id): "), "\(later.standardOutput)")
    #expect(later.standardOutput.contains("deadline apply by"), "\(later.standardOutput)")
    #expect(later.standardOutput.contains("Kept title “Java Developer” (edited by you)"),
            "\(later.standardOutput)")
    let shown = try posting()
    let record = (shown["posting"] as? [String: Any]) ?? shown
    #expect(record["title"] as? String == "Java Developer")
    #expect((record["posted"] as? [String: Any])?["date"] as? String == "2026-11-17")
    let agenda = try workspace.jsonArray(["agenda", "--json", "--within", "90d"])
    let cutoffs = agenda.filter { $0["kind"] as? String == "applicationCutoff" }
    #expect(cutoffs.map { $0["date"] as? String } == ["2027-01-31"])
  }

  @Test func aCutoffTheUserMovedIsNotMovedBackByAReimport() throws {
    let first = try workspace.jobdeck(["import", "-"], stdin: Self.ad(closing: "15.01.2027"))
    let id = first.standardOutput.split(separator: "\n").first.map(String.init) ?? ""
    let moved = try workspace.jobdeck(["deadline", "move", id + "/apply-by", "2027-01-10"])
    #expect(moved.exitCode == 0, "\(moved.standardError)")
    let again = try workspace.jobdeck(["import", "-"], stdin: Self.ad(closing: "15.01.2027"))
    #expect(again.exitCode == 0, "\(again.standardError)")
    let agenda = try workspace.jsonArray(["agenda", "--json", "--within", "90d"])
    let cutoffs = agenda.filter { $0["kind"] as? String == "applicationCutoff" }
    #expect(cutoffs.map { $0["date"] as? String } == ["2027-01-10"])
  }
}
