import ArgumentParser
import Foundation
import JobDeckConfig

/// `jobdeck config path|check|default`: where the settings come from and whether they parse.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show where the config file is, check it, or print one with every default.",
    subcommands: [ConfigPathCommand.self, ConfigCheckCommand.self, ConfigDefaultCommand.self]
  )
}

struct ConfigPathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path", abstract: "Print the config file's path (it need not exist).")

  @OptionGroup var configOptions: ConfigOptions

  func run() throws {
    say(configOptions.location.path)
  }
}

struct ConfigCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the config file: exit 0 if JobDeck accepts it, else say where it is wrong.")

  @OptionGroup var configOptions: ConfigOptions

  func run() throws {
    let location = configOptions.location
    _ = try ConfigFile.load(location)
    let exists = FileManager.default.fileExists(atPath: location.path)
    say(exists ? "\(location.path): OK" : "\(location.path): no file; the defaults apply")
  }
}

struct ConfigDefaultCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "default",
    abstract: "Print a config file with every setting at its default, commented.")

  func run() throws {
    print(Configuration.defaultFileText(), terminator: "")
  }
}
