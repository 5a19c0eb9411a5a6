import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

@Suite("Agenda view keys")
struct AgendaViewTests {
  func entryIDs(_ app: App) -> [String] {
    AgendaModel(state: app.state).flattened().map(\.id)
  }

  func groups(_ app: App) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for group in AgendaModel(state: app.state).grouped() {
      result[group.title] = group.entries.map(\.id)
    }
    return result
  }

  @Test func deadlinesAreGroupedByHowSoonTheyFall() {
    let app = Fixtures.app()
    #expect(groups(app) == [
      "Overdue": ["cafe-labs-data/apply-by"],
      "Today": ["mercari-engineer/interview"],
      "This week": ["soundcloud-ml-intern/assessment"],
      "Next two weeks": ["evil-corp/assessment"],
      "Later": ["acme-backend/apply-by"],
      "Pending": ["mercari-engineer/probation-ends"],
    ])
  }

  @Test func pendingRowsSayWhatTheyWaitFor() {
    var app = Fixtures.app()
    app.press(.character("3"))
    #expect(app.screenText(rows: 30, columns: 100).contains("waits for start date"))
  }

  @Test func xMarksTheSelectedDeadlineDoneAndSaves() {
    var app = Fixtures.app()
    app.press(.character("3"))
    let effects = app.press(.character("x"))
    #expect(app.state.deck.deadline(withID: "cafe-labs-data/apply-by")?.status == .done)
    #expect(effects == [.save(app.state.deck)])
    #expect(entryIDs(app).first == "mercari-engineer/interview")
  }

  @Test func zThenDSnoozesForADay() {
    var app = Fixtures.app()
    app.press(.character("3"), .character("j"), .character("z"))
    #expect(app.state.mode == .snoozePrompt(deadlineID: "mercari-engineer/interview"))
    let effects = app.press(.character("d"))
    #expect(app.state.deck.deadline(withID: "mercari-engineer/interview")?.snoozedUntil
      == Fixtures.date("2025-03-04"))
    #expect(effects == [.save(app.state.deck)])
    #expect(!entryIDs(app).contains("mercari-engineer/interview"))
  }

  @Test func zThenWSnoozesForAWeek() {
    var app = Fixtures.app()
    app.press(.character("3"), .character("z"), .character("w"))
    #expect(app.state.deck.deadline(withID: "cafe-labs-data/apply-by")?.snoozedUntil
      == Fixtures.date("2025-03-10"))
  }

  @Test func escCancelsTheSnooze() {
    var app = Fixtures.app()
    app.press(.character("3"), .character("z"))
    #expect(app.press(.escape).isEmpty)
    #expect(app.state.mode == .browsing)
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func theDayRollsOverOnATickPastMidnight() {
    var app = Fixtures.app()
    app.press(.character("3"))
    let justAfterMidnight = Fixtures.date("2025-03-04").instant(hour: 0, minute: 1,
                                                                   in: Fixtures.zone)
    #expect(app.update(.tick(justAfterMidnight)).isEmpty)
    #expect(app.state.today == Fixtures.date("2025-03-04"))
    // The interview of the day before has happened: an event is not overdue (DOMAIN.md).
    #expect(groups(app)["Overdue"] == ["cafe-labs-data/apply-by"])
    #expect(app.screenText().contains("2025-03-04"))
  }

  @Test func enterOpensTheDetailOfTheDeadlinesOwner() {
    var app = Fixtures.app()
    app.press(.character("3"), .character("j"), .enter)
    #expect(app.state.mode == .detail(
      DetailState(postingID: "mercari-engineer", applicationID: "mercari-engineer")))
  }
}
