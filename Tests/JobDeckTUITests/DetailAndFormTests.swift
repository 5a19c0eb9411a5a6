import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

@Suite("Detail view keys")
struct DetailViewTests {
  /// The detail of SoundCloud, which has a URL, an application and a description.
  func detailApp(rows: Int = 24) -> App {
    var app = Fixtures.app()
    app.press(.resize(TerminalSize(rows: rows, columns: 80)))
    app.press(.character("j"), .character("j"), .enter)
    return app
  }

  var scroll: (App) -> Int {
    { app in
      if case .detail(let detail) = app.state.mode { return detail.scroll }
      return -1
    }
  }

  @Test func showsFieldsDeadlinePhrasesHistoryNotesAndDescription() {
    let text = detailApp(rows: 40).screenText(rows: 40, columns: 80)
    for expected in ["SoundCloud — ML Intern", "Berlin", "https://example.com/jobs/1",
                     "“Apply by 5 March 2025”", "History", "2025-02-21 09:00  applied",
                     "Notes (Ctrl-E to edit)", "Python and PyTorch."] {
      #expect(text.contains(expected), "missing \(expected)")
    }
  }

  @Test func jKAndPageKeysScrollWithinTheText() {
    var app = detailApp(rows: 10)
    app.press(.character("j"), .character("j"))
    #expect(scroll(app) == 2)
    app.press(.character("k"))
    #expect(scroll(app) == 1)
    app.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
    let bottom = scroll(app)
    #expect(bottom > 1)
    app.press(.character("j"))
    #expect(scroll(app) == bottom)
    app.press(.pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp)
    #expect(scroll(app) == 0)
  }

  @Test func ctrlEEditsTheNotesAndTheResultIsSaved() throws {
    var app = detailApp()
    let effects = app.press(.control("e"))
    let purpose = EditPurpose.applicationNotes(applicationID: "soundcloud-ml-intern")
    #expect(effects == [.editText("", purpose: purpose)])
    let saved = app.update(.editorFinished(purpose, text: "Called Anna.\n"))
    let notes = try #require(app.state.deck.application(withID: "soundcloud-ml-intern")).notes
    #expect(notes == "Called Anna.")
    #expect(saved == [.save(app.state.deck)])
    #expect(app.screenText().contains("Called Anna."))
  }

  @Test func anAbortedEditorChangesNothing() {
    var app = detailApp()
    app.press(.control("e"))
    let purpose = EditPurpose.applicationNotes(applicationID: "soundcloud-ml-intern")
    #expect(app.update(.editorFinished(purpose, text: nil)).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func oOpensThePostingsURL() {
    var app = detailApp()
    #expect(app.press(.character("o")) == [.openURL("https://example.com/jobs/1")])
  }

  @Test func ctrlEWithoutAnApplicationSaysWhy() {
    var app = Fixtures.app()
    app.press(.enter)  // Café Labs: no application
    #expect(app.press(.control("e")).isEmpty)
    #expect(app.state.messageIsError)
  }

  @Test func qAndEscGoBackInsteadOfQuitting() {
    var app = detailApp()
    #expect(app.press(.character("q")).isEmpty)
    #expect(app.state.mode == .browsing)
    app.press(.enter, .escape)
    #expect(app.state.mode == .browsing)
  }
}

@Suite("Add form and import")
struct AddFormTests {
  @Test func aOpensAFormReadyToType() {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    guard case .addForm(let form) = app.state.mode else {
      Issue.record("no form")
      return
    }
    #expect(form.value(.company) == "Zalando")
    #expect(form.focus == .company)
  }

  @Test func tabAndShiftTabMoveBetweenFields() {
    var app = Fixtures.app()
    app.press(.character("a"), .tab, .tab)
    guard case .addForm(let form) = app.state.mode else { return }
    #expect(form.focus == .location)
    app.press(.backTab)
    guard case .addForm(let back) = app.state.mode else { return }
    #expect(back.focus == .title)
  }

  @Test func datesAreValidatedAsTyped() {
    var app = Fixtures.app()
    app.press(.character("a"), .tab, .tab, .tab, .tab)
    app.type("2025-03")
    #expect(app.screenText().contains("keep typing: YYYY-MM-DD"))
    app.type("-32")
    #expect(app.screenText().contains("not a date"))
    app.press(.backspace, .backspace)
    app.type("10")
    #expect(app.screenText().contains("in 7d"))
  }

  @Test func aDateOutsideTheSupportedRangeIsNamedAndNotSaved() {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    app.press(.tab)
    app.type("Data Scientist")
    app.press(.tab, .tab, .tab)
    app.type("2200-01-01")
    #expect(app.screenText().contains("outside the dates JobDeck works with: 1900-01-01 … 2199-12-31"))
    app.press(.control("s"))
    #expect(!app.state.deck.deadlines.contains { $0.due == .allDay(Fixtures.date("2200-01-01")) })
  }

