import Foundation
import JobDeckTestSupport
import Testing

/// A first word that is no command is reported as one, before ArgumentParser's default
/// subcommand (the UI) can take it for an argument of its own.
@Suite("Unknown commands")
struct CLIUnknownCommandTests {
  let workspace = CLIWorkspace()

  @Test func anUnknownCommandIsNamedWithTheNearestOneAndTheListAndExits64() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    let before = try workspace.storeBytes()
    let result = try workspace.jobdeck(["stat"])
    #expect(result.exitCode == 64)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("unknown command 'stat'"))
    #expect(result.standardError.contains("did you mean '"))
    #expect(result.standardError.contains("commands: ui, demo, add, apply, list, show, move"))
    #expect(!result.standardError.contains("Unexpected argument"))
    #expect(try workspace.storeBytes() == before)
  }

  @Test func helpOfAnUnknownCommandIsNotTheUIsHelp() throws {
    let result = try workspace.jobdeck(["statistics", "--help"])
    #expect(result.exitCode == 64)
    #expect(result.standardError.contains("unknown command 'statistics'"))
    #expect(!result.standardOutput.contains("USAGE"))
  }

  @Test func aTypoSuggestsTheCommandItWasMeantToBe() throws {
    let result = try workspace.jobdeck(["agneda"])
    #expect(result.exitCode == 64)
    #expect(result.standardError.contains("did you mean 'agenda'?"))
    let prefix = try workspace.jobdeck(["exp"])
    #expect(prefix.standardError.contains("did you mean 'export'?"))
  }

  @Test func knownCommandsOptionsAndHelpStillWork() throws {
    #expect(try workspace.jobdeck(["list"]).exitCode == 0)
    #expect(try workspace.jobdeck(["help", "move"], useStoreOption: false).exitCode == 0)
    #expect(try workspace.jobdeck(["--version"], useStoreOption: false).exitCode == 0)
    #expect(try workspace.jobdeck(["move", "--help"]).exitCode == 0)
  }

  @Test func noResponseAndGhostedNameTheSameStage() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["apply", "sumup"])
    #expect(try workspace.jobdeck(["move", "sumup", "no-response"]).exitCode == 0)
    let shown = try workspace.json(["show", "sumup", "--json"])
    #expect(shown["stage"] as? String == "ghosted")
    try workspace.jobdeck(["move", "sumup", "applied"])
    #expect(try workspace.jobdeck(["move", "sumup", "ghosted"]).exitCode == 0)
    let help = try workspace.jobdeck(["move", "--help"])
    #expect(help.standardOutput.contains("no-response"))
  }
}
