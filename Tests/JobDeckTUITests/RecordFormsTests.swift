import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// Recording a search without leaving the UI: applying with a note, a note on every move,
/// events with a time, zone, duration and link, deleting after a question that names the
/// record, archiving; each one undone by `u`.
@Suite("Recording in the UI")
struct RecordFormsTests {
  /// The detail of Café Labs, which has no application yet.
  func cafeDetail() -> App {
    var app = Fixtures.app()
    app.state.mode = .detail(DetailState(postingID: "cafe-labs-data", applicationID: nil))
    return app
  }

  @Test func applyRecordsTheStageTheDayAndTheNoteInTheHistory() throws {
    var app = cafeDetail()
    app.press(.character("A"), .tab)
    app.press(.control("u"))
    app.type("2025-03-01")
    app.press(.tab)
    app.type("via a referral")
    let effects = app.press(.control("s"))
    let application = try #require(app.state.deck.applications(forPosting: "cafe-labs-data").first)
    #expect(application.stage == .applied)
    #expect(application.history == [StageChange(
      from: nil, to: .applied, at: Fixtures.date("2025-03-01").instant(hour: 12, in: Fixtures.zone),
      note: "via a referral")])
    #expect(effects == [.save(app.state.deck)])
    #expect(app.state.message == "Applied to Café 🍰 Labs · Data 👩‍💻 Engineer: applied")
    app.press(.character("u"))
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func applyTodayUsesTheClockAndAStagePrefix() throws {
    var app = cafeDetail()
    app.press(.character("A"), .control("u"))
    app.type("scr")
    app.press(.control("s"))
    let application = try #require(app.state.deck.applications(forPosting: "cafe-labs-data").first)
    #expect(application.stage == .screening)
    #expect(application.createdAt == Fixtures.clock.now)
    #expect(application.history.first?.note == nil)
  }

  @Test func applyWithABadDateSaysWhichFieldAndChangesNothing() {
    var app = cafeDetail()
    app.press(.character("A"), .tab, .control("u"))
    app.type("32 Nov")
    let effects = app.press(.control("s"))
    #expect(effects.isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    guard case .fieldForm(let form) = app.state.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.error?.contains("invalid date '32 Nov'") == true)
  }

  @Test func aMoveKeepsTheNoteTypedAfterL() throws {
    var app = Fixtures.app()
    app.press(.character("2"), .character("l"), .character("L"))
    #expect(app.state.deck == Fixtures.deck)
    app.type("recruiter called")
    app.press(.enter)
    let moved = try #require(app.state.deck.application(withID: "soundcloud-ml-intern"))
    #expect(moved.stage == .screening)
    #expect(moved.history.last?.note == "recruiter called")
  }

  @Test func escAtTheMoveNoteDoesNotMove() {
    var app = Fixtures.app()
    app.press(.character("2"), .character("l"), .character("L"), .escape)
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.state.message == "not moved")
  }

  /// Pipeline on Acme (saved), `t`, then the fields in order.
  func eventForm(date: String, time: String = "", zone: String = "", duration: String = "",
                 place: String = "", link: String = "") -> App
  {
    var app = Fixtures.app()
    app.press(.character("2"), .character("t"), .tab)
    for value in [date, time, zone, duration, place, link] {
      app.type(value)
      app.press(.tab)
    }
    return app
  }

  @Test func anInterviewWithATimeADurationAndAVideoLink() throws {
    var app = eventForm(date: "2025-03-10", time: "14:30", duration: "45min",
                        link: "https://meet.example/abc")
    let effects = app.press(.control("s"))
    let event = try #require(app.state.deck.deadlines.first {
      $0.owner == .application("acme-backend") && $0.kind == .interview
    })
    #expect(event.due == .timed(
      Fixtures.date("2025-03-10").instant(hour: 14, minute: 30, in: Fixtures.zone),
      timeZone: "Europe/Berlin"))
    #expect(event.duration == Period(minutes: 45))
    #expect(event.link == "https://meet.example/abc")
    #expect(event.origin == .manual)
    #expect(effects == [.save(app.state.deck)])
    #expect(app.state.message == "Added interview on Mon 10 Mar 14:30")
    app.press(.character("u"))
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func anEventInAnotherZoneShowsBothTimes() throws {
    var app = eventForm(date: "2025-03-10", time: "09:00", zone: "America/New_York")
    app.press(.control("s"))
    #expect(app.state.message == "Added interview on Mon 10 Mar 14:00 (09:00 America/New_York)")
  }

  @Test(arguments: [
    (["", "", "", "", "", ""], "invalid date ''"),
    (["2025-03-10", "25:00", "", "", "", ""], "invalid time '25:00': expected HH:MM from 00:00 to 23:59"),
    (["2025-03-10", "10:00", "Mars/Olympus", "", "", ""], "invalid zone 'Mars/Olympus': expected an IANA name"),
    (["2025-03-10", "", "Europe/Paris", "", "", ""], "invalid zone 'Europe/Paris': expected a time with it"),
    (["2025-03-10", "", "", "0h", "", ""], "invalid duration '0h': expected a length above zero"),
    (["2025-03-10", "", "", "", "", "javascript:alert(1)"], "invalid link 'javascript:alert(1)'"),
  ])
  func aMistakeInTheEventFormNamesItsFieldAndChangesNothing(_ values: [String], _ message: String) {
    var app = eventForm(date: values[0], time: values[1], zone: values[2], duration: values[3],
                        place: values[4], link: values[5])
    #expect(app.press(.control("s")).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    guard case .fieldForm(let form) = app.state.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.error?.contains(message) == true, "\(form.error ?? "")")
  }

  @Test func aCustomEventNeedsATitle() {
    var app = Fixtures.app()
    app.press(.character("2"), .character("t"), .control("u"))
    app.type("custom")
    app.press(.tab)
    app.type("2025-03-10")
    app.press(.control("s"))
    guard case .fieldForm(let form) = app.state.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.error == "invalid title '': expected a name for a custom event")
  }

  @Test func rReschedulesTheSelectedEventAndBumpsItsRevision() throws {
    var app = Fixtures.app()
    app.press(.character("3"))
    while app.selectedAgendaEntry?.id != "mercari-engineer/interview" {
      let before = app.state.agendaSelection
      app.press(.character("j"))
      try #require(app.state.agendaSelection != before, "no interview row")
    }
    app.press(.character("r"))
    guard case .fieldForm(let form) = app.state.mode else {
      Issue.record("no form")
      return
    }
    #expect(form.value("Time") == "02:00")
    #expect(form.value("Zone") == "Asia/Tokyo")
    #expect(form.value("Date") == "2025-03-04")
    app.press(.tab, .tab, .control("u"))
    app.type("03:00")
    app.press(.control("s"))
    let event = try #require(app.state.deck.deadline(withID: "mercari-engineer/interview"))
    #expect(event.due == .timed(
      Fixtures.date("2025-03-04").instant(hour: 3, in: TimeZone(identifier: "Asia/Tokyo")!),
      timeZone: "Asia/Tokyo"))
    #expect(event.revision == 1)
  }

  @Test func deleteAsksNamingTheRecordAndWhatGoesWithIt() {
    var app = Fixtures.app()
    app.state.mode = .detail(DetailState(postingID: "soundcloud-ml-intern",
                                         applicationID: "soundcloud-ml-intern"))
    app.press(.character("D"))
    guard case .confirmDelete(let confirm) = app.state.mode else {
      Issue.record("no question")
      return
    }
    #expect(confirm.question
      == "Delete SoundCloud · ML Intern and its 1 application and 2 deadlines? y/N")
    #expect(app.screenText().contains("Delete SoundCloud · ML Intern and its 1 application"))
    let effects = app.press(.character("y"))
    #expect(app.state.deck.posting(withID: "soundcloud-ml-intern") == nil)
    #expect(app.state.deck.application(withID: "soundcloud-ml-intern") == nil)
    #expect(!app.state.deck.deadlines.contains { $0.id.hasPrefix("soundcloud-ml-intern/") })
    #expect(effects == [.save(app.state.deck)])
    app.press(.character("u"))
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func anyKeyButYKeepsTheRecord() {
    var app = Fixtures.app()
    app.press(.character("D"), .character("n"))
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.state.message == "nothing deleted")
    app.press(.character("D"), .enter)
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func archivingHidesAPostingUntilVShowsArchivedOnes() throws {
    var app = Fixtures.app()
    let first = try #require(app.selectedPosting)
    let count = Renderer(state: app.state).visiblePostings().count
    app.press(.character("X"))
    #expect(app.state.deck.posting(withID: first.id)?.isArchived == true)
    #expect(Renderer(state: app.state).visiblePostings().count == count - 1)
    #expect(!Renderer(state: app.state).visiblePostings().contains { $0.id == first.id })
    app.press(.character("V"))
    #expect(Renderer(state: app.state).visiblePostings().contains { $0.id == first.id })
    app.press(.character("u"))
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func archivingAPostingTakesItsApplicationOffThePipeline() {
    var app = Fixtures.app()
    app.state.mode = .detail(DetailState(postingID: "soundcloud-ml-intern",
                                         applicationID: "soundcloud-ml-intern"))
    app.press(.character("X"))
    #expect(app.state.mode == .browsing)
    app.press(.character("2"), .character("l"))
    #expect(!Renderer(state: app.state).pipelineApplications(column: 1)
      .contains { $0.id == "soundcloud-ml-intern" })
  }

  @Test func xOnTheAgendaDismissesTheDeadline() throws {
    var app = Fixtures.app()
    app.press(.character("3"))
    let id = try #require(app.selectedAgendaEntry?.id)
    app.press(.character("X"))
    #expect(app.state.deck.deadline(withID: id)?.status == .dismissed)
    #expect(app.state.message?.hasPrefix("Dismissed ") == true)
  }
}

