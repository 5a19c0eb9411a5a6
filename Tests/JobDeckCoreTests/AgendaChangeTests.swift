import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

/// Property: after any edit, the agenda of the deck before with the change's owners' rows
/// replaced by the change's rows is exactly the agenda of the deck after. This is what lets a
/// save bring the summary of a large store up to date from the records it changed.
@Suite("Property: an agenda change brings the rows before up to the deck after")
struct AgendaChangeTests {
  private static let today = CivilDate(year: 2026, month: 3, day: 2) ?? CivilDate(dayNumber: 0)

  /// The ids of the records that differ between two lists, or are in one only.
  private static func changedIDs<Record: Equatable>(_ before: [Record], _ after: [Record],
    id: (Record) -> String) -> Set<String>
  {
    let old = Dictionary(before.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
    let new = Dictionary(after.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
    return Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
  }

  private static func sortedByID(_ rows: [AgendaRow]) -> [AgendaRow] {
    rows.sorted { $0.id < $1.id }
  }

  @Test(arguments: PropertySeeds.seeds(default: 200))
  func theChangedRowsReplaceExactlyWhatTheEditChanged(seed: UInt64) {
    var generator = DeckGenerator(seed: seed, hostileText: true)
    var deck = generator.deck(maximumRecords: 8)
    var rows = Agenda.rows(of: deck)
    for step in 0..<16 {
      let previous = deck
      for edit in 0..<generator.int(1...3) {
        generator.edit(&deck, step: step * 3 + edit, today: Self.today)
      }
      let change = AgendaChange(from: previous, to: deck,
        postingIDs: Self.changedIDs(previous.postings.elements, deck.postings.elements,
          id: \.id),
        applicationIDs: Self.changedIDs(previous.applications.elements,
          deck.applications.elements, id: \.id),
        deadlineIDs: Self.changedIDs(previous.deadlines.elements, deck.deadlines.elements,
          id: \.id))
      rows = rows.filter { !change.owners.contains($0.owner) } + change.rows
      #expect(Self.sortedByID(rows) == Self.sortedByID(Agenda.rows(of: deck)), "step \(step)")
    }
  }

  @Test func aStageMoveChangesTheRowsOfItsPostingsFamilyOnly() {
    var deck = Deck()
    for name in ["a", "b"] {
      let created = Date(timeIntervalSince1970: 1_772_000_000)
      deck.postings.append(Posting(id: "p-\(name)", title: "Intern", company: name,
        createdAt: created))
      deck.applications.append(Application(id: "a-\(name)", postingID: "p-\(name)",
        stage: .saved, createdAt: created))
      deck.deadlines.append(Deadline(id: "cutoff-\(name)", kind: .applicationCutoff,
        due: .allDay(Self.today.adding(days: 3)), owner: .posting("p-\(name)")))
    }
    let previous = deck
    deck.applications[0].stage = .applied
    let change = AgendaChange(from: previous, to: deck, postingIDs: [],
      applicationIDs: ["a-a"], deadlineIDs: [])
    #expect(change.owners == [.posting("p-a"), .application("a-a")])
    // Applied: the cutoff leaves the agenda.
    #expect(change.rows.isEmpty)
  }

  /// A hand-edited store can give two records one id: both belong to the change.
  @Test func recordsThatShareAnIDAreBothPartOfTheChange() {
    let created = Date(timeIntervalSince1970: 1_772_000_000)
    var deck = Deck()
    for (id, days) in [("cutoff", 3), ("other", 5), ("cutoff", 9)] {
      deck.deadlines.append(Deadline(id: id, kind: .applicationCutoff,
        due: .allDay(Self.today.adding(days: days)), owner: .posting("p-\(days)")))
      deck.postings.append(Posting(id: "p-\(days)", title: "Intern", company: "c\(days)",
        createdAt: created))
    }
    let previous = deck
    deck.deadlines[2].due = .allDay(Self.today.adding(days: 10))
    let change = AgendaChange(from: previous, to: deck, postingIDs: [], applicationIDs: [],
      deadlineIDs: ["cutoff"])
    #expect(change.owners == [.posting("p-3"), .posting("p-9")])
    let rows = Agenda.rows(of: previous).filter { !change.owners.contains($0.owner) }
      + change.rows
    #expect(Self.sortedByID(rows) == Self.sortedByID(Agenda.rows(of: deck)))
  }
}