  @Test func theDateFieldTakesWhatTheCommandLineTakes() throws {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    app.press(.tab)
    app.type("Data Scientist")
    app.press(.tab, .tab, .tab)
    app.type("+10d")
    #expect(app.screenText().contains("→ 2025-03-13"))
    app.press(.control("s"))
    let posting = try #require(app.state.deck.postings.last)
    #expect(app.state.deck.deadlines(ownedBy: .posting(posting.id)).first?.due
      == .allDay(Fixtures.date("2025-03-13")))
  }

  @Test func enterOnTheLastFieldSavesThePostingWithItsDeadline() throws {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    app.press(.enter)
    app.type("Data Scientist")
    app.press(.enter, .enter, .enter)
    app.type("2025-03-20")
    app.press(.enter)
    let effects = app.press(.enter)
    let posting = try #require(app.state.deck.postings.last)
    #expect(posting.company == "Zalando")
    #expect(posting.title == "Data Scientist")
    #expect(app.state.deck.deadlines(ownedBy: .posting(posting.id)).first?.due
      == .allDay(Fixtures.date("2025-03-20")))
    #expect(effects == [.save(app.state.deck)])
    #expect(app.state.mode == .browsing)
  }

  @Test func ctrlSSavesFromAnyFieldButRequiresCompanyAndTitle() {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    #expect(app.press(.control("s")).isEmpty)
    #expect(app.screenText().contains("title is required"))
    app.press(.tab)
    app.type("Analyst")
    #expect(app.press(.control("s")).count == 1)
  }

  @Test func aStageAlsoStartsTrackingAnApplication() throws {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    app.press(.tab)
    app.type("Analyst")
    app.press(.backTab, .backTab)  // wraps to the last field
    app.type("appl")
    #expect(app.screenText().contains("→ applied"))
    app.press(.control("s"))
    let posting = try #require(app.state.deck.postings.last)
    let application = try #require(app.state.deck.applications(forPosting: posting.id).first)
    #expect(application.stage == .applied)
    #expect(application.history.first?.at == Fixtures.clock.now)
  }

  @Test func anUnknownStageIsRefused() {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    app.press(.tab)
    app.type("Analyst")
    app.press(.backTab, .backTab)
    app.type("hired")
    #expect(app.screenText().contains("unknown stage"))
    #expect(app.press(.control("s")).isEmpty)
  }

  @Test func escCancelsTheForm() {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    #expect(app.press(.escape).isEmpty)
    #expect(app.state.mode == .browsing)
    #expect(app.state.deck == Fixtures.deck)
  }

  static let draft = PostingDraft(
    posting: Posting(id: "", title: "Werkstudent Data", company: "Zalando", location: "Berlin",
                     createdAt: Fixtures.created),
    deadlines: [Deadline(id: "", kind: .applicationCutoff, due: .allDay(Fixtures.date("2025-03-31")),
                         phrase: "Bewerbungsfrist: 31.03.2025", owner: .posting(""),
                         origin: .imported)],
    remarks: ["year inferred for 'Start: 1. April'"])

  @Test func iAsksForASourceAndRequestsTheImport() {
    var app = Fixtures.app()
    app.press(.character("i"))
    app.type("~/ads/zalando.html")
    #expect(app.press(.enter) == [.importSource("~/ads/zalando.html")])
  }

  @Test func anImportIsPreviewedWithItsPhrasesAndAddedOnY() throws {
    var app = Fixtures.app()
    app.press(.character("i"))
    app.type("ad.txt")
    app.press(.enter)
    #expect(app.update(.importFinished(AddFormTests.draft)).isEmpty)
    let preview = app.screenText()
    #expect(preview.contains("“Bewerbungsfrist: 31.03.2025”"))
    #expect(preview.contains("2025-03-31"))
    #expect(preview.contains("year inferred"))
    let effects = app.press(.character("y"))
    let posting = try #require(app.state.deck.postings.last)
    #expect(posting.company == "Zalando")
    #expect(app.state.deck.deadlines(ownedBy: .posting(posting.id)).count == 1)
    #expect(effects == [.save(app.state.deck)])
  }

  /// The preview says where the company came from, marks a cutoff that had passed, and names
  /// a field the ad did not give, as `jobdeck import --dry-run` does.
  @Test func anImportPreviewShowsWhereTheCompanyCameFromAndAPassedCutoff() {
    var draft = AddFormTests.draft
    draft.explanations["company"] = FieldExplanation(
      phrase: "Bei Zalando gestalten wir", rule: "a sentence that begins “Bei <Name>”")
    draft.deadlines[0].due = .allDay(Fixtures.date("2025-02-28"))
    var app = Fixtures.app()
    app.send(.importFinished(draft))
    let preview = app.screenText()
    #expect(preview.contains("from “Bei Zalando gestalten wir”"), "\(preview)")
    #expect(preview.contains("(cutoff passed 28 Feb 2025)"), "\(preview)")

    draft.posting.company = ""
    app = Fixtures.app()
    app.send(.importFinished(draft))
    #expect(app.screenText().contains("company   not found in the ad"))
  }

  @Test func anImportPreviewCanBeCancelled() {
    var app = Fixtures.app()
    app.send(.importFinished(AddFormTests.draft))
    #expect(app.press(.character("n")).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func aFailedImportIsReported() {
    var app = Fixtures.app()
    app.send(.importFailed(message: "no such file: ad.txt"))
    #expect(app.screenText().contains("import failed: no such file: ad.txt"))
  }
}
