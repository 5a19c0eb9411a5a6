import Foundation
import JobDeckCore
import Testing

/// The field list the UI's form and `jobdeck edit --field` share: what each field shows, what
/// it accepts, and that a mistake names its field and changes nothing.
@Suite("Editable fields")
struct EditableFieldTests {
  static let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600)!
  static let context = RecordFieldContext(today: day("2026-11-22"), timeZone: zone)
  static let now = day("2026-11-22").instant(hour: 13, in: zone)

  /// SumUp's posting with a cutoff, applied to on 2 Nov and moved to screening on 10 Nov.
  static var deck: Deck {
    var deck = Deck()
    deck.postings = [Posting(id: "sumup", title: "ML Engineer", company: "SumUp",
                             location: "Berlin", createdAt: noonUTC("2026-11-01"))]
    deck.deadlines = [Deadline(id: "sumup/apply-by", kind: .applicationCutoff,
                               due: .allDay(day("2026-12-01")), owner: .posting("sumup"))]
    deck.applications = [Application(
      id: "sumup", postingID: "sumup", stage: .screening,
      history: [StageChange(from: nil, to: .applied, at: noonUTC("2026-11-02")),
                StageChange(from: .applied, to: .screening, at: noonUTC("2026-11-10"),
                            note: "recruiter called")],
      createdAt: noonUTC("2026-11-02"))]
    return deck
  }

  @Test func anApplicationToAPostingShowsThePostingsFieldsThenItsOwn() {
    let fields = Self.deck.editableFields(of: .application("sumup"))
    #expect(fields.map(\.key) == ["company", "title", "location", "url", "type", "workplace",
                                  "tags", "salary", "posted", "apply-by", "start", "end",
                                  "source", "method", "sent to", "stage-date", "stage-note"])
    let values = Dictionary(uniqueKeysWithValues: fields.map {
      ($0.key, $0.value(in: Self.deck, context: Self.context))
    })
    #expect(values["company"] == "SumUp")
    #expect(values["apply-by"] == "2026-12-01")
    #expect(values["stage-date"] == "2026-11-10")
    #expect(values["stage-note"] == "recruiter called")
  }

  @Test func changedFieldsAreSetAndUnchangedOnesLeftAlone() throws {
    var deck = Self.deck
    let changed = try deck.editFields(
      of: .application("sumup"),
      ["title": "Senior ML Engineer", "company": "SumUp", "salary": "60k-70k EUR/year",
       "apply-by": "+3d", "stage-date": "2026-11-11", "stage-note": ""],
      context: Self.context, at: Self.now)
    #expect(changed == ["title", "salary", "apply-by", "stage-date", "stage-note"])
    #expect(deck.posting(withID: "sumup")?.title == "Senior ML Engineer")
    #expect(deck.posting(withID: "sumup")?.compensation?.maximum == 70_000)
    #expect(deck.deadlines.first?.due == .allDay(day("2026-11-25")))
    let application = try #require(deck.application(withID: "sumup"))
    #expect(application.history[1].at == day("2026-11-11").instant(hour: 12, in: Self.zone))
    #expect(application.history[1].note == nil)
    #expect(application.stage == .screening)
  }

  @Test(arguments: [
    ("posted", "2300-01-01", "invalid posted '2300-01-01': expected a date within 1900-01-01"),
    ("type", "freelance", "invalid type 'freelance': expected one of internship"),
    ("url", "javascript:x", "invalid url 'javascript:x': expected an http(s) link"),
    ("company", "", "invalid company '': expected a name"),
    ("stage-date", "2026-11-01",
     "invalid stage-date '2026-11-01': expected a day from 2026-11-02 (the move before) to 2026-11-22 (today)"),
    ("stage-date", "tomorrow", "invalid stage-date 'tomorrow': expected a day from 2026-11-02"),
    ("apply-by", "32 Nov", "invalid apply-by '32 Nov': expected YYYY-MM-DD"),
    ("location", "Berlin\u{1B}[2J", "invalid location"),
  ])
  func aMistakeNamesItsFieldAndWhatItAcceptsAndChangesNothing(
    key: String, text: String, message: String
  ) {
    var deck = Self.deck
    #expect {
      try deck.editFields(of: .application("sumup"), ["title": "Changed", key: text],
                          context: Self.context, at: Self.now)
    } throws: { error in
      guard let error = error as? FieldEditError else { return false }
      return error.key == key && error.message.hasPrefix(message)
    }
    #expect(deck == Self.deck)
  }

  @Test func aBlankDateRemovesThePostingsDeadlineAndANewOneIsAdded() throws {
    var deck = Self.deck
    try deck.editFields(of: .posting("sumup"), ["apply-by": "", "start": "2027-01-04"],
                        context: Self.context, at: Self.now)
    #expect(deck.deadlines.map(\.kind) == [.startDate])
    #expect(deck.deadlines.first?.due == .allDay(day("2027-01-04")))
    #expect(deck.deadlines.first?.owner == .posting("sumup"))
  }

  @Test func anUnknownFieldIsRefusedWithTheKnownOnes() {
    var deck = Self.deck
    #expect {
      try deck.editFields(of: .posting("sumup"), ["stage-date": "2026-11-11"],
                          context: Self.context, at: Self.now)
    } throws: { error in
      (error as? FieldEditError)?.message.hasPrefix(
        "unknown field 'stage-date' for sumup; expected one of company, title") == true
    }
  }

  @Test func anApplicationWithoutAPostingEditsItsOwnCompanyAndTitle() throws {
    var deck = Self.deck
    deck.applications.append(Application(
      id: "zalando", postingID: nil, company: "Zalando", title: "Data Scientist",
      stage: .applied, history: [StageChange(from: nil, to: .applied, at: noonUTC("2026-11-05"))],
      createdAt: noonUTC("2026-11-05")))
    #expect(deck.editableFields(of: .application("zalando")).map(\.key)
      == ["company", "title", "source", "method", "sent to", "stage-date", "stage-note"])
    try deck.editFields(of: .application("zalando"), ["title": "Senior Data Scientist"],
                        context: Self.context, at: Self.now)
    #expect(deck.application(withID: "zalando")?.title == "Senior Data Scientist")
  }
}
