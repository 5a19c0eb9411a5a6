import Foundation
import JobDeckCore

extension StoreFile {
  /// The journal file as found under the lock.
  struct JournalState {
    var status: FileSystem.Status
    /// Nil when the journal holds no complete line yet.
    var header: StoreJournal.Header?
    /// Bytes up to the end of its last complete line; anything after is a torn append.
    var completeLength: Int
    /// It describes another version of the store file and is not applied.
    var isStale: Bool
  }

  /// The store and its journal as read under the lock.
  struct DiskState {
    var storeStatus: FileSystem.Status?
    var document: StoreDecoder.Document?
    var journal: JournalState?
    var journalOperationCount = 0
    /// The store's deck with the journal replayed.
    var deck = Deck()

    init(storeStatus: FileSystem.Status? = nil) {
      self.storeStatus = storeStatus
    }

    var fingerprint: StoreFingerprint? {
      storeStatus?.fingerprint.including(journal: journal?.status.fingerprint)
    }
  }

  /// Reads and decodes the store and its journal, and replays the journal unless it is stale.
  /// Without a store file the journal is not applied (it is stale: its base is gone).
  /// `keepingDetails` false leaves out what no agenda row shows, such as the postings'
  /// descriptions (see `StoreRecordReading.init(keepingDetails:)`): such a deck must never be
  /// saved.
  func readState(target: String, keepingDetails: Bool = true) throws -> DiskState {
    let journalPath = target + ".journal"
    guard let (document, storeStatus) = try StoreDecoder().decodeFile(at: target, path: path,
      keepingDetails: keepingDetails)
    else {
      var state = DiskState()
      if let status = try FileSystem.status(of: journalPath) {
        state.journal = JournalState(status: status, header: nil, completeLength: 0, isStale: true)
      }
      return state
    }
    var state = DiskState(storeStatus: storeStatus)
    state.document = document
    state.deck = document.deck
    guard let (journal, data) = try readJournalHeader(target: target, store: storeStatus) else {
      state.deck.startRecordingChanges(since: state.fingerprint)
      return state
    }
    if journal.isStale, let header = journal.header {
      try refuseUnappliedJournal(header.base, journal: data, target: target)
    }
    state.journal = journal
    if !journal.isStale, journal.header != nil {
      let parsed = try StoreJournal.parse(data, path: journalPath)
      state.journalOperationCount = parsed.operations.count
      StoreJournal.replay(parsed.operations, onto: &state.deck)
    }
    state.deck.startRecordingChanges(since: state.fingerprint)
    return state
  }

  /// Throws `.journalForEarlierVersion` for a stale journal whose saves are not in the store
  /// file, so they are never dropped unseen. A stale journal with no saves holds nothing; one
  /// whose base is the backup was folded in by a full rewrite (which keeps the file it replaces
  /// as `.bak`) that was stopped before it removed the journal: its saves are in the file.
  /// A hand edit leaves the backup as it was, an older version than the journal's base.
  func refuseUnappliedJournal(_ base: StoreJournal.Base, journal: Data, target: String)
    throws(StoreError)
  {
    let saveCount = StoreJournal.saveCount(of: journal)
    guard saveCount > 0 else { return }
    let backup = target + ".bak"
    if let backupStatus = try FileSystem.status(of: backup),
      try Self.base(base, describes: backupStatus, at: backup)
    {
      return
    }
    throw .journalForEarlierVersion(storePath: path, journalPath: target + ".journal",
      saveCount: saveCount)
  }

  /// What a save needs to know about the journal when the caller's verified fingerprint spares
  /// it decoding: its header and where its last complete line ends.
  func journalHeaderState(target: String, store: FileSystem.Status) throws -> JournalState? {
    try readJournalHeader(target: target, store: store)?.state
  }

  /// The journal's header, whether it describes `store`, and the journal's bytes; nil when
  /// there is no journal.
  private func readJournalHeader(target: String, store: FileSystem.Status) throws
    -> (state: JournalState, data: Data)?
  {
    let journalPath = target + ".journal"
    guard let journal = try FileSystem.readFile(at: journalPath) else { return nil }
    let head = try StoreJournal.parse(journal.data, path: journalPath, headerOnly: true)
    let isStale = try head.header.map { header throws(StoreError) in
      try !Self.base(header.base, describes: store, at: target)
    } ?? false
    return (JournalState(status: journal.status, header: head.header,
      completeLength: head.completeLength, isStale: isStale), journal.data)
  }
}
