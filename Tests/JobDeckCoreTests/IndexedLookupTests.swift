import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckCore

/// The dictionary-backed paths (derived-deadline refresh, `DeckIndex.resolvedDue`) must give
/// exactly what the straightforward scanning versions give: these tests keep the scanning
/// version as the reference and compare on random decks, including the awkward cases (ids the
/// engine would pick already taken, an application listed twice, edited and done deadlines).
@Suite struct IndexedLookupTests {
  @Test(arguments: SeededGenerator.seeds(default: 300))
  func refreshingDerivedDeadlinesMatchesApplyingEachChangeInTurn(seed: UInt64) {
    var generator = DeckGenerator(seed: seed, hostileText: false)
    var deck = generator.deck(maximumRecords: 8)
    // Ids the engine would choose, taken by other deadlines, so the `-2` suffixes are exercised.
    for application in deck.applications.prefix(3) {
      for kind in [DeadlineKind.followUp, .startDate, .probationEnd]
      where generator.generator.chance(0.5) {
        deck.deadlines.append(Deadline(
          id: application.id + "/" + IdentifierMaker.slug(kind.displayName), kind: kind,
          due: .allDay(CivilDate(year: 2026, month: 3, day: 1) ?? CivilDate(dayNumber: 0)),
          owner: generator.generator.chance(0.5) ? .application(application.id) : .posting("x"),
          origin: generator.pick([.manual, .derived, .edited])))
      }
    }
    if let twice = deck.applications.first, generator.generator.chance(0.3) {
      var again = twice
      again.stage = generator.pick(Stage.allCases)
      deck.applications.append(again)
    }
    var expected = deck
    ReferenceRefresh.refresh(&expected)
    var actual = deck
    actual.refreshDerivedDeadlines()
    #expect(actual.deadlines == expected.deadlines)
    // And refreshing twice changes nothing the second time.
    var again = actual
    again.refreshDerivedDeadlines()
    #expect(again == actual)
  }

  /// A stage move or new terms of one application, then a refresh of that application alone,
  /// leave the deadlines exactly as a refresh of the whole deck does, from a deck in step.
  @Test(arguments: SeededGenerator.seeds(default: 300))
  func refreshingOneApplicationMatchesRefreshingTheDeck(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed, hostileText: false)
    var deck = generator.deck(maximumRecords: 8)
    deck.refreshDerivedDeadlines()
    guard !deck.applications.isEmpty, !deck.applications.hasRepeatedIDs else { return }
    let application = generator.pick(Array(deck.applications))
    let position = try #require(deck.applications.index(ofID: application.id))
    deck.applications[position].stage = generator.pick(Stage.allCases)
    if generator.generator.chance(0.5) {
      deck.applications[position].terms.startDate = generator.civilDate(years: 2020...2030)
      deck.applications[position].terms.offerResponseBy = generator.civilDate(years: 2020...2030)
      deck.applications[position].terms.probation = generator.generator.chance(0.5) ? .months(6) : nil
    }
    var whole = deck
    whole.refreshDerivedDeadlines()
    var one = deck
    one.refreshDerivedDeadlines(ofApplications: [application.id])
    #expect(one.deadlines == whole.deadlines)
  }

  @Test(arguments: SeededGenerator.seeds(default: 300))
  func indexResolvesEveryDeadlineAsTheDeckDoes(seed: UInt64) {
    var generator = DeckGenerator(seed: seed, hostileText: false)
    var deck = generator.deck(maximumRecords: 8)
    // Fixed anchors on owners that have relative deadlines, so resolution has something to find.
    for deadline in deck.deadlines where generator.generator.chance(0.5) {
      guard case .relative(let anchor, _) = deadline.due else { continue }
      deck.deadlines.append(Deadline(
        id: deadline.id + "-anchor", kind: DeadlineKind(anchor: anchor),
        due: .allDay(generator.civilDate(years: 2020...2030)),
        status: generator.pick(DeadlineStatus.allCases), owner: deadline.owner))
    }
    let index = DeckIndex(deck)
    for deadline in deck.deadlines {
      #expect(index.resolvedDue(of: deadline) == deck.resolvedDue(of: deadline))
    }
  }
}

/// The refresh as it was written before the index: one array scan per application and kind,
/// each change applied to the array at once. Kept only as the tests' reference.
private enum ReferenceRefresh {
  static func refresh(_ deck: inout Deck) {
    for application in deck.applications {
      let wanted = deck.derivedDates(for: application)
      for kind in Deck.derivedKinds {
        sync(&deck, kind: kind, of: application.id, to: wanted[kind])
      }
    }
    let applicationIDs = Set(deck.applications.map(\.id))
    deck.deadlines.removeAll { deadline in
      guard case .application(let id) = deadline.owner else { return false }
      return deadline.origin == .derived && deadline.status == .pending
        && Deck.derivedKinds.contains(deadline.kind) && !applicationIDs.contains(id)
    }
  }

  static func sync(_ deck: inout Deck, kind: DeadlineKind, of applicationID: String,
    to date: CivilDate?)
  {
    let owner = DeadlineOwner.application(applicationID)
    let index = deck.deadlines.firstIndex {
      $0.owner == owner && $0.kind == kind && ($0.origin == .derived || $0.origin == .edited)
    }
    guard let index else {
      if let date {
        deck.add(Deadline(id: "", kind: kind, due: .allDay(date), owner: owner, origin: .derived))
      }
      return
    }
    let existing = deck.deadlines[index]
    guard existing.origin == .derived, existing.status == .pending else { return }
    if let date {
      if existing.due != .allDay(date) {
        deck.deadlines[index].due = .allDay(date)
        deck.deadlines[index].revision += 1
      }
    } else {
      deck.deadlines.remove(at: index)
    }
  }
}
