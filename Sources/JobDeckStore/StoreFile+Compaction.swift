import Foundation
import Glibc
import JobDeckCore

extension StoreFile {
  /// Folds the journal into `store.json` (one full rewrite) and removes it, so that the file
  /// alone holds the whole deck again: for `jq`, `git`, backups and other readers of the file.
  /// Returns the number of journal operations folded in (0 when there was no journal). A stale
  /// journal is kept aside as `store.json.journal.stale-<time>` and not applied.
  @discardableResult
  public func compact() throws -> Int {
    try withLockedState(.changing, ifNoDirectory: { _ in 0 }) { state, target in
      try foldJournal(of: state, target: target)
    }
  }

  /// Compacts (writing an empty store when there is no file) and runs `body` with the deck the
  /// file then holds, the exclusive lock still held: for another program that reads and
  /// replaces `store.json` itself (git, in `jobdeck sync`), so that no JobDeck save can fall
  /// between its read and its write and be lost. `body` must not call back into a `StoreFile`
  /// for this store: it would wait for its own lock.
  func withFileAlone<T>(_ body: (_ deck: Deck) throws -> T) throws -> T {
    try withLockedState(.changing) { state, target in
      _ = try foldJournal(of: state, target: target)
      if state.storeStatus == nil { try rewrite(state.deck, over: DiskState(), target: target) }
      return try body(state.deck)
    }
  }

  private func foldJournal(of state: DiskState, target: String) throws -> Int {
    guard let journal = state.journal else { return 0 }
    try refuseNewerVersion(state.document)
    if journal.isStale || state.storeStatus == nil {
      try setStaleJournalAside(target: target)
      return 0
    }
    try rewrite(state.deck, over: state, target: target)
    return state.journalOperationCount
  }

  /// `jobdeck check --set-journal-aside`: renames the journal to
  /// `store.json.journal.stale-<time>`, so that the store file alone is the store again. Returns
  /// where it went, or nil when there was no journal.
  @discardableResult
  public func setJournalAside() throws -> String? {
    try withLock(.changing, ifNoDirectory: { _ in nil }) { target in
      guard try FileSystem.status(of: target + ".journal") != nil else { return nil }
      return try setStaleJournalAside(target: target)
    }
  }
}
