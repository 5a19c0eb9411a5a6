import Foundation
import JobDeckTestSupport
import Testing

/// What the user saved is never lost: bad files are reported and kept, newer files are not
/// written, and concurrent commands do not lose each other's updates.
@Suite("CLI: the store is never lost")
struct CLIStoreSafetyTests {
  let workspace = CLIWorkspace()

  @Test func aCorruptedStoreIsReportedWithLineAndColumnAndKeptByteForByte() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    var text = String(decoding: try workspace.storeBytes(), as: UTF8.self)
    // Break the posting line: a trailing comma inside the record.
    text = text.replacingOccurrences(of: "\"title\":\"ML Engineer\"", with: "\"title\":\"ML Engineer\",,")
    try workspace.writeStore(text)
    let corrupted = try workspace.storeBytes()
    let lineNumber = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("ML Engineer") }.map { $0 + 1 }
    for command in [["list"], ["move", "sumup", "offer"],
                    ["add", "posting", "--company", "X", "--title", "Y"]] {
      let result = try workspace.jobdeck(command)
      #expect(result.exitCode == 2, "\(command)")
      // path:line:column, the form editors and terminals can jump to.
      #expect(result.standardError.contains("\(workspace.storePath):\(lineNumber ?? -1):"),
              "\(result.standardError)")
    }
    #expect(try workspace.storeBytes() == corrupted)
  }

  @Test func anImpossibleDateIsReportedWhereItIs() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--deadline", "2026-12-01"])
    let text = String(decoding: try workspace.storeBytes(), as: UTF8.self)
      .replacingOccurrences(of: "2026-12-01", with: "2026-02-30")
    try workspace.writeStore(text)
    let lineNumber = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("2026-02-30") }.map { $0 + 1 }
    let result = try workspace.jobdeck(["list"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("'2026-02-30' is not a valid date"))
    #expect(result.standardError.contains("\(workspace.storePath):\(lineNumber ?? -1):"),
            "\(result.standardError)")
  }

  @Test func aNewerSchemaIsReadButNeverWritten() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    let text = String(decoding: try workspace.storeBytes(), as: UTF8.self)
      .replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 99")
    try workspace.writeStore(text)
    let before = try workspace.storeBytes()
    let listed = try workspace.jobdeck(["list"])
    #expect(listed.exitCode == 0)
    #expect(listed.standardOutput.contains("sumup-ml-engineer"))
    let written = try workspace.jobdeck(["apply", "sumup"])
    #expect(written.exitCode == 2)
    #expect(written.standardError.contains("99"))
    #expect(try workspace.storeBytes() == before)
  }

  @Test func theBackupRestoresTheLastGoodVersion() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["add", "posting", "--company", "DeepL", "--title", "Research Intern"])
    try workspace.writeStore("{ this is not json")
    let broken = try workspace.jobdeck(["check"])
    #expect(broken.exitCode == 2)
    // Without a terminal to ask on, --yes is required.
    let restored = try workspace.jobdeck(["check", "--restore-backup", "--yes"])
    #expect(restored.exitCode == 0, "\(restored.standardError)")
    #expect(restored.standardOutput.contains(
      "- the store file, last modified "))
    #expect(restored.standardOutput.contains(": does not load (\(workspace.storePath):1:3: "))
    let postings = try workspace.jsonArray(["list", "--json"])
    #expect(postings.map { $0["id"] as? String } == ["sumup-ml-engineer"])
  }

  @Test func twoProcessesMovingAtOnceLoseNothing() async throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["add", "posting", "--company", "DeepL", "--title", "Research Intern"])
    try workspace.jobdeck(["apply", "sumup"])
    try workspace.jobdeck(["apply", "deepl"])
    let movesEach = 100
    let workspace = self.workspace
    try await withThrowingTaskGroup(of: Void.self) { group in
      for id in ["sumup-ml-engineer", "deepl-research-intern"] {
        group.addTask {
          for index in 0..<movesEach {
            let stage = index % 2 == 0 ? "screening" : "applied"
            let result = try workspace.jobdeck(["move", id, stage])
            #expect(result.exitCode == 0, "\(result.standardError)")
          }
        }
      }
      try await group.waitForAll()
    }
    for id in ["sumup-ml-engineer", "deepl-research-intern"] {
      let shown = try workspace.json(["show", id, "--json"])
      let history = try #require(shown["history"] as? [[String: Any]])
      #expect(history.count == movesEach + 1, "\(id)")
    }
  }
}
