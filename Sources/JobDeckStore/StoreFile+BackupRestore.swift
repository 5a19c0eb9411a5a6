import Foundation
import Glibc
import JobDeckCore

extension StoreFile {
  /// `jobdeck check --restore-backup`: puts `store.json.bak` back in place if it parses. The file
  /// it replaces is kept beside it, as `store.json.corrupt-<UTC time>` when it does not parse and
  /// `store.json.before-restore-<UTC time>` when it does, so nothing is ever lost; its journal
  /// goes with it (`….journal`), and the restored backup starts without one. Returns the
  /// path the replaced file was kept at (nil when there was no store file).
  @discardableResult
  public func restoreBackup() throws -> String? {
    try withLock(.changing, ifNoDirectory: { throw StoreError.noBackup(backupPath: $0 + ".bak") }) {
      target in
      let (saved, _) = try readBackup(target: target)
      let current = try FileSystem.readFile(at: target)
      var keptAt: String?
      if let current {
        let parses = (try? StoreDecoder().decode(current.data, path: path)) != nil
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

  /// The backup beside `target` and its deck; throws `.noBackup` or `.backupUnusable` (with why
  /// it does not parse) when there is none to restore.
  func readBackup(target: String) throws
    -> (file: (data: Data, status: FileSystem.Status), deck: Deck)
  {
    let backup = target + ".bak"
    guard let saved = try FileSystem.readFile(at: backup) else {
      throw StoreError.noBackup(backupPath: backup)
    }
    do {
      return (saved, try StoreDecoder().decode(saved.data, path: backup).deck)
    } catch {
      throw StoreError.backupUnusable(backupPath: backup, problem: Self.summary(of: error))
    }
  }
}
