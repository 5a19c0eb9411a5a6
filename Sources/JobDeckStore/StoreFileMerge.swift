import Foundation
import JobDeckCore

/// The merge of three store files, as git's merge driver does it (`jobdeck merge-driver %O %A
/// %B`): the common ancestor, ours (which receives the result) and theirs. The decks are merged
/// by `DeckMerge`, so the result is always a whole store file, never one with conflict markers;
/// conflicting fields end up in the result's conflicts.
public enum StoreFileMerge {
  /// Merges and writes the result over `oursPath`. A missing or empty ancestor (the two sides
  /// share no history) is an empty deck. Throws when a file does not decode or is from a newer
  /// JobDeck (then `oursPath` is left as it was and git reports a conflict).
  public static func merge(basePath: String, oursPath: String, theirsPath: String,
                           clock: some WallClock) throws(StoreError) -> DeckMergeResult {
    let base = try deck(at: basePath, emptyIfMissing: true)
    let ours = try deck(at: oursPath, emptyIfMissing: false)
    let theirs = try deck(at: theirsPath, emptyIfMissing: false)
    let result = DeckMerge.merge(base: base, ours: ours, theirs: theirs, clock: clock)
    let previous = try FileSystem.status(of: oursPath)
    try AtomicReplace.replace(oursPath, previous: previous) { write throws(StoreError) in
      try StoreEncoder().write(result.deck, savingTo: oursPath) { piece throws(StoreError) in
        try write(piece)
      }
    }
    return result
  }

  private static func deck(at path: String, emptyIfMissing: Bool) throws(StoreError) -> Deck {
    guard let (data, _) = try FileSystem.readFile(at: path) else {
      if emptyIfMissing { return Deck() }
      throw .fileSystem(operation: "open", path: path, errorNumber: ENOENT)
    }
    if emptyIfMissing, data.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) { return Deck() }
    let loaded = try StoreDecoder().decode(data, path: path)
    if let reason = loaded.readOnlyReason {
      throw .unencodable(path: path, problem: reason)
    }
    return loaded.deck
  }
}
