import Foundation
import JobDeckCore

extension StoreFile {
  /// How an operation holds the store while it runs.
  enum Access: Equatable {
    /// Reads under the shared lock. Temporaries left by killed writers are removed only when no
    /// one else holds the lock, so a reader never waits for the exclusive lock.
    case reading
    /// Reads under the shared lock and removes nothing: for reports on the store as it is
    /// (`check`, the restore preview).
    case inspecting
    /// Changes the store under the exclusive lock, after removing stale temporaries.
    case changing
  }

  /// The lock-and-open sequence every operation on the store starts with: follows the symlink
  /// (everything lives beside its target), takes the lock on `<target>.lock`, removes what
  /// killed writers left (see `Access`), and runs `body` with the target path.
  ///
  /// When the store's directory does not exist, `absent` answers instead and nothing is created;
  /// without `absent` the directories are made, because the first save creates the store.
  func withLock<T>(_ access: Access, ifNoDirectory absent: ((_ target: String) throws -> T)? = nil,
    _ body: (_ target: String) throws -> T) throws -> T
  {
    let target = try FileSystem.resolvingSymlinks(path)
    let directory = FileSystem.directory(of: target)
    if let absent {
      guard try FileSystem.directoryExists(directory) else { return try absent(target) }
    } else {
      try FileSystem.makeDirectories(directory)
    }
    let lockPath = target + ".lock"
    switch access {
    case .reading:
      return try StoreLock.withLock(at: lockPath, mode: .shared, timeout: lockTimeout,
        whenUncontended: { AtomicReplace.removeStaleTemporaries(for: target) }) {
        try body(target)
      }
    case .inspecting:
      return try StoreLock.withLock(at: lockPath, mode: .shared, timeout: lockTimeout) {
        try body(target)
      }
    case .changing:
      return try StoreLock.withLock(at: lockPath, mode: .exclusive, timeout: lockTimeout) {
        AtomicReplace.removeStaleTemporaries(for: target)
        return try body(target)
      }
    }
  }

  /// `withLock(_:ifNoDirectory:_:)` with the store and its journal read (and the journal
  /// replayed) before `body` runs. A file or journal that does not parse throws its positioned
  /// error here, so no operation can write over it. Writers call `refuseNewerVersion(_:)` before
  /// writing.
  func withLockedState<T>(_ access: Access,
    ifNoDirectory absent: ((_ target: String) throws -> T)? = nil,
    _ body: (_ state: DiskState, _ target: String) throws -> T) throws -> T
  {
    try withLock(access, ifNoDirectory: absent) { target in
      try body(try readState(target: target), target)
    }
  }

  /// Throws `.newerSchemaVersion` for a file a newer JobDeck wrote: it is read-only here.
  func refuseNewerVersion(_ document: StoreDecoder.Document?) throws {
    if let error = document?.newerVersionError { throw error }
  }

  /// The fingerprint of the version just written, taken under the same lock; verified, since
  /// its content is the deck the caller holds.
  func writtenFingerprint(target: String) throws -> StoreFingerprint? {
    let journal = try FileSystem.status(of: target + ".journal")
    return try FileSystem.status(of: target)?.fingerprint
      .including(journal: journal?.fingerprint).verified
  }
}
