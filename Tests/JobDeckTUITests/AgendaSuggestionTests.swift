import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// The agenda's "Suggestions" section (issue 15): listed below the dates, answered with the
/// keymap's keys, each answer an undoable change. With a follow-up after 7 days, the fixture's
/// SoundCloud (applied) and Evil Corp (screening) applications, silent for 10 days, get one.
@Suite("Agenda suggestions")
struct AgendaSuggestionTests {
  func app() -> App {
    var app = App(deck: Fixtures.deck, storePath: "/tmp/store.json", clock: Fixtures.clock,
                  readOnlyReason: nil, suggestionDays: SuggestionDays(followUp: 7))
    app.press(.character("3"))
    return app
  }

  @Test func suggestionsAreListedBelowTheDatesWithTheKeysThatAnswerThem() {
    let screen = app().screenText(rows: 40, columns: 120)
    #expect(screen.contains("Suggestions (2)"), "\(screen)")
    #expect(screen.contains("y accept · z snooze · X dismiss"))
    #expect(screen.contains("SoundCloud · ML Intern: no news for 10 days since applied"))
    // The dates keep their places: the first row is still the overdue cutoff.
    #expect(screen.contains("Overdue (1)"))
  }

  /// `j` from the last date goes on to the suggestions below, one at a time, and stops at the
  /// last; a small screen scrolls down to show the one selected.
  @Test func downMovesFromTheLastDateOntoTheSuggestions() {
    var app = app()
    let model = AgendaModel(state: app.state)
    let dates = model.grouped().reduce(0) { $0 + $1.entries.count }
    let suggestions = model.suggestions()
    for _ in 0..<dates { app.press(.character("j")) }
    #expect(app.selectedSuggestion == suggestions.first)
    for _ in 0..<5 { app.press(.character("j")) }
    #expect(app.state.agendaSelection == dates + suggestions.count - 1)
    #expect(app.selectedSuggestion == suggestions.last)
    let screen = app.screenText(rows: 12, columns: 120)
    #expect(screen.contains("Suggestions (\(suggestions.count))"), "\(screen)")
    #expect(screen.contains(suggestions.last?.reason ?? "?"), "\(screen)")
  }

  @Test func noSuggestionsNoSection() {
    let plain = Fixtures.app()
    var shown = plain
    shown.press(.character("3"))
    #expect(!shown.screenText(rows: 40, columns: 120).contains("Suggestions"))
  }

  @Test func yAcceptsTheSelectedSuggestionAndUndoTakesItBack() {
    var app = app()
    let before = app.state.deck
    let effects = app.press(.character("G"), .character("y"))
    let followUp = app.state.deck.deadlines.first { $0.kind == .followUp }
    #expect(followUp?.owner == .application("evil-corp"))
    #expect(followUp?.due == .allDay(Fixtures.today))
    #expect(effects.contains(.save(app.state.deck)))
    #expect(app.state.message?.contains("Accepted") == true)
    app.press(.character("u"))
    #expect(app.state.deck == before)
  }

  @Test func xOnASuggestionDismissesItForGoodAndZSnoozesIt() {
    var app = app()
    app.press(.character("G"), .character("X"))
    #expect(app.state.deck.settings.suggestionAnswers
      == [SuggestionAnswer(answer: .dismissed, id: "evil-corp/follow-up")])
    #expect(app.screenText(rows: 40, columns: 120).contains("Suggestions (1)"))
    #expect(app.state.deck.applications.allSatisfy { !$0.isArchived }, "X archived nothing")
    app.press(.character("G"), .character("z"), .character("w"))
    #expect(app.state.deck.settings.suggestionAnswers.last
      == SuggestionAnswer(answer: .snoozed, id: "soundcloud-ml-intern/follow-up",
                          until: Fixtures.today.adding(days: 7)))
    #expect(!app.screenText(rows: 40, columns: 120).contains("Suggestions"))
    app.press(.character("u"), .character("u"))
    #expect(app.state.deck.settings.suggestionAnswers.isEmpty)
  }

  /// The section at 80×24, 120×40 and 60×15, the last suggestion selected.
  @Test func theSectionAtEachSize() {
    var screens: [(size: String, screen: Screen)] = []
    for (rows, columns) in RecordFormSnapshotTests.sizes {
      var app = app()
      app.press(.resize(TerminalSize(rows: rows, columns: columns)), .character("G"))
      screens.append(("\(columns)x\(rows)", app.view(size: TerminalSize(rows: rows, columns: columns))))
    }
    assertSnapshots(screens, scene: "agenda-suggestions")
  }

  @Test func xOnADeadlineStillDismissesTheDeadline() {
    var app = app()
    app.press(.character("X"))
    #expect(app.state.deck.deadline(withID: "cafe-labs-data/apply-by")?.status == .dismissed)
  }
}
