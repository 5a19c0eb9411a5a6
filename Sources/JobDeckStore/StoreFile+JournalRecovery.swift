import Foundation
import Glibc
import JobDeckCore

/// What `repairJournal()` or `replayJournal()` did.
public struct JournalRecovery: Sendable, Equatable {
  /// The numbers (in the journal, as an editor counts them) of the lines set aside.
  public var setAsideLines: [Int] = []
  /// The file holding them, beside the store; nil when no line was set aside.
  public var setAsidePath: String?
  /// The saves (lines) kept and applied.
  public var keptSaveCount = 0
  /// Whether the journal was rewritten; false when there was nothing to do.
  public var changedJournal = false
}

extension StoreFile {
  /// `jobdeck check --repair`: sets every journal line that cannot be applied aside in
  /// `store.json.journal.rejected-<time>` (each line verbatim, after a comment naming its number
  /// and what is wrong with it) and rewrites the journal without them, so that every other save,
  /// before and after them, is kept and applied in order. Nothing is written when every line reads.
  /// Refuses a journal made for another version of the store file (see `replayJournal()`).
  @discardableResult
  public func repairJournal() throws -> JournalRecovery {
    try recoverJournal(ontoCurrentFile: false)
  }

  /// `jobdeck check --replay-journal`: applies the journal's saves onto the store file as it is
  /// now, even when the journal was made for an earlier version of it (a hand edit), then folds
  /// them in (a full rewrite, the edited file kept as `.bak`). Lines that cannot be applied are
  /// set aside as `repairJournal()` does.
  @discardableResult
  public func replayJournal() throws -> JournalRecovery {
    try recoverJournal(ontoCurrentFile: true)
  }

  /// Both recoveries, under the exclusive lock. The order keeps every save on disk at every
  /// instant: the lines set aside are written and flushed first, then the journal is replaced
  /// atomically by its header and the lines kept (`ontoCurrentFile`: a new header naming the
  /// file as it is now), and only then, for a replay, the journal is folded in.
  private func recoverJournal(ontoCurrentFile: Bool) throws -> JournalRecovery {
    try withLock(.changing, ifNoDirectory: { _ in JournalRecovery() }) { target in
      let journalPath = target + ".journal"
      guard let (document, storeStatus) = try StoreDecoder().decodeFile(at: target, path: path)
      else {
        throw StoreError.fileSystem(operation: "apply the journal to", path: target,
          errorNumber: ENOENT)
      }
      try refuseNewerVersion(document)
      guard let journal = try FileSystem.readFile(at: journalPath) else {
        return JournalRecovery()
      }
      let reading = try StoreJournal.readEachLine(journal.data, path: journalPath)
      var header: Data
      switch reading.header {
      case nil:
        return JournalRecovery()
      case .failure(let error)?:
        guard ontoCurrentFile else { throw error }
        header = Data()
      case .success(let found)?:
        header = reading.headerLine.map { Data($0.bytes) + Data("\n".utf8) } ?? Data()
        let isStale = try !Self.base(found.base, describes: storeStatus, at: target)
        if isStale, !ontoCurrentFile {
          // Throws unless the journal is a folded-in leftover, which holds nothing to repair.
          try refuseUnappliedJournal(found.base, journal: journal.data, target: target)
          return JournalRecovery()
        }
      }
      let rejected = reading.saves.filter { if case .failure = $0.operations { true } else { false } }
      var recovery = JournalRecovery(keptSaveCount: reading.saves.count - rejected.count)
      if !ontoCurrentFile, rejected.isEmpty { return recovery }
      if !rejected.isEmpty {
        recovery.setAsideLines = rejected.map(\.line.number)
        recovery.setAsidePath = try keepRejectedLines(rejected, of: journalPath,
          beside: target, like: journal.status)
      }
      if ontoCurrentFile {
        header = StoreJournal.headerLine(for: try Self.base(of: storeStatus, at: target))
      }
      var kept = header
      for save in reading.saves {
        guard case .success = save.operations else { continue }
        kept.append(contentsOf: save.line.bytes)
        kept.append(UInt8(ascii: "\n"))
      }
      try AtomicReplace.replace(journalPath, with: kept, previous: journal.status)
      recovery.changedJournal = true
      if ontoCurrentFile {
        let state = try readState(target: target)
        try rewrite(state.deck, over: state, target: target)
      }
      return recovery
    }
  }

  /// Writes the rejected lines, each verbatim after a `#` line naming its number and problem,
  /// to a new `<journal>.rejected-<time>` (flushed, then renamed into place) and returns its path.
  private func keepRejectedLines(
    _ rejected: [(line: StoreJournal.NumberedLine, operations: Result<[StoreJournal.Operation],
      StoreError>)],
    of journalPath: String, beside target: String, like journal: FileSystem.Status
  ) throws -> String {
    var text = Data()
    for entry in rejected {
      let problem: String
      if case .failure(let error) = entry.operations {
        problem = Self.summary(of: error).replacingOccurrences(of: "\n", with: " ")
      } else {
        problem = ""
      }
      text.append(contentsOf: "# line \(entry.line.number) of \(journalPath): \(problem)\n".utf8)
      text.append(contentsOf: entry.line.bytes)
      text.append(UInt8(ascii: "\n"))
    }
    return try keep(text, like: journal, beside: target,
      as: journalPath + ".rejected-" + Self.timestamp())
  }
}
