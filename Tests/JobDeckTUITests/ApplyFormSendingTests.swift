import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// The apply form (`A`) records where the job was found, how it was sent and to whom.
@Suite("Apply form: source, method, sent to")
struct ApplyFormSendingTests {
  func cafeDetail() -> App {
    var app = Fixtures.app()
    app.state.mode = .detail(DetailState(postingID: "cafe-labs-data", applicationID: nil))
    return app
  }

  @Test func theFieldsReachTheApplicationAndTheDetailShowsThem() throws {
    var app = cafeDetail()
    app.press(.character("A"), .tab, .tab, .tab)
    app.type("linkedin")
    app.press(.tab)
    app.type("e-mail")
    app.press(.tab)
    app.type("Mara Köhler <mara@example.com>")
    app.press(.control("s"))
    let application = try #require(app.state.deck.applications(forPosting: "cafe-labs-data").first)
    #expect(application.source == ApplicationSource(.linkedIn))
    #expect(application.method == .email)
    #expect(application.sentTo == "Mara Köhler <mara@example.com>")
    app.state.mode = .detail(DetailState(postingID: "cafe-labs-data",
                                         applicationID: application.id))
    let screen = app.view(size: TerminalSize(rows: 40, columns: 120)).text
    #expect(screen.contains("found via LinkedIn"))
    #expect(screen.contains("method    e-mail"))
    #expect(screen.contains("sent to   Mara Köhler <mara@example.com>"))
  }

  @Test func anUnknownMethodKeepsTheFormOpenWithTheChoices() {
    var app = cafeDetail()
    app.press(.character("A"), .tab, .tab, .tab, .tab)
    app.type("fax")
    app.press(.control("s"))
    guard case .fieldForm(let form) = app.state.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.error?.contains("online form, e-mail, post, in person, recruiter") == true)
    #expect(app.state.deck.applications(forPosting: "cafe-labs-data").isEmpty)
  }

  @Test func theJobsDocumentChangesTheApplicationsMethodInOneUndoableEdit() throws {
    var app = Fixtures.app()
    let posting = try #require(app.state.deck.posting(withID: "soundcloud-ml-intern"))
    let application = try #require(app.state.deck.onlyApplication(toPosting: "soundcloud-ml-intern"))
    let original = RecordDocument.render(posting, application: application)
    let edited = original.replacingOccurrences(of: "\nmethod: \n", with: "\nmethod: e-mail\n")
    #expect(edited != original)
    app.send(.editorFinished(.recordDocument(.posting("soundcloud-ml-intern"), original: original),
                             text: edited))
    #expect(app.state.deck.application(withID: application.id)?.method == .email)
    app.press(.character("u"))
    #expect(app.state.deck == Fixtures.deck)
  }
}
