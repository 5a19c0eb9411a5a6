import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// Adding or importing a posting that matches one on file asks: update it, add anyway, cancel.
@Suite("Duplicates in the UI")
struct DuplicateQuestionTests {
  /// SoundCloud · ML Intern in Berlin is on file (`soundcloud-ml-intern`).
  static var reimport: PostingDraft {
    var draft = PostingDraft(posting: Posting(
      id: "", title: "ML  intern", company: "soundcloud", location: "Berlin",
      url: "https://example.com/jobs/1", createdAt: Fixtures.created))
    draft.posting.description = "A refreshed ad."
    return draft
  }

  func previewingReimport() -> App {
    var app = Fixtures.app()
    app.send(.importFinished(DuplicateQuestionTests.reimport))
    app.press(.character("y"))
    return app
  }

  @Test func confirmingAnImportOfAPostingOnFileAsksAndNamesIt() {
    let app = previewingReimport()
    guard case .duplicateQuestion(let question) = app.state.mode else {
      Issue.record("no question asked: \(app.state.mode)")
      return
    }
    #expect(question.existingID == "soundcloud-ml-intern")
    #expect(app.state.deck == Fixtures.deck)
    let screen = app.screenText(rows: 24, columns: 120)
    #expect(screen.contains("already on file as SoundCloud · ML Intern (soundcloud-ml-intern)"))
    #expect(screen.contains("u update it"))
  }

  @Test func uUpdatesThePostingOnFile() throws {
    var app = previewingReimport()
    let effects = app.press(.character("u"))
    #expect(effects == [.save(app.state.deck)])
    #expect(app.state.deck.postings.count == Fixtures.deck.postings.count)
    let updated = try #require(app.state.deck.posting(withID: "soundcloud-ml-intern"))
    #expect(updated.description == "A refreshed ad.")
    #expect(app.state.message == "Updated SoundCloud · ML Intern")
  }

  @Test func aAddsASecondPosting() {
    var app = previewingReimport()
    let effects = app.press(.character("a"))
    #expect(effects == [.save(app.state.deck)])
    #expect(app.state.deck.postings.count == Fixtures.deck.postings.count + 1)
    #expect(app.state.deck.posting(withID: "soundcloud-ml-intern")?.description
      == Fixtures.deck.posting(withID: "soundcloud-ml-intern")?.description)
    #expect(app.state.message?.contains("second posting") == true)
  }

  @Test(arguments: [KeyPress.character("n"), .escape])
  func nOrEscCancelsAndChangesNothing(_ key: KeyPress) {
    var app = previewingReimport()
    #expect(app.press(key) == [])
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.state.mode == .browsing)
    #expect(app.state.message?.contains("cancelled") == true)
  }

  @Test func otherKeysAtTheQuestionDoNothing() {
    var app = previewingReimport()
    #expect(app.press(.character("D"), .character("x"), .enter) == [])
    #expect(app.state.deck == Fixtures.deck)
    guard case .duplicateQuestion = app.state.mode else {
      Issue.record("the question closed")
      return
    }
  }

  @Test func undoAfterAddAnywayTakesTheSecondCopyBack() {
    var app = previewingReimport()
    app.press(.character("a"))
    app.press(.character("u"))
    #expect(app.state.deck.postings.count == Fixtures.deck.postings.count)
  }

  func addForm(company: String, title: String, location: String) -> App {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type(company)
    app.press(.tab)
    app.type(title)
    app.press(.tab)
    app.type(location)
    app.press(.control("s"))
    return app
  }

  @Test func theAddFormAsksAboutTheSameCompanyTitleAndLocation() throws {
    var app = addForm(company: "SoundCloud", title: "ml intern!", location: "berlin")
    guard case .duplicateQuestion(let question) = app.state.mode else {
      Issue.record("no question asked: \(app.state.mode)")
      return
    }
    #expect(question.existingID == "soundcloud-ml-intern")
    #expect(app.state.deck == Fixtures.deck)
    app.press(.character("a"))
    #expect(app.state.deck.postings.count == Fixtures.deck.postings.count + 1)
  }

  @Test func theAddFormsUpdateKeepsOnePosting() throws {
    var app = addForm(company: "SoundCloud", title: "ML Intern", location: "Berlin")
    app.press(.character("u"))
    #expect(app.state.deck.postings.count == Fixtures.deck.postings.count)
    #expect(app.state.mode == .browsing)
  }

  @Test func aDifferentLocationIsNoDuplicate() {
    let app = addForm(company: "SoundCloud", title: "ML Intern", location: "Hamburg")
    #expect(app.state.mode == .browsing)
    #expect(app.state.deck.postings.count == Fixtures.deck.postings.count + 1)
  }

  @Test func theQuestionSnapshot() {
    var screens: [(size: String, screen: Screen)] = []
    for (rows, columns) in [(24, 80), (15, 60)] {
      var app = Fixtures.app()
      app.press(.resize(TerminalSize(rows: rows, columns: columns)))
      app.send(.importFinished(DuplicateQuestionTests.reimport))
      app.press(.character("y"))
      screens.append(("\(columns)x\(rows)", app.view(size: TerminalSize(rows: rows, columns: columns))))
    }
    assertSnapshots(screens, scene: "duplicate-question")
  }
}
