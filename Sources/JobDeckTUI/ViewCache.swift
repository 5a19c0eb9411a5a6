import Foundation
import JobDeckCore

/// Lists the views derive from the deck (the agenda, the sorted and filtered postings, each
/// posting's stage, the pipeline's columns), kept until what they derive from changes.
///
/// `update` and `view` are pure functions of `AppState`; recomputing these lists on every key
/// would cost time in proportion to the store's size. The facts of one deck value live in a
/// `DeckFacts`, replaced when the deck differs (compared by value; unchanged arrays compare by
/// identity at once), so results never go stale.
final class ViewCache: @unchecked Sendable {
  private let lock = NSRecursiveLock()
  private var current: DeckFacts?

  /// Runs `body` on the facts of `deck`, one caller at a time.
  func with<T>(_ deck: Deck, showsArchived: Bool, _ body: (DeckFacts) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    if let current, current.showsArchived == showsArchived, current.deck == deck {
      return body(current)
    }
    let facts = DeckFacts(deck: deck, showsArchived: showsArchived)
    current = facts
    return body(facts)
  }
}

/// Holds the cache in `AppState` without taking part in its equality: two states that differ
/// only in what has been cached are the same state.
struct ViewCacheBox: Equatable, Sendable {
  let cache = ViewCache()
  static func == (lhs: ViewCacheBox, rhs: ViewCacheBox) -> Bool { true }
}

extension AppState {
  /// Runs `body` on the cached facts of this state's deck.
  func facts<T>(_ body: (DeckFacts) -> T) -> T { viewCache.cache.with(deck, showsArchived: showsArchived, body) }
}
