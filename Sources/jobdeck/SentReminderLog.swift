import Foundation
import JobDeckStore

/// Which reminders `jobdeck remind --notify` has sent (`ReminderNotice.key`), per store, in
/// `$XDG_STATE_HOME/jobdeck/reminders-sent.json`: state, not data, so not in the store (it
/// differs per machine, and a synced store would otherwise silence another desktop).
///
/// Read, notify and write happen under one exclusive lock (`AtomicFile.update`), so two runs
/// that overlap (a timer and a hand-typed `remind --notify`) never send a reminder twice; the
/// file is replaced atomically, so a run killed mid-write leaves the old list.
struct SentReminderLog: Sendable {
  let path: String

  /// `$XDG_STATE_HOME/jobdeck/reminders-sent.json`, else `~/.local/state/jobdeck/…`.
  static func defaultPath(environment: [String: String]) -> String {
    StoreLocation.baseDirectoryPath("jobdeck/reminders-sent.json", in: "XDG_STATE_HOME",
      else: ".local/state", environment: environment) ?? "reminders-sent.json"
  }

  /// A file whose content is not a log this JobDeck wrote.
  struct Unreadable: Error, CustomStringConvertible {
    let path: String
    let problem: String

    var description: String {
      "\(path): not a list of sent reminders JobDeck can read (\(problem)); delete it to start"
        + " afresh (the reminders due now are then sent once more)"
    }
  }

  private struct Content: StateFileContent {
    var version = 1
    /// Store path → the keys sent for that store, sorted so the file diffs well.
    var stores: [String: [String]] = [:]
  }

  /// Runs `body` with the keys sent for `store`, alone, and saves the set it leaves. `body`
  /// sends the notifications; what it records before throwing is saved too, so a failure after
  /// two of three reminders never repeats those two.
  func update<Failure: Error>(
    store: String, waitingAtMost timeout: Double = 60,
    _ body: (inout Set<String>) throws(Failure) -> Void
  ) throws {
    try Content.update(at: path, waitingAtMost: timeout,
                       unreadable: { Unreadable(path: path, problem: $0) }) { content in
      var keys = Set(content.stores[store] ?? [])
      // What `body` recorded before it threw is saved all the same.
      defer { content.stores[store] = keys.isEmpty ? nil : keys.sorted() }
      try body(&keys)
    }
  }
}
