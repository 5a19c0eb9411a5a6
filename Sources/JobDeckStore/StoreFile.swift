import Foundation
import Glibc
import JobDeckCore

/// The user's store on disk: every read and write of it goes through here.
///
/// Beside the store (after following a symlink, so beside its target) live:
/// - `store.json.lock`: the `flock` target, never renamed; shared for reads, exclusive for
///   read-modify-write, waited for at most `lockTimeout` seconds.
/// - `store.json.bak`: the previous good version, refreshed on every save.
/// - `.store.json.tmp-*`: a save in progress; removed when found by the next lock holder.
///
/// A file that does not parse is never written: saving is refused until it parses again or
/// `restoreBackup()` puts the backup back. A file from a newer JobDeck loads read-only.
///
/// A value type holding only the path: every call opens, locks and closes what it needs, so
/// values can be copied freely across threads and processes never see a half-done change.
public struct StoreFile: Sendable {
  /// As the user gave it (possibly a symlink).
  public let path: String
  /// Seconds to wait for another process's lock before failing with `StoreError.locked`.
  public let lockTimeout: Double

  public init(path: String, lockTimeout: Double = 10) {
    self.path = path
    self.lockTimeout = lockTimeout
  }

  /// Where the previous good version is kept (beside the symlink's target, for a symlink).
  public var backupPath: String {
    ((try? FileSystem.resolvingSymlinks(path)) ?? path) + ".bak"
  }

  /// Reads the deck under a shared lock. A missing file is an empty deck (the file appears at the
  /// first save); a file that does not parse throws `StoreError.malformed` with its position.
  public func load() throws -> LoadedDeck {
    let target = try FileSystem.resolvingSymlinks(path)
    guard try FileSystem.directoryExists(FileSystem.directory(of: target)) else {
      return LoadedDeck(deck: Deck())
    }
    return try StoreLock.withLock(
      at: target + ".lock", mode: .shared, timeout: lockTimeout,
      whenUncontended: { AtomicReplace.removeStaleTemporaries(for: target) }
    ) {
      guard let (document, status) = try StoreDecoder().decodeFile(at: target, path: path) else {
        return LoadedDeck(deck: Deck())
      }
      return LoadedDeck(deck: document.deck, readOnlyReason: document.readOnlyReason,
        fingerprint: status.fingerprint.verified)
    }
  }

  /// Loads, lets `body` change the deck, and saves, all under one exclusive lock, so that two
  /// processes changing the store at once never lose each other's change. Saves only when the
  /// deck changed. Errors thrown by `body` propagate unchanged and nothing is saved.
  /// `body` must not call back into a `StoreFile` for the same store: the lock is held, so such a
  /// call would wait for itself and fail with `StoreError.locked` after `lockTimeout`.
  @discardableResult
  public func update<T>(_ body: (inout Deck) throws -> T) throws -> T {
    let target = try FileSystem.resolvingSymlinks(path)
    try FileSystem.makeDirectories(FileSystem.directory(of: target))
    return try StoreLock.withLock(at: target + ".lock", mode: .exclusive, timeout: lockTimeout) {
      AtomicReplace.removeStaleTemporaries(for: target)
      let current = try StoreDecoder().decodeFile(at: target, path: path)
      let document = current?.document
      let original = document?.deck ?? Deck()
      var deck = original
      let result = try body(&deck)
      guard deck != original else { return result }
      if let document, document.isNewer { throw newerVersionError(document) }
      try write(deck, to: target, previous: current?.status, previousData: nil)
      return result
    }
  }

  /// Replaces the store with `deck`, under the exclusive lock. Refused (nothing is written) when
  /// the file on disk does not parse or was written by a newer JobDeck.
  public func save(_ deck: Deck) throws {
    let target = try FileSystem.resolvingSymlinks(path)
    try FileSystem.makeDirectories(FileSystem.directory(of: target))
    try StoreLock.withLock(at: target + ".lock", mode: .exclusive, timeout: lockTimeout) {
      AtomicReplace.removeStaleTemporaries(for: target)
      let current = try StoreDecoder().decodeFile(at: target, path: path)
      if let document = current?.document, document.isNewer { throw newerVersionError(document) }
      try write(deck, to: target, previous: current?.status, previousData: nil)
    }
  }

