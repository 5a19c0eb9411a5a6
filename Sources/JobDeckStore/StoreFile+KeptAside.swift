import Foundation
import Glibc
import JobDeckCore

/// Nothing the user saved is deleted: a file that stops being the store (a stale journal, the
/// file a restore replaces, journal lines that cannot be applied) is kept beside it under a name
/// that says why and when.
extension StoreFile {
  /// Keeps the file about to be replaced under `<target>.<label>-<UTC time>`: a hard link when
  /// possible, else a copy.
  func keepAside(_ file: (data: Data, status: FileSystem.Status), of target: String,
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


  /// Renames `source` to `name`, or `name-2`, `name-3`… when taken; returns the name used.
  @discardableResult
  func moveAside(_ source: String, to name: String) throws -> String {
    for attempt in 1...100 {
      let candidate = attempt == 1 ? name : name + "-\(attempt)"
      var existing = stat()
      if lstat(candidate, &existing) == 0 { continue }
      guard rename(source, candidate) == 0 else {
        throw StoreError.fileSystem(operation: "keep aside", path: source, errorNumber: errno)
      }
      try FileSystem.synchronizeDirectory(FileSystem.directory(of: source))
      return candidate
    }
    throw StoreError.fileSystem(operation: "keep aside", path: source, errorNumber: EEXIST)
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
}
