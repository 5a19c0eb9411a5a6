import Foundation
import JobDeckCore
import Testing

/// The rules of a sync's three-way merge, one per test, on a base deck with one posting, one
/// application and one deadline that both machines start from.
@Suite("Deck merge")
struct DeckMergeTests {
  private static let mergeClock = clock("2026-03-10")

  private static func at(_ date: String, _ hour: Int = 12) -> Date {
    day(date).instant(hour: hour, in: utc)
  }

  private static let base: Deck = {
    let posting = Posting(id: "acme-ml", title: "ML Intern", company: "Acme",
                          createdAt: at("2026-02-01"))
    let application = Application(
      id: "acme-ml-app", postingID: "acme-ml", stage: .applied,
      history: [StageChange(from: nil, to: .applied, at: at("2026-02-02"))], notes: "first",
      createdAt: at("2026-02-02"))
    let deadline = Deadline(id: "acme-cutoff", kind: .applicationCutoff,
                            due: .allDay(day("2026-03-20")), owner: .posting("acme-ml"))
    return Deck(postings: [posting], applications: [application], deadlines: [deadline])
  }()

  private static func merge(_ ours: Deck, _ theirs: Deck, base: Deck = base) -> DeckMergeResult {
    let result = DeckMerge.merge(base: base, ours: ours, theirs: theirs, clock: mergeClock)
    let swapped = DeckMerge.merge(base: base, ours: theirs, theirs: ours, clock: mergeClock)
    // Whichever machine runs the merge, the decks agree.
    #expect(result.deck == swapped.deck)
    return result
  }

  private static func editing(_ deck: Deck = base, _ change: (inout Deck) -> Void) -> Deck {
    var copy = deck
    change(&copy)
    return copy
  }

  @Test func changesToDifferentRecordsBothWin() {
    let ours = Self.editing { $0.postings[0].location = "Berlin" }
    let theirs = Self.editing { $0.deadlines[0].note = "send portfolio" }
    let result = Self.merge(ours, theirs)
    #expect(result.deck.postings[0].location == "Berlin")
    #expect(result.deck.deadlines[0].note == "send portfolio")
    #expect(result.deck.conflicts.isEmpty)
  }

  /// A hand-edited store can hold two postings with one id; `jobdeck check` reports it, and
  /// until the user mends it a sync must carry both, each merged with its counterpart.
  @Test func aRepeatedIDKeepsEveryRecordAndMergesEachWithItsCounterpart() {
    let twin = Posting(id: "acme-ml", title: "ML Intern (Munich)", company: "Acme",
                       createdAt: Self.at("2026-02-03"))
    let base = Self.editing { $0.postings.append(twin) }
    let ours = Self.editing(base) { $0.postings[1].location = "Munich" }
    let theirs = Self.editing(base) { $0.postings[0].location = "Berlin" }
    let merged = Self.merge(ours, theirs, base: base).deck.postings
    #expect(merged.map(\.title) == ["ML Intern", "ML Intern (Munich)"])
    #expect(merged.map(\.location) == ["Berlin", "Munich"])

    // A repeat added on one side only is kept too.
    let added = Self.editing { $0.postings.append(twin) }
    let other = Self.editing { $0.postings[0].location = "Berlin" }
    let both = Self.merge(added, other).deck.postings
    #expect(both.map(\.title) == ["ML Intern", "ML Intern (Munich)"])
    #expect(both[0].location == "Berlin")
  }

  @Test func changesToDifferentFieldsOfOneRecordBothWin() {
    let ours = Self.editing {
      $0.applications[0].notes = "called Ana"
      $0.applications[0].updatedAt = Self.at("2026-03-01")
    }
    let theirs = Self.editing {
      $0.applications[0].contacts = [Contact(name: "Ana")]
      $0.applications[0].updatedAt = Self.at("2026-03-02")
    }
    let merged = Self.merge(ours, theirs).deck.applications[0]
    #expect(merged.notes == "called Ana")
    #expect(merged.contacts == [Contact(name: "Ana")])
    #expect(merged.updatedAt == Self.at("2026-03-02"))
  }