  /// Saves `deck` only if the file is still the version the caller last read or wrote
  /// (`expected`; nil: there was no file), and returns the new version's fingerprint, taken
  /// under the same lock. The UI holds a deck for hours: this is how it avoids overwriting a
  /// change that `jobdeck move` saved meanwhile. On `.changedOnDisk` it reloads, replays its own
  /// edits and saves again.
  @discardableResult
  public func save(_ deck: Deck, ifUnchangedSince expected: StoreFingerprint?) throws
    -> StoreFingerprint?
  {
    let target = try FileSystem.resolvingSymlinks(path)
    try FileSystem.makeDirectories(FileSystem.directory(of: target))
    return try StoreLock.withLock(at: target + ".lock", mode: .exclusive, timeout: lockTimeout) {
      AtomicReplace.removeStaleTemporaries(for: target)
      let status = try FileSystem.status(of: target)
      guard status?.fingerprint == expected else {
        throw StoreError.changedOnDisk(path: path)
      }
      var currentData: Data?
      if status != nil {
        // A verified fingerprint means the caller read this very version and it parsed: only
        // its version needs checking, and the header says it without decoding 100 MB again.
        // Any other fingerprint, or a hand-edited header, takes the full decode.
        let head = expected?.isVerified == true
          ? try FileSystem.readHead(of: target, count: 64) : []
        if let version = StoreDecoder.headerSchemaVersion(head) {
          if version > StoreFormat.schemaVersion {
            throw StoreError.newerSchemaVersion(path: path, found: version,
              supported: StoreFormat.schemaVersion)
          }
        } else if let current = try FileSystem.readFile(at: target) {
          let document = try StoreDecoder().decodeDocument(current.data, path: path)
          if document.isNewer { throw newerVersionError(document) }
          currentData = current.data
        }
      }
      try write(deck, to: target, previous: status, previousData: currentData)
      return try FileSystem.status(of: target)?.fingerprint.verified
    }
  }

  /// `jobdeck check --restore-backup`: puts `store.json.bak` back in place if it parses. The file
  /// it replaces is kept beside it, as `store.json.corrupt-<UTC time>` when it does not parse and
  /// `store.json.before-restore-<UTC time>` when it does, so nothing is ever lost. Returns the
  /// path the replaced file was kept at (nil when there was no store file).
  @discardableResult
  public func restoreBackup() throws -> String? {
    let target = try FileSystem.resolvingSymlinks(path)
    let backup = target + ".bak"
    guard try FileSystem.directoryExists(FileSystem.directory(of: target)) else {
      throw StoreError.noBackup(backupPath: backup)
    }
    return try StoreLock.withLock(at: target + ".lock", mode: .exclusive, timeout: lockTimeout) {
      AtomicReplace.removeStaleTemporaries(for: target)
      guard let saved = try FileSystem.readFile(at: backup) else {
        throw StoreError.noBackup(backupPath: backup)
      }
      do {
        _ = try StoreDecoder().decodeDocument(saved.data, path: backup)
      } catch {
        throw StoreError.backupUnusable(backupPath: backup, problem: Self.summary(of: error))
      }
      let current = try FileSystem.readFile(at: target)
      var keptAt: String?
      if let current {
        let parses = (try? StoreDecoder().decodeDocument(current.data, path: path)) != nil
        keptAt = try keepAside(current, of: target, as: parses ? "before-restore" : "corrupt")
      }
      try AtomicReplace.replace(target, with: saved.data, previous: current?.status ?? saved.status)
      return keptAt
    }
  }

