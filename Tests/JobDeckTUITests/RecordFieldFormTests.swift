import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// `e`: a posting's and an application's fields in a form, checked as `jobdeck edit` checks
/// them, saved as one change that `u` undoes and `Ctrl-R` redoes.
@Suite("Field form")
struct RecordFieldFormTests {
  /// The form on the pipeline's first card: Acme · Backend Engineer (saved, cutoff 30 Apr).
  func acmeForm() -> App {
    var app = Fixtures.app()
    app.press(.character("2"), .character("e"))
    return app
  }

  func openForm(_ app: App) -> FieldForm? {
    if case .fieldForm(let form) = app.state.mode { return form }
    return nil
  }

  /// Tabs to the field labelled `label` and replaces its text.
  func fill(_ app: inout App, _ label: String, _ text: String) {
    guard let form = openForm(app), let target = form.fields.firstIndex(where: { $0.label == label })
    else {
      Issue.record("no field \(label)")
      return
    }
    let steps = (target - form.focus + form.fields.count) % form.fields.count
    for _ in 0..<steps { app.press(.tab) }
    app.press(.control("u"))
    app.type(text)
  }

  @Test func theFormStartsWithEveryFieldAsItIs() throws {
    let form = try #require(openForm(acmeForm()))
    #expect(form.heading == "Edit Acme · Backend Engineer")
    #expect(form.fields.map(\.label) == [
      "Company", "Title", "Location", "URL", "Type", "Workplace", "Tags", "Salary", "Posted",
      "Apply by", "Start", "End", "Found via", "Sent by", "Sent to", "Stage date", "Stage note",
    ])
    #expect(form.value("Location") == "Remote")
    #expect(form.value("Apply by") == "2025-04-30")
    #expect(form.value("Stage date") == "2025-02-21")
    #expect(form.fields[form.fields.count - 2].help.contains("no later than today"))
  }

  @Test func savedFieldsChangeTheRecordInOneStepThatUndoAndRedoCover() throws {
    var app = acmeForm()
    fill(&app, "Title", "Senior Backend Engineer")
    fill(&app, "Salary", "60k-70k EUR/year")
    fill(&app, "Workplace", "hybrid")
    fill(&app, "Apply by", "2025-05-15")
    fill(&app, "Stage note", "found it on the company site")
    let effects = app.press(.control("s"))
    let deck = app.state.deck
    #expect(effects == [.save(deck)])
    #expect(app.state.mode == .browsing)
    #expect(app.state.message
      == "Updated Acme · Senior Backend Engineer: title, workplace, salary, apply by, stage note")
    let posting = try #require(deck.posting(withID: "acme-backend"))
    #expect(posting.title == "Senior Backend Engineer")
    #expect(posting.workplace == .hybrid)
    #expect(posting.compensation?.minimum == 60_000)
    #expect(deck.deadline(withID: "acme-backend/apply-by")?.due == .allDay(Fixtures.date("2025-05-15")))
    #expect(deck.application(withID: "acme-backend")?.history.last?.note
      == "found it on the company site")
    #expect(app.state.undoStack.count == 1)
    app.press(.character("u"))
    #expect(app.state.deck == Fixtures.deck)
    app.press(.control("r"))
    #expect(app.state.deck == deck)
  }

  @Test func aMistakeNamesTheFieldAndItsRangeFocusesItAndChangesNothing() throws {
    var app = acmeForm()
    fill(&app, "Title", "Senior Backend Engineer")
    fill(&app, "Posted", "2300-01-01")
    fill(&app, "Company", "Acme Corp")
    #expect(app.press(.control("s")).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    let form = try #require(openForm(app))
    #expect(form.error?.hasPrefix("Posted: invalid posted '2300-01-01': expected a date within 1900-01-01 … 2199-12-31") == true, "\(form.error ?? "")")
    #expect(form.fields[form.focus].label == "Posted")
    // Typing clears the message; a good value saves every field.
    app.press(.control("u"))
    app.type("2025-02-14")
    #expect(openForm(app)?.error == nil)
    app.press(.control("s"))
    #expect(app.state.deck.posting(withID: "acme-backend")?.company == "Acme Corp")
    #expect(app.state.deck.posting(withID: "acme-backend")?.posted?.date == Fixtures.date("2025-02-14"))
  }

  @Test(arguments: [
    ("Company", "", "Company: invalid company '': expected a name"),
    ("Type", "freelance", "Type: invalid type 'freelance': expected one of internship"),
    ("URL", "javascript:alert(1)", "URL: invalid url 'javascript:alert(1)': expected an http(s) link"),
    ("Stage date", "2025-03-04", "Stage date: invalid stage-date '2025-03-04': expected a day from 1900-01-01 to 2025-03-03"),
    ("Salary", "lots", "Salary: invalid salary 'lots'"),
  ])
  func eachFieldChecksWhatItTakes(label: String, text: String, message: String) throws {
    var app = acmeForm()
    fill(&app, label, text)
    #expect(app.press(.control("s")).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    let error = try #require(openForm(app)?.error)
    #expect(error.hasPrefix(message), "\(error)")
  }

  @Test func anUntouchedFormSavesNothing() {
    var app = acmeForm()
    #expect(app.press(.control("s")).isEmpty)
    #expect(app.state.message == "no changes to Acme · Backend Engineer")
    #expect(app.state.undoStack.isEmpty)
  }

  @Test func fromTheDetailTheFormReturnsToIt() throws {
    var app = Fixtures.app()
    let detail = DetailState(postingID: "cafe-labs-data", applicationID: nil)
    app.state.mode = .detail(detail)
    app.press(.character("e"))
    let form = try #require(openForm(app))
    #expect(form.purpose == .editFields(.posting("cafe-labs-data")))
    #expect(!form.fields.contains { $0.label == "Stage date" })
    app.press(.escape)
    #expect(app.state.mode == .detail(detail))
    app.press(.character("e"))
    fill(&app, "Location", "Basel")
    app.press(.control("s"))
    #expect(app.state.mode == .detail(detail))
    #expect(app.state.deck.posting(withID: "cafe-labs-data")?.location == "Basel")
  }

  @Test func ctrlESavesTheFormThenOpensTheLongText() {
    var app = acmeForm()
    fill(&app, "Location", "Hamburg")
    let effects = app.press(.control("e"))
    #expect(app.state.deck.posting(withID: "acme-backend")?.location == "Hamburg")
    #expect(effects == [.save(app.state.deck),
                        .editText("", purpose: .applicationNotes(applicationID: "acme-backend"))])
    var posting = Fixtures.app()
    posting.press(.character("e"))
    let postingEffects = posting.press(.control("e"))
    guard case .editText(let text, .recordDocument(.posting, _)) = postingEffects.first else {
      Issue.record("no record document: \(postingEffects)")
      return
    }
    #expect(text.contains("company: "))
  }

  @Test func aReadOnlyStoreOpensNoForm() {
    var app = Fixtures.app(readOnly: "a newer schema")
    app.press(.character("e"))
    #expect(app.state.mode == .browsing)
    #expect(app.state.message == "read-only: a newer schema")
  }

  @Test func theEditIsReplayedOntoAStoreChangedElsewhere() {
    var app = acmeForm()
    fill(&app, "Title", "Senior Backend Engineer")
    app.press(.control("s"))
    var disk = Fixtures.deck
    _ = try? disk.move(applicationID: "acme-backend", to: .applied, at: Fixtures.clock.now)
    app.send(.storeChangedOnDisk(disk))
    #expect(app.state.deck.posting(withID: "acme-backend")?.title == "Senior Backend Engineer")
    #expect(app.state.deck.application(withID: "acme-backend")?.stage == .applied)
  }
}

