import Foundation
import Glibc
import JobDeckCore
import JobDeckStore
import JobDeckTUI

/// `jobdeck sync` over git: the store's directory is a repository that tracks `store.json` only
/// (its `.gitignore` ignores everything else: the lock, the journal, backups, any other file),
/// merged by `jobdeck merge-driver` (`DeckMerge`).
///
/// Whatever git does to `store.json` (add, commit, merge) happens inside
/// `StoreSession.withFileAlone`: the journal folded in and the store's exclusive lock held, so a
/// save by the UI or another command waits for it and is never overwritten by the merge.
///
/// Holds only the store's path (the UI runs a sync on a thread of its own), and opens a
/// `StoreSession` for each use.
struct StoreSync {
  let file: StoreFile
  var session: StoreSession { StoreSession(file: file) }
  var git: Git { Git(directory: directory) }
  var path: String { file.path }
  var directory: String { (path as NSString).deletingLastPathComponent }
  /// The store file's name in the repository: `store.json` unless `--store` names another.
  var name: String { (path as NSString).lastPathComponent }
  static let branch = "main"

  struct Failure: Error {
    var message: String
    var exitCode: Int32
  }

  /// Makes the directory a repository (or adopts the one there), registers the merge driver and
  /// the remote, and commits the store. With a remote that already holds a store, merges it in.
  func initialize(remote: String?, host: String) throws -> [String] {
    var lines: [String] = []
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    if !FileManager.default.fileExists(atPath: directory + "/.git") {
      try git.require(["init", "--quiet", "--initial-branch=\(Self.branch)"])
      lines.append("Made \(directory) a git repository.")
    }
    try write("*\n!/\(name)\n!/.gitignore\n!/.gitattributes\n", to: ".gitignore")
    try write("/\(name) merge=jobdeck\n", to: ".gitattributes")
    try git.require(["config", "merge.jobdeck.name", "JobDeck store merge"])
    try git.require(["config", "merge.jobdeck.driver",
                     "'\(ReminderTimer.runningBinary())' merge-driver %O %A %B"])
    if let remote {
      let hasOrigin = try git.run(["remote", "get-url", "origin"]).succeeded
      try git.require(["remote", hasOrigin ? "set-url" : "add", "origin", remote])
      lines.append("The remote is \(remote).")
    }
    _ = try session.withFileAlone { current in
      try commitLocalChanges(host: host, message: "start syncing", current: current)
    }
    lines.append("Registered JobDeck's merge driver; \(name) is tracked, nothing else.")
    // A second machine joins with a remote that already holds a store: bring it in now.
    return remote == nil ? lines : lines + (try sync(host: host).lines)
  }

  /// What a sync did: the lines to print, and how many records came in and went out.
  struct Outcome {
    var lines: [String] = []
    var cameIn = 0
    var wentOut = 0
  }

  /// One sync: commit, fetch, merge, push (again after a race).
  func sync(host: String) throws -> Outcome {
    let remoteRef = "origin/\(Self.branch)"
    guard FileManager.default.fileExists(atPath: directory + "/.git") else {
      throw Failure(message: "\(directory) is not set up for sync; run: jobdeck sync --init REMOTE",
                    exitCode: ExitStatus.userError)
    }
    try recoverFromInterruptedSync()
    var outcome = Outcome()
    let committed = try session.withFileAlone { current in
      try commitLocalChanges(host: host, message: nil, current: current)
    }
    if let committed { outcome.lines.append("Committed: \(committed)") }
    for attempt in 0..<6 {
      if attempt > 0 { usleep(UInt32(attempt) * 200_000) }
      let fetched = try git.run(["fetch", "--quiet", "origin"])
      guard fetched.succeeded else {
        throw Failure(message: "could not reach the remote (\(fetched.trimmed)); your changes"
          + " are saved and committed here; run jobdeck sync again to send them",
          exitCode: ExitStatus.userError)
      }
      if try git.run(["rev-parse", "--verify", "--quiet", remoteRef]).succeeded {
        let (before, merged) = try session.withFileAlone { current in
          // A save made since the commit above goes in first: git refuses to merge over it.
          if let committed = try commitLocalChanges(host: host, message: nil, current: current) {
            outcome.lines.append("Committed: \(committed)")
          }
          let before = try deck(at: "HEAD")
          let merged = try git.run(["merge", "--no-edit", "--allow-unrelated-histories",
                                    "-m", "jobdeck sync on \(host): merge", remoteRef])
          if !merged.succeeded { _ = try? git.run(["merge", "--abort"]) }
          return (before, merged)
        }
        guard merged.succeeded else {
          throw Failure(message: "the merge with the remote failed: \(merged.trimmed)",
                        exitCode: ExitStatus.storeProblem)
        }
        let after = try deck(at: "HEAD")
        let incoming = Self.changes(from: before, to: after)
        if !incoming.parts.isEmpty {
          outcome.lines.append("Came in: " + incoming.parts.joined(separator: ", "))
        }
        outcome.cameIn = incoming.count
        for line in merged.output.split(separator: "\n") where line.hasPrefix("jobdeck: ") {
          outcome.lines.append(String(line.dropFirst("jobdeck: ".count)))
        }
        let outgoing = Self.changes(from: try deck(at: remoteRef), to: after)
        if !outgoing.parts.isEmpty {
          outcome.lines.append("Went out: " + outgoing.parts.joined(separator: ", "))
        }
        outcome.wentOut = outgoing.count
      }
      let head = try git.require(["rev-parse", "HEAD"]).trimmed
      let remoteHead = try git.run(["rev-parse", "--verify", "--quiet", remoteRef]).trimmed
      if head == remoteHead {
        outcome.lines.append("Up to date with the remote.")
        return outcome
      }
      let pushed = try git.run(["push", "--quiet", "origin", "HEAD:\(Self.branch)"])
      if pushed.succeeded {
        outcome.lines.append("Sent to the remote.")
        return outcome
      }
      // Rejected: another machine pushed since our fetch. Unreachable: say so and stop.
      let rejected = pushed.output.contains("rejected") || pushed.output.contains("fetch first")
        || pushed.output.contains("non-fast-forward")
      guard rejected else {
        throw Failure(message: "could not push to the remote (\(pushed.trimmed)); your changes"
          + " are saved and committed here; run jobdeck sync again to send them",
          exitCode: ExitStatus.userError)
      }
    }
    throw Failure(message: "the remote kept changing while syncing; run jobdeck sync again",
                  exitCode: ExitStatus.userError)
  }

