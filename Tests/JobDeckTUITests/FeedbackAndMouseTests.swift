import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// What the three-week trial found: messages that name the record and the result, plain words
/// instead of the store's spellings, undo that survives another shell's change, and the mouse.
@Suite("Feedback, names and the mouse")
struct FeedbackAndMouseTests {
  func app(rows: Int = 24, columns: Int = 80, deck: Deck = Fixtures.deck) -> App {
    var app = Fixtures.app(deck)
    app.press(.resize(TerminalSize(rows: rows, columns: columns)))
    return app
  }

  @Test func snoozeNamesTheRecordTheDeadlineAndTheDay() throws {
    var app = app()
    app.press(.character("3"))
    let entry = try #require(app.selectedAgendaEntry)
    app.press(.character("z"), .character("d"))
    let expected = "Snoozed \(entry.company) · \(entry.title) "
      + "\(entry.kind.displayName) to Tue 4 Mar"
    #expect(app.state.message == expected)
  }

  @Test func undoSaysWhatItUndid() {
    var app = app()
    app.press(.character("2"), .character("L"), .enter, .character("u"))
    #expect(app.state.message == "Undid: Moved Acme · Backend Engineer from saved to applied")
  }

  @Test func openingAPostingWithoutAURLSaysWhichOne() {
    var app = app()
    app.state.mode = .detail(DetailState(postingID: "acme-backend", applicationID: "acme-backend"))
    #expect(app.press(.character("o")).isEmpty)
    #expect(app.state.message == "Acme · Backend Engineer has no URL")
    #expect(app.state.messageIsError)
  }

  @Test func theStagePickerNamesTheApplicationItMoves() {
    var app = app()
    app.press(.character("2"), .character("m"))
    #expect(app.screenText().contains("Move Acme · Backend Engineer to:"))
  }

  @Test func countsAreSingularForOne() {
    var deck = Deck()
    deck.postings = [Fixtures.deck.postings[0]]
    deck.applications = [Fixtures.deck.applications[0]]
    let screen = app(deck: deck).screenText(rows: 24, columns: 120)
    #expect(screen.contains("1 posting · 1 application · 0 deadlines"))
  }

  @Test func typesAndPeriodsAreWordsNotTheStoresSpelling() {
    var deck = Fixtures.deck
    deck.postings[0].employmentType = .workingStudent
    deck.postings[0].workplace = .onSite
    var app = app(deck: deck)
    app.state.mode = .detail(
      DetailState(postingID: "soundcloud-ml-intern", applicationID: "soundcloud-ml-intern"))
    let screen = app.screenText(rows: 40, columns: 80)
    #expect(screen.contains("working student"))
    #expect(screen.contains("on site"))
    #expect(!screen.contains("workingStudent"))
    var draft = PostingDraft(posting: Fixtures.deck.postings[0])
    draft.posting.employmentType = .fullTime
    draft.deadlines = [Deadline(id: "", kind: .probationEnd,
                                due: .relative(to: .startDate, offset: .months(3)),
                                owner: .posting(""))]
    var preview = Fixtures.app()
    preview.send(.importFinished(draft))
    let text = preview.screenText(rows: 40, columns: 80)
    #expect(text.contains("full-time"))
    #expect(text.contains("3 months after start date"))
    #expect(!text.contains("P3M"))
  }

  @Test func notAppliedYetStaysVisibleAtEightyColumns() {
    var app = app()
    app.press(.character("3"))
    #expect(app.screenText(rows: 24, columns: 80).contains("(not applied yet)"))
  }

  @Test func pipelineCardsShowCompanyAndTitleSideBySideAtOneHundredTwenty() {
    var app = app(rows: 24, columns: 120)
    app.press(.character("2"), .character("l"))
    let screen = app.screenText(rows: 24, columns: 120)
    #expect(screen.contains("SoundCloud"))
    #expect(screen.contains("ML Intern"))
  }