/// `M` marks an application, `=` compares it with the selected one.
@Suite("Comparing two chosen offers")
struct MarkedComparisonTests {
  @Test func theMarkedApplicationIsComparedWithTheSelectedOne() throws {
    var app = Fixtures.app(OfferTermsTests.twoOffers)
    app.press(.character("2"))  // Acme, saved
    app.press(.character("M"))
    #expect(app.state.markedForComparison == "acme-backend")
    app.press(.character("l"), .character("l"), .character("l"), .character("l"))  // offer
    app.press(.character("="))
    guard case .offerComparison(let comparison) = app.state.mode else {
      Issue.record("no comparison: \(app.state.message ?? "")")
      return
    }
    #expect(comparison.applicationIDs == ["acme-backend", "soundcloud-ml-intern"])
    let screen = app.screenText()
    #expect(screen.contains("Acme"))
    app.press(.escape)
    #expect(app.state.mode == .browsing)
  }

  @Test func equalsOnTheMarkedOneItselfSaysToSelectAnother() {
    var app = Fixtures.app()
    app.press(.character("2"), .character("M"), .character("="))
    #expect(app.state.mode == .browsing)
    #expect(app.state.message
      == "Acme · Backend Engineer is marked: select another application to compare it with (M unmarks)")
    app.press(.character("M"))
    #expect(app.state.markedForComparison == nil)
    #expect(app.state.message == "Unmarked Acme · Backend Engineer")
  }

  @Test func inTheDetailTheComparisonReturnsToIt() {
    var app = Fixtures.app(OfferTermsTests.twoOffers)
    app.press(.character("2"), .character("M"))
    let detail = DetailState(postingID: "soundcloud-ml-intern", applicationID: "soundcloud-ml-intern")
    app.state.mode = .detail(detail)
    app.press(.character("="))
    #expect(app.state.mode == .offerComparison(OfferComparison(
      applicationIDs: ["acme-backend", "soundcloud-ml-intern"], detail: detail)))
    app.press(.character("q"))
    #expect(app.state.mode == .detail(detail))
  }

  @Test func aMarkedApplicationThatWasDeletedIsForgotten() {
    var app = Fixtures.app(OfferTermsTests.twoOffers)
    app.state.markedForComparison = "gone"
    app.press(.character("2"), .character("="))
    guard case .offerComparison(let comparison) = app.state.mode else {
      Issue.record("no comparison")
      return
    }
    #expect(Set(comparison.applicationIDs) == ["soundcloud-ml-intern", "evil-corp"])
    #expect(app.state.markedForComparison == nil)
  }
}

