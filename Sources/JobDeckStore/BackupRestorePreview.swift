import Foundation
import JobDeckCore

/// What `StoreFile.restoreBackup()` would take out of the store, for the question asked before
/// it. Nothing is deleted by a restore (the replaced file and its journal are kept aside), but
/// these changes stop being part of the store.
public struct BackupRestorePreview: Sendable, Equatable {
  public var backupPath: String
  public var backupModified: Date
  /// The store file's last modification; nil when there is no store file.
  public var storeModified: Date?
  /// Why the store file does not load, when it does not (then its changes cannot be counted).
  public var storeProblem: String?
  /// Records (and settings) that differ between the backup and the store file, journal left out;
  /// nil when the store does not load or its records were reordered.
  public var changesSinceBackup: Int?
  /// Saves in the journal (its lines after the header, read or not); 0 without a journal.
  public var journalSaveCount = 0
  /// When the newest of them was saved (the journal's modification time).
  public var journalModified: Date?

  /// The store file is byte for byte the backup and there is no journal.
  public var losesNothing: Bool {
    storeProblem == nil && changesSinceBackup == 0 && journalSaveCount == 0
  }
}

extension StoreFile {
  /// Compares the store (file and journal) with its backup under a shared lock. Throws as
  /// `restoreBackup()` would when there is no usable backup, so the question is only asked when
  /// the restore can happen.
  public func previewRestoreBackup() throws -> BackupRestorePreview {
    try withLock(.inspecting, ifNoDirectory: { throw StoreError.noBackup(backupPath: $0 + ".bak") }) {
      target in
      let (saved, backupDeck) = try readBackup(target: target)
      var preview = BackupRestorePreview(backupPath: target + ".bak",
        backupModified: Self.date(of: saved.status))
      if let current = try FileSystem.readFile(at: target) {
        preview.storeModified = Self.date(of: current.status)
        do {
          let deck = try StoreDecoder().decode(current.data, path: path).deck
          preview.changesSinceBackup =
            BackupRestorePreview.changedRecordCount(from: backupDeck, to: deck)
        } catch {
          preview.storeProblem = Self.summary(of: error)
        }
      }
      if let journal = try FileSystem.readFile(at: target + ".journal") {
        preview.journalSaveCount = StoreJournal.saveCount(of: journal.data)
        preview.journalModified = Self.date(of: journal.status)
      }
      return preview
    }
  }

  private static func date(of status: FileSystem.Status) -> Date {
    Date(timeIntervalSince1970: Double(status.fingerprint.modificationNanoseconds) / 1e9)
  }
}

extension BackupRestorePreview {
  /// Records added, changed or removed between two versions of the file, settings and the
  /// conflict list counting one each: two files share no change record, so they are compared.
  static func changedRecordCount(from old: Deck, to new: Deck) -> Int {
    func count<Record>(_ old: RecordList<Record>, _ new: RecordList<Record>) -> Int {
      let counts = new.differenceCounts(from: old)
      return counts.added + counts.changed + counts.removed
    }
    return count(old.postings, new.postings) + count(old.applications, new.applications)
      + count(old.deadlines, new.deadlines) + (old.settings == new.settings ? 0 : 1)
      + (old.conflicts == new.conflicts ? 0 : 1)
  }
}
