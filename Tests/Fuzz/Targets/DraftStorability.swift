import Foundation
import JobDeckCore
import JobDeckStore

/// Shared by the importer targets: whatever an importer drafts must be storable, so a draft is
/// put in a deck, saved and loaded back. A value JSON cannot hold (an infinite salary parsed
/// from "1e999") would otherwise make the user's next save fail.
func requireStorable(_ draft: PostingDraft) {
  var posting = draft.posting
  posting.id = "fuzz"
  let deadlines = draft.deadlines.enumerated().map { index, deadline in
    var deadline = deadline
    deadline.id = "fuzz-\(index)"
    deadline.owner = .posting("fuzz")
    return deadline
  }
  requireStorable(Deck(postings: [posting], deadlines: deadlines))
}

func requireStorable(_ deck: Deck) {
  let saved: Data
  do {
    saved = try StoreEncoder().encode(deck)
  } catch {
    fatalError("an imported deck could not be saved: \(error)")
  }
  do {
    _ = try StoreDecoder().decode(saved, path: "fuzz.json")
  } catch {
    fatalError("an imported deck was saved but could not be loaded: \(error)")
  }
}
