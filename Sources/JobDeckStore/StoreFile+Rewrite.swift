import Foundation
import Glibc
import JobDeckCore

extension StoreFile {
  /// The full save: the whole file replaced atomically (the old one kept as `.bak`), then the
  /// journal removed. A crash between the two leaves a journal whose base is no longer the file,
  /// which loading recognises as stale and never applies.
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
        do {
          try StoreEncoder().write(deck) { piece in
            if base != nil {
              hash.update(piece)
              size += Int64(piece.count)
            }
            try write(piece)
          }
        } catch let error as StoreError {
          throw error
        } catch {
          throw StoreError.unencodable(path: path, problem: Self.summary(of: error))
        }
      },
      committingIf: { () -> Bool in
        // The file already holds exactly these bytes (the journal's changes were all undone):
        // a new file with the same bytes would look like the journal's base, so only the
        // journal goes.
        guard let base else { return true }
        return !(base.size == size && base.hash == hash.hex)
      })
    if !replaced {
      try removeJournal(journalPath)
      return
    }
    if state.journal != nil { try removeJournal(journalPath) }
  }
}
