import JobDeckCore
import Testing

@testable import JobDeckTUI

@Suite("Pipeline view keys")
struct PipelineViewTests {
  /// The pipeline with the selection on SoundCloud (applied).
  func appOnApplied() -> App {
    var app = Fixtures.app()
    app.press(.character("2"), .character("l"))
    return app
  }

  @Test func hAndLMoveBetweenColumnsWithinBounds() {
    var app = Fixtures.app()
    app.press(.character("2"), .character("h"))
    #expect(app.state.pipelineColumn == 0)
    app.press(.character("l"), .right)
    #expect(app.state.pipelineColumn == 2)
    app.press(.left)
    #expect(app.state.pipelineColumn == 1)
    for _ in 0..<10 { app.press(.character("l")) }
    #expect(app.state.pipelineColumn == Stage.active.count)
  }

  @Test func openingThePipelineOnAnEmptyFirstStageSelectsTheFirstOccupiedStage() throws {
    var deck = Deck()
    let postingID = deck.add(Posting(id: "", title: "ML Engineer", company: "SumUp",
                                     createdAt: Fixtures.clock.now))
    let applicationID = try deck.apply(toPosting: postingID, stage: .interview,
                                       at: Fixtures.clock.now)
    var app = App(deck: deck, storePath: "/tmp/s.json", clock: Fixtures.clock, readOnlyReason: nil)
    app.press(.character("2"))
    #expect(app.state.pipelineColumn == Stage.active.firstIndex(of: .interview))
    #expect(app.state.selectedApplicationID == applicationID)
    app.press(.character("L"), .enter)
    #expect(app.state.deck.application(withID: applicationID)?.stage == .offer)
  }

  @Test func shiftLMovesToTheNextStageRecordsHistoryAndSavesAtOnce() throws {
    var app = appOnApplied()
    #expect(app.state.selectedApplicationID == "soundcloud-ml-intern")
    app.press(.character("L"))
    let effects = app.press(.enter)
    let moved = try #require(app.state.deck.application(withID: "soundcloud-ml-intern"))
    #expect(moved.stage == .screening)
    #expect(moved.history.last == StageChange(from: .applied, to: .screening,
                                              at: Fixtures.clock.now))
    #expect(effects == [.save(app.state.deck)])
    // The selection follows the card.
    #expect(app.state.pipelineColumn == 2)
    #expect(app.state.selectedApplicationID == "soundcloud-ml-intern")
  }

  @Test func greaterThanAndLessThanMoveLikeShiftLAndShiftH() {
    var app = appOnApplied()
    app.press(.character(">"), .enter)
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.stage == .screening)
    app.press(.character("<"))
    let effects = app.press(.enter)
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.stage == .applied)
    #expect(effects == [.save(app.state.deck)])
    app.press(.character("H"), .enter)
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.stage == .saved)
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.history.count == 4)
  }

  @Test func mOpensAStagePickerIncludingClosedStages() {
    var app = appOnApplied()
    app.press(.character("m"))
    guard case .stagePicker(let picker) = app.state.mode else {
      Issue.record("no picker")
      return
    }
    #expect(picker.selection == Stage.allCases.firstIndex(of: .applied))
    #expect(app.screenText().contains("no response"))
    for _ in 0..<5 { app.press(.character("j")) }
    app.press(.enter)
    #expect(app.state.mode == .moveNote(MoveNote(applicationID: "soundcloud-ml-intern", stage: .rejected)))
    let effects = app.press(.enter)
    #expect(app.state.mode == .browsing)
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.stage == .rejected)
    #expect(effects.count == 1)
  }

  @Test func escClosesTheStagePickerWithoutMoving() {
    var app = appOnApplied()
    app.press(.character("m"), .character("j"))
    #expect(app.press(.escape).isEmpty)
    #expect(app.state.mode == .browsing)
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.stage == .applied)
  }

  @Test func closedApplicationsAreCollapsedIntoACountUntilCOpensThem() {
    var app = Fixtures.app()
    app.press(.character("2"))
    #expect(Renderer(state: app.state).pipelineApplications(column: Stage.active.count).isEmpty)
    #expect(app.screenText(rows: 24, columns: 120).contains("closed 1"))
    app.press(.character("c"))
    #expect(app.state.pipelineColumn == Stage.active.count)
    #expect(app.state.selectedApplicationID == "globex-platform")
  }

  @Test func shiftLOnAClosedApplicationExplainsHowToReopen() {
    var app = Fixtures.app()
    app.press(.character("2"), .character("c"))
    #expect(app.press(.character("L")).isEmpty)
    #expect(app.state.messageIsError)
    #expect(app.state.message?.contains("press m") == true)
  }

  @Test func jAndKMoveWithinAColumn() {
    var deck = Fixtures.deck
    deck.applications.append(Fixtures.application("cafe-labs-data", stage: .saved))
    var app = Fixtures.app(deck)
    app.press(.character("2"), .character("j"))
    #expect(app.state.pipelineRow == 1)
    #expect(app.state.selectedApplicationID == "cafe-labs-data")
    app.press(.character("j"))
    #expect(app.state.pipelineRow == 1)
    app.press(.up)
    #expect(app.state.pipelineRow == 0)
  }

  @Test func enterOpensTheApplicationDetail() {
    var app = appOnApplied()
    app.press(.enter)
    #expect(app.state.mode == .detail(
      DetailState(postingID: "soundcloud-ml-intern", applicationID: "soundcloud-ml-intern")))
  }

  @Test func belowOneHundredColumnsOneColumnFillsTheScreenWithATabStrip() {
    let app = appOnApplied()
    let narrow = app.screenText(rows: 24, columns: 80).split(separator: "\n")
    #expect(narrow[1].contains("saved 1"))
    #expect(narrow[1].contains("applied 1"))
    #expect(narrow[2].contains("SoundCloud"))
    #expect(!app.screenText(rows: 24, columns: 80).contains("Acme"))
    #expect(app.screenText(rows: 24, columns: 120).contains("Acme"))
  }
}

extension AppState {
  var selectedApplicationID: String? {
    let column = Renderer(state: self).pipelineApplications(column: pipelineColumn)
    return pipelineRow < column.count ? column[pipelineRow].id : nil
  }
}

@Suite("Pipeline tab strip")
struct PipelineTabStripTests {
  @Test func theCurrentTabStaysVisibleOnANarrowTerminal() {
    var app = Fixtures.app()
    app.press(.character("2"), .character("c"))
    let strip = app.screenText(rows: 12, columns: 40).split(separator: "\n")[1]
    #expect(strip.contains("closed 1"))
    #expect(app.screenText(rows: 12, columns: 40).contains("Globex"))
  }

  @Test func degenerateSizesRenderEmptyScreens() {
    let app = Fixtures.app()
    #expect(app.view(size: TerminalSize(rows: 0, columns: 0)).cells.isEmpty)
    #expect(app.view(size: TerminalSize(rows: -3, columns: 20)).cells.isEmpty)
  }
}
