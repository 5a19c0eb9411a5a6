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
  /// What the facts of an earlier deck worked out (`DeckFacts.Kept`), kept past those facts:
  /// an undo brings that very deck back (the undo history holds it anyway), and its views then
  /// show at once instead of being worked out again. The last deck that had the postings
  /// table's order wins, so that several steps made and undone in the pipeline still find it.
  private var earlier: (deck: Deck, kept: DeckFacts.Kept)?

  /// Runs `body` on the facts of `deck`, one caller at a time.
  func with<T>(_ deck: Deck, showsArchived: Bool, _ body: (DeckFacts) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    if let current, current.showsArchived == showsArchived, current.deck == deck {
      return body(current)
    }
    // The current facts' deck, when only `showsArchived` changed; an earlier one after an undo.
    let inherited = [current.map { (deck: $0.deck, kept: $0.kept) }, earlier].lazy
      .compactMap { $0 }.first { $0.deck.sharesStorage(with: deck) }?.kept
    let facts = DeckFacts(deck: deck, showsArchived: showsArchived, inheriting: inherited,
      replacing: current?.asPredecessor)
    if let current {
      let kept = current.kept
      if kept.hasTable || !(earlier?.kept.hasTable ?? false) { earlier = (current.deck, kept) }
    }
    let retired = RetiredFacts(current)
    current = facts
    retired.release()
    return body(facts)
  }
}

/// The facts of a deck the UI has left, let go of on another thread: a large store's agenda
/// holds hundreds of thousands of rows and entries, and releasing each of their strings would
/// otherwise take most of the key (a stage move) that replaced the deck.
private final class RetiredFacts: @unchecked Sendable {
  /// The only reference left once the cache has moved on.
  private var facts: DeckFacts?

  init(_ facts: DeckFacts?) { self.facts = facts }

  func release() {
    guard facts != nil else { return }
    DispatchQueue.global(qos: .utility).async { self.facts = nil }
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