  @Test func sameFieldChangedOnBothSidesKeepsTheLaterAndListsTheOther() throws {
    let ours = Self.editing {
      $0.applications[0].notes = "laptop note"
      $0.applications[0].updatedAt = Self.at("2026-03-05")
    }
    let theirs = Self.editing {
      $0.applications[0].notes = "desktop note"
      $0.applications[0].updatedAt = Self.at("2026-03-04")
    }
    let result = Self.merge(ours, theirs)
    #expect(result.deck.applications[0].notes == "laptop note")
    let conflict = try #require(result.deck.conflicts.first)
    #expect(result.deck.conflicts.count == 1)
    #expect(conflict.collection == .application)
    #expect(conflict.recordID == "acme-ml-app")
    #expect(conflict.field == "notes")
    #expect(conflict.losingValue == "\"desktop note\"")
    #expect(conflict.keptChangedAt == Self.at("2026-03-05"))
    #expect(conflict.losingChangedAt == Self.at("2026-03-04"))
    #expect(conflict.recordedAt == Self.mergeClock.now)
    #expect(result.notices.contains { $0.contains("notes was changed on both sides") })
  }

  @Test func aClearedFieldThatLosesIsKeptAsNull() throws {
    let ours = Self.editing {
      $0.postings[0].location = "Berlin"
      $0.postings[0].updatedAt = Self.at("2026-03-05")
    }
    let theirs = Self.editing {
      $0.postings[0].location = "Hamburg"
      $0.postings[0].updatedAt = Self.at("2026-03-06")
    }
    let cleared = Self.editing(theirs) { $0.postings[0].location = nil }
    let base = Self.editing { $0.postings[0].location = "Munich" }
    let result = Self.merge(ours, cleared, base: base)
    #expect(result.deck.postings[0].location == nil)
    #expect(try #require(result.deck.conflicts.first).losingValue == "\"Berlin\"")
    let reverse = Self.merge(cleared, Self.editing(ours) {
      $0.postings[0].updatedAt = Self.at("2026-03-07")
    }, base: base)
    #expect(reverse.deck.postings[0].location == "Berlin")
    #expect(try #require(reverse.deck.conflicts.first).losingValue == "null")
  }

  @Test func stageHistoriesUniteInTimeOrderAndTheLaterMoveSetsTheStage() {
    let ours = Self.editing {
      $0.applications[0].stage = .interview
      $0.applications[0].history.append(
        StageChange(from: .applied, to: .interview, at: Self.at("2026-03-03")))
      $0.applications[0].updatedAt = Self.at("2026-03-09")
    }
    let theirs = Self.editing {
      $0.applications[0].stage = .screening
      $0.applications[0].history.append(
        StageChange(from: .applied, to: .screening, at: Self.at("2026-03-01")))
      $0.applications[0].history.append(
        StageChange(from: .screening, to: .rejected, at: Self.at("2026-03-05")))
      $0.applications[0].stage = .rejected
      $0.applications[0].updatedAt = Self.at("2026-03-05")
    }
    let merged = Self.merge(ours, theirs).deck.applications[0]
    #expect(merged.history.map(\.to) == [.applied, .screening, .interview, .rejected])
    #expect(merged.stage == .rejected)
  }