/// `E`: the record document in `$EDITOR`, as `jobdeck edit ID` opens it.
@Suite("Editing a record's document from the UI")
struct RecordDocumentEditingTests {
  static let reference = Deck.Reference.posting("soundcloud-ml-intern")

  func opened() throws -> (App, String) {
    var app = Fixtures.app()
    app.state.mode = .detail(DetailState(postingID: "soundcloud-ml-intern",
                                         applicationID: "soundcloud-ml-intern"))
    let effects = app.press(.character("E"))
    guard case .editText(let text, let purpose)? = effects.first else {
      throw EditError.noEditor
    }
    #expect(purpose == .recordDocument(Self.reference, original: text))
    #expect(text.contains("title: ML Intern\n"))
    return (app, text)
  }

  enum EditError: Error { case noEditor }

  @Test func aChangedTitleIsSavedAndUndone() throws {
    var (app, text) = try opened()
    let effects = app.send(.editorFinished(
      .recordDocument(Self.reference, original: text),
      text: text.replacingOccurrences(of: "title: ML Intern", with: "title: ML Engineer Intern")))
    #expect(app.state.deck.posting(withID: "soundcloud-ml-intern")?.title == "ML Engineer Intern")
    #expect(effects == [.save(app.state.deck)])
    #expect(app.state.message == "Updated SoundCloud · ML Engineer Intern")
    app.press(.escape, .character("u"))
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func aMistakeIsShownWithItsLineAndTheEditorOpensAgainOnTheText() throws {
    var (app, text) = try opened()
    let wrong = text.replacingOccurrences(of: "posted: 2025-02-20", with: "posted: 32 Nov")
    let lineNumber = (wrong.components(separatedBy: "\n").firstIndex { $0.hasPrefix("posted:") } ?? 0) + 1
    #expect(app.send(.editorFinished(.recordDocument(Self.reference, original: text),
                                     text: wrong)).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    guard case .editAgain(let again) = app.state.mode else {
      Issue.record("no question")
      return
    }
    #expect(again.mistake.hasPrefix("line \(lineNumber): "), "\(again.mistake)")
    #expect(app.screenText().contains("line \(lineNumber): "))
    #expect(app.press(.enter)
      == [.editText(wrong, purpose: .recordDocument(Self.reference, original: text))])
    // Left as it was first opened: nothing changes, and the loop ends.
    #expect(app.send(.editorFinished(.recordDocument(Self.reference, original: text),
                                     text: text)).isEmpty)
    #expect(app.state.message == "no changes")
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func nAtTheQuestionLeavesEverythingAsItWas() throws {
    var (app, text) = try opened()
    app.send(.editorFinished(.recordDocument(Self.reference, original: text),
                             text: text.replacingOccurrences(of: "type: ", with: "type: sometimes")))
    #expect(app.press(.character("n")).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.state.message == "nothing changed")
  }
}

