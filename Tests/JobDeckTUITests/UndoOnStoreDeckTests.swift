import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// Undo and redo on a deck read from a store, which records the ids each change touches: only
/// those records are compared, and the deck must come back exactly as it was all the same.
@Suite("Undo on a deck that records its changes")
struct UndoOnStoreDeckTests {
  static var base: Deck {
    var deck = Fixtures.deck
    deck.startRecordingChanges()
    return deck
  }

  static let time = Fixtures.clock.now

  /// A change to one record in place, a record added at the end, and a posting removed with
  /// its applications and deadlines (brought back in the middle by the undo). Returns its name.
  @discardableResult
  static func make(_ change: Int, on deck: inout Deck) throws -> String {
    switch change {
    case 0:
      _ = try deck.move(applicationID: deck.applications[0].id, to: .withdrawn, at: time)
      return "move"
    case 1:
      deck.add(Deadline(id: "", kind: .followUp, due: .allDay(Fixtures.today),
                        owner: .posting(deck.postings[0].id)))
      return "add"
    default:
      _ = try deck.removePosting(deck.postings[0].id)
      return "remove"
    }
  }

  @Test(arguments: 0..<3)
  func undoAndRedoRestoreEveryRecord(change: Int) throws {
    let before = Self.base
    var after = before
    let name = try Self.make(change, on: &after)
    #expect(after != before)

    var current = after
    PendingEdit.restore(before: after, after: before).apply(to: &current)
    #expect(current == before, "undo of \(name)")
    PendingEdit.restore(before: before, after: after).apply(to: &current)
    #expect(current == after, "redo of \(name)")
  }

  @Test(arguments: 0..<3)
  func undoKeepsWhatAnotherChangeDidToOtherRecords(change: Int) throws {
    let before = Self.base
    var after = before
    try Self.make(change, on: &after)
    // Changed after the step (another process): the last posting's title.
    var current = after
    let last = current.postings.count - 1
    current.postings[last].title = "Renamed elsewhere"

    PendingEdit.restore(before: after, after: before).apply(to: &current)
    #expect(current.postings.contains { $0.title == "Renamed elsewhere" })
    #expect(current.applications == before.applications)
    #expect(current.deadlines == before.deadlines)
  }
}