  /// Parses the store and lists inconsistencies a decoder cannot see (dangling references,
  /// repeated ids or keys). Throws the positioned error when the file does not parse.
  public func check() throws -> StoreCheckReport {
    let target = try FileSystem.resolvingSymlinks(path)
    let backup = target + ".bak"
    let hasBackup = (try? FileSystem.status(of: backup)) != nil
    let read: (FileSystem.Status, Data)? = try {
      guard try FileSystem.directoryExists(FileSystem.directory(of: target)) else { return nil }
      return try StoreLock.withLock(at: target + ".lock", mode: .shared, timeout: lockTimeout) {
        try FileSystem.readFile(at: target).map { ($0.status, $0.data) }
      }
    }()
    guard let (_, data) = read else {
      return StoreCheckReport(
        path: path, schemaVersion: StoreFormat.schemaVersion, postingCount: 0,
        applicationCount: 0, deadlineCount: 0, problems: [], readOnlyReason: nil,
        backupPath: backup, hasBackup: hasBackup)
    }
    let document = try StoreDecoder().decodeDocument(data, path: path)
    var problems = StoreConsistency.problems(in: document.deck)
    problems += StoreConsistency.duplicateKeys(in: data, path: path)
    return StoreCheckReport(
      path: path, schemaVersion: document.schemaVersion, postingCount: document.deck.postings.count,
      applicationCount: document.deck.applications.count,
      deadlineCount: document.deck.deadlines.count, problems: problems,
      readOnlyReason: document.readOnlyReason, backupPath: backup, hasBackup: hasBackup)
  }

  /// One `stat` of the store: compare with `LoadedDeck.fingerprint` to notice that another
  /// process saved in the meantime. Nil when there is no file (or it cannot be examined).
  public func fingerprint() -> StoreFingerprint? {
    (try? FileSystem.status(of: path))??.fingerprint
  }

  /// `previousData`, the current file's bytes if already read, is needed only where the backup
  /// cannot be a hard link; it is read then if missing.
  private func write(_ deck: Deck, to target: String, previous: FileSystem.Status?,
    previousData: Data?) throws
  {
    // Streamed: the encoded text goes to the temporary file a batch at a time, so a save of
    // 100,000 postings never holds 275 MB of text besides the deck.
    let path = path
    try AtomicReplace.replace(target, previous: previous, backupPath: target + ".bak",
      previousData: previousData)
    { write throws(StoreError) in
      do {
        try StoreEncoder().write(deck) { piece in try write(piece) }
      } catch let error as StoreError {
        throw error
      } catch {
        throw StoreError.unencodable(path: path, problem: Self.summary(of: error))
      }
    }
  }

  private func newerVersionError(_ document: StoreDecoder.Document) -> StoreError {
    .newerSchemaVersion(path: path, found: document.schemaVersion,
      supported: StoreFormat.schemaVersion)
  }

  /// Keeps the file about to be replaced under `<target>.<label>-<UTC time>`: a hard link when
  /// possible, else a copy.
  private func keepAside(_ file: (data: Data, status: FileSystem.Status), of target: String,
    as label: String) throws -> String
  {
    let stamp = Self.timestamp()
    for attempt in 1...100 {
      let name = target + ".\(label)-\(stamp)" + (attempt == 1 ? "" : "-\(attempt)")
      var existing = stat()
      if lstat(name, &existing) == 0 { continue }
      if link(target, name) == 0 { return name }
      if errno == EEXIST { continue }
      // No hard links on this file system: a copy, renamed into place (we hold the lock, and
      // checked just above that the name is free).
      let temporary = try AtomicReplace.writeTemporaryCopy(of: file.data, beside: target,
        tag: "keep-", permissions: file.status.permissions, owner: file.status)
      guard rename(temporary, name) == 0 else {
        let code = errno
        unlink(temporary)
        throw StoreError.fileSystem(operation: "keep the current file at", path: name,
          errorNumber: code)
      }
      return name
    }
    throw StoreError.fileSystem(operation: "keep the current file beside", path: target,
      errorNumber: EEXIST)
  }

  /// `20261122T100000Z`: sortable, and free of characters file names or shells mind.
  private static func timestamp() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return String(format: "%04d%02d%02dT%02d%02d%02dZ", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
      Int(parts.tm_sec))
  }

  /// An error's message without the advice meant for the store itself.
  private static func summary(of error: any Error) -> String {
    if case .malformed(let path, let line, let column, let jsonPath, let problem)? =
      error as? StoreError
    {
      return StoreError.location(path, line, column, jsonPath, problem)
    }
    return String(describing: error)
  }
}
