import Foundation
import JobDeckTestSupport
import Testing

/// `jobdeck import` of an ad already on file: a script gets the update it always got, told which
/// posting; `--add-anyway` adds a second; on a terminal the user is asked.
@Suite("Importing an ad that is already on file", .serialized)
struct CLIImportDuplicateTests {
  let workspace = CLIWorkspace()

  static let ad = """
    Data Engineer (m/f/d)
    Quokka GmbH
    Location: Berlin

    Apply by 2026-12-20.

    """

  func writeAd(_ text: String = CLIImportDuplicateTests.ad) throws -> String {
    let path = workspace.directory + "/ad.txt"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func withoutATerminalAReimportUpdatesAndSaysWhichPosting() throws {
    let path = try writeAd()
    try workspace.jobdeck(["import", path])
    let again = try workspace.jobdeck(["import", "-"], stdin: CLIImportDuplicateTests.ad
      .replacingOccurrences(of: "2026-12-20", with: "2026-12-22"))
    #expect(again.exitCode == 0, "\(again.standardError)")
    #expect(again.standardOutput.contains("Updated the posting on file, quokka-data-engineer"),
            "\(again.standardOutput)")
    #expect(try workspace.jsonArray(["list", "--json"]).count == 1)
    let unchanged = try workspace.jobdeck(["import", path, "--update"])
    #expect(unchanged.exitCode == 0)
    #expect(try workspace.jsonArray(["list", "--json"]).count == 1)
  }

  @Test func addAnywayAddsASecondPosting() throws {
    let path = try writeAd()
    try workspace.jobdeck(["import", path])
    let second = try workspace.jobdeck(["import", path, "--add-anyway"])
    #expect(second.exitCode == 0, "\(second.standardError)")
    #expect(second.standardOutput.hasPrefix("quokka-data-engineer-2\n"))
    let ids = try workspace.jsonArray(["list", "--json"]).compactMap { $0["id"] as? String }
    #expect(ids.sorted() == ["quokka-data-engineer", "quokka-data-engineer-2"])
  }

  @Test func updateAndAddAnywayTogetherAreRefusedAndNothingIsWritten() throws {
    let path = try writeAd()
    try workspace.jobdeck(["import", path])
    let before = try Data(contentsOf: URL(fileURLWithPath: workspace.storePath))
    let both = try workspace.jobdeck(["import", path, "--update", "--add-anyway"])
    #expect(both.exitCode == 64)
    #expect(both.standardError.contains("use --update or --add-anyway, not both"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.storePath)) == before)
  }

  func runOnTerminal(_ arguments: [String]) throws -> TmuxSession {
    let binary = try BuiltBinary.jobdeck()
    return try TmuxSession(
      command: [binary.url.path] + arguments + ["--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
                    "JOBDECK_NOW": workspace.now],
      columns: 200, rows: 30)
  }

  @Test func onATerminalTheDuplicateIsAskedAbout() throws {
    let path = try writeAd()
    try workspace.jobdeck(["import", path])
    let added = try runOnTerminal(["import", path])
    let screen = try added.waitFor("[u]pdate it, [a]dd anyway, or [c]ancel?")
    #expect(screen.contains("Already on file: quokka-data-engineer (Quokka GmbH · Data Engineer (m/f/d) · Berlin)"))
    try added.sendText("a")
    try added.sendKeys("Enter")
    try added.waitFor("quokka-data-engineer-2")
    #expect(try added.waitForExit() == 0)

    let cancelled = try runOnTerminal(["import", path])
    try cancelled.waitFor("[c]ancel?")
    try cancelled.sendKeys("Enter")
    try cancelled.waitFor("Nothing imported.")
    #expect(try cancelled.waitForExit() == 0)

    let updated = try runOnTerminal(["import", path])
    try updated.waitFor("[c]ancel?")
    try updated.sendText("u")
    try updated.sendKeys("Enter")
    try updated.waitFor("quokka-data-engineer")
    #expect(try updated.waitForExit() == 0)
    #expect(try workspace.jsonArray(["list", "--json"]).count == 2)
  }
}
