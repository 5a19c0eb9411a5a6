import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// `S` asks the terminal layer to sync (saving first), says what the sync brought, and the
/// status bar shows the sync repository's state when the store syncs.
@Suite("Sync from the UI")
struct SyncKeyTests {
  @Test func sSavesPendingEditsBeforeSyncing() {
    var app = Fixtures.app()
    app.addPosting(company: "Quokka", title: "Data Engineer")
    #expect(!app.state.pendingEdits.isEmpty)
    #expect(app.press(.character("S")) == [.save(app.state.deck), .sync])
  }

  @Test func aReadOnlyStoreIsNotSynced() {
    var app = Fixtures.app(readOnly: "a newer JobDeck wrote it")
    #expect(app.press(.character("S")) == [])
  }

  @Test func theResultIsSaidAndTheStatusBarFollowsIt() {
    var app = Fixtures.app()
    app.press(.character("S"))
    let lastSync = Fixtures.clock.now.addingTimeInterval(-3_600)  // 11:00 in the fixture's zone
    app.send(.syncFinished(SyncReport(
      cameIn: 2, wentOut: 1, status: SyncStatus(lastSync: lastSync, ahead: 1, behind: 3))))
    #expect(app.state.message == "Synced: 2 came in, 1 went out")
    let wide = app.screenText(rows: 24, columns: 120)
    #expect(wide.contains("synced 11:00 ↑1 ↓3 │ 6 postings"), "\(wide)")
    let narrow = app.screenText(rows: 15, columns: 60)
    #expect(narrow.contains("saved"))
  }

  @Test func aFailureIsSaidAndNoSyncRepositoryShowsNothing() {
    var app = Fixtures.app()
    app.send(.syncStatusRead(nil))
    app.press(.character("S"))
    app.send(.syncFailed(message: "could not reach the remote"))
    #expect(app.state.message?.contains("sync failed: could not reach the remote") == true)
    #expect(!app.screenText(rows: 24, columns: 120).contains("synced"))
    app.send(.syncStatusRead(SyncStatus(lastSync: nil)))
    #expect(app.screenText(rows: 24, columns: 120).contains("not synced yet"))
  }
}
