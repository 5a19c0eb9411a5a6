import Foundation
import Glibc
import JobDeckCore

/// `store.json.summary`: what the agenda and reminders read, kept beside a large store so that
/// `jobdeck agenda` does not decode 100,000 job descriptions to print two weeks of deadlines.
///
/// It is a cache, never the truth: the deck with postings cut to id, company and title and
/// applications without history, notes and contacts (nothing the agenda shows or decides by),
/// written in the store's own format after one header line naming the exact version of
/// `store.json` and its journal it was made from. Any other version, or a summary that does not
/// read, is ignored and rebuilt from the store; deleting it loses nothing.
enum StoreSummary {
  /// The deck without what deadlines never need.
  static func slimmed(_ deck: Deck) -> Deck {
    Deck(
      postings: deck.postings.map {
        Posting(id: $0.id, title: $0.title, company: $0.company, createdAt: $0.createdAt,
          updatedAt: $0.updatedAt)
      },
      applications: deck.applications.map {
        Application(id: $0.id, postingID: $0.postingID, company: $0.company, title: $0.title,
          stage: $0.stage, terms: $0.terms, createdAt: $0.createdAt, updatedAt: $0.updatedAt)
      },
      deadlines: deck.deadlines, settings: deck.settings)
  }

  /// Names one version of the store and its journal (one `stat` each).
  static func key(store: StoreFingerprint, journal: StoreFingerprint?) -> String {
    func part(_ print: StoreFingerprint?) -> String {
      guard let print else { return "none" }
      return "\(print.device)-\(print.inode)-\(print.size)-\(print.modificationNanoseconds)"
    }
    return "1:" + part(store) + ":" + part(journal)
  }

  private static func headerLine(key: String) -> [UInt8] {
    Array("{\"jobdeckSummaryOf\":\"\(key)\"}\n".utf8)
  }

  /// The summary's deck if it was made from the version `key` names; nil otherwise, or when it
  /// cannot be read for any reason.
  static func read(at path: String, key: String) -> Deck? {
    let expected = headerLine(key: key)
    let found = try? ReadableFile.withFile(at: path) { file throws(StoreError) -> Deck? in
      var head = [UInt8](repeating: 0, count: expected.count)
      let count = head.withUnsafeMutableBytes { pread(file.descriptor, $0.baseAddress, $0.count, 0) }
      guard count == expected.count, head == expected,
        lseek(file.descriptor, off_t(expected.count), SEEK_SET) == off_t(expected.count)
      else { return nil }
      return try StoreDecoder.streamed(file, chunkSize: 8 << 20)
    }
    return found ?? nil
  }

  /// Writes the summary (header, then the store format) under a temporary name and renames it
  /// into place. Best effort: a summary that cannot be written is simply rebuilt next time.
  static func write(_ deck: Deck, key: String, to path: String, beside target: String,
    like store: FileSystem.Status)
  {
    guard
      let temporary = try? AtomicReplace.writeTemporaryFile(
        beside: target, tag: "summary-", permissions: store.permissions, owner: store,
        producing: { write throws(StoreError) in
          try write(headerLine(key: key))
          do {
            try StoreEncoder().write(deck) { piece in try write(piece) }
          } catch {
            throw StoreError.unencodable(path: path, problem: String(describing: error))
          }
        })
    else { return }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }
}

extension StoreFile {
  /// Where the agenda's summary of a large store is kept.
  public var summaryPath: String {
    ((try? FileSystem.resolvingSymlinks(path)) ?? path) + ".summary"
  }

  /// The deck as the agenda and reminders need it, from `store.json.summary` when it is the
  /// summary of the store as it is now (see `StoreSummary`), else from the store (and the
  /// summary is rebuilt). Stores smaller than the journal policy's `minimumStoreSize` load in
  /// full and get no summary.
  ///
  /// Postings carry only id, company and title, and applications no history, notes or contacts:
  /// the result is for reading deadlines only, so it comes without a fingerprint and with a
  /// `readOnlyReason`, and no save can take it for the store.
  public func loadSummary() throws -> LoadedDeck {
    let target = try FileSystem.resolvingSymlinks(path)
    guard try FileSystem.directoryExists(FileSystem.directory(of: target)) else {
      return LoadedDeck(deck: Deck())
    }
    let summaryReason = "a summary for reading deadlines: load the store to change it"
    return try StoreLock.withLock(
      at: target + ".lock", mode: .shared, timeout: lockTimeout,
      whenUncontended: { AtomicReplace.removeStaleTemporaries(for: target) }
    ) {
      guard let store = try FileSystem.status(of: target),
        store.fingerprint.size >= journalPolicy.minimumStoreSize
      else {
        let state = try readState(target: target)
        return LoadedDeck(deck: StoreSummary.slimmed(state.deck),
          readOnlyReason: state.document?.readOnlyReason ?? summaryReason)
      }
      let journal = try FileSystem.status(of: target + ".journal")
      let key = StoreSummary.key(store: store.fingerprint, journal: journal?.fingerprint)
      let summaryPath = target + ".summary"
      if let deck = StoreSummary.read(at: summaryPath, key: key) {
        return LoadedDeck(deck: deck, readOnlyReason: summaryReason)
      }
      let state = try readState(target: target)
      let slim = StoreSummary.slimmed(state.deck)
      if let document = state.document, !document.isNewer {
        StoreSummary.write(slim, key: key, to: summaryPath, beside: target, like: store)
      }
      return LoadedDeck(deck: slim,
        readOnlyReason: state.document?.readOnlyReason ?? summaryReason)
    }
  }
}
