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

  var path: String {
    StoreLocation.resolve(explicitPath: store, environment: ProcessInfo.processInfo.environment)
  }

  var file: StoreFile { StoreFile(path: path, journalPolicy: Self.journalPolicy) }

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
  var clock: WallClock { CommandClock.current }
}

enum CommandClock {
  static var current: WallClock {
    let environment = ProcessInfo.processInfo.environment
    if let pinned = environment["JOBDECK_NOW"], let date = ISO8601DateFormatter().date(from: pinned)
    {
      return FixedWallClock(now: date, timeZone: TimeZone.current)
    }
    return SystemWallClock()
  }
}
