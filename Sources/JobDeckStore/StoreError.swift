import Glibc
import JobDeckCore

/// Everything that can go wrong between JobDeck and its file. Each case carries the path and what
/// the user needs to act on it; `description` is the message printed after "jobdeck: ".
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file does not parse, or parses but holds a value the model cannot accept (a wrong type,
  /// an unknown stage, 2025-02-30). `line` and `column` are 1-based; the column counts characters
  /// of that line. `jsonPath` names the value (`postings[3].stage`) when one is known.
  case malformed(path: String, line: Int, column: Int, jsonPath: String?, problem: String)
  /// A save in the journal beside the store does not decode (it does not parse, or holds a value
  /// the store cannot hold). The journal's other lines are intact; `jobdeck check --repair` sets
  /// this one aside.
  case journalLineUnusable(path: String, line: Int, column: Int, jsonPath: String?,
    problem: String)
  /// The journal's header, which names the version of the store file its changes were made to,
  /// does not decode.
  case journalHeaderUnusable(path: String, line: Int, column: Int, jsonPath: String?,
    problem: String)
  /// The store file changed (by hand) after its journal was written: the journal's `saveCount`
  /// saves were made to an earlier version of it and are not applied.
  case journalForEarlierVersion(storePath: String, journalPath: String, saveCount: Int)
  /// The file was written by a newer JobDeck. It may be shown read-only but is never written.
  case newerSchemaVersion(path: String, found: Int, supported: Int)
  /// Another process held the lock for longer than we were willing to wait.
  case locked(lockPath: String, waitedSeconds: Double)
  /// A system call failed; `operation` says in words what we were doing ("write", "replace").
  case fileSystem(operation: String, path: String, errorNumber: Int32)
  /// `restoreBackup()` found no backup to restore.
  case noBackup(backupPath: String)
  /// `restoreBackup()` found a backup that does not parse either; `problem` says why.
  case backupUnusable(backupPath: String, problem: String)
  /// The deck holds a value JSON cannot represent (a compensation of NaN or infinity).
  case unencodable(path: String, problem: String)
  /// A conditional save found that another process saved since the caller last read the file.
  case changedOnDisk(path: String)

  public var description: String {
    switch self {
    case .malformed(let path, let line, let column, let jsonPath, let problem):
      return "\(Self.location(path, line, column, jsonPath, problem)); the file was left as it is:"
        + " correct it by hand, or run 'jobdeck check --restore-backup' to go back to the last"
        + " good version"
    case .journalLineUnusable(let path, let line, let column, let jsonPath, let problem):
      return "\(Self.location(path, line, column, jsonPath, problem)); this saved change cannot be"
        + " applied and nothing was changed: run 'jobdeck check --repair' to set this line aside"
        + " (in a file beside the store) and keep every other change"
    case .journalHeaderUnusable(let path, let line, let column, let jsonPath, let problem):
      return "\(Self.location(path, line, column, jsonPath, problem)); without this header"
        + " JobDeck cannot tell which version of the store file the journal's changes were made"
        + " to, so they are not applied and nothing was changed: run 'jobdeck check --replay-journal' to apply them onto the store file as it"
        + " is, or 'jobdeck check --set-journal-aside' to keep the journal aside and go on"
        + " without them"
    case .journalForEarlierVersion(let storePath, let journalPath, let saveCount):
      return "\(storePath) was changed after its journal \(journalPath) was written (edited by"
        + " hand?): the journal's \(Plural.count(saveCount, "saved change")) \(saveCount == 1 ? "was" : "were") made to an earlier version of"
        + " the file, so they are not applied, and nothing was changed. Run 'jobdeck check"
        + " --replay-journal' to apply them onto the file as it is now, or 'jobdeck check"
        + " --set-journal-aside' to keep the journal aside (as \(journalPath).stale-<time>) and go"
        + " on without them"
    case .newerSchemaVersion(let path, let found, let supported):
      return "\(path) has schemaVersion \(found), but this jobdeck knows only schemaVersion"
        + " \(supported): it is read-only here and will not be saved; upgrade jobdeck to change it"
    case .locked(let lockPath, let waited):
      let seconds = waited == waited.rounded() ? String(Int(waited)) : String(waited)
      return "the store is locked by another jobdeck process (waited \(seconds) s for \(lockPath));"
        + " try again when it has finished"
    case .fileSystem(let operation, let path, let errorNumber):
      return "cannot \(operation) \(path): \(Self.words(forErrorNumber: errorNumber))"
    case .noBackup(let backupPath):
      return "there is no backup to restore: \(backupPath) does not exist"
    case .backupUnusable(let backupPath, let problem):
      return "the backup \(backupPath) cannot be restored because it does not parse either: "
        + problem
    case .changedOnDisk(let path):
      return "\(path) was changed by another process; reloading it before saving again"
    case .unencodable(let path, let problem):
      return "cannot save \(path): \(problem)"
    }
  }

  /// The compiler-style `path:line:column: at json.path: problem` prefix, shared with the backup
  /// message so both read the same way.
  static func location(
    _ path: String, _ line: Int, _ column: Int, _ jsonPath: String?, _ problem: String
  ) -> String {
    let at = jsonPath.map { $0.isEmpty ? "" : "at \($0): " } ?? ""
    return "\(path):\(line):\(column): \(at)\(problem)"
  }

  /// Words a user understands first, the errno name second (for searching and bug reports).
  static func words(forErrorNumber errorNumber: Int32) -> String {
    switch errorNumber {
    case ENOSPC: return "the disk is full (ENOSPC)"
    case EDQUOT: return "the disk quota is exhausted (EDQUOT)"
    case EFBIG: return "the file would exceed the maximum file size allowed (EFBIG)"
    case EROFS: return "the file system is read-only (EROFS)"
    case EACCES: return "permission denied (EACCES)"
    case EPERM: return "operation not permitted (EPERM)"
    case ENOTDIR: return "a part of the path is not a directory (ENOTDIR)"
    case EISDIR: return "it is a directory, not a file (EISDIR)"
    case ENOENT: return "no such file or directory (ENOENT)"
    case ELOOP: return "too many symbolic links, or a symbolic link loop (ELOOP)"
    case ENAMETOOLONG: return "the path is too long (ENAMETOOLONG)"
    case EIO: return "an input/output error occurred; the disk may be failing (EIO)"
    case EMLINK: return "too many links (EMLINK)"
    case EXDEV: return "the paths are on different file systems (EXDEV)"
    case EEXIST: return "the file already exists (EEXIST)"
    case EBUSY: return "the file is busy (EBUSY)"
    case ETXTBSY: return "the file is busy (ETXTBSY)"
    case EMFILE, ENFILE: return "too many open files (EMFILE)"
    default:
      guard let text = strerror(errorNumber) else { return "error \(errorNumber)" }
      return "\(String(cString: text)) (errno \(errorNumber))"
    }
  }
}
