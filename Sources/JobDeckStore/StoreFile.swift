import Foundation
import Glibc
import JobDeckCore

/// The user's store on disk: every read and write of it goes through here.
///
/// Beside the store (after following a symlink, so beside its target) live:
/// - `store.json.lock`: the `flock` target, never renamed; shared for reads, exclusive for
///   read-modify-write, waited for at most `lockTimeout` seconds.
/// - `store.json.journal`: changes saved since the last full rewrite, one line per save (see
///   `StoreJournal`). Only a store of at least `JournalPolicy.minimumStoreSize` gets one: a save
///   that knows the deck it started from appends the difference instead of rewriting 100 MB.
///   Loading replays it; it is folded into `store.json` (a full rewrite, then removed) when it
///   grows past the policy's limits, when a difference cannot be said as a journal line, and by
///   `compact()` (`jobdeck compact`), which external readers of `store.json` should run first.
/// - `store.json.bak`: the version before the last full rewrite, refreshed on every rewrite.
/// - `.store.json.tmp-*`: a save in progress; removed when found by the next lock holder.
///
/// A file that does not parse (store or journal) is never written: saving is refused until it
/// parses again, `repairJournal()` sets the journal's bad lines aside or `restoreBackup()` puts
/// the backup back. A journal made for an earlier version of a hand-edited store file stops
/// loading too, until `replayJournal()` or `setJournalAside()`. A file from a newer JobDeck
/// loads read-only.
///
/// A value type holding only the path: every call opens, locks and closes what it needs, so
/// values can be copied freely across threads and processes never see a half-done change.
public struct StoreFile: Sendable {
  /// As the user gave it (possibly a symlink).
  public let path: String
  /// Seconds to wait for another process's lock before failing with `StoreError.locked`.
  public let lockTimeout: Double
  /// When a save may append to the journal rather than rewrite the file.
  public let journalPolicy: JournalPolicy

  public init(path: String, lockTimeout: Double = 10, journalPolicy: JournalPolicy = .standard) {
    self.path = path
    self.lockTimeout = lockTimeout
    self.journalPolicy = journalPolicy
  }

  /// Where the previous good version is kept (beside the symlink's target, for a symlink).
  public var backupPath: String {
    ((try? FileSystem.resolvingSymlinks(path)) ?? path) + ".bak"
  }

  /// Where the journal of changes since the last full rewrite is kept.
  public var journalPath: String {
    ((try? FileSystem.resolvingSymlinks(path)) ?? path) + ".journal"
  }

  /// Reads the deck under a shared lock, with the journal replayed. A missing file is an empty
  /// deck (the file appears at the first save); a file or journal that does not parse throws
  /// `StoreError.malformed` with its position.
  public func load() throws -> LoadedDeck {
    let target = try FileSystem.resolvingSymlinks(path)
    guard try FileSystem.directoryExists(FileSystem.directory(of: target)) else {
      return LoadedDeck(deck: Deck())
    }
    return try StoreLock.withLock(
      at: target + ".lock", mode: .shared, timeout: lockTimeout,
      whenUncontended: { AtomicReplace.removeStaleTemporaries(for: target) }
    ) {
      let state = try readState(target: target)
      return LoadedDeck(deck: state.deck, readOnlyReason: state.document?.readOnlyReason,
        fingerprint: state.fingerprint?.verified)
    }
  }

  /// Loads, lets `body` change the deck, and saves, all under one exclusive lock, so that two
  /// processes changing the store at once never lose each other's change. Saves only when the
  /// deck changed, appending to the journal when the policy allows. Errors thrown by `body`
  /// propagate unchanged and nothing is saved.
  /// `body` must not call back into a `StoreFile` for the same store: the lock is held, so such a
  /// call would wait for itself and fail with `StoreError.locked` after `lockTimeout`.
  @discardableResult
  public func update<T>(_ body: (inout Deck) throws -> T) throws -> T {
    let target = try FileSystem.resolvingSymlinks(path)
    try FileSystem.makeDirectories(FileSystem.directory(of: target))
    return try StoreLock.withLock(at: target + ".lock", mode: .exclusive, timeout: lockTimeout) {
      AtomicReplace.removeStaleTemporaries(for: target)
      let state = try readState(target: target)
      var deck = state.deck
      let result = try body(&deck)
      guard deck != state.deck else { return result }
      if let document = state.document, document.isNewer { throw newerVersionError(document) }
      try commit(deck, previous: state.deck, over: state, target: target)
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
      let state = try readState(target: target)
      if let document = state.document, document.isNewer { throw newerVersionError(document) }
      try commit(deck, previous: state.deck, over: state, target: target)
    }
  }

