import Foundation
import JobDeckTestSupport
import Testing

/// The config file as the real binary reads it: where it is, `config check` and `default`, and
/// its store path under the command line and the environment.
@Suite("Config file commands")
struct CLIConfigTests {
  let workspace = CLIWorkspace()

  var configDirectory: String { workspace.directory + "/.config/jobdeck" }
  var configPath: String { configDirectory + "/config.toml" }

  func writeConfig(_ text: String) throws {
    try FileManager.default.createDirectory(atPath: configDirectory,
                                            withIntermediateDirectories: true)
    try text.write(toFile: configPath, atomically: true, encoding: .utf8)
  }

  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
    try workspace.jobdeck(arguments, useStoreOption: false, environment: environment)
  }

  @Test func pathFollowsConfigOptionThenEnvironmentThenXDGThenHome() throws {
    #expect(try run(["config", "path"]).standardOutput == configPath + "\n")
    let xdg = try run(["config", "path"], environment: ["XDG_CONFIG_HOME": "/etc/xdg-here"])
    #expect(xdg.standardOutput == "/etc/xdg-here/jobdeck/config.toml\n")
    let variable = try run(["config", "path"],
                           environment: ["XDG_CONFIG_HOME": "/x", "JOBDECK_CONFIG": "/a.toml"])
    #expect(variable.standardOutput == "/a.toml\n")
    let option = try run(["config", "path", "--config", "/b.toml"],
                         environment: ["JOBDECK_CONFIG": "/a.toml"])
    #expect(option.standardOutput == "/b.toml\n")
    #expect(option.exitCode == 0)
  }

  @Test func checkSaysOKOrThatTheDefaultsApply() throws {
    let missing = try run(["config", "check"])
    #expect(missing.exitCode == 0)
    #expect(missing.standardOutput == configPath + ": no file; the defaults apply\n")
    try writeConfig("mouse = true\ntheme = \"light\"\n")
    let good = try run(["config", "check"])
    #expect(good.exitCode == 0)
    #expect(good.standardOutput == configPath + ": OK\n")
  }

  @Test func checkOfABadFileGivesFileLineColumnAndExits2() throws {
    try writeConfig("theme = \"dark\"\n[keys]\nhelp = [\"Hyper-X\"]\n")
    let result = try run(["config", "check"])
    #expect(result.exitCode == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix(
      "jobdeck: \(configPath):3:8: keys.help: key \"Hyper-X\"; allowed: a list of keys"))
  }

  /// What `config default` prints is itself a file JobDeck accepts.
  @Test func theDefaultFileIsAcceptedByCheck() throws {
    let printed = try run(["config", "default"])
    #expect(printed.exitCode == 0)
    #expect(printed.standardOutput.contains("theme = \"dark\""))
    #expect(printed.standardOutput.contains("select-next"))
    try writeConfig(printed.standardOutput)
    let check = try run(["config", "check"])
    #expect(check.exitCode == 0, "\(check.standardError)")
  }

  @Test func theConfiguredStoreIsUsedAndStoreOptionAndVariableBeatIt() throws {
    let configured = workspace.directory + "/configured.json"
    try writeConfig("store = \"~/configured.json\"\n")
    let add = try run(["add", "posting", "--company", "Acme", "--title", "Configured"])
    #expect(add.exitCode == 0, "\(add.standardError)")
    #expect(FileManager.default.fileExists(atPath: configured))
    #expect(try run(["list"]).standardOutput.contains("Configured"))

    let optionStore = workspace.directory + "/option.json"
    let byOption = try run(["add", "posting", "--company", "Beta", "--title", "ByOption",
                            "--store", optionStore])
    #expect(byOption.exitCode == 0)
    #expect(!(try run(["list"]).standardOutput.contains("ByOption")))
    #expect(try run(["list", "--store", optionStore]).standardOutput.contains("ByOption"))

    let variableStore = workspace.directory + "/variable.json"
    let byVariable = try run(["list"], environment: ["JOBDECK_STORE": variableStore])
    #expect(!byVariable.standardOutput.contains("Configured"))
  }

  /// `time-zone` applies when TZ is not set; a set TZ beats it.
  @Test func theConfiguredTimeZoneAppliesUnlessTZIsSet() throws {
    try writeConfig("time-zone = \"Pacific/Kiritimati\"\n")
    // 2026-11-22T12:00Z is already the 23rd at UTC+14, still the 22nd in Berlin.
    let add = ["add", "posting", "--company", "Acme", "--title", "Zone", "--deadline", "tomorrow"]
    #expect(try run(add, environment: ["TZ": ""]).exitCode == 0)
    let shown = try run(["show", "acme-zone", "--json"], environment: ["TZ": ""]).standardOutput
    #expect(shown.contains("\"date\" : \"2026-11-24\""), "\(shown)")
    let withTZ = ["add", "posting", "--company", "Beta", "--title", "Berlin", "--deadline", "tomorrow"]
    #expect(try run(withTZ).exitCode == 0)
    let berlin = try run(["show", "beta-berlin", "--json"]).standardOutput
    #expect(berlin.contains("\"date\" : \"2026-11-23\""), "\(berlin)")
  }

  /// The UI the binary opens reads the rebinding: its first frame's hint bar names F1 for help
  /// (`--print-screen` prints the frame instead of handing it to curses).
  @Test func theUIShowsARebindingFromTheFile() throws {
    try writeConfig("[keys]\nhelp = [\"F1\"]\nadd-posting = [\"+\"]\nshow-agenda = [\"F3\"]\n")
    let frame = try run(["ui", "--store", workspace.storePath, "--print-screen", "--size", "160x50"])
    #expect(frame.exitCode == 0, "\(frame.standardError)")
    #expect(frame.standardOutput.contains("F1 help"), "\(frame.standardOutput)")
    #expect(frame.standardOutput.contains("+ add"))
    #expect(!frame.standardOutput.contains("? help"))
    #expect(frame.standardOutput.contains("F3 Agenda"))
  }

  /// `ui --print-screen` prints the first screen at the asked size and leaves the terminal
  /// alone; a size outside the allowed range is a command-line mistake.
  @Test func printScreenPrintsTheFirstScreenAtItsSize() throws {
    let frame = try run(["ui", "--store", workspace.storePath, "--print-screen", "--size", "60x15"])
    #expect(frame.exitCode == 0, "\(frame.standardError)")
    let lines = frame.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.dropLast().count == 15, "\(frame.standardOutput)")
    #expect(lines.allSatisfy { $0.count <= 60 })
    #expect(frame.standardOutput.contains("Postings"))
    for bad in ["10x3", "80", "80x24x2", "wide"] {
      let refused = try run(["ui", "--store", workspace.storePath, "--print-screen", "--size", bad])
      #expect(refused.exitCode == 64, "\(bad)")
      #expect(refused.standardError.contains("columns 20–1000 and rows 5–500"), "\(refused.standardError)")
    }
  }
}
