import JobDeckCore

/// One program's use of the store: it opens it, reads, changes and saves, and notices when
/// another process saved in between. The CLI's commands and the UI both go through it.
///
/// The session remembers the version of the store it last read or wrote (its fingerprint) and
/// the deck that version holds, and saves only over that version: the UI holds a deck for hours
/// while `jobdeck move` may save meanwhile, and that change must never be overwritten. Such a
/// save throws `StoreError.changedOnDisk`; the caller then calls `reloadIfChanged()`, replays its
/// own edits onto what is on disk and saves again. Because the session holds the deck of the
/// version it saves over, a save of a large store appends only the difference to the journal.
///
/// A one-shot command calls `update(_:)` instead, which reads, changes and saves under one lock.
///
/// Not for sharing between threads: one thread (the UI's, or the command's) uses it.
public final class StoreSession {
  public let file: StoreFile
  /// The version last read or written; nil before `open()`, or when there was no file.
  public private(set) var seenVersion: StoreFingerprint?
  /// The deck `seenVersion` holds, exactly as read or saved; nil before `open()`.
  public private(set) var seenDeck: Deck?

  public init(file: StoreFile) {
    self.file = file
  }

  /// Reads the store (see `StoreFile.load()`) and remembers the version read.
  @discardableResult
  public func open() throws -> LoadedDeck {
    let loaded = try file.load()
    remember(loaded)
    return loaded
  }

  /// Saves `deck` over the version last seen (before the first `open()`: over no file at all).
  /// Throws `StoreError.changedOnDisk` and writes nothing when another process saved since.
  public func save(_ deck: Deck) throws {
    seenVersion = try file.save(deck, ifUnchangedSince: seenVersion, previous: seenDeck)
    seenDeck = deck
  }

  /// The store's deck, when it is no longer the version last seen; nil when it is unchanged.
  /// A file that no longer parses is left alone and nil returned: the next save refuses and
  /// says why.
  public func reloadIfChanged() -> Deck? {
    guard file.fingerprint() != seenVersion else { return nil }
    guard let loaded = try? file.load() else { return nil }
    remember(loaded)
    return loaded.deck
  }

  /// Reads, lets `body` change the deck, and saves only if it changed, all under one exclusive
  /// lock (see `StoreFile.update(_:)`); the session has then seen the version left on disk.
  @discardableResult
  public func update<T>(_ body: (inout Deck) throws -> T) throws -> T {
    let (result, version) = try file.updateReturningVersion(body)
    remember(version)
    return result
  }

  /// `StoreFile.withFileAlone(_:)`. The program `body` runs may replace the file, so the session
  /// forgets the version it saw: the next `save(_:)` is refused until it reads the store again.
  public func withFileAlone<T>(_ body: (_ deck: Deck) throws -> T) throws -> T {
    defer {
      seenVersion = nil
      seenDeck = nil
    }
    return try file.withFileAlone(body)
  }

  private func remember(_ loaded: LoadedDeck) {
    seenVersion = loaded.fingerprint
    seenDeck = loaded.deck
  }
}
