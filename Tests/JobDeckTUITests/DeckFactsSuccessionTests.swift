import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckTUI

/// The facts of a deck after a change start from those of the deck before it
/// (`DeckFacts.Predecessor`) and read only the records that changed: what they show must be
/// what facts worked out from the whole deck show.
@Suite struct DeckFactsSuccessionTests {
  /// One random change of the kind the UI makes: a stage move, an archive toggled (an
  /// application's or a posting's), a deadline done or reopened, a record added or removed.
  private func change(_ deck: inout Deck, with generator: inout DeckGenerator, step: Int) {
    switch generator.int(0...6) {
    case 0 where !deck.applications.isEmpty:
      let position = generator.int(0...(deck.applications.count - 1))
      deck.applications[position].stage = generator.pick(Stage.allCases)
    case 1 where !deck.applications.isEmpty:
      let position = generator.int(0...(deck.applications.count - 1))
      deck.applications[position].archivedAt =
        deck.applications[position].isArchived ? nil : Date(timeIntervalSince1970: 0)
    case 2 where !deck.postings.isEmpty:
      let position = generator.int(0...(deck.postings.count - 1))
      deck.postings[position].archivedAt =
        deck.postings[position].isArchived ? nil : Date(timeIntervalSince1970: 0)
    case 3 where !deck.deadlines.isEmpty:
      let position = generator.int(0...(deck.deadlines.count - 1))
      deck.deadlines[position].status = deck.deadlines[position].status == .pending
        ? .done : .pending
    case 4:
      let postingID = deck.postings.isEmpty
        ? nil : deck.postings[generator.int(0...(deck.postings.count - 1))].id
      deck.applications.append(generator.application(id: "added-\(step)", postingID: postingID))
    case 5 where !deck.applications.isEmpty:
      deck.applications.remove(at: generator.int(0...(deck.applications.count - 1)))
    default:
      if let owner = deck.applications.first?.id {
        deck.deadlines.append(generator.deadline(id: "d-\(step)", owner: .application(owner)))
      }
    }
  }

  /// A deck of `postings` postings with an application and a deadline each.
  private func deck(postings: Int, generator: inout DeckGenerator) -> Deck {
    var deck = Deck()
    for number in 0..<postings {
      let posting = generator.posting(id: "p\(number)")
      deck.postings.append(posting)
      deck.applications.append(generator.application(id: "a\(number)", postingID: posting.id))
      deck.deadlines.append(generator.deadline(id: "d\(number)", owner: .application("a\(number)")))
    }
    return deck
  }

  private func expectSameFacts(_ followed: DeckFacts, _ fresh: DeckFacts,
    _ comment: Comment) {
    for stage in Stage.allCases {
      #expect(followed.applications(in: stage) == fresh.applications(in: stage), comment)
    }
    #expect(followed.pendingDeadlineCount == fresh.pendingDeadlineCount, comment)
  }

  /// Small decks (one chunk of records) and one of several chunks, changed step by step, each
  /// step's facts started from the last step's, with archived records shown and hidden.
  @Test(arguments: PropertySeeds.seeds(default: 40))
  func factsStartedFromTheDeckBeforeMatchFactsWorkedOutAnew(seed: UInt64) {
    var generator = DeckGenerator(seed: seed, hostileText: false)
    let size = seed % 4 == 0 ? RecordList<Posting>.chunkCapacity * 2 + 30 : 12
    for showsArchived in [false, true] {
      var deck = deck(postings: size, generator: &generator)
      var facts = DeckFacts(deck: deck, showsArchived: showsArchived)
      _ = facts.applicationsByStage
      _ = facts.pendingDeadlineCount
      for step in 0..<25 {
        change(&deck, with: &generator, step: step)
        let followed = DeckFacts(deck: deck, showsArchived: showsArchived,
          replacing: facts.asPredecessor)
        expectSameFacts(followed, DeckFacts(deck: deck, showsArchived: showsArchived),
          "seed \(seed) step \(step) archived shown \(showsArchived)")
        facts = followed
      }
    }
  }

  /// The facts of the deck before a move are not changed by the move's facts starting from
  /// them, and the move's column lists show the card in its new stage only.
  @Test func aMoveShowsTheCardInItsNewColumnAndLeavesTheEarlierFactsAlone() throws {
    var generator = DeckGenerator(seed: 7, hostileText: false)
    var deck = deck(postings: RecordList<Posting>.chunkCapacity + 10, generator: &generator)
    for position in deck.applications.indices {
      deck.applications[position].stage = .applied
      deck.applications[position].archivedAt = nil
    }
    for position in deck.postings.indices { deck.postings[position].archivedAt = nil }
    let before = DeckFacts(deck: deck)
    let appliedBefore = before.applications(in: .applied)
    let moved = RecordList<Posting>.chunkCapacity + 3
    deck.applications[moved].stage = .interview
    let after = DeckFacts(deck: deck, replacing: before.asPredecessor)
    #expect(after.applications(in: .interview) == [moved])
    #expect(after.applications(in: .applied) == appliedBefore.filter { $0 != moved })
    #expect(before.applications(in: .applied) == appliedBefore)
    #expect(before.applications(in: .interview).isEmpty)
  }
}
