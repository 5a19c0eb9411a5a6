import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite("Re-importing a posting updates it instead of duplicating it")
struct MergeTests {
  let first = Date(timeIntervalSince1970: 1_740_000_000)
  let later = Date(timeIntervalSince1970: 1_740_086_400)

  func date(_ text: String) -> CivilDate { CivilDate(text) ?? CivilDate(dayNumber: 0) }

  func draft(title: String = "ML Intern", company: String = "SoundCloud",
             url: String? = "https://jobs.example/soundcloud/42", cutoff: String? = "2025-04-04",
             location: String? = nil) -> PostingDraft {
    let posting = Posting(
      id: "", title: title, company: company, location: location, url: url, createdAt: first)
    let deadlines = cutoff.map {
      [Deadline(id: "", kind: .applicationCutoff, due: .allDay(date($0)),
                phrase: "apply by \($0)", owner: .posting(""), origin: .imported)]
    } ?? []
    return PostingDraft(posting: posting, deadlines: deadlines)
  }

  @Test func newPostingGetsAnIdAndOwnedImportedDeadlines() {
    var deck = Deck()
    let outcome = deck.merge(draft(), at: first)
    #expect(outcome == .added("soundcloud-ml-intern"))
    #expect(deck.deadlines.map(\.id) == ["soundcloud-ml-intern/apply-by"])
    #expect(deck.deadlines.first?.owner == .posting("soundcloud-ml-intern"))
    #expect(deck.deadlines.first?.origin == .imported)
  }

  @Test func sameURLTwiceGivesOnePostingUpdated() {
    var deck = Deck()
    deck.merge(draft(), at: first)
    let outcome = deck.merge(draft(title: "ML Intern (f/m/d)", location: "Berlin"), at: later)
    #expect(deck.postings.count == 1)
    #expect(outcome == .updated("soundcloud-ml-intern", changes: ["title", "location"]))
    #expect(deck.postings.first?.title == "ML Intern (f/m/d)")
    #expect(deck.postings.first?.createdAt == first)
    #expect(deck.postings.first?.updatedAt == later)
  }

  @Test func sameCompanyAndTitleIgnoringCaseAndSpacesIsTheSamePosting() {
    var deck = Deck()
    deck.merge(draft(url: nil), at: first)
    let outcome = deck.merge(draft(title: "  ml   intern ", company: "SOUNDCLOUD", url: nil),
                             at: later)
    #expect(deck.postings.count == 1)
    #expect(outcome.postingID == "soundcloud-ml-intern")
  }

  @Test func sameTitleWithDifferentURLsIsAnotherPosting() {
    var deck = Deck()
    deck.merge(draft(), at: first)
    let outcome = deck.merge(draft(url: "https://jobs.example/soundcloud/43"), at: later)
    #expect(outcome == .added("soundcloud-ml-intern-2"))
  }

  @Test func identicalReimportIsUnchanged() {
    var deck = Deck()
    deck.merge(draft(), at: first)
    let before = deck
    #expect(deck.merge(draft(), at: later) == .unchanged("soundcloud-ml-intern"))
    #expect(deck == before)
  }

  @Test func emptyDraftFieldsDoNotEraseStoredOnes() {
    var deck = Deck()
    deck.merge(draft(location: "Berlin"), at: first)
    deck.merge(draft(location: nil), at: later)
    #expect(deck.postings.first?.location == "Berlin")
  }

  @Test func movedCutoffKeepsItsIdAndBumpsRevision() {
    var deck = Deck()
    deck.merge(draft(), at: first)
    let outcome = deck.merge(draft(cutoff: "2025-04-11"), at: later)
    #expect(deck.deadlines.count == 1)
    #expect(deck.deadlines.first?.id == "soundcloud-ml-intern/apply-by")
    #expect(deck.deadlines.first?.due == .allDay(date("2025-04-11")))
    #expect(deck.deadlines.first?.revision == 1)
    #expect(outcome == .updated("soundcloud-ml-intern", changes: ["deadline apply by"]))
  }

  @Test func unchangedCutoffKeepsItsRevision() {
    var deck = Deck()
    deck.merge(draft(), at: first)
    deck.merge(draft(), at: later)
    #expect(deck.deadlines.map(\.revision) == [0])
  }

  @Test func manualDeadlinesAreNeverTouchedNorDuplicated() {
    var deck = Deck()
    deck.merge(draft(cutoff: nil), at: first)
    deck.add(Deadline(id: "", kind: .applicationCutoff, due: .allDay(date("2025-05-01")),
                      owner: .posting("soundcloud-ml-intern"), origin: .manual))
    let before = deck.deadlines
    deck.merge(draft(cutoff: "2025-04-04"), at: later)
    #expect(deck.deadlines == before)
  }

  @Test func doneDeadlinesAreNeverTouched() {
    var deck = Deck()
    deck.merge(draft(), at: first)
    deck.deadlines[0].status = .done
    let before = deck.deadlines
    deck.merge(draft(cutoff: "2025-04-11"), at: later)
    #expect(deck.deadlines == before)
  }

  @Test func termsFillOnlyUnsetFieldsOfTheApplication() throws {
    var deck = Deck()
    let id = deck.merge(draft(), at: first).postingID
    let applicationID = try deck.apply(toPosting: id, at: first)
    deck.applications[0].terms.startDate = date("2025-06-01")
    var second = draft()
    second.terms = EmploymentTerms(startDate: date("2025-07-01"), probation: .months(3))
    let outcome = deck.merge(second, at: later)
    let terms = deck.application(withID: applicationID)?.terms
    #expect(terms?.startDate == date("2025-06-01"))
    #expect(terms?.probation == .months(3))
    #expect(outcome == .updated(id, changes: ["terms"]))
  }

  /// A stored description as a store read leaves it: its JSON body, not yet decoded.
  func storedDescription(json body: String) -> LongText {
    let bytes = Array(body.utf8)
    let block = LongTextBlock(capacity: bytes.count)
    let start = bytes.withUnsafeBytes { block.append($0) } ?? 0
    return LongText(validatedJSONBodyIn: block, start: start, count: bytes.count,
                    hasEscapes: body.contains("\\"))
  }

  @Test func anAdIsFoundByItsTextInAStoredDescriptionWrittenDifferently() {
    var deck = Deck()
    let id = deck.merge(draft(title: "Renamed by me", url: nil), at: first).postingID
    deck.postings[0].descriptionText = storedDescription(json: "Join  US\\nto build\\tTools 2.0")
    var ad = draft(title: "Backend Engineer", url: nil)
    ad.posting.description = "join us to build tools 2.0"
    #expect(deck.reimportTarget(of: ad) == id)
  }

  @Test func anAdIsFoundByItsTextWhenTheStoredTextLowercasesToIt() {
    var deck = Deck()
    let id = deck.merge(draft(title: "Renamed by me", url: nil), at: first).postingID
    deck.postings[0].description = "\u{212A}ubernetes team"  // KELVIN SIGN, lowercased: k
    var ad = draft(title: "Platform Engineer", url: nil)
    ad.posting.description = "Kubernetes  Team"
    #expect(deck.reimportTarget(of: ad) == id)
  }
}
