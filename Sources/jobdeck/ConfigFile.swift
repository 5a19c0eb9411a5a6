import ArgumentParser
import Foundation
import JobDeckConfig

/// `--config PATH`, shared by every command through `StoreOptions` and by `jobdeck config`.
struct ConfigOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(
    "The config file (default: $JOBDECK_CONFIG, else $XDG_CONFIG_HOME/jobdeck/config.toml).",
    valueName: "path"))
  var config: String?

  var location: ConfigFile.Location {
    ConfigFile.locate(explicitPath: config, environment: ProcessInfo.processInfo.environment)
  }

  /// The settings every command runs with. A file that does not parse stops the command with
  /// its file:line:column and exit status 2, before anything is read or written: the computed
  /// store path and clock that need it cannot throw, and guessing past a wrong setting could
  /// open the wrong store.
  var configuration: Configuration {
    do {
      return try ConfigFile.load(location)
    } catch {
      printError(error.message)
      Foundation.exit(error.exitCode)
    }
  }
}

/// Reading the config file: the one place JobDeck touches it; parsing is `Configuration`'s.
enum ConfigFile {
  struct Location: Equatable {
    var path: String
    /// Named by `--config` or `$JOBDECK_CONFIG`: then the file must exist.
    var isExplicit: Bool
  }

  /// `--config PATH`, else `$JOBDECK_CONFIG`, else `$XDG_CONFIG_HOME/jobdeck/config.toml`,
  /// else `~/.config/jobdeck/config.toml` (empty or relative XDG variables count as unset, as
  /// the XDG Base Directory specification says).
  static func locate(explicitPath: String?, environment: [String: String]) -> Location {
    if let explicitPath, !explicitPath.isEmpty { return Location(path: explicitPath, isExplicit: true) }
    if let path = environment["JOBDECK_CONFIG"], !path.isEmpty {
      return Location(path: path, isExplicit: true)
    }
    if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
      return Location(path: joined(configHome, "jobdeck/config.toml"), isExplicit: false)
    }
    if let home = environment["HOME"], !home.isEmpty {
      return Location(path: joined(home, ".config/jobdeck/config.toml"), isExplicit: false)
    }
    return Location(path: "config.toml", isExplicit: false)
  }

  /// The file's settings; the defaults when the usual file does not exist.
  static func load(_ location: Location) throws(CommandFailure) -> Configuration {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: location.path))
    } catch {
      let missing = (error as NSError).code == NSFileReadNoSuchFileError
      if missing && !location.isExplicit { return Configuration.defaults }
      throw CommandFailure(
        message: "\(location.path): cannot read the config file: "
          + (missing ? "no such file" : error.localizedDescription),
        exitCode: ExitStatus.badConfigFile)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure(message: "\(location.path):1:1: the config file is not UTF-8 text",
                           exitCode: ExitStatus.badConfigFile)
    }
    do {
      return try Configuration(parsing: text, file: location.path)
    } catch {
      throw CommandFailure(message: error.description, exitCode: ExitStatus.badConfigFile)
    }
  }

  private static func joined(_ directory: String, _ relative: String) -> String {
    directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
  }
}
