import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// The agenda is worked out while the UI is idle, so the agenda key does not wait for it; and
/// it is kept while the clock ticks, until what it shows can change.
@Suite("Agenda prepared while idle")
struct AgendaPreparationTests {
  /// What `3` shows on a fresh app that prepared nothing.
  func agendaScreen(_ deck: Deck = Fixtures.deck) -> String {
    var app = Fixtures.app(deck)
    app.press(.character("3"))
    return app.screenText(rows: 30, columns: 100)
  }

  func preparation(_ effects: [Effect]) -> AgendaPreparation? {
    guard effects.count == 1, case .prepareAgenda(let preparation) = effects[0] else { return nil }
    return preparation
  }

  /// A Bool, not the app: a failed expectation prints what it was given.
  func isReady(_ app: App, at now: Date? = nil) -> Bool {
    app.state.facts { $0.hasAgenda(at: now ?? app.state.now, timeZone: app.state.timeZone) }
  }

  @Test func theFirstIdleAsksOnceAndTheResultMakesTheAgendaKeyReady() throws {
    var app = Fixtures.app()
    _ = app.screenText()
    #expect(!isReady(app))
    let asked = try #require(preparation(app.update(.idle)))
    #expect(app.update(.idle).isEmpty, "one preparation at a time")
    #expect(app.update(asked.prepare()).isEmpty)
    #expect(isReady(app))
    #expect(app.update(.idle).isEmpty, "nothing left to prepare")
    app.press(.character("3"))
    #expect(app.screenText(rows: 30, columns: 100) == agendaScreen())
  }

  @Test func theAgendaKeyBeforeTheResultArrivesShowsTheAgendaAndTheLateResultChangesNothing()
    throws
  {
    var app = Fixtures.app()
    let asked = try #require(preparation(app.update(.idle)))
    app.press(.character("3"))
    let shown = app.screenText(rows: 30, columns: 100)
    #expect(shown == agendaScreen())
    _ = app.update(asked.prepare())
    #expect(app.screenText(rows: 30, columns: 100) == shown)
  }

  @Test func aResultForTheDeckBeforeAnEditIsNotShown() throws {
    var app = Fixtures.app()
    let asked = try #require(preparation(app.update(.idle)))
    app.press(.character("3"), .character("x"))
    #expect(app.state.deck.deadline(withID: "cafe-labs-data/apply-by")?.status == .done)
    _ = app.update(asked.prepare())
    let shown = AgendaModel(state: app.state).flattened().map(\.id)
    #expect(!shown.contains("cafe-labs-data/apply-by"))
    #expect(shown.first == "mercari-engineer/interview")
    // The edited deck's agenda is prepared in turn.
    #expect(preparation(app.update(.idle)) != nil || isReady(app))
  }

  @Test func aClockTickingWithinTheDayKeepsTheAgenda() {
    var app = Fixtures.app()
    app.press(.character("3"))
    _ = app.screenText()
    let noon = app.state.now
    #expect(isReady(app, at: noon.addingTimeInterval(30)))
    #expect(isReady(app, at: noon.addingTimeInterval(5 * 3600)))
    _ = app.update(.tick(noon.addingTimeInterval(5 * 3600)))
    #expect(isReady(app))
  }

  @Test func aTimedDeadlinePassingOrMidnightEndsTheKeptAgenda() {
    var app = Fixtures.app()
    app.press(.character("3"))
    _ = app.screenText()
    // The interview at 18:00 lasts an hour by default: it has passed at 19:00.
    let over = Fixtures.today.instant(hour: 19, in: Fixtures.zone)
    #expect(isReady(app, at: over.addingTimeInterval(-1)))
    #expect(!isReady(app, at: over))
    _ = app.update(.tick(over))
    #expect(app.screenText(rows: 30, columns: 100).contains("Passed: what happened?"))
    let midnight = Fixtures.today.adding(days: 1).instant(in: Fixtures.zone)
    #expect(isReady(app, at: midnight.addingTimeInterval(-1)))
    #expect(!isReady(app, at: midnight))
  }