  @Test func anEditBeatsADeleteAndSaysSo() {
    let ours = Self.editing { $0.applications[0].notes = "still talking to them" }
    let theirs = Self.editing { $0.applications.removeAll() }
    let result = Self.merge(ours, theirs)
    #expect(result.deck.applications.map(\.notes) == ["still talking to them"])
    #expect(result.notices.contains {
      $0.contains("acme-ml-app") && $0.contains("deleted on the other")
    })
  }

  @Test func aDeleteOfAnUnchangedRecordWins() {
    let ours = Self.editing { $0.deadlines.removeAll() }
    let theirs = Self.editing { $0.postings[0].location = "Berlin" }
    let result = Self.merge(ours, theirs)
    #expect(result.deck.deadlines.isEmpty)
    #expect(result.deck.postings[0].location == "Berlin")
  }

  @Test func aDeletedRecordThatAKeptOneRefersToComesBack() {
    let ours = Self.editing {
      $0.deadlines.removeAll()
      $0.applications.removeAll()
      $0.postings.removeAll()
    }
    let theirs = Self.editing {
      $0.deadlines.append(Deadline(id: "acme-interview", kind: .interview,
                                   due: .allDay(day("2026-03-25")),
                                   owner: .application("acme-ml-app")))
    }
    let result = Self.merge(ours, theirs)
    #expect(result.deck.deadlines.map(\.id) == ["acme-interview"])
    #expect(result.deck.applications.map(\.id) == ["acme-ml-app"])
    #expect(result.deck.postings.map(\.id) == ["acme-ml"])
    #expect(result.notices.contains { $0.contains("acme-interview still refers to it") })
  }

  @Test func recordsAddedOnBothSidesAreAllKeptInCreationOrder() {
    let ours = Self.editing {
      $0.postings.append(Posting(id: "b", title: "B", company: "B", createdAt: Self.at("2026-03-02")))
    }
    let theirs = Self.editing {
      $0.postings.append(Posting(id: "a", title: "A", company: "A", createdAt: Self.at("2026-03-03")))
    }
    #expect(Self.merge(ours, theirs).deck.postings.map(\.id) == ["acme-ml", "b", "a"])
  }

  @Test func aDeadlineChangedOnBothSidesGetsANewRevision() {
    let ours = Self.editing {
      $0.deadlines[0].note = "ours"
      $0.deadlines[0].revision = 1
    }
    let theirs = Self.editing {
      $0.deadlines[0].place = "Room 4"
      $0.deadlines[0].revision = 1
    }
    let merged = Self.merge(ours, theirs).deck.deadlines[0]
    #expect(merged.note == "ours")
    #expect(merged.place == "Room 4")
    #expect(merged.revision == 2)
  }

  @Test func settingsMergeFieldByField() {
    let ours = Self.editing { $0.settings.followUpAfterDays = 10 }
    let theirs = Self.editing { $0.settings.currentNoticePeriod = Period(months: 3) }
    let merged = Self.merge(ours, theirs).deck.settings
    #expect(merged == Settings(followUpAfterDays: 10, currentNoticePeriod: Period(months: 3)))
  }

  @Test func aConflictResolvedOnOneSideStaysResolved() {
    let conflict = MergeConflict(collection: .application, recordID: "acme-ml-app",
                                 field: "notes", losingValue: "\"old\"", keptChangedAt: nil,
                                 losingChangedAt: nil, recordedAt: Self.at("2026-03-01"))
    let base = Self.editing { $0.conflicts = [conflict] }
    let ours = Self.editing(base) { $0.conflicts = [] }
    let theirs = Self.editing(base) { $0.postings[0].location = "Berlin" }
    let result = Self.merge(ours, theirs, base: base)
    #expect(result.deck.conflicts.isEmpty)
    #expect(result.deck.postings[0].location == "Berlin")
  }

  @Test func listsChangedOnBothSidesUnite() {
    let base = Self.editing { $0.postings[0].tags = ["ml", "remote"] }
    let ours = Self.editing(base) { $0.postings[0].tags = ["ml", "remote", "python"] }
    let theirs = Self.editing(base) { $0.postings[0].tags = ["ml", "berlin"] }
    let result = Self.merge(ours, theirs, base: base)
    #expect(result.deck.postings[0].tags == ["ml", "berlin", "python"])
    #expect(result.deck.conflicts.isEmpty)
  }

  @Test func theSameInputsGiveTheSameResult() {
    let ours = Self.editing {
      $0.applications[0].notes = "x"
      $0.postings[0].location = "Berlin"
    }
    let theirs = Self.editing {
      $0.applications[0].notes = "y"
      $0.postings[0].location = "Munich"
    }
    let first = Self.merge(ours, theirs)
    #expect(first == Self.merge(ours, theirs))
    #expect(first.deck.conflicts.count == 2)
  }
}

/// `jobdeck conflicts resolve`: which value of a conflicting field stays.
@Suite("Conflict resolution")
struct ConflictResolutionTests {
  private static let time = noonUTC("2026-03-12")

  private static func conflicted() -> Deck {
    var deck = Deck(applications: [Application(id: "acme", postingID: nil, company: "Acme",
                                               notes: "kept", createdAt: noonUTC("2026-03-01"))])
    deck.conflicts = [MergeConflict(collection: .application, recordID: "acme", field: "notes",
                                    losingValue: "\"lost\"", keptChangedAt: nil,
                                    losingChangedAt: nil, recordedAt: noonUTC("2026-03-10"))]
    return deck
  }

  @Test func keepingOursDropsTheListedValue() throws {
    var deck = Self.conflicted()
    try deck.resolveConflict(recordID: "acme", field: "notes", keep: .ours, at: Self.time)
    #expect(deck.applications[0].notes == "kept")
    #expect(deck.conflicts.isEmpty)
  }

  @Test func keepingTheirsPutsTheListedValueBackAsAnEdit() throws {
    var deck = Self.conflicted()
    try deck.resolveConflict(recordID: "acme", field: "notes", keep: .theirs, at: Self.time)
    #expect(deck.applications[0].notes == "lost")
    #expect(deck.applications[0].updatedAt == Self.time)
    #expect(deck.conflicts.isEmpty)
  }

  @Test func anUnknownFieldIsNotFoundAndChangesNothing() {
    var deck = Self.conflicted()
    #expect(throws: DeckError.self) {
      try deck.resolveConflict(recordID: "acme", field: "title", keep: .ours, at: Self.time)
    }
    #expect(deck == Self.conflicted())
  }
}
