import Foundation
import Testing

@testable import JobDeckCore

@Suite("Editing a deck")
struct ModelDeckEditingTests {
  let created = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

  func deckWithOnePosting() -> (Deck, String) {
    var deck = Deck()
    let id = deck.add(
      Posting(id: "", title: "Machine Learning Intern", company: "SoundCloud", createdAt: created))
    return (deck, id)
  }

  @Test func postingIdsAreShortReadableAndUnique() {
    var (deck, first) = deckWithOnePosting()
    let second = deck.add(
      Posting(id: "", title: "Machine Learning Intern", company: "SoundCloud", createdAt: created))
    let german = deck.add(
      Posting(id: "", title: "Werkstudent (m/w/d) Datenanalyse", company: "Müller GmbH",
              createdAt: created))
    #expect(first == "soundcloud-ml-intern")
    #expect(second == "soundcloud-ml-intern-2")
    #expect(german == "muller-werkstudent-datenanalyse")
  }

  @Test func everyMoveIsRecordedWithItsTimeAndNote() throws {
    var (deck, postingID) = deckWithOnePosting()
    let applicationID = try deck.apply(toPosting: postingID, stage: .saved, at: created)
    let later = created.addingTimeInterval(3600.7)
    let outcome = try deck.move(applicationID: applicationID, to: .applied, note: "via site",
                                at: later)
    #expect(outcome == .moved(from: .saved, to: .applied))
    let application = try #require(deck.application(withID: applicationID))
    #expect(application.stage == .applied)
    #expect(application.history.map(\.to) == [.saved, .applied])
    #expect(application.history.last?.from == .saved)
    #expect(application.history.last?.note == "via site")
    #expect(application.history.last?.at == later.truncatedToSeconds)
  }

  @Test func movingToTheCurrentStageChangesNothing() throws {
    var (deck, postingID) = deckWithOnePosting()
    let applicationID = try deck.apply(toPosting: postingID, at: created)
    let before = deck
    let outcome = try deck.move(applicationID: applicationID, to: .applied, at: created)
    #expect(outcome == .alreadyInStage(.applied))
    #expect(deck == before)
  }

  @Test func anyMoveIsAllowedIncludingReopeningAClosedApplication() throws {
    var (deck, postingID) = deckWithOnePosting()
    let id = try deck.apply(toPosting: postingID, at: created)
    try deck.move(applicationID: id, to: .rejected, at: created)
    try deck.move(applicationID: id, to: .interview, at: created)
    #expect(deck.application(withID: id)?.stage == .interview)
    #expect(deck.application(withID: id)?.history.count == 3)
  }

  @Test func removingAPostingTakesItsApplicationsAndDeadlines() throws {
    var (deck, postingID) = deckWithOnePosting()
    let applicationID = try deck.apply(toPosting: postingID, at: created)
    let cutoff = try #require(CivilDate("2026-02-01"))
    deck.add(Deadline(id: "", kind: .applicationCutoff, due: .allDay(cutoff),
                      owner: .posting(postingID)))
    deck.add(Deadline(id: "", kind: .interview, due: .allDay(cutoff),
                      owner: .application(applicationID)))
    let removal = try deck.removePosting(postingID)
    #expect(removal.applications == [applicationID])
    #expect(removal.deadlines.count == 2)
    #expect(deck.isEmpty)
  }

  @Test func deadlineIdsNameTheirOwnerAndKind() throws {
    var (deck, postingID) = deckWithOnePosting()
    let date = try #require(CivilDate("2026-02-01"))
    let first = deck.add(Deadline(id: "", kind: .applicationCutoff, due: .allDay(date),
                                  owner: .posting(postingID)))
    let second = deck.add(Deadline(id: "", kind: .applicationCutoff, due: .allDay(date),
                                   owner: .posting(postingID)))
    #expect(first == "soundcloud-ml-intern/apply-by")
    #expect(second == "soundcloud-ml-intern/apply-by-2")
  }
}

@Suite("Resolving ids typed by people")
struct ModelIdentifierResolutionTests {
  let created = Date(timeIntervalSince1970: 1_767_225_600)

  func deck() throws -> Deck {
    var deck = Deck()
    for (company, title) in [("SumUp", "ML Engineer"), ("SumUp", "ML Engineer"),
                             ("SoundCloud", "ML Intern")] {
      deck.add(Posting(id: "", title: title, company: company, createdAt: created))
    }
    try deck.apply(toPosting: "sumup-ml-engineer", at: created)
    return deck
  }

  @Test func aUniquePrefixResolves() throws {
    let deck = try deck()
    #expect(try deck.resolvePosting("so") == "soundcloud-ml-intern")
    #expect(try deck.resolve("soundcloud") == .posting("soundcloud-ml-intern"))
  }

  @Test func anExactIdBeatsALongerMatch() throws {
    let deck = try deck()
    #expect(try deck.resolvePosting("sumup-ml-engineer") == "sumup-ml-engineer")
    #expect(try deck.resolve("sumup-ml-engineer") == .application("sumup-ml-engineer"))
  }

  @Test func anAmbiguousPrefixListsTheCandidates() throws {
    let deck = try deck()
    #expect(throws: DeckError.ambiguous(
      "s", candidates: ["sumup-ml-engineer", "sumup-ml-engineer-2", "soundcloud-ml-intern"])
    ) {
      try deck.resolvePosting("s")
    }
    let message = "\(DeckError.ambiguous("s", candidates: ["b", "a"]))"
    #expect(message.contains("ambiguous") && message.contains("  a\n  b"))
  }

  @Test func aPostingWithOneApplicationNamesThatApplication() throws {
    let deck = try deck()
    #expect(try deck.resolveApplication("sumup-ml-engineer") == "sumup-ml-engineer")
    #expect(throws: DeckError.noApplication(postingID: "soundcloud-ml-intern")) {
      try deck.resolveApplication("soundcloud")
    }
  }

  @Test func anUnknownIdSaysSo() throws {
    #expect(throws: DeckError.notFound("zzz", expected: .application)) {
      try deck().resolveApplication("zzz")
    }
  }
}
