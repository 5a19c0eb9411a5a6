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
    let name = target + ".\(label)-\(Self.timestamp())"
    for attempt in 1...100 {
      let candidate = attempt == 1 ? name : name + "-\(attempt)"
      if link(target, candidate) == 0 { return candidate }
      if errno != EEXIST { break }
    }
    return try keep(file.data, like: file.status, beside: target, as: name)
  }

  /// Writes `data` to a new file beside `target`, flushed before it takes the name `name` (or
  /// `name-2`…), and returns the name used.
  func keep(_ data: Data, like status: FileSystem.Status, beside target: String,
    as name: String) throws -> String
  {
    let temporary = try AtomicReplace.writeTemporaryFile(beside: target, tag: "keep-",
      permissions: status.permissions, owner: status) { write throws(StoreError) in
      try write(data)
    }
    do {
      return try moveAside(temporary, to: name)
    } catch {
      unlink(temporary)
      throw error
    }
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