/// `C`: an application's contacts, added, edited, deleted and written to from the UI.
@Suite("Contacts in the UI")
struct ContactsUITests {
  func contactsOfAcme() -> App {
    var app = Fixtures.app()
    app.press(.character("2"), .character("C"))
    return app
  }

  func fill(_ app: inout App, _ values: [String]) {
    for value in values {
      app.press(.control("u"))
      app.type(value)
      app.press(.tab)
    }
  }

  @Test func aContactIsAddedEditedOpenedAndDeleted() throws {
    var app = contactsOfAcme()
    app.press(.character("a"))
    fill(&app, ["Mara Köhler", "recruiter", "mara@example.com", "+49 30 1234-567", ""])
    let added = app.press(.control("s"))
    #expect(app.state.deck.application(withID: "acme-backend")?.contacts
      == [Contact(name: "Mara Köhler", role: "recruiter", email: "mara@example.com",
                  phone: "+49 30 1234-567")])
    #expect(added == [.save(app.state.deck)])
    #expect(app.state.message == "Added contact Mara Köhler")
    #expect(app.state.mode == .contacts(ContactList(applicationID: "acme-backend", selection: 0)))
    #expect(app.press(.character("o")) == [.openURL("mailto:mara@example.com")])
    app.press(.character("e"), .tab, .control("u"))
    app.type("hiring manager")
    app.press(.control("s"))
    #expect(app.state.deck.application(withID: "acme-backend")?.contacts.first?.role
      == "hiring manager")
    app.press(.character("D"))
    #expect(app.state.deck.application(withID: "acme-backend")?.contacts == [])
    #expect(app.state.message == "Deleted contact Mara Köhler (u undoes)")
    app.press(.escape, .character("u"))
    #expect(app.state.deck.application(withID: "acme-backend")?.contacts.first?.role
      == "hiring manager")
  }

  @Test func aPhoneOnlyContactOpensTel() {
    var app = contactsOfAcme()
    app.press(.character("a"))
    fill(&app, ["Jo", "", "", "+49 (30) 1234-567"])
    app.press(.control("s"))
    #expect(app.press(.character("o")) == [.openURL("tel:+49301234567")])
  }

  @Test(arguments: [
    (["", "", "", ""], "invalid contact name '': expected a name"),
    (["Mara", "", "mara.example.com", ""], "invalid email 'mara.example.com'"),
    (["Mara", "", "", "call me"], "invalid phone 'call me'"),
  ])
  func aBadContactIsRefusedNamingTheField(_ values: [String], _ message: String) {
    var app = contactsOfAcme()
    app.press(.character("a"))
    fill(&app, values)
    #expect(app.press(.control("s")).isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    guard case .fieldForm(let form) = app.state.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.error?.hasPrefix(message) == true, "\(form.error ?? "")")
  }
}