  // MARK: - The postings table's order

  func tableIsReady(_ app: App) -> Bool {
    app.state.facts { $0.hasDeadlineOrder(at: app.state.now, timeZone: app.state.timeZone) }
  }

  /// What `1` shows on a fresh app showing `deck`, worked out with nothing prepared; without
  /// the status bar, which says whether a change is still being saved.
  func tableScreen(_ deck: Deck) -> String {
    var app = Fixtures.app(deck)
    app.press(.character("1"))
    return table(app)
  }

  func table(_ app: App) -> String {
    app.screenText(rows: 30, columns: 100).split(separator: "\n").dropLast()
      .joined(separator: "\n")
  }

  @Test func aChangeInThePipelineHasTheTablePreparedWhileIdleAndItShowsTheSame() throws {
    var app = Fixtures.app()
    app.press(.character("2"), .character("L"), .enter)
    #expect(app.state.message?.hasPrefix("Moved") == true)
    #expect(!tableIsReady(app), "a change in the pipeline leaves the table to be worked out")
    let asked = try #require(preparation(app.update(.idle)))
    #expect(app.update(asked.prepare()).isEmpty)
    #expect(tableIsReady(app))
    #expect(isReady(app))
    app.press(.character("1"))
    #expect(table(app) == tableScreen(app.state.deck))
  }

  @Test func aTableShownBeforeTheResultArrivesStaysAsItIs() throws {
    var app = Fixtures.app()
    app.press(.character("2"), .character("L"), .enter)
    let asked = try #require(preparation(app.update(.idle)))
    app.press(.character("1"), .character("s"), .character("s"), .character("s"))
    let shown = table(app)
    _ = app.update(asked.prepare())
    #expect(table(app) == shown)
  }

  @Test func anAgendaShownBeforeIdlingStillHasTheTablePrepared() throws {
    var app = Fixtures.app()
    app.press(.character("2"), .character("L"), .enter, .character("3"))
    _ = app.screenText()
    #expect(isReady(app))
    let asked = try #require(preparation(app.update(.idle)), "the table is still to be done")
    _ = app.update(asked.prepare())
    #expect(tableIsReady(app))
    #expect(app.update(.idle).isEmpty)
  }

  // MARK: - The table of the deck an undo brings back

  @Test func anUndoBringsBackTheTableOfTheDeckBeforeTheMove() throws {
    var app = Fixtures.app()
    let before = table(app)
    let original = app.state.deck
    app.press(.character("2"), .character("L"), .enter, .character("u"))
    #expect(app.state.deck.sharesStorage(with: original), "the undo gives back that very deck")
    app.press(.character("1"))
    #expect(table(app).split(separator: "\n").dropLast() == before.split(separator: "\n").dropLast())
  }

  @Test func factsTakeUpAnEarlierTableOnlyForTheTimeItHoldsFor() throws {
    let deck = Fixtures.deck
    let now = Fixtures.today.instant(hour: 9, in: Fixtures.zone)
    let earlier = DeckFacts(deck: deck)
    let order = earlier.deadlineOrder(now: now, timeZone: Fixtures.zone)
    let built = try #require(earlier.kept.table)
    // A table whose order is reversed shows that it was taken up rather than worked out.
    let marked = DeckFacts.Table(nearest: built.nearest, span: built.span, today: built.today,
      deadlineOrder: order.reversed())
    let kept = DeckFacts.Kept(table: marked, showsArchived: false)
    let later = DeckFacts(deck: deck, inheriting: kept)
    #expect(later.deadlineOrder(now: now, timeZone: Fixtures.zone) == order.reversed())
    let nextDay = Fixtures.today.adding(days: 1).instant(hour: 9, in: Fixtures.zone)
    let tomorrow = DeckFacts(deck: deck, inheriting: kept)
    #expect(tomorrow.deadlineOrder(now: nextDay, timeZone: Fixtures.zone)
      == DeckFacts(deck: deck).deadlineOrder(now: nextDay, timeZone: Fixtures.zone))
  }
}