  /// A sync killed half-way leaves git's own locks and a merge in progress: both are undone.
  /// Local work was committed before the merge began, so undoing the merge loses nothing.
  private func recoverFromInterruptedSync() throws {
    let gitDirectory = directory + "/.git"
    // A git the killed sync started may still be finishing: give it a moment before taking
    // its lock for stale.
    for lock in ["index.lock", "HEAD.lock", "refs/heads/\(Self.branch).lock"] {
      let path = gitDirectory + "/" + lock
      for _ in 0..<50 where FileManager.default.fileExists(atPath: path) { usleep(100_000) }
      unlink(path)
    }
    if FileManager.default.fileExists(atPath: gitDirectory + "/MERGE_HEAD") {
      try git.require(["merge", "--abort"])
    }
    // A kill while git rewrote store.json can leave it cut short: the committed one is whole.
    // The unreadable file is kept beside it, never overwritten.
    if (try? session.open()) == nil, try git.run(["cat-file", "-e", "HEAD:\(name)"]).succeeded {
      let aside = path + ".unreadable-before-sync-\(Int(Date().timeIntervalSince1970))"
      guard rename(path, aside) == 0 else {
        throw Failure(message: "\(path) does not load and could not be moved aside",
                      exitCode: ExitStatus.storeProblem)
      }
      try git.require(["checkout", "HEAD", "--", name])
    }
  }

  /// Commits store.json if it changed (`current` is what it holds); the message says what
  /// changed and from which host. Runs inside `withFileAlone`.
  @discardableResult
  private func commitLocalChanges(host: String, message: String?, current: Deck) throws
    -> String?
  {
    try git.require(["add", name, ".gitignore", ".gitattributes"])
    if try git.run(["diff", "--cached", "--quiet"]).succeeded { return nil }
    let previous = (try? deck(at: "HEAD")) ?? Deck()
    let changes = Self.describe(from: previous, to: current) ?? "store.json rewritten"
    let summary = message.map { "\($0): \(changes)" } ?? changes
    try git.require(["commit", "--quiet", "--no-verify", "-m", "jobdeck on \(host): \(summary)"])
    return summary
  }

  private func deck(at revision: String) throws -> Deck {
    let shown = try git.require(["show", "\(revision):\(name)"])
    return try StoreDecoder().decode(Data(shown.output.utf8), path: "\(revision):\(name)").deck
  }

  private func write(_ text: String, to name: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name), options: .atomic)
  }

  /// "1 posting added, 2 applications changed"; nil when nothing differs.
  static func describe(from old: Deck, to new: Deck) -> String? {
    let parts = changes(from: old, to: new).parts
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  /// What differs, by kind of record, and how many records (and settings) differ in all.
  static func changes(from old: Deck, to new: Deck) -> (parts: [String], count: Int) {
    var parts: [String] = []
    var total = 0
    func count<Record>(_ before: RecordList<Record>, _ after: RecordList<Record>,
                       _ noun: String) {
      let (added, changed, removed) = after.differenceCounts(from: before)
      total += added + changed + removed
      if added > 0 { parts.append(Plural.count(added, noun) + " added") }
      if changed > 0 { parts.append(Plural.count(changed, noun) + " changed") }
      if removed > 0 { parts.append(Plural.count(removed, noun) + " removed") }
    }
    count(old.postings, new.postings, "posting")
    count(old.applications, new.applications, "application")
    count(old.deadlines, new.deadlines, "deadline")
    if old.settings != new.settings {
      parts.append("settings changed")
      total += 1
    }
    let conflicts = new.conflicts.count - old.conflicts.count
    if conflicts > 0 { parts.append(Plural.count(conflicts, "new conflict")) }
    return (parts, total)
  }

  /// Whether the store's directory syncs, when it last fetched, and the commits not yet sent
  /// and not yet merged; nil when `sync --init` was never run. Two cheap git calls.
  func status() -> SyncStatus? {
    guard FileManager.default.fileExists(atPath: directory + "/.git") else { return nil }
    let fetched = try? FileManager.default.attributesOfItem(
      atPath: directory + "/.git/FETCH_HEAD")[.modificationDate] as? Date
    var status = SyncStatus(lastSync: fetched)
    let counts = (try? git.run(["rev-list", "--left-right", "--count",
                                "HEAD...origin/\(Self.branch)"]))
    if let counts, counts.succeeded {
      let numbers = counts.trimmed.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
      if numbers.count == 2 { (status.ahead, status.behind) = (numbers[0], numbers[1]) }
    }
    return status
  }
}