/// `O` and `=`: an offer's terms and two offers side by side.
@Suite("Offers in the UI")
struct OfferTermsTests {
  static var twoOffers: Deck {
    var deck = Fixtures.deck
    _ = try? deck.move(applicationID: "soundcloud-ml-intern", to: .offer, at: Fixtures.clock.now)
    _ = try? deck.move(applicationID: "evil-corp", to: .offer, at: Fixtures.clock.now)
    _ = try? deck.setTerms(applicationID: "soundcloud-ml-intern") { terms in
      terms.salary = try? SalaryInput.parse("52000 EUR/year")
      terms.startDate = Fixtures.date("2025-04-01")
      terms.probation = .months(6)
    }
    return deck
  }

  static var acmeAtOffer: Deck {
    var deck = Fixtures.deck
    _ = try? deck.move(applicationID: "acme-backend", to: .offer, at: Fixtures.clock.now)
    return deck
  }

  func offerForm(_ values: [String]) -> App {
    var app = Fixtures.app(Self.acmeAtOffer)
    app.state.mode = .detail(DetailState(postingID: "acme-backend", applicationID: "acme-backend"))
    app.press(.character("O"))
    for value in values {
      app.type(value)
      app.press(.tab)
    }
    return app
  }

  @Test func theTermsAreRecordedAndTheirDatesGoOnTheAgenda() throws {
    var app = offerForm(["52000", "EUR", "year", "2025-04-01", "full", "6m", "1m", "2025-03-10"])
    let effects = app.press(.control("s"))
    let terms = try #require(app.state.deck.application(withID: "acme-backend")?.terms)
    #expect(terms.salary?.minimum == 52000)
    #expect(terms.salary?.currency == "EUR")
    #expect(terms.salary?.period == .year)
    #expect(terms.startDate == Fixtures.date("2025-04-01"))
    #expect(terms.contractType == .fullTime)
    #expect(terms.probation == .months(6))
    #expect(terms.noticePeriod == .months(1))
    #expect(terms.offerResponseBy == Fixtures.date("2025-03-10"))
    #expect(effects == [.save(app.state.deck)])
    let kinds = Set(app.state.deck.deadlines(ownedBy: .application("acme-backend")).map(\.kind))
    // At the offer stage the answer-by date is on the agenda; the start and probation dates
    // follow once the offer is accepted (the engine's rule, as for `jobdeck set`).
    #expect(kinds.contains(.offerResponse))
    app.state.mode = .detail(DetailState(postingID: "acme-backend", applicationID: "acme-backend"))
    #expect(app.screenText(rows: 60, columns: 100).contains("Offer (O to change)"))
    app.press(.escape, .character("u"))
    #expect(app.state.deck == Self.acmeAtOffer)
  }

