import Foundation
import Glibc
import JobDeckCore

extension StoreFile {
  /// When a save may append its difference to the journal instead of rewriting the store.
  ///
  /// A small store is always rewritten: that is fast anyway, and the file stays the whole truth
  /// for people who read it with `jq` or keep it in `git`. A large one is rewritten (and its
  /// journal folded in) once the journal would outgrow either limit, which bounds both the
  /// journal's share of the disk and the time loading spends replaying it.
  public struct JournalPolicy: Sendable, Equatable {
    /// Stores smaller than this (bytes) are always rewritten whole.
    public var minimumStoreSize: Int64
    /// The journal never grows past this many bytes ...
    public var maximumJournalSize: Int64
    /// ... nor past this fraction of the store's size.
    public var maximumJournalShare: Double

    public init(minimumStoreSize: Int64, maximumJournalSize: Int64, maximumJournalShare: Double) {
      self.minimumStoreSize = minimumStoreSize
      self.maximumJournalSize = maximumJournalSize
      self.maximumJournalShare = maximumJournalShare
    }

    /// 1 MiB stores and up; the journal at most 8 MiB and an eighth of the store.
    public static let standard = JournalPolicy(
      minimumStoreSize: 1 << 20, maximumJournalSize: 8 << 20, maximumJournalShare: 0.125)
    /// Every save rewrites the whole file.
    public static let never = JournalPolicy(
      minimumStoreSize: .max, maximumJournalSize: 0, maximumJournalShare: 0)
    /// Every save that can append does, whatever the sizes: for tests on small stores.
    public static let always = JournalPolicy(
      minimumStoreSize: 0, maximumJournalSize: .max, maximumJournalShare: .infinity)

    func allowsJournal(ofSize journalSize: Int64, besideStoreOf storeSize: Int64) -> Bool {
      storeSize >= minimumStoreSize && journalSize <= maximumJournalSize
        && Double(journalSize) <= Double(storeSize) * maximumJournalShare
    }
  }

  /// Whether the store file `store` (at `file`) is the journal's base: same size, and the same
  /// inode and time (the file untouched) or, after a copy that changed those, the same bytes
  /// (hashed only then: that reads the whole file).
  static func base(_ base: StoreJournal.Base, describes store: FileSystem.Status, at file: String)
    throws(StoreError) -> Bool
  {
    let print = store.fingerprint
    guard base.size == print.size else { return false }
    if base.inode == print.inode, base.modified == print.modificationNanoseconds { return true }
    return try base.hash == ContentHash.hex(ofFileAt: file)
  }

  /// The journal's base for the store file `store` (at `file`): its fingerprint and the hash
  /// of its bytes, read a few MB at a time, never held whole.
  static func base(of store: FileSystem.Status, at file: String) throws(StoreError)
    -> StoreJournal.Base
  {
    let print = store.fingerprint
    return StoreJournal.Base(size: print.size, inode: print.inode,
      modified: print.modificationNanoseconds, hash: try ContentHash.hex(ofFileAt: file))
  }

  /// Renames the journal beside `target` to `<journal>.stale-<time>`; returns where it went.
  @discardableResult
  func setStaleJournalAside(target: String) throws -> String {
    let journalPath = target + ".journal"
    return try moveAside(journalPath, to: journalPath + ".stale-" + Self.timestamp())
  }

  /// Writes `deck` over the version `state` describes: appends the difference from `previous`
  /// to the journal when the policy allows and the difference can be said there, else rewrites
  /// the whole file and drops the journal; either way, then brings the summary up to `deck`.
  /// The caller holds the exclusive lock and has refused newer-version files.
  func commit(_ deck: Deck, previous: Deck?, over state: DiskState, target: String) throws {
    let journalPath = target + ".journal"
    let operations = previous.flatMap { StoreJournal.operations(from: $0, to: deck) }
    // Whatever is written must load again: the loader refuses dates outside SupportedDates, so
    // a save that holds one is refused before anything is written. A journal save checks the
    // records it writes; a full rewrite, every record.
    let problem = operations.map { Self.datesProblem(in: $0) } ?? SupportedDates.problem(in: deck)
    if let problem {
      throw DeckError.outsideSupportedDates(problem: problem)
    }
    var state = state
    if let journal = state.journal, journal.isStale || state.storeStatus == nil {
      try setStaleJournalAside(target: target)
      state.journal = nil
    }
    if let previous, let store = state.storeStatus,
      store.fingerprint.size >= journalPolicy.minimumStoreSize,
      let operations
    {
      if operations.isEmpty { return }
      let line: Data
      do {
        line = try StoreJournal.line(for: operations)
      } catch {
        throw StoreError.unencodable(path: path, problem: Self.summary(of: error))
      }
      var bytes = Data()
      var keep = state.journal?.completeLength ?? 0
      if state.journal?.header == nil {
        // Once per journal: the file is hashed.
        bytes = StoreJournal.headerLine(for: try Self.base(of: store, at: target))
        keep = 0
      }
      bytes.append(line)
      if journalPolicy.allowsJournal(ofSize: Int64(keep + bytes.count),
        besideStoreOf: store.fingerprint.size)
      {
        let journalBefore = try FileSystem.status(of: journalPath)?.fingerprint
        try append(bytes, to: journalPath, keeping: keep, existing: state.journal?.status,
          store: store)
        writeSummary(of: deck, target: target,
          after: (operations, previous, journalBefore: journalBefore))
        return
      }
    }
    try rewrite(deck, over: state, target: target)
  }

