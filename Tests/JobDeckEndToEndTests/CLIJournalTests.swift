import Foundation
import JobDeckTestSupport
import Testing

/// A store of 1 MB and more saves a change by appending to its journal; `check` reports the
/// journal and `compact` folds it into the file.
@Suite("CLI: the journal of a large store")
struct CLIJournalTests {
  let workspace = CLIWorkspace()

  /// A store just over the 1 MiB threshold: one posting with a long description.
  private func makeLargeStore() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["apply", "sumup"])
    let text = try #require(String(data: try workspace.storeBytes(), encoding: .utf8))
    let description = String(repeating: "Long description text. ", count: 50_000)
    let range = try #require(text.range(of: "\"company\":\"SumUp\""))
    let large = text.replacingCharacters(in: range,
      with: "\"company\":\"SumUp\",\"description\":\"\(description)\"")
    try workspace.writeStore(large)
    #expect(try workspace.storeBytes().count > 1 << 20)
  }

  @Test func aMoveOnALargeStoreAppendsToTheJournalAndCompactFoldsItIn() throws {
    try makeLargeStore()
    let before = try workspace.storeBytes()
    let moved = try workspace.jobdeck(["move", "sumup", "interview"])
    #expect(moved.exitCode == 0, "\(moved.standardError)")
    #expect(try workspace.storeBytes() == before)
    let journal = workspace.storePath + ".journal"
    #expect(FileManager.default.fileExists(atPath: journal))
    #expect(try workspace.json(["show", "sumup-ml-engineer", "--json"])["stage"] as? String
      == "interview")

    let checked = try workspace.jobdeck(["check"])
    #expect(checked.exitCode == 0, "\(checked.standardError)")
    // The move itself (an applied application derives no follow-up: it is suggested).
    #expect(checked.standardOutput.contains("journal: 1 operation saved since the last full"))

    let compacted = try workspace.jobdeck(["compact"])
    #expect(compacted.exitCode == 0, "\(compacted.standardError)")
    #expect(compacted.standardOutput.contains("Folded 1 journal operation into"))
    #expect(!FileManager.default.fileExists(atPath: journal))
    #expect(try workspace.storeBytes() != before)
    #expect(try workspace.json(["show", "sumup-ml-engineer", "--json"])["stage"] as? String
      == "interview")
  }

  @Test func aDamagedJournalLineIsReportedWithItsPositionAndNothingIsSaved() throws {
    try makeLargeStore()
    try workspace.jobdeck(["move", "sumup", "interview"])
    let journal = workspace.storePath + ".journal"
    let text = try String(contentsOfFile: journal, encoding: .utf8)
    try (text + "{\"ops\":[{\"op\":\"rename\"}]}\n").write(toFile: journal, atomically: false,
      encoding: .utf8)
    let damaged = try Data(contentsOf: URL(fileURLWithPath: journal))
    let result = try workspace.jobdeck(["move", "sumup", "offer"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains(journal + ":3:"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == damaged)
  }
}
