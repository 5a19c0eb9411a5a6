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
///   that knows the deck it started from appends the difference instead of rewriting the whole
///   file. Loading replays it; it is folded into `store.json` (a full rewrite, then removed) when it
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
/// Programs that read and then save go through a `StoreSession`, which remembers the version it
/// saves over.
///
/// Every operation starts with the same lock-and-open sequence (`withLock`, `withLockedState`
/// in StoreFile+Locking); reading is in StoreFile+Reading, saving (a journal append, or a full
/// rewrite that keeps the backup) in StoreFile+Journal, files kept aside in StoreFile+KeptAside,
/// and the maintenance commands in StoreFile+Compaction, +Check, +BackupRestore and
/// +JournalRecovery.
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
    try withLockedState(.reading, ifNoDirectory: { _ in LoadedDeck(deck: Deck()) }) { state, _ in
      loaded(state.deck, from: state)
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
    try updateReturningVersion(body).result
  }

  /// `update(_:)`, also returning the version it leaves on disk (the deck it holds and its
  /// fingerprint), for a `StoreSession` that goes on from there.
  func updateReturningVersion<T>(_ body: (inout Deck) throws -> T) throws
    -> (result: T, version: LoadedDeck)
  {
    try withLockedState(.changing) { state, target in
      var deck = state.deck
      let result = try body(&deck)
      // The records the body touched say whether it changed anything, without comparing the
      // whole deck (which only a body that replaced a whole list needs).
      let unchanged = StoreJournal.operations(from: state.deck, to: deck)?.isEmpty
        ?? (deck == state.deck)
      guard !unchanged else { return (result, loaded(deck, from: state)) }
      try refuseNewerVersion(state.document)
      try commit(deck, previous: state.deck, over: state, target: target)
      return (result, LoadedDeck(deck: deck, fingerprint: try writtenFingerprint(target: target)))
    }
  }

  /// Replaces the store with `deck`, under the exclusive lock. Refused (nothing is written) when
  /// the file on disk does not parse or was written by a newer JobDeck.
  public func save(_ deck: Deck) throws {
    try withLockedState(.changing) { state, target in
      try refuseNewerVersion(state.document)
      try commit(deck, previous: state.deck, over: state, target: target)
    }
  }

  /// Saves `deck` only if the store is still the version the caller last read or wrote
  /// (`expected`; nil: there was no file), and returns the new version's fingerprint, taken
  /// under the same lock. The UI holds a deck for hours: this is how it avoids overwriting a
  /// change that `jobdeck move` saved meanwhile. On `.changedOnDisk` it reloads, replays its own
  /// edits and saves again.
  ///
  /// `previous` is the deck exactly as that version held it (as loaded, or as last saved): with
  /// it, a large store gets only the records `deck`'s changes touched appended to its journal
  /// instead of a full rewrite. That needs both decks to come from one read of the store (their
  /// change record, see `Deck.startRecordingChanges(since:)`); a deck built or decoded
  /// elsewhere is written whole. Passing a deck that is not that version's content would make
  /// the journal describe the wrong change; pass nil when unsure.
  @discardableResult
  public func save(_ deck: Deck, ifUnchangedSince expected: StoreFingerprint?,
    previous: Deck? = nil) throws -> StoreFingerprint?
  {
    try withLock(.changing) { target in
      let storeStatus = try FileSystem.status(of: target)
      let journalStatus = try FileSystem.status(of: target + ".journal")
      let current = storeStatus?.fingerprint.including(journal: journalStatus?.fingerprint)
      guard current == expected else {
        throw StoreError.changedOnDisk(path: path)
      }
      var state = DiskState(storeStatus: storeStatus)
      // A verified fingerprint means the caller read this very version, it parsed and this
      // build may write it (see `loaded(_:from:)`): nothing needs decoding again. Any other
      // fingerprint takes the full read, which refuses what cannot be written over.
      if let storeStatus, expected?.isVerified == true {
        if journalStatus != nil {
          state.journal = try journalHeaderState(target: target, store: storeStatus)
        }
      } else {
        state = try readState(target: target)
        try refuseNewerVersion(state.document)
      }
      try commit(deck, previous: previous, over: state, target: target)
      return try writtenFingerprint(target: target)
    }
  }

  /// The deck read (or left unchanged) under the lock, as `load()` hands it out. Its fingerprint
  /// is verified only when this build may write the file: one from a newer JobDeck gets an
  /// unverified fingerprint, so a conditional save over it decodes the file and refuses.
  func loaded(_ deck: Deck, from state: DiskState) -> LoadedDeck {
    let readOnlyReason = state.document?.readOnlyReason
    return LoadedDeck(deck: deck, readOnlyReason: readOnlyReason,
      fingerprint: readOnlyReason == nil ? state.fingerprint?.verified : state.fingerprint)
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
