import Foundation

/// A file other than the store that JobDeck rewrites whole (an export, a state file beside the
/// store), replaced the way the store is: in one rename, so a crash leaves the old content or the
/// new, never a mix, and a symlink, the file's mode and its owner survive.
public enum AtomicFile {
  /// Replaces the file at `path` (the target, for a symlink) with `data`.
  public static func write(_ data: Data, to path: String) throws {
    let target = try FileSystem.resolvingSymlinks(path)
    try AtomicReplace.replace(target, with: data, previous: try FileSystem.status(of: target))
  }

  /// Reads the file, lets `change` give its new content (nil: leave it as it is) and writes
  /// that, all under an exclusive lock on `<path>.lock`, so two programs that overlap run one
  /// after the other and neither loses what the other wrote. Creates the missing directories
  /// (mode 0700), and removes what a writer killed mid-write left.
  public static func update(
    at path: String, waitingAtMost timeout: Double, _ change: (Data?) throws -> Data?
  ) throws {
    try FileSystem.makeDirectories(FileSystem.directory(of: path))
    try StoreLock.withLock(at: path + ".lock", mode: .exclusive, timeout: timeout) {
      AtomicReplace.removeStaleTemporaries(for: path)
      let existing = try FileSystem.readFile(at: path)
      guard let data = try change(existing?.data) else { return }
      try AtomicReplace.replace(path, with: data, previous: existing?.status)
    }
  }
}
