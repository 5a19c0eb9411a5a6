import Foundation
import JobDeckCore
import Testing

/// Where a job was found and how the application went out, as people type them, and in the
/// application's `$EDITOR` document.
@Suite("Application source and method")
struct ApplicationSourceTests {
  @Test(arguments: [
    ("LinkedIn", ApplicationSource.Channel.linkedIn), ("linkedin", .linkedIn),
    ("Company site", .companySite), ("company-site", .companySite), ("companySite", .companySite),
    ("JOB BOARD", .jobBoard), ("referral", .referral), (" university ", .university),
  ])
  func aChannelInAnySpellingIsThatChannel(_ text: String, _ channel: ApplicationSource.Channel) {
    #expect(ApplicationSource(parsing: text)?.channel == channel)
    #expect(ApplicationSource(parsing: text)?.rawValue == channel.rawValue)
  }

  @Test func freeTextIsKeptAsTypedAndBlankIsNothing() {
    let source = ApplicationSource(parsing: "  Berlin Startup Jobs newsletter ")
    #expect(source?.channel == nil)
    #expect(source?.displayName == "Berlin Startup Jobs newsletter")
    #expect(ApplicationSource(parsing: "   ") == nil)
  }

  @Test func methodsAreReadInTheirUsualSpellings() {
    #expect(ApplicationMethod(parsing: "E-Mail") == .email)
    #expect(ApplicationMethod(parsing: "online form") == .onlineForm)
    #expect(ApplicationMethod(parsing: "in-person") == .inPerson)
    #expect(ApplicationMethod(parsing: "post") == .post)
    #expect(ApplicationMethod(parsing: "carrier pigeon") == nil)
  }

  private let application = Application(
    id: "acme", postingID: "acme", notes: "first", createdAt: Date(timeIntervalSince1970: 0),
    source: ApplicationSource(.referral), method: .post,
    sentTo: "Jana Weber\nAcme GmbH, Hauptstr. 1, 10115 Berlin")

  @Test func theDocumentShowsTheFieldsAndAnUntouchedDocumentChangesNothing() throws {
    let text = RecordDocument.render(application)
    #expect(text.contains("\nsource: referral\n"))
    #expect(text.contains("\nmethod: post\n"))
    #expect(text.contains("\nsent to: Jana Weber; Acme GmbH, Hauptstr. 1, 10115 Berlin\n"))
    #expect(try RecordDocument.parse(text, onto: application) == application)
  }

  @Test func editedLinesAreTakenAndEmptyOnesClear() throws {
    let text = RecordDocument.render(application)
      .replacingOccurrences(of: "source: referral", with: "source: job board")
      .replacingOccurrences(of: "method: post", with: "method:")
      .replacingOccurrences(of: "sent to: Jana Weber; Acme GmbH, Hauptstr. 1, 10115 Berlin",
                            with: "sent to: jobs@acme.example")
    let parsed = try RecordDocument.parse(text, onto: application)
    #expect(parsed.source == ApplicationSource(.jobBoard))
    #expect(parsed.method == nil)
    #expect(parsed.sentTo == "jobs@acme.example")
    #expect(parsed.notes == "first")
  }

  @Test func anUnknownMethodNamesItsLineAndTheChoices() throws {
    let text = RecordDocument.render(application)
      .replacingOccurrences(of: "method: post", with: "method: fax")
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0 == "method: fax" }.map { $0 + 1 }
    do {
      _ = try RecordDocument.parse(text, onto: application)
      Issue.record("a document with method fax parsed")
    } catch {
      #expect(error.line == line)
      #expect(error.message.contains("online form, e-mail, post, in person, recruiter"))
    }
  }

  @Test func anImportFillsOnlyWhatIsEmpty() {
    var edited = application
    edited.sentTo = nil
    let changed = edited.fillInSending(
      source: ApplicationSource(.linkedIn), method: .email, sentTo: "hr@acme.example")
    #expect(changed)
    #expect(edited.source == ApplicationSource(.referral))
    #expect(edited.method == .post)
    #expect(edited.sentTo == "hr@acme.example")
    let changedAgain = edited.fillInSending(source: nil, method: .email, sentTo: "other")
    #expect(!changedAgain)
  }

  @Test func aPostingsDocumentCarriesItsApplicationsLines() throws {
    let posting = Posting(id: "acme", title: "Analyst", company: "Acme",
                          createdAt: Date(timeIntervalSince1970: 0))
    let text = RecordDocument.render(posting, application: application)
    #expect(text.contains("\ntitle: Analyst\n"))
    #expect(text.contains("\nmethod: post\n"))
    let unchanged = try RecordDocument.parse(text, onto: posting, application: application)
    #expect(unchanged.0 == posting && unchanged.1 == application)
    let edited = try RecordDocument.parse(
      text.replacingOccurrences(of: "title: Analyst", with: "title: Data Analyst")
        .replacingOccurrences(of: "method: post", with: "method: e-mail"),
      onto: posting, application: application)
    #expect(edited.0.title == "Data Analyst")
    #expect(edited.1.method == .email)
    #expect(edited.1.sentTo == application.sentTo)
    // Without the application, the posting's document has no such lines to take.
    #expect(throws: RecordDocumentError.self) {
      _ = try RecordDocument.parse(text, onto: posting)
    }
  }
}
