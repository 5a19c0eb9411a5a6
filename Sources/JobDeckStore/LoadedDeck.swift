import JobDeckCore

/// A deck as read from disk, with what the caller must know before changing it.
public struct LoadedDeck: Sendable, Equatable {
  public var deck: Deck
  /// Set when the file was written by a newer JobDeck: show the deck, refuse every change, and
  /// show this message (it names both versions). Nil for a writable store.
  public var readOnlyReason: String?
  /// The file as it was when read; compare with `StoreFile.fingerprint()` to notice that another
  /// process changed it. Nil when there was no file yet.
  public var fingerprint: StoreFingerprint?

  public init(deck: Deck, readOnlyReason: String? = nil, fingerprint: StoreFingerprint? = nil) {
    self.deck = deck
    self.readOnlyReason = readOnlyReason
    self.fingerprint = fingerprint
  }

  public var isReadOnly: Bool { readOnlyReason != nil }
}

/// Identifies one version of the store cheaply (one `stat` of the file and one of its journal):
/// a full save replaces the file by rename, so the inode changes; an append to the journal
/// changes the journal's size; an editor writing in place changes the size or mtime.
public struct StoreFingerprint: Hashable, Sendable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  /// Modification time in nanoseconds since 1970.
  public var modificationNanoseconds: Int64
  /// The journal (`store.json.journal`) as it was: all zero when there was none.
  public var journalInode: UInt64 = 0
  public var journalSize: Int64 = 0
  public var journalModificationNanoseconds: Int64 = 0

  /// True only for a fingerprint handed out by a successful `load()` or conditional save: the
  /// file and its journal parsed when it was taken. `save(_:ifUnchangedSince:)` skips re-parsing
  /// them only for such a fingerprint, so one taken with `StoreFile.fingerprint()` from a file
  /// that never parsed cannot get that file overwritten. Not part of equality: it says where the
  /// value came from, not which file version it names.
  public internal(set) var isVerified = false

  public init(device: UInt64, inode: UInt64, size: Int64, modificationNanoseconds: Int64) {
    self.device = device
    self.inode = inode
    self.size = size
    self.modificationNanoseconds = modificationNanoseconds
  }

  public static func == (lhs: StoreFingerprint, rhs: StoreFingerprint) -> Bool {
    (lhs.device, lhs.inode, lhs.size, lhs.modificationNanoseconds)
      == (rhs.device, rhs.inode, rhs.size, rhs.modificationNanoseconds)
      && (lhs.journalInode, lhs.journalSize, lhs.journalModificationNanoseconds)
        == (rhs.journalInode, rhs.journalSize, rhs.journalModificationNanoseconds)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(device)
    hasher.combine(inode)
    hasher.combine(size)
    hasher.combine(modificationNanoseconds)
    hasher.combine(journalInode)
    hasher.combine(journalSize)
    hasher.combine(journalModificationNanoseconds)
  }

  /// The store's fingerprint with the journal's `stat` folded in.
  func including(journal: StoreFingerprint?) -> StoreFingerprint {
    var copy = self
    copy.journalInode = journal?.inode ?? 0
    copy.journalSize = journal?.size ?? 0
    copy.journalModificationNanoseconds = journal?.modificationNanoseconds ?? 0
    return copy
  }

  var verified: StoreFingerprint {
    var copy = self
    copy.isVerified = true
    return copy
  }
}
