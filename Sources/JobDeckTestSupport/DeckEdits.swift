import Foundation
import JobDeckCore

extension DeckGenerator {
  /// One random edit of the kinds people and the engine make: stage moves, renames, new terms,
  /// an application moved to another posting or to none, records added or removed anywhere
  /// (a removed application's deadlines stay behind, owned by an application that is gone),
  /// deadlines done, snoozed, moved or given to another owner, postings archived. `step` makes
  /// the ids of added records unique; due dates of added deadlines fall around `today`.
  public mutating func edit(_ deck: inout Deck, step: Int, today: CivilDate) {
    switch int(0...12) {
    case 0 where !deck.applications.isEmpty:
      let index = int(0...(deck.applications.count - 1))
      deck.applications[index].stage = pick(Stage.allCases)
    case 1 where !deck.postings.isEmpty:
      let index = int(0...(deck.postings.count - 1))
      deck.postings[index].company = text()
    case 2 where !deck.applications.isEmpty:
      deck.applications.remove(at: int(0...(deck.applications.count - 1)))
    case 3 where !deck.applications.isEmpty:
      let index = int(0...(deck.applications.count - 1))
      deck.applications[index].postingID = deck.postings.isEmpty || generator.chance(0.3)
        ? nil : pick(deck.postings).id
    case 4 where !deck.postings.isEmpty:
      deck.postings.remove(at: int(0...(deck.postings.count - 1)))
    case 5 where !deck.deadlines.isEmpty:
      let index = int(0...(deck.deadlines.count - 1))
      deck.deadlines[index].status = pick(DeadlineStatus.allCases)
      deck.deadlines[index].snoozedUntil = maybe { $0.civilDate(years: 2026...2026) }
    case 6 where !deck.deadlines.isEmpty:
      deck.deadlines.remove(at: int(0...(deck.deadlines.count - 1)))
    case 7:
      let posting = posting(id: "new-p\(step)")
      deck.postings.append(posting)
      deck.applications.append(application(id: "new-a\(step)", postingID: posting.id))
    case 8 where !deck.postings.isEmpty:
      let index = int(0...(deck.postings.count - 1))
      deck.postings[index].archivedAt = deck.postings[index].isArchived
        ? nil : Date(timeIntervalSince1970: 1_772_000_000)
    case 9 where !deck.applications.isEmpty:
      // New terms move the deadlines that count from them.
      let index = int(0...(deck.applications.count - 1))
      deck.applications[index].terms.startDate = maybe { $0.civilDate(years: 2026...2026) }
      deck.applications[index].terms.contractEnd = maybe { $0.civilDate(years: 2026...2027) }
    case 10 where !deck.deadlines.isEmpty:
      let index = int(0...(deck.deadlines.count - 1))
      deck.deadlines[index].owner = pick(owners(of: deck))
    case 11:
      // A second application to a posting: its deadlines no longer have one governing
      // application.
      let postingID = deck.postings.isEmpty || generator.chance(0.3)
        ? nil : pick(deck.postings).id
      deck.applications.append(application(id: "new-b\(step)", postingID: postingID))
    default:
      var deadline = deadline(id: "new-d\(step)", owner: pick(owners(of: deck)))
      if generator.chance(0.5) {
        deadline.due = .allDay(today.adding(days: int(-10...20)))
      }
      deck.deadlines.append(deadline)
    }
  }

  /// Every owner a deadline can name, one that does not exist among them.
  private func owners(of deck: Deck) -> [DeadlineOwner] {
    deck.postings.map { DeadlineOwner.posting($0.id) }
      + deck.applications.map { DeadlineOwner.application($0.id) }
      + [.application("nobody"), .posting("nowhere")]
  }
}
