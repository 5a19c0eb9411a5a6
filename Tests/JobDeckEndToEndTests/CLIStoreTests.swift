import Foundation
import JobDeckTestSupport
import Testing

/// The CLI as scripts and people use it: real binary, real files, exit codes and messages.
@Suite("CLI: adding, moving and showing")
struct CLIStoreTests {
  let workspace = CLIWorkspace()

  @Test func addPrintsTheNewIdOnTheFirstLine() throws {
    let result = try workspace.jobdeck(["add", "posting", "--company", "SoundCloud", "--title",
                                        "Machine Learning Intern", "--location", "Berlin"])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.split(separator: "\n").first == "soundcloud-ml-intern")
  }

  @Test func aMoveIsSavedWithItsHistory() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["apply", "sumup", "--stage", "applied"])
    let moved = try workspace.jobdeck(["move", "sum", "interview", "--note", "Phone screen done"])
    #expect(moved.exitCode == 0, "\(moved.standardError)")
    let shown = try workspace.json(["show", "sumup-ml-engineer", "--json"])
    #expect(shown["stage"] as? String == "interview")
    let history = try #require(shown["history"] as? [[String: Any]])
    #expect(history.count == 2)
    #expect(history[0]["from"] is NSNull)
    #expect(history[1]["from"] as? String == "applied")
    #expect(history[1]["to"] as? String == "interview")
    #expect(history[1]["note"] as? String == "Phone screen done")
    #expect(history[1]["at"] is String)
  }

  @Test func movingToTheCurrentStageSaysSoAndChangesNothing() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["apply", "sumup"])
    let before = try workspace.storeBytes()
    let result = try workspace.jobdeck(["move", "sumup", "applied"])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("already in applied"))
    #expect(try workspace.storeBytes() == before)
  }

  @Test func anAmbiguousPrefixListsTheCandidatesAndExitsOne() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "Data Analyst"])
    let result = try workspace.jobdeck(["show", "sumup"])
    #expect(result.exitCode == 1)
    #expect(result.standardError.contains("ambiguous"))
    #expect(result.standardError.contains("sumup-ml-engineer"))
    #expect(result.standardError.contains("sumup-data-analyst"))
  }

  @Test func anUnknownIdIsExitOneAndAnUnknownStageAUsageErrorExit64() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["apply", "sumup"])
    let unknownID = try workspace.jobdeck(["move", "nope", "offer"])
    #expect(unknownID.exitCode == 1)
    #expect(unknownID.standardError.contains("no application matches 'nope'"))
    let unknownStage = try workspace.jobdeck(["move", "sumup", "hired-maybe"])
    #expect(unknownStage.exitCode == 64)
    #expect(unknownStage.standardError.contains("hired-maybe"))
  }

  @Test func listingFiltersByStageAndPrintsStableJSON() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["add", "posting", "--company", "DeepL", "--title", "Research Intern"])
    try workspace.jobdeck(["apply", "deepl", "--stage", "interview"])
    let all = try workspace.jsonArray(["list", "postings", "--json"])
    #expect(all.count == 2)
    let interviewing = try workspace.jsonArray(["list", "postings", "--stage", "interview", "--json"])
    #expect(interviewing.map { $0["id"] as? String } == ["deepl-research-intern"])
    #expect(interviewing.first?["stage"] as? String == "interview")
    let notApplied = all.first { $0["id"] as? String == "sumup-ml-engineer" }
    #expect(notApplied?["stage"] is NSNull)
    let text = try workspace.jobdeck(["list", "applications"])
    #expect(text.standardOutput.contains("deepl-research-intern"))
    #expect(text.standardOutput.contains("interview"))
  }

  @Test func removingAsksUnlessToldAndRefusesWithoutATerminal() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    let refused = try workspace.jobdeck(["rm", "sumup"], stdin: "")
    #expect(refused.exitCode == 1)
    #expect(refused.standardError.contains("--yes"))
    let removed = try workspace.jobdeck(["rm", "sumup", "--yes"])
    #expect(removed.exitCode == 0)
    #expect(try workspace.jsonArray(["list", "--json"]).isEmpty)
  }

  @Test func notesAreAppendedToTheApplication() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["apply", "sumup"])
    try workspace.jobdeck(["note", "sumup", "Recruiter: Anna"])
    try workspace.jobdeck(["note", "sumup", "Asked about visa"])
    let shown = try workspace.json(["show", "sumup-ml-engineer", "--json"])
    #expect(shown["notes"] as? String == "Recruiter: Anna\n\nAsked about visa")
  }

  @Test func everyCommandHasHelp() throws {
    for command in [[], ["add", "posting"], ["apply"], ["list"], ["show"], ["move"], ["note"],
                    ["rm"], ["check"], ["demo"], ["agenda"], ["remind"], ["deadline", "add"],
                    ["deadline", "done"], ["deadline", "snooze"], ["set"], ["import"],
                    ["export"]] {
      let result = try workspace.jobdeck(command + ["--help"])
      #expect(result.exitCode == 0, "\(command)")
      #expect(result.standardOutput.contains("USAGE"), "\(command)")
    }
  }

  @Test func theStoreIsCreatedPrivate() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    let attributes = try FileManager.default.attributesOfItem(atPath: workspace.storePath)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test func theStoreLocationFollowsTheEnvironment() throws {
    let xdg = workspace.directory + "/xdg"
    let result = try workspace.jobdeck(
      ["add", "posting", "--company", "A", "--title", "B"], useStoreOption: false,
      environment: ["XDG_DATA_HOME": xdg, "JOBDECK_STORE": ""])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(FileManager.default.fileExists(atPath: xdg + "/jobdeck/store.json"))
    let explicit = workspace.directory + "/explicit.json"
    try workspace.jobdeck(["add", "posting", "--company", "C", "--title", "D"],
                          useStoreOption: false, environment: ["JOBDECK_STORE": explicit])
    #expect(FileManager.default.fileExists(atPath: explicit))
  }
}
