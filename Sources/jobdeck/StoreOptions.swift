import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckStore

/// `--store`, shared by every command, and the clock commands use.
struct StoreOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(
    "The store file (default: $JOBDECK_STORE, else $XDG_DATA_HOME/jobdeck/store.json).",
    valueName: "path"))
  var store: String?

  @OptionGroup var configOptions: ConfigOptions

  /// `--store`, else `$JOBDECK_STORE`, else the config file's `store` (a leading `~/` is
  /// `$HOME`, as a shell would have it), else the XDG default.
  var path: String {
    let environment = ProcessInfo.processInfo.environment
    var configured = configOptions.configuration.storePath
    if let path = configured, path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty {
      configured = (home.hasSuffix("/") ? home : home + "/") + path.dropFirst(2)
    }
    return StoreLocation.resolve(explicitPath: store, environment: environment,
                                 configuredPath: configured)
  }

  var file: StoreFile { StoreFile(path: path, journalPolicy: Self.journalPolicy) }

  /// A new session on the store, for a command that reads or changes it.
  var session: StoreSession { StoreSession(file: file) }

  /// The standard journal policy, except that `JOBDECK_JOURNAL_MINIMUM_BYTES` (hidden, for the
  /// crash tests that aim their kills at a full rewrite) moves the store size from which saves
  /// append to the journal.
  static var journalPolicy: StoreFile.JournalPolicy {
    var policy = StoreFile.JournalPolicy.standard
    if let text = ProcessInfo.processInfo.environment["JOBDECK_JOURNAL_MINIMUM_BYTES"],
      let bytes = Int64(text)
    {
      policy.minimumStoreSize = bytes
    }
    return policy
  }

  /// The clock every command uses. `JOBDECK_NOW` (an ISO 8601 instant) pins it, so that tests
  /// and demos of "what will the agenda say on Friday" are reproducible.
  var clock: WallClock {
    CommandClock.current(configuredTimeZone: configOptions.configuration.timeZone)
  }
}

enum CommandClock {
  /// The config file's `time-zone` applies unless `TZ` is set (and not empty): the environment
  /// beats the file, as for every setting.
  static func current(configuredTimeZone: String?) -> WallClock {
    let environment = ProcessInfo.processInfo.environment
    var zone = TimeZone.current
    if (environment["TZ"] ?? "").isEmpty, let name = configuredTimeZone,
      let configured = TimeZone(identifier: name)
    {
      zone = configured
    }
    if let pinned = environment["JOBDECK_NOW"], let date = ISO8601DateFormatter().date(from: pinned)
    {
      return FixedWallClock(now: date, timeZone: zone)
    }
    return SystemWallClock(timeZone: zone)
  }
}