  @Test func aChangeFromAnotherShellKeepsTheUndoHistory() throws {
    var app = app()
    app.press(.character("2"), .character("L"), .enter)  // Acme: saved → applied, in this UI
    app.send(.saveSucceeded(app.state.deck))
    var disk = app.state.deck
    try disk.move(applicationID: "mercari-engineer", to: .offer, note: "from the CLI",
                  at: Fixtures.clock.now)
    app.send(.storeChangedOnDisk(disk))
    #expect(app.state.undoStack.count == 1)
    app.press(.character("u"))
    #expect(app.state.deck.application(withID: "acme-backend")?.stage == .saved)
    #expect(app.state.deck.application(withID: "mercari-engineer")?.stage == .offer)
    app.press(.control("r"))
    #expect(app.state.deck.application(withID: "acme-backend")?.stage == .applied)
    #expect(app.state.deck.application(withID: "mercari-engineer")?.stage == .offer)
  }

  @Test func aClickOnATabSwitchesViewAndOnARowSelectsThenOpensIt() {
    var app = app()
    let pipelineTab = Renderer.tabRanges(columns: 80).first { $0.view == .pipeline }?.columns
    app.send(.mouse(MouseEvent(.click, row: 0, column: pipelineTab?.lowerBound ?? 0)))
    #expect(app.state.view == .pipeline)
    app.press(.character("1"))
    // Row 1 is the table's heading; row 4 is the third posting.
    app.send(.mouse(MouseEvent(.click, row: 4, column: 10)))
    #expect(app.state.postingSelection == 2)
    #expect(app.state.mode == .browsing)
    app.send(.mouse(MouseEvent(.click, row: 4, column: 10)))
    guard case .detail = app.state.mode else {
      Issue.record("a second click should open the detail")
      return
    }
    app.send(.mouse(MouseEvent(.wheelDown, row: 5, column: 0)))
    if case .detail(let detail) = app.state.mode { #expect(detail.scroll == App.wheelStep) }
  }

  @Test func theWheelMovesTheSelectionAndAClickInThePipelinePicksAColumn() {
    var app = app(rows: 24, columns: 120)
    app.send(.mouse(MouseEvent(.wheelDown, row: 5, column: 5)))
    #expect(app.state.postingSelection == App.wheelStep)
    app.send(.mouse(MouseEvent(.wheelUp, row: 5, column: 5)))
    #expect(app.state.postingSelection == 0)
    app.press(.character("2"))
    let width = Renderer(state: app.state).pipelineLayout(width: 120).columnWidth ?? 1
    app.send(.mouse(MouseEvent(.click, row: 2, column: (width + 1) * 3 + 2)))
    #expect(app.state.pipelineColumn == 3)
    #expect(app.selectedApplication?.id == "mercari-engineer")
  }

  @Test func aClickOnAStageTabOfTheNarrowPipelineOpensThatStage() throws {
    var app = app(rows: 24, columns: 80)
    app.press(.character("2"))
    let strip = Renderer(state: app.state).pipelineTabStrip(width: 80)
    let interview = try #require(strip.tabs.first { $0.label.contains("interview") })
    app.send(.mouse(MouseEvent(.click, row: 1, column: interview.columns.lowerBound)))
    #expect(app.state.pipelineColumn == Stage.active.firstIndex(of: .interview))
    #expect(app.state.mode == .browsing)
    // A second click on the same tab does not open a card.
    app.send(.mouse(MouseEvent(.click, row: 1, column: interview.columns.lowerBound)))
    #expect(app.state.mode == .browsing)
  }

  @Test func mouseEventsNeverReachAnOpenFilterLine() {
    var app = app()
    app.press(.character("/"))
    app.send(.mouse(MouseEvent(.click, row: 0, column: 30)))
    #expect(app.state.view == .postings)
    #expect(app.state.isEditingFilter)
  }
}
