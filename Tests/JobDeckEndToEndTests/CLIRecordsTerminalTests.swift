import Foundation
import JobDeckTestSupport
import Testing

/// The questions `edit` and `add posting` ask on a terminal, answered in tmux.
@Suite("CLI on a terminal: the editor reopens, duplicates are asked about", .serialized)
struct CLIRecordsTerminalTests {
  let workspace = CLIWorkspace()

  private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> TmuxSession {
    let binary = try BuiltBinary.jobdeck()
    return try TmuxSession(
      command: [binary.url.path] + arguments + ["--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
                    "JOBDECK_NOW": workspace.now].merging(environment) { $1 },
      columns: 120, rows: 30)
  }

  private func postingJSON() throws -> [String: Any] {
    try #require(try workspace.json(["show", "sumup-ml-engineer", "--json"])["posting"] as? [String: Any])
  }

  @Test func aMistakeInTheEditorIsShownWithItsLineAndTheEditorReopensOnTheText() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["apply", "sumup"])
    let script = workspace.directory + "/editor.sh"
    // First run: a type that does not exist. Second run: it sees that text and corrects it.
    try Data("""
      #!/bin/sh
      count=$(cat "\(workspace.directory)/count" 2>/dev/null || echo 0)
      count=$((count + 1)); echo $count > "\(workspace.directory)/count"
      if [ $count = 1 ]; then
        sed -i 's/^type: .*/type: freelance/' "$1"
      else
        grep -q '^type: freelance$' "$1" && sed -i 's/^type: .*/type: contract/' "$1"
      fi
      """.utf8).write(to: URL(fileURLWithPath: script))
    let session = try run(["edit", "sumup-ml-engineer"], environment: ["EDITOR": "sh " + script, "VISUAL": ""])
    let screen = try session.waitFor("Edit again? [Y/n]")
    #expect(screen.contains("line 7: invalid type 'freelance'"))
    #expect(try postingJSON()["employmentType"] == nil, "nothing saved before it is valid")
    try session.sendKeys("Enter")
    try session.waitFor("updated")
    #expect(try session.waitForExit() == 0)
    #expect(try postingJSON()["employmentType"] as? String == "contract")
  }

  @Test func aDuplicateIsAskedAboutAndAddAnywayAddsASecondPosting() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--url", "https://jobs.example/1"])
    let session = try run(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--url", "https://jobs.example/1"])
    let screen = try session.waitFor("[u]pdate it, [a]dd anyway, or [c]ancel?")
    #expect(screen.contains("Already on file: sumup-ml-engineer (SumUp · ML Engineer)"))
    try session.sendText("a")
    try session.sendKeys("Enter")
    try session.waitFor("sumup-ml-engineer-2")
    #expect(try session.waitForExit() == 0)
    let cancelled = try run(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                             "--url", "https://jobs.example/1"])
    try cancelled.waitFor("[c]ancel?")
    try cancelled.sendKeys("Enter")
    try cancelled.waitFor("Nothing added.")
    #expect(try cancelled.waitForExit() == 0)
    #expect(try workspace.jsonArray(["list", "--json"]).count == 2)
  }
}
