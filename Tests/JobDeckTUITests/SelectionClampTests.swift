import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// A change made in one view can shorten another view's list; that view's selection is brought
/// back into its list when the view is shown, so it never points past the end.
@Suite("Selections after a change in another view")
struct SelectionClampTests {
  @Test func theTablesSelectionIsInItsListWhenShownAgainAfterAnUndoElsewhere() throws {
    var app = Fixtures.app()
    app.addPosting(company: "Zeta Corp", title: "Last Posting")
    let count = Renderer(state: app.state).visiblePostingIndices().count
    app.press(.end)
    #expect(app.state.postingSelection == count - 1)
    // The undo, made in the pipeline, takes the added posting (the last row) away.
    app.press(.character("2"), .character("u"))
    #expect(app.state.message?.hasPrefix("Undid") == true)
    app.press(.character("1"))
    let shown = Renderer(state: app.state).visiblePostingIndices()
    #expect(shown.count == count - 1)
    #expect(app.state.postingSelection == shown.count - 1)
    #expect(app.screenText().contains("Zeta Corp") == false)
  }

  @Test func theAgendasSelectionIsInItsListWhenShownAgainAfterAChangeElsewhere() throws {
    var app = Fixtures.app()
    app.press(.character("3"), .end)
    let before = app.state.agendaSelection
    #expect(before > 0)
    // Deleting postings from the table takes their deadlines off the agenda.
    app.press(.character("1"))
    for _ in 0..<3 {
      app.press(.home, .character("D"), .character("y"))
    }
    app.press(.character("3"))
    let count = AgendaModel(state: app.state).count(upTo: .max)
    #expect(app.state.agendaSelection < max(1, count))
    #expect(app.state.agendaSelection <= before)
  }
}