/// `u` and `Ctrl-R` work in the detail too, where the form and the apply form are opened.
@Suite("Undo in the detail")
struct UndoInTheDetailTests {
  @Test func uInTheDetailUndoesTheFormsChangeAndStaysThere() {
    var app = Fixtures.app()
    let detail = DetailState(postingID: "acme-backend", applicationID: "acme-backend")
    app.state.mode = .detail(detail)
    app.press(.character("e"), .tab, .control("u"))
    app.type("Staff Engineer")
    app.press(.control("s"))
    #expect(app.state.deck.posting(withID: "acme-backend")?.title == "Staff Engineer")
    app.press(.character("u"))
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.state.mode == .detail(detail))
    app.press(.control("r"))
    #expect(app.state.deck.posting(withID: "acme-backend")?.title == "Staff Engineer")
  }

  @Test func undoingTheApplyShownInTheDetailKeepsThePosting() {
    var app = Fixtures.app()
    app.state.mode = .detail(DetailState(postingID: "cafe-labs-data", applicationID: nil))
    app.press(.character("A"), .control("s"))
    let id = app.state.deck.applications(forPosting: "cafe-labs-data").first?.id
    app.state.mode = .detail(DetailState(postingID: "cafe-labs-data", applicationID: id))
    app.press(.character("u"))
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.state.mode == .detail(DetailState(postingID: "cafe-labs-data", applicationID: nil)))
  }
}