  @Test(arguments: [
    (["52000", "", "", ""], "invalid currency ''"),
    (["", "", "", "soon"], "invalid date 'soon'"),
    (["", "", "", "", "sometimes"], "invalid contract 'sometimes'"),
    (["", "", "", "", "", "six"], "invalid probation 'six'"),
  ])
  func aMistakeNamesItsFieldAndChangesNothing(_ values: [String], _ message: String) {
    var app = offerForm(values)
    #expect(app.press(.control("s")).isEmpty)
    #expect(app.state.deck == Self.acmeAtOffer)
    guard case .fieldForm(let form) = app.state.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.error?.hasPrefix(message) == true, "\(form.error ?? "")")
  }

  @Test func equalsComparesTheOffersAndNeedsTwo() {
    var app = Fixtures.app(Self.twoOffers)
    app.press(.character("2"), .character("="))
    guard case .offerComparison(let comparison) = app.state.mode else {
      Issue.record("no comparison")
      return
    }
    #expect(comparison.applicationIDs.count == 2)
    let screen = app.screenText()
    #expect(screen.contains("52000") || screen.contains("52,000") || screen.contains("52k"))
    #expect(screen.contains("2025-04-01"))
    app.press(.escape)
    #expect(app.state.mode == .browsing)
    var single = Fixtures.app()
    single.press(.character("2"), .character("="))
    #expect(single.state.mode == .browsing)
    #expect(single.state.message?.hasPrefix("comparing needs two applications") == true)
  }
}

@Suite("Opening links from the UI")
struct OpeningLinksTests {
  @Test(arguments: ["javascript:alert(1)", "file:///etc/passwd", "https://evil.example/\u{1B}]8;;x\u{07}"])
  func aPostingURLThatIsNotAnHTTPLinkIsNotOpened(_ url: String) {
    var deck = Fixtures.deck
    deck.postings[0].url = url
    var app = Fixtures.app(deck)
    app.state.mode = .detail(DetailState(postingID: deck.postings[0].id, applicationID: nil))
    #expect(app.press(.character("o")).isEmpty)
    #expect(app.state.messageIsError)
    #expect(app.state.message?.hasPrefix("not opened: the URL") == true, "\(app.state.message ?? "")")
  }
}
