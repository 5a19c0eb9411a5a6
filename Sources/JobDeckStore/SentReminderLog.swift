import Foundation
import Glibc

/// Which reminders `jobdeck remind --notify` has sent (`ReminderNotice.key`), per store, in
/// `$XDG_STATE_HOME/jobdeck/reminders-sent.json`: state, not data, so not in the store (it
/// differs per machine, and a synced store would otherwise silence another desktop).
///
/// Read, notify and write happen under one exclusive lock (`StoreLock` on the file's `.lock`),
/// so two runs that overlap (a timer and a hand-typed `remind --notify`) never send a reminder
/// twice; the file is replaced atomically, so a run killed mid-write leaves the old list.
public struct SentReminderLog: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  /// `$XDG_STATE_HOME/jobdeck/reminders-sent.json`, else `~/.local/state/jobdeck/…` (the XDG
  /// Base Directory default; relative or empty variables count as unset).
  public static func defaultPath(environment: [String: String]) -> String {
    let name = "jobdeck/reminders-sent.json"
    if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") {
      return FileSystem.join(stateHome, name)
    }
    if let home = environment["HOME"], !home.isEmpty {
      return FileSystem.join(home, ".local/state/" + name)
    }
    return "reminders-sent.json"
  }

  /// A file whose content is not a log this JobDeck wrote.
  public struct Unreadable: Error, CustomStringConvertible {
    public let path: String
    public let problem: String

    public var description: String {
      "\(path): not a list of sent reminders JobDeck can read (\(problem)); delete it to start"
        + " afresh (the reminders due now are then sent once more)"
    }
  }

  private struct Content: Codable {
    var version = 1
    /// Store path → the keys sent for that store, sorted so the file diffs well.
    var stores: [String: [String]] = [:]
  }

  /// Runs `body` with the keys sent for `store`, alone, and saves the set it leaves. `body`
  /// sends the notifications; what it records before throwing is saved too, so a failure after
  /// two of three reminders never repeats those two.
  public func update<Failure: Error>(
    store: String, waitingAtMost timeout: Double = 60,
    _ body: (inout Set<String>) throws(Failure) -> Void
  ) throws -> Void {
    try FileSystem.makeDirectories(FileSystem.directory(of: path))
    try StoreLock.withLock(at: path + ".lock", mode: .exclusive, timeout: timeout) {
      AtomicReplace.removeStaleTemporaries(for: path)
      let existing = try FileSystem.readFile(at: path)
      var content = Content()
      if let existing, !existing.data.isEmpty {
        do {
          content = try JSONDecoder().decode(Content.self, from: existing.data)
        } catch {
          throw Unreadable(path: path, problem: "\(error)")
        }
        guard content.version == 1 else {
          throw Unreadable(path: path, problem: "version \(content.version), this JobDeck reads 1")
        }
      }
      let before = Set(content.stores[store] ?? [])
      var keys = before
      var failure: Failure?
      do throws(Failure) {
        try body(&keys)
      } catch {
        failure = error
      }
      if keys != before {
        content.stores[store] = keys.isEmpty ? nil : keys.sorted()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(content) + Data("\n".utf8)
        try AtomicReplace.replace(path, with: data, previous: existing?.status)
      }
      if let failure { throw failure }
    }
  }
}