  /// The full save: the whole file replaced atomically (the old one kept as `.bak`), then the
  /// journal removed and the summary written. A crash between the two leaves a journal whose
  /// base is no longer the file, which loading recognises as stale and never applies.
  func rewrite(_ deck: Deck, over state: DiskState, target: String) throws {
    let journalPath = target + ".journal"
    let path = path
    let base = state.journal?.isStale == false ? state.journal?.header?.base : nil
    var hash = ContentHash()
    var size: Int64 = 0
    // Streamed into the temporary file a batch at a time (never the whole text beside the
    // deck), hashed on the way for the check below.
    let replaced = try AtomicReplace.replace(target, previous: state.storeStatus,
      backupPath: target + ".bak", previousData: nil,
      producing: { write throws(StoreError) in
        try StoreEncoder().write(deck, savingTo: path) { piece throws(StoreError) in
          if base != nil {
            hash.update(piece)
            size += Int64(piece.count)
          }
          try write(piece)
        }
      },
      committingIf: { () -> Bool in
        // The file already holds exactly these bytes (the journal's changes were all undone):
        // a new file with the same bytes would look like the journal's base, so only the
        // journal goes.
        guard let base else { return true }
        return !(base.size == size && base.hash == hash.hex)
      })
    if !replaced || state.journal != nil { try removeJournal(journalPath) }
    writeSummary(of: deck, target: target)
  }

  /// One `write(2)` with `O_APPEND` of whole lines, after cutting off a torn tail, then `fsync`
  /// (and the directory's, when the journal is new). On failure the journal is cut back to what
  /// it was, so a failed save leaves no trace.
  private func append(_ bytes: Data, to journalPath: String, keeping: Int,
    existing: FileSystem.Status?, store: FileSystem.Status) throws
  {
    let descriptor = open(journalPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw StoreError.fileSystem(operation: "open the journal", path: journalPath,
        errorNumber: errno)
    }
    var isOpen = true
    defer { if isOpen { close(descriptor) } }
    do throws(StoreError) {
      if existing == nil {
        try FileSystem.setPermissions(store.permissions, owner: store, of: descriptor,
          path: journalPath)
      }
      if let existing, existing.fingerprint.size != Int64(keeping) {
        guard ftruncate(descriptor, off_t(keeping)) == 0 else {
          throw StoreError.fileSystem(operation: "cut the torn end off", path: journalPath,
            errorNumber: errno)
        }
      }
      try FileSystem.writeAll(bytes, to: descriptor, path: journalPath)
      guard fsync(descriptor) == 0 else {
        throw StoreError.fileSystem(operation: "flush to disk", path: journalPath,
          errorNumber: errno)
      }
      isOpen = false
      guard close(descriptor) == 0 else {
        throw StoreError.fileSystem(operation: "write", path: journalPath, errorNumber: errno)
      }
    } catch {
      let target = isOpen ? descriptor : open(journalPath, O_WRONLY | O_CLOEXEC)
      if target >= 0 {
        _ = ftruncate(target, off_t(keeping))
        if !isOpen { close(target) }
      }
      throw error
    }
    if existing == nil {
      try FileSystem.synchronizeDirectory(FileSystem.directory(of: journalPath))
    }
  }

  private func removeJournal(_ journalPath: String) throws {
    guard unlink(journalPath) == 0 || errno == ENOENT else {
      throw StoreError.fileSystem(operation: "remove the folded-in journal", path: journalPath,
        errorNumber: errno)
    }
    try FileSystem.synchronizeDirectory(FileSystem.directory(of: journalPath))
  }
}

extension StoreFile {
  /// The first date outside `SupportedDates` among the records `operations` write.
  static func datesProblem(in operations: [StoreJournal.Operation]) -> String? {
    for operation in operations {
      let problem: String?
      switch operation {
      case .putPosting(let posting): problem = SupportedDates.problem(in: posting)
      case .putApplication(let application): problem = SupportedDates.problem(in: application)
      case .putDeadline(let deadline): problem = SupportedDates.problem(in: deadline)
      case .putSettings(let settings): problem = SupportedDates.problem(in: settings)
      case .putConflicts: problem = nil  // Their times are the clock's, never typed.
      case .delete: problem = nil
      }
      if let problem { return problem }
    }
    return nil
  }
}
