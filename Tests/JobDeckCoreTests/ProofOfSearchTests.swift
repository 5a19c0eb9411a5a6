import Foundation
import JobDeckCore
import Testing

/// The proof-of-search list: which applications it holds, in what order, with what in each
/// column. Moves at noon UTC; the clock is noon UTC on 22 November 2026.
@Suite("Proof of search")
struct ProofOfSearchTests {
  let now = clock("2026-11-22", in: utc)

  var deck: Deck {
    var deck = Deck(postings: [
      Posting(id: "acme", title: "Data Analyst", company: "Acme", location: "Berlin",
              createdAt: noonUTC("2026-10-01")),
    ])
    deck.applications = [
      Application(
        id: "acme", postingID: "acme", stage: .interview,
        history: [StageChange(from: nil, to: .saved, at: noonUTC("2026-10-30")),
                  StageChange(from: .saved, to: .applied, at: noonUTC("2026-11-03")),
                  StageChange(from: .applied, to: .interview, at: noonUTC("2026-11-10"))],
        contacts: [Contact(name: "Jana Weber", role: "HR", email: "jana@acme.example")],
        createdAt: noonUTC("2026-10-30"), method: .onlineForm),
      Application(
        id: "initech", postingID: nil, company: "Initech", title: "Analyst", stage: .rejected,
        history: [StageChange(from: nil, to: .applied, at: noonUTC("2026-11-02")),
                  StageChange(from: .applied, to: .rejected, at: noonUTC("2026-11-20"))],
        createdAt: noonUTC("2026-11-02"), method: .post,
        sentTo: "Initech GmbH\nPersonalabteilung\nHauptstr. 1, 10115 Berlin"),
      // Only saved: not an application that went out.
      Application(id: "globex", postingID: nil, company: "Globex", title: "BI", stage: .saved,
                  history: [StageChange(from: nil, to: .saved, at: noonUTC("2026-11-05"))],
                  createdAt: noonUTC("2026-11-05")),
      // Sent before the period.
      Application(id: "old", postingID: nil, company: "Old Co", title: "Intern", stage: .ghosted,
                  history: [StageChange(from: nil, to: .applied, at: noonUTC("2026-09-01")),
                            StageChange(from: .applied, to: .ghosted, at: noonUTC("2026-10-01"))],
                  createdAt: noonUTC("2026-09-01")),
    ]
    return deck
  }

  @Test func onlyApplicationsSentInThePeriodInDateOrder() {
    let report = ProofOfSearch(deck: deck, clock: now, from: day("2026-11-01"), name: "Mara K.")
    #expect(report.rows.map(\.company) == ["Initech", "Acme"])
    #expect(report.rows.map(\.appliedOn) == [day("2026-11-02"), day("2026-11-03")])
    #expect(report.periodText == "2026-11-01 to 2026-11-22")
    #expect(report.name == "Mara K.")
  }

  @Test func eachRowSaysWhereItWentHowAndWhereItStands() throws {
    let report = ProofOfSearch(deck: deck, clock: now, from: day("2026-11-01"))
    let acme = try #require(report.rows.first { $0.company == "Acme" })
    #expect(acme.position == "Data Analyst")
    #expect(acme.location == "Berlin")
    // No "sent to": the first contact stands in.
    #expect(acme.contact == "Jana Weber (HR) · jana@acme.example")
    #expect(acme.method == "online form")
    #expect(acme.status == .interview && acme.statusSince == day("2026-11-10"))
    #expect(acme.historyText == "2026-10-30 saved → 2026-11-03 applied → 2026-11-10 interview")
    let initech = try #require(report.rows.first { $0.company == "Initech" })
    #expect(initech.contact.hasPrefix("Initech GmbH\nPersonalabteilung"))
    #expect(initech.status == .rejected && initech.statusSince == day("2026-11-20"))
  }

  @Test func totalsCountMethodsAndStatuses() {
    let report = ProofOfSearch(deck: deck, clock: now)
    #expect(report.rows.count == 3)
    #expect(report.totalsByMethod.map(\.0) == ["online form", "post", "not recorded"])
    #expect(report.totalsByStatus.map(\.0) == [.interview, .rejected, .ghosted])
  }

  @Test func anEmptyPeriodHasNoRows() {
    let report = ProofOfSearch(deck: deck, clock: now, from: day("2026-12-01"),
                               to: day("2026-12-31"))
    #expect(report.rows.isEmpty)
    #expect(report.totalsByMethod.isEmpty)
  }
}
