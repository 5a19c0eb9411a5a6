import Foundation
import Glibc

/// An advisory `flock` on `store.json.lock`, a file that is never renamed or deleted.
///
/// Not on the store itself: a save replaces the store by rename, and a lock on the old inode
/// would protect nothing. Not `fcntl`: its locks vanish when any descriptor of the file in the
/// process is closed. Each acquisition opens its own descriptor, so two `StoreFile` values (or
/// two threads using one) exclude each other just as two processes do.
struct StoreLock {
  enum Mode {
    /// Readers: many at a time, none while a writer holds the lock.
    case shared
    /// Read-modify-write: alone.
    case exclusive
  }

  /// Holds the lock for the duration of `body` and releases it however `body` ends.
  ///
  /// `whenUncontended` runs first, with the lock held exclusively, only if the exclusive lock
  /// was free at once: a shared reader uses it to clean up after killed writers without ever
  /// waiting for an exclusive lock. Readers on a read-only file system, where the lock file
  /// cannot be created, read unlocked: no one can be writing there.
  static func withLock<T>(
    at lockPath: String, mode: Mode, timeout: Double,
    whenUncontended: () -> Void = {}, _ body: () throws -> T
  ) throws -> T {
    var descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    if descriptor < 0 {
      let code = errno
      guard mode == .shared, [EROFS, EACCES, EPERM].contains(code) else {
        throw StoreError.fileSystem(operation: "open the lock file", path: lockPath,
          errorNumber: code)
      }
      descriptor = open(lockPath, O_RDONLY | O_CLOEXEC)
      if descriptor < 0 { return try body() }
    }
    defer { close(descriptor) }
    if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
      if mode == .shared { whenUncontended() }
      return try body()
    }
    try wait(for: mode == .shared ? LOCK_SH : LOCK_EX, on: descriptor, lockPath: lockPath,
      timeout: timeout)
    return try body()
  }

  /// Polls with `LOCK_NB` so the wait can end with a clear message instead of hanging forever
  /// behind a stuck process (`flock` itself has no timeout).
  private static func wait(for operation: Int32, on descriptor: Int32, lockPath: String,
    timeout: Double) throws(StoreError)
  {
    let start = ContinuousClock.now
    let limit = Duration.milliseconds(Int64((timeout * 1000).rounded()))
    var pause: UInt32 = 1_000
    while true {
      if flock(descriptor, operation | LOCK_NB) == 0 { return }
      let code = errno
      guard code == EWOULDBLOCK || code == EINTR else {
        throw .fileSystem(operation: "lock", path: lockPath, errorNumber: code)
      }
      if ContinuousClock.now - start >= limit {
        throw .locked(lockPath: lockPath, waitedSeconds: timeout)
      }
      usleep(pause)
      pause = min(pause * 2, 20_000)
    }
  }
}
