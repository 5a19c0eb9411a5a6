import Foundation
import JobDeckTestSupport
import Testing

/// A config file JobDeck does not accept stops every command before it reads or writes the
/// store: the message names file:line:column, what was found and what is allowed; exit 2.
@Suite("Hostile config files")
struct HostileConfigTests {
  let workspace = CLIWorkspace()

  var configPath: String { workspace.directory + "/.config/jobdeck/config.toml" }

  func writeConfig(_ text: String) throws {
    try FileManager.default.createDirectory(
      atPath: workspace.directory + "/.config/jobdeck", withIntermediateDirectories: true)
    try text.write(toFile: configPath, atomically: true, encoding: .utf8)
  }

  func expectRefused(_ config: String, message: String, sourceLine: Int = #line) throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    let before = try workspace.storeBytes()
    try writeConfig(config)
    for arguments in [["list"], ["add", "posting", "--company", "X", "--title", "Y"]] {
      let result = try workspace.jobdeck(arguments)
      #expect(result.exitCode == 2, "\(arguments)")
      #expect(result.standardError == "jobdeck: " + message + "\n", "\(arguments)")
      #expect(result.standardOutput.isEmpty)
    }
    #expect(try workspace.storeBytes() == before)
  }

  @Test func aStringForABooleanNamesItsPosition() throws {
    try expectRefused("store = \"\"\nmouse = 1\n",
      message: "\(configPath):2:9: mouse: 1; allowed: true or false (without quotes)")
  }

  @Test func brokenTOMLGivesTOMLKitsLineAndColumn() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try writeConfig("theme = \"dark\"\n[keys\n")
    let result = try workspace.jobdeck(["list"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.hasPrefix("jobdeck: \(configPath):2:"))
    #expect(result.standardError.contains("not valid TOML"))
  }

  @Test func aKeyClashIsRefusedWithBothActions() throws {
    try expectRefused("[keys]\nundo = [\"j\"]\n",
      message: "\(configPath):2:8: keys.undo: key j would run both undo and select-next in the "
        + "Postings view; allowed: keys that no other action of that view uses")
  }

  @Test func aHostileThemeNameIsQuotedSafely() throws {
    try expectRefused("theme = \"\\u001b[31mred\"\n",
      message: "\(configPath):1:9: theme: theme \"^[[31mred\"; allowed: dark, light, monochrome")
  }

  @Test func aNamedConfigFileThatIsMissingIsAnError() throws {
    let result = try workspace.jobdeck(["list", "--config", workspace.directory + "/none.toml"])
    #expect(result.exitCode == 2)
    #expect(result.standardError
      == "jobdeck: \(workspace.directory)/none.toml: cannot read the config file: no such file\n")
  }
}
