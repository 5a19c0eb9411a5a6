import Foundation
import JobDeckCore
import Testing

@Suite("Contacts, links, salaries, duplicates and edits")
struct RecordEditingTests {
  private let job = "acme-ml-intern"
  private let now = noonUTC("2026-03-10")

  // MARK: Contacts

  @Test func aContactIsAddedTrimmedAndFoundByNumberOrName() throws {
    var (deck, _, _) = acmeDeck()
    let position = try deck.addContact(
      Contact(name: " Mara Köhler ", role: "recruiter", email: "mara@example.com",
              phone: "+49 (30) 1234-567"), toApplication: job, at: now)
    #expect(position == 1)
    #expect(deck.application(withID: job)?.contacts.first?.name == "Mara Köhler")
    #expect(try deck.contactIndex("1", inApplication: job) == 0)
    #expect(try deck.contactIndex("mara", inApplication: job) == 0)
    #expect(throws: DeckError.self) { try deck.contactIndex("2", inApplication: job) }
    #expect(deck.application(withID: job)?.updatedAt == now)
  }

  @Test(arguments: [
    (Contact(name: "A", email: "mara.example.com"), "invalid email 'mara.example.com'"),
    (Contact(name: "A", email: "mara@"), "invalid email 'mara@'"),
    (Contact(name: "A", phone: "call me"), "invalid phone 'call me'"),
    (Contact(name: "A", role: "boss\u{1B}[2J"), "invalid role"),
    (Contact(name: "  "), "invalid contact name"),
  ])
  func certainMistakesAreRefusedNamingTheField(contact: Contact, message: String) {
    #expect {
      _ = try contact.validated()
    } throws: { error in
      String(describing: error).hasPrefix(message)
    }
  }

  @Test func mailtoAndTelLinksAreBuiltForTheUI() {
    let contact = Contact(name: "Mara", email: "mara+jobs@example.com", phone: "+49 (30) 1234-567")
    #expect(contact.mailtoLink == "mailto:mara+jobs@example.com")
    #expect(contact.telLink == "tel:+49301234567")
    #expect(Contact(name: "Mara").mailtoLink == nil)
  }

  // MARK: Links and salaries

  @Test func anEventLinkMustBeHTTPWithAHost() throws {
    #expect(try EventLink.validated(" https://meet.example.com/abc ") == "https://meet.example.com/abc")
    for bad in ["meet.example.com/abc", "javascript:alert(1)", "https://", "http://a b.c/"] {
      #expect(throws: DeckError.self) { try EventLink.validated(bad) }
    }
    #expect(EventLink.shortened("https://meet.example.com/abc") == "meet.example.com/abc")
  }

  @Test func salariesParseAmountsRangesCurrencyAndPeriod() throws {
    let single = try SalaryInput.parse("52000 EUR/year")
    #expect(single.minimum == 52_000 && single.maximum == 52_000)
    #expect(single.currency == "EUR" && single.period == .year)
    let range = try SalaryInput.parse("50k-60k gbp/month")
    #expect(range.minimum == 50_000 && range.maximum == 60_000 && range.currency == "GBP")
    #expect(SalaryInput.text(range) == "50000-60000 GBP/month")
    for bad in ["52000", "lots EUR", "52000 EURO/year", "52000 EUR/week", "60k-50k EUR"] {
      #expect(throws: DeckError.self) { try SalaryInput.parse(bad) }
    }
  }

  // MARK: Duplicates

  @Test func aDuplicateIsTheSameURLOrTheSameCompanyTitleAndPlace() {
    var deck = Deck()
    deck.add(Posting(id: "", title: "ML Engineer", company: "SumUp GmbH", location: "Berlin, DE",
                     url: "https://jobs.example/1", createdAt: now))
    let sameURL = Posting(id: "", title: "Other", company: "Other", url: "HTTPS://JOBS.EXAMPLE/1/",
                          createdAt: now)
    let sameWords = Posting(id: "", title: "ml  engineer", company: "sumup gmbh.",
                            location: "berlin de", createdAt: now)
    let otherCity = Posting(id: "", title: "ML Engineer", company: "SumUp GmbH",
                            location: "Munich", createdAt: now)
    #expect(deck.duplicate(of: sameURL)?.id == "sumup-ml-engineer")
    #expect(deck.duplicate(of: sameWords)?.id == "sumup-ml-engineer")
    #expect(deck.duplicate(of: otherCity) == nil)
  }

  // MARK: Edits

  @Test func anApplicationsStageCannotBeEditedAroundMove() {
    var (deck, _, _) = acmeDeck()
    #expect(throws: DeckError.self) {
      try deck.editApplication(job, at: now) { $0.stage = .offer }
    }
    #expect(deck.application(withID: job)?.stage == .applied)
  }

  @Test func aPostingEditThatEmptiesTheTitleChangesNothing() {
    var (deck, postingID, _) = acmeDeck()
    let before = deck
    #expect(throws: DeckError.self) {
      try deck.editPosting(postingID, at: now) { $0.title = "  " }
    }
    #expect(deck == before)
  }

  @Test func archivingStampsTheDateAndTwiceIsANoOp() throws {
    var (deck, postingID, _) = acmeDeck()
    #expect(try deck.setArchived(true, .posting(postingID), at: now))
    #expect(deck.posting(withID: postingID)?.archivedAt == now)
    #expect(try deck.setArchived(true, .posting(postingID), at: now) == false)
    #expect(try deck.setArchived(false, .posting(postingID), at: now))
    #expect(deck.posting(withID: postingID)?.isArchived == false)
  }
}
