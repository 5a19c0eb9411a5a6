import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

@Suite("Undo, saving and never losing an edit")
struct NeverLoseTests {
  /// SoundCloud moved from applied to screening in the pipeline.
  func movedApp() -> App {
    var app = Fixtures.app()
    app.press(.character("2"), .character("l"), .character("L"), .enter)
    return app
  }

  @Test func uUndoesAndCtrlRRedoesEachSaving() {
    var app = movedApp()
    let moved = app.state.deck
    #expect(app.press(.character("u")) == [.save(Fixtures.deck)])
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.press(.control("r")) == [.save(moved)])
    #expect(app.state.deck == moved)
    app.press(.control("r"))
    #expect(app.state.message == "nothing to redo")
  }

  @Test func statusBarShowsTheSaveState() {
    var app = movedApp()
    #expect(app.screenText().contains("saving…"))
    app.send(.saveSucceeded(app.state.deck))
    #expect(app.state.pendingEdits.isEmpty)
    #expect(app.screenText().contains("saved"))
  }

  @Test func aFailedSaveIsShownKeptAndRetriedOnTheNextTick() {
    var app = movedApp()
    app.send(.saveFailed(message: "disk full"))
    #expect(app.screenText(rows: 24, columns: 120).contains("NOT SAVED: disk full — will retry"))
    #expect(app.state.pendingEdits.count == 1)
    let retry = app.update(.tick(Fixtures.clock.now.addingTimeInterval(60)))
    #expect(retry == [.save(app.state.deck)])
    #expect(app.state.saveState == .saving)
  }

  @Test func aTickWithNothingPendingSavesNothing() {
    var app = Fixtures.app()
    #expect(app.update(.tick(Fixtures.clock.now.addingTimeInterval(60))).isEmpty)
  }

  @Test func aChangeOnDiskIsAdoptedAndTheUnsavedMoveReplayedOntoIt() throws {
    var app = movedApp()
    app.send(.saveFailed(message: "locked"))
    // Another shell moved Mercari to an offer meanwhile.
    var disk = Fixtures.deck
    try disk.move(applicationID: "mercari-engineer", to: .offer,
                  at: Fixtures.clock.now.addingTimeInterval(30))
    let effects = app.update(.storeChangedOnDisk(disk))
    #expect(app.state.deck.application(withID: "mercari-engineer")?.stage == .offer)
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.stage == .screening)
    #expect(effects == [.save(app.state.deck)])
  }

  @Test func aChangeOnDiskWithNothingPendingIsAdoptedWithoutSaving() throws {
    var app = Fixtures.app()
    var disk = Fixtures.deck
    try disk.move(applicationID: "acme-backend", to: .applied, at: Fixtures.clock.now)
    #expect(app.update(.storeChangedOnDisk(disk)).isEmpty)
    #expect(app.state.deck == disk)
  }

  @Test func anUndoReplayedOntoAChangedDiskKeepsTheOtherChange() throws {
    var app = movedApp()
    app.send(.saveSucceeded(app.state.deck))
    app.press(.character("u"))
    var disk = Fixtures.deck
    try disk.move(applicationID: "soundcloud-ml-intern", to: .screening, at: Fixtures.clock.now)
    try disk.move(applicationID: "acme-backend", to: .applied, at: Fixtures.clock.now)
    app.send(.storeChangedOnDisk(disk))
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.stage == .applied)
    #expect(app.state.deck.application(withID: "acme-backend")?.stage == .applied)
  }

  @Test func anInterruptSavesWhatIsPendingThenQuits() {
    var app = movedApp()
    #expect(app.update(.interrupted) == [.save(app.state.deck), .quit])
    var clean = Fixtures.app()
    #expect(clean.update(.interrupted) == [.quit])
  }

  @Test func aReadOnlyStoreRefusesEditsWithAMessage() {
    var app = Fixtures.app(readOnly: "schema version 9 is newer than this jobdeck")
    app.press(.character("2"), .character("l"))
    #expect(app.press(.character("L")).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.state.message?.contains("read-only") == true)
    #expect(app.press(.character("a")).isEmpty)
    #expect(app.state.mode == .browsing)
    #expect(app.screenText(rows: 24, columns: 120).contains("READ-ONLY"))
  }

  @Test func anEmptyStoreSaysWhatToPress() {
    let text = Fixtures.app(Deck()).screenText()
    #expect(text.contains("a   add a posting"))
    #expect(text.contains("i   import a posting"))
    #expect(text.contains("jobdeck demo"))
  }
}

@Suite("Replaying pending edits")
struct PendingEditReplayTests {
  @Test func anAddedPostingIsNotDuplicatedWhenTheDiskAlreadyHasIt() {
    var app = Fixtures.app()
    app.addPosting(company: "Zalando", title: "Analyst")
    let saved = app.state.deck
    // The file watcher reports our own save before the save's confirmation arrives.
    app.send(.storeChangedOnDisk(saved))
    var older = saved
    older.postings.removeLast()
    app.send(.storeChangedOnDisk(older))
    #expect(app.state.deck.postings.filter { $0.company == "Zalando" }.count == 1)
  }

  @Test func anUnsavedMoveIsReplayedWithItsOriginalTime() throws {
    var app = Fixtures.app()
    app.press(.character("2"), .character("l"), .character("L"), .enter)
    let moved = app.state.deck
    app.send(.storeChangedOnDisk(Fixtures.deck))
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern")?.history
      == moved.application(withID: "soundcloud-ml-intern")?.history)
  }
}