  /// `save(_:ifUnchangedSince:previous:)` without a previous deck: always a full rewrite.
  @discardableResult
  public func save(_ deck: Deck, ifUnchangedSince expected: StoreFingerprint?) throws
    -> StoreFingerprint?
  {
    try save(deck, ifUnchangedSince: expected, previous: nil)
  }

  /// Saves `deck` only if the store is still the version the caller last read or wrote
  /// (`expected`; nil: there was no file), and returns the new version's fingerprint, taken
  /// under the same lock. The UI holds a deck for hours: this is how it avoids overwriting a
  /// change that `jobdeck move` saved meanwhile. On `.changedOnDisk` it reloads, replays its own
  /// edits and saves again.
  ///
  /// `previous` is the deck exactly as that version held it (as loaded, or as last saved): with
  /// it, a large store gets only the difference appended to its journal (a few milliseconds)
  /// instead of a full rewrite. Passing a deck that is not that version's content would make the
  /// journal describe the wrong change; pass nil when unsure.
  @discardableResult
  public func save(_ deck: Deck, ifUnchangedSince expected: StoreFingerprint?, previous: Deck?)
    throws -> StoreFingerprint?
  {
    let target = try FileSystem.resolvingSymlinks(path)
    try FileSystem.makeDirectories(FileSystem.directory(of: target))
    return try StoreLock.withLock(at: target + ".lock", mode: .exclusive, timeout: lockTimeout) {
      AtomicReplace.removeStaleTemporaries(for: target)
      let storeStatus = try FileSystem.status(of: target)
      let journalStatus = try FileSystem.status(of: target + ".journal")
      let current = storeStatus?.fingerprint.including(journal: journalStatus?.fingerprint)
      guard current == expected else {
        throw StoreError.changedOnDisk(path: path)
      }
      var state = DiskState(storeStatus: storeStatus)
      if let storeStatus {
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
          if journalStatus != nil {
            state.journal = try journalHeaderState(target: target, store: storeStatus)
          }
        } else {
          state = try readState(target: target)
          if let document = state.document, document.isNewer { throw newerVersionError(document) }
        }
      } else if let journalStatus {
        state.journal = JournalState(status: journalStatus, header: nil, completeLength: 0,
          isStale: true)
      }
      try commit(deck, previous: previous, over: state, target: target)
      let journal = try FileSystem.status(of: target + ".journal")
      return try FileSystem.status(of: target)?.fingerprint
        .including(journal: journal?.fingerprint).verified
    }
  }

  /// Folds the journal into `store.json` (one full rewrite) and removes it, so that the file
  /// alone holds the whole deck again: for `jq`, `git`, backups and other readers of the file.
  /// Returns the number of journal operations folded in (0 when there was no journal). A stale
  /// journal is kept aside as `store.json.journal.stale-<time>` and not applied.
  @discardableResult
  public func compact() throws -> Int {
    let target = try FileSystem.resolvingSymlinks(path)
    guard try FileSystem.directoryExists(FileSystem.directory(of: target)) else { return 0 }
    return try StoreLock.withLock(at: target + ".lock", mode: .exclusive, timeout: lockTimeout) {
      AtomicReplace.removeStaleTemporaries(for: target)
      let state = try readState(target: target)
      guard let journal = state.journal else { return 0 }
      if let document = state.document, document.isNewer { throw newerVersionError(document) }
      if journal.isStale || state.storeStatus == nil {
        try moveAside(target + ".journal", to: target + ".journal.stale-" + Self.timestamp())
        return 0
      }
      try rewrite(state.deck, over: state, target: target)
      return state.journalOperationCount
    }
  }

  /// `jobdeck check --restore-backup`: puts `store.json.bak` back in place if it parses. The file
  /// it replaces is kept beside it, as `store.json.corrupt-<UTC time>` when it does not parse and
  /// `store.json.before-restore-<UTC time>` when it does, so nothing is ever lost; its journal
  /// goes with it (`….journal`), and the restored backup starts without one. Returns the
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
      // The journal belongs to the file being replaced: it goes aside with it, never onto the
      // restored backup.
      if try FileSystem.status(of: target + ".journal") != nil {
        try moveAside(target + ".journal",
          to: (keptAt ?? target + ".journal.stale-" + Self.timestamp()) + ".journal")
      }
      try AtomicReplace.replace(target, with: saved.data, previous: current?.status ?? saved.status)
      return keptAt
    }
  }

  /// Parses the store and its journal and lists inconsistencies a decoder cannot see (dangling
  /// references, repeated ids or keys) in the deck they make together. Throws the positioned
  /// error when either does not parse.
  public func check() throws -> StoreCheckReport {
    let target = try FileSystem.resolvingSymlinks(path)
    let backup = target + ".bak"
    let hasBackup = (try? FileSystem.status(of: backup)) != nil
    var report = StoreCheckReport(
      path: path, schemaVersion: StoreFormat.schemaVersion, postingCount: 0,
      applicationCount: 0, deadlineCount: 0, problems: [], readOnlyReason: nil,
      backupPath: backup, hasBackup: hasBackup)
    report.journalPath = target + ".journal"
    guard try FileSystem.directoryExists(FileSystem.directory(of: target)) else { return report }
    let (state, data) = try StoreLock.withLock(
      at: target + ".lock", mode: .shared, timeout: lockTimeout
    ) {
      // The bytes again for the duplicate-key scan, which the decoder cannot report: `check`
      // is the one reader that holds both.
      (try readState(target: target), try FileSystem.readFile(at: target)?.data)
    }
    if let journal = state.journal {
      report.journalSize = journal.status.fingerprint.size
      report.journalOperationCount = state.journalOperationCount
      report.journalTornBytes = Int(journal.status.fingerprint.size) - journal.completeLength
      report.journalIsStale = journal.isStale
    }
    guard let document = state.document, let data else { return report }
    report.schemaVersion = document.schemaVersion
    report.postingCount = state.deck.postings.count
    report.applicationCount = state.deck.applications.count
    report.deadlineCount = state.deck.deadlines.count
    report.problems = StoreConsistency.problems(in: state.deck)
      + StoreConsistency.duplicateKeys(in: data, path: path)
    report.readOnlyReason = document.readOnlyReason
    return report
  }

  /// One `stat` of the store and one of its journal: compare with `LoadedDeck.fingerprint` to
  /// notice that another process saved in the meantime. Nil when there is no file (or it cannot
  /// be examined).
  public func fingerprint() -> StoreFingerprint? {
    guard let target = try? FileSystem.resolvingSymlinks(path),
      let store = (try? FileSystem.status(of: target)) ?? nil
    else { return nil }
    let journal = (try? FileSystem.status(of: target + ".journal")) ?? nil
    return store.fingerprint.including(journal: journal?.fingerprint)
  }

  func newerVersionError(_ document: StoreDecoder.Document) -> StoreError {
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
  static func timestamp() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return String(format: "%04d%02d%02dT%02d%02d%02dZ", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
      Int(parts.tm_sec))
  }

  /// An error's message without the advice meant for the store itself.
  static func summary(of error: any Error) -> String {
    switch error as? StoreError {
    case .malformed(let path, let line, let column, let jsonPath, let problem)?,
      .journalLineUnusable(let path, let line, let column, let jsonPath, let problem)?,
      .journalHeaderUnusable(let path, let line, let column, let jsonPath, let problem)?:
      return StoreError.location(path, line, column, jsonPath, problem)
    default:
      return String(describing: error)
    }
  }
}
