import Foundation
import Glibc

/// Replaces a file so that a crash at any instant leaves either the old content or the new,
/// never a mix, never an empty file.
///
/// temp file beside the target (exclusive create, 0600) → write → fsync → rename over the target
/// → fsync the directory. `Data.write(options: .atomic)` on Linux skips the directory fsync,
/// resets the mode to 0644, replaces a symlink by a regular file and leaves temp copies behind
/// when killed, so the sequence is written out here. Callers hold the store's exclusive lock;
/// that is what lets the next writer treat any leftover temp file as stale.
enum AtomicReplace {
  /// The prefix of every temporary file made for `target`: `.store.json.tmp-`.
  static func temporaryPrefix(for target: String) -> String {
    "." + FileSystem.fileName(of: target) + ".tmp-"
  }

  /// Writes `data` to `target`. `previous` is the target's status when it exists: its mode (and,
  /// for root, its owner) carry over to the new file.
  static func replace(_ target: String, with data: Data, previous: FileSystem.Status?)
    throws(StoreError)
  {
    try replace(target, previous: previous) { write throws(StoreError) in try write(data) }
  }

  /// As `replace(_:with:previous:)`, with the content produced piece by piece: `produce` calls
  /// the function it is given with each piece, in order, and the pieces go straight to the
  /// temporary file. An error from `produce` (an unencodable value) removes the temporary file
  /// and leaves the target untouched. With `backupPath`, the file being replaced is kept there
  /// first (hard link, else a copy of `previousData`). Once the content is written,
  /// `shouldCommit` may still decline (the temporary file is then removed and nothing changes):
  /// returns whether the target was replaced.
  @discardableResult
  static func replace(
    _ target: String, previous: FileSystem.Status?, backupPath: String? = nil,
    previousData: Data? = nil,
    producing produce: (_ write: (any ContiguousBytes) throws(StoreError) -> Void)
      throws(StoreError) -> Void,
    committingIf shouldCommit: () -> Bool = { true }
  ) throws(StoreError) -> Bool {
    let directory = FileSystem.directory(of: target)
    let temporary = try writeTemporaryFile(beside: target, tag: "",
      permissions: previous?.permissions ?? 0o600, owner: previous, producing: produce)
    guard shouldCommit() else {
      unlink(temporary)
      return false
    }
    do throws(StoreError) {
      if let backupPath, previous != nil {
        try keepBackup(of: target, at: backupPath, previousData: previousData, previous: previous)
      }
      guard rename(temporary, target) == 0 else {
        throw StoreError.fileSystem(operation: "replace", path: target, errorNumber: errno)
      }
    } catch {
      unlink(temporary)
      throw error
    }
    try FileSystem.synchronizeDirectory(directory)
    return true
  }

  /// The current target becomes the backup: a hard link costs no copy and no space; file systems
  /// without hard links get a real copy. Via a temporary name, so the old backup is replaced
  /// atomically too.
  private static func keepBackup(
    of target: String, at backupPath: String, previousData: Data?, previous: FileSystem.Status?
  ) throws(StoreError) {
    let directory = FileSystem.directory(of: target)
    let linkName = FileSystem.join(directory,
      temporaryPrefix(for: target) + "bak-\(getpid())-\(FileSystem.randomSuffix())")
    var temporary = linkName
    if link(target, linkName) != 0 {
      let linkError = errno
      var bytes = previousData
      if bytes == nil { bytes = try FileSystem.readFile(at: target)?.data }
      guard let previousData = bytes else {
        errno = linkError
        throw StoreError.fileSystem(operation: "keep a backup of", path: target, errorNumber: errno)
      }
      temporary = try writeTemporaryFile(beside: target, tag: "bak-",
        permissions: previous?.permissions ?? 0o600, owner: previous) {
        write throws(StoreError) in try write(previousData)
      }
    }
    guard rename(temporary, backupPath) == 0 else {
      let code = errno
      unlink(temporary)
      throw StoreError.fileSystem(operation: "keep a backup at", path: backupPath,
        errorNumber: code)
    }
  }

  /// Creates a new temporary file beside `target`, fills it with what `produce` writes, fsyncs
  /// it and returns its path; on any failure it is removed again.
  static func writeTemporaryFile(
    beside target: String, tag: String, permissions: mode_t, owner: FileSystem.Status?,
    producing produce: (_ write: (any ContiguousBytes) throws(StoreError) -> Void) throws(StoreError) -> Void
  ) throws(StoreError) -> String {
    let directory = FileSystem.directory(of: target)
    var temporary = ""
    var descriptor: Int32 = -1
    for _ in 0..<8 where descriptor < 0 {
      temporary = FileSystem.join(directory,
        temporaryPrefix(for: target) + tag + "\(getpid())-\(FileSystem.randomSuffix())")
      descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
      if descriptor < 0 && errno != EEXIST { break }
    }
    guard descriptor >= 0 else {
      throw .fileSystem(operation: "create a temporary file in", path: directory,
        errorNumber: errno)
    }
    do throws(StoreError) {
      try FileSystem.setPermissions(permissions, owner: owner, of: descriptor, path: temporary)
      let openDescriptor = descriptor
      let path = temporary
      try produce { (data: any ContiguousBytes) throws(StoreError) in
        try FileSystem.writeAll(data, to: openDescriptor, path: path)
      }
      guard fsync(descriptor) == 0 else {
        throw StoreError.fileSystem(operation: "flush to disk", path: temporary,
          errorNumber: errno)
      }
      let closed = close(descriptor)
      descriptor = -1
      // Network file systems may report a failed write only on close.
      guard closed == 0 else {
        throw StoreError.fileSystem(operation: "write", path: temporary, errorNumber: errno)
      }
    } catch {
      if descriptor >= 0 { close(descriptor) }
      unlink(temporary)
      throw error
    }
    return temporary
  }

  /// Removes temporary files left by a writer that was killed mid-save. Only call with the
  /// exclusive lock held: temporaries exist only while their writer holds it, so any found then
  /// are stale. Best effort: a leftover that cannot be removed harms nothing.
  static func removeStaleTemporaries(for target: String) {
    let directory = FileSystem.directory(of: target)
    // The journal is replaced the same way by `jobdeck check --repair`.
    let prefixes = [temporaryPrefix(for: target), temporaryPrefix(for: target + ".journal")]
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    for name in names where prefixes.contains(where: { name.hasPrefix($0) }) {
      unlink(FileSystem.join(directory, name))
    }
  }
}
