import Foundation
import JobDeckCore

/// What `jobdeck check` prints: the file parses (otherwise `check()` throws the positioned
/// error), and these are the inconsistencies found inside it.
public struct StoreCheckReport: Sendable, Equatable {
  public var path: String
  /// The version written in the file (newer than `StoreFormat.schemaVersion` when read-only).
  public var schemaVersion = StoreFormat.schemaVersion
  public var postingCount = 0
  public var applicationCount = 0
  public var deadlineCount = 0
  /// One sentence each, naming the record: "application 'x' refers to posting 'y', which does
  /// not exist". Empty when all is well.
  public var problems: [String] = []
  public var readOnlyReason: String?
  /// Whether a backup exists for `restoreBackup()`.
  public var backupPath: String
  public var hasBackup: Bool
  /// The journal beside the store: changes saved since the last full rewrite, already counted
  /// in the figures above. Zero operations and size when there is none.
  public var journalPath: String
  public var journalOperationCount = 0
  public var journalSize: Int64 = 0
  /// Bytes at the journal's end left by a crash in the middle of an append (ignored; the next
  /// save cuts them off).
  public var journalTornBytes = 0
  /// The journal belongs to an earlier version of the store file (the file was rewritten or
  /// edited after it was written): it is not applied, and the next save keeps it aside.
  public var journalIsStale = false

  public var isHealthy: Bool { problems.isEmpty }
}

extension StoreFile {
  /// Parses the store and its journal and lists inconsistencies a decoder cannot see (dangling
  /// references, repeated ids or keys) in the deck they make together. Throws the positioned
  /// error when either does not parse.
  public func check() throws -> StoreCheckReport {
    let target = try FileSystem.resolvingSymlinks(path)
    let backup = target + ".bak"
    var report = StoreCheckReport(path: path, backupPath: backup,
      hasBackup: (try? FileSystem.status(of: backup)) != nil, journalPath: target + ".journal")
    // The bytes again for the duplicate-key scan, which the decoder cannot report: `check` is
    // the one reader that holds both. The scan itself runs after the lock is released.
    guard let (state, data) = try withLockedState(.inspecting, ifNoDirectory: { _ in nil }, {
      state, target in (state, try FileSystem.readFile(at: target)?.data)
    }) else { return report }
    if let journal = state.journal {
      report.journalSize = journal.status.fingerprint.size
      report.journalOperationCount = state.journalOperationCount
      report.journalTornBytes = Int(journal.status.fingerprint.size) - journal.completeLength
      report.journalIsStale = journal.isStale
    }
    guard let document = state.document, let data else { return report }
    report.schemaVersion = document.schemaVersion
    report.postingCount = state.deck.postings.count
    report.applicationCount = state.deck.applications.count
    report.deadlineCount = state.deck.deadlines.count
    report.problems = StoreConsistency.problems(in: state.deck)
      + [StoreDecoder.firstRepeatedKey(in: data, path: path)].compactMap { $0 }
    report.readOnlyReason = document.readOnlyReason
    return report
  }
}
