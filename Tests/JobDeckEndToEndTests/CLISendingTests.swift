import Foundation
import JobDeckTestSupport
import Testing

/// `apply --source --method --sent-to` and `edit` of the same, as `show` and the store see them.
@Suite("CLI: where found, how sent, to whom")
struct CLISendingTests {
  let workspace = CLIWorkspace()

  private func succeeds(_ arguments: [String]) throws -> String {
    let result = try workspace.jobdeck(arguments)
    #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  @Test func applyRecordsThemEditChangesAndClearsThem() throws {
    _ = try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    _ = try succeeds(["apply", "sumup", "--source", "linkedin", "--method", "e-mail",
                      "--sent-to", "Ana Ruiz <ana@sumup.example>"])
    var shown = try succeeds(["show", "sumup"])
    #expect(shown.contains("Found via:   LinkedIn"))
    #expect(shown.contains("Sent by:     e-mail"))
    #expect(shown.contains("Sent to:     Ana Ruiz <ana@sumup.example>"))
    let store = String(decoding: try workspace.storeBytes(), as: UTF8.self)
    #expect(store.contains("\"method\":\"email\""))
    #expect(store.contains("\"source\":\"linkedIn\""))

    _ = try succeeds(["edit", "sumup", "--source", "a friend at the meetup", "--method", ""])
    shown = try succeeds(["show", "sumup"])
    #expect(shown.contains("Found via:   a friend at the meetup"))
    #expect(!shown.contains("Sent by:"))
    #expect(shown.contains("Sent to:     Ana Ruiz"))
  }

  @Test func anUnknownMethodIsACommandLineMistake() throws {
    _ = try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    let apply = try workspace.jobdeck(["apply", "sumup", "--method", "fax"])
    #expect(apply.exitCode == 64)
    #expect(apply.standardError.contains("online-form"))
    _ = try succeeds(["apply", "sumup"])
    let edit = try workspace.jobdeck(["edit", "sumup", "--method", "fax"])
    #expect(edit.exitCode == 64)
    #expect(edit.standardError.contains("e-mail"))
  }

  @Test func theEditorsDocumentOfAJobHoldsItsApplicationsLines() throws {
    _ = try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    _ = try succeeds(["apply", "sumup", "--method", "post"])
    let script = workspace.directory + "/editor.sh"
    try Data("""
      #!/bin/sh
      sed -i -e 's/^method: .*/method: in person/' -e 's/^source: .*/source: job board/' \
        -e 's/^title: .*/title: Staff ML Engineer/' "$1"
      """.utf8).write(to: URL(fileURLWithPath: script))
    let result = try workspace.jobdeck(["edit", "sumup"],
                                       environment: ["EDITOR": "sh " + script, "VISUAL": ""])
    #expect(result.exitCode == 0, "\(result.standardError)")
    let shown = try succeeds(["show", "sumup"])
    #expect(shown.contains("Staff ML Engineer"))
    #expect(shown.contains("Found via:   job board"))
    #expect(shown.contains("Sent by:     in person"))
  }
}
