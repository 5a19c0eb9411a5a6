import Foundation
import JobDeckCore

/// Random but internally consistent decks for property tests: every application's posting and
/// every deadline's owner exist, ids are unique, and an application's history ends at its
/// stage. Everything else (text, numbers, dates, periods, time zones) ranges widely.
public struct DeckGenerator {
  public var generator: SeededGenerator
  /// Instants are whole seconds (the store's resolution). When set, they fall at this hour of
  /// the UTC day, so that each lies on the same calendar day in every zone a test compares.
  public var instantHourUTC: Int?
  /// Text fields draw from `HostileStrings`; off, they are plain words.
  public var hostileText: Bool

  /// Draws for the fields added after the first format (events, contacts' phones, offer terms,
  /// archiving): a stream of their own, so that every seed still gives the decks it gave
  /// before for the older fields, and the tests pinned to those decks keep their meaning.
  private var extras: SeededGenerator

  public init(seed: UInt64, instantHourUTC: Int? = nil, hostileText: Bool = true) {
    generator = SeededGenerator(seed: seed)
    extras = SeededGenerator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
    self.instantHourUTC = instantHourUTC
    self.hostileText = hostileText
  }

  public static let timeZones = [
    "Europe/Berlin", "Pacific/Auckland", "America/St_Johns", "UTC", "Asia/Kolkata",
    "Pacific/Chatham", "America/Los_Angeles",
  ]

  public mutating func deck(maximumRecords: Int = 6) -> Deck {
    let notice = maybe { $0.period(allowingTime: false) }
    var deck = Deck(settings: Settings(followUpAfterDays: int(0...60),
                                       currentNoticePeriod: notice))
    for index in 0..<Int.random(in: 0...maximumRecords, using: &generator) {
      deck.postings.append(posting(id: "p\(index)-" + text()))
    }
    for index in 0..<Int.random(in: 0...maximumRecords, using: &generator) {
      let postingID = deck.postings.isEmpty || generator.chance(0.2)
        ? nil : generator.pick(deck.postings).id
      deck.applications.append(application(id: "a\(index)-" + text(), postingID: postingID))
    }
    let owners = deck.postings.map { DeadlineOwner.posting($0.id) }
      + deck.applications.map { DeadlineOwner.application($0.id) }
    if !owners.isEmpty {
      for index in 0..<Int.random(in: 0...maximumRecords * 2, using: &generator) {
        deck.deadlines.append(deadline(id: "d\(index)-" + text(), owner: generator.pick(owners)))
      }
    }
    return deck
  }

  public mutating func text() -> String {
    if hostileText { return HostileStrings.random(using: &generator, maximumPieces: 6) }
    return pick(["Acme", "Data Intern", "Berlin", "ML Engineer", "Zürich", "東京"])
  }

  /// A date in `years`; by default anywhere in the range JobDeck accepts (`SupportedDates`).
  public mutating func civilDate(years: ClosedRange<Int> = 1900...2199) -> CivilDate {
    let low = (CivilDate(year: years.lowerBound, month: 1, day: 1) ?? CivilDate(dayNumber: 0))
    let high = (CivilDate(year: years.upperBound, month: 12, day: 31) ?? CivilDate(dayNumber: 0))
    return CivilDate(dayNumber: Int.random(in: low.dayNumber...high.dayNumber, using: &generator))
  }

  public mutating func instant() -> Date {
    let day = civilDate(years: 1971...2099).dayNumber
    let second: Int
    if let hour = instantHourUTC {
      second = hour * 3600 + Int.random(in: 0..<3600, using: &generator)
    } else {
      second = Int.random(in: 0..<86_400, using: &generator)
    }
    return Date(timeIntervalSince1970: Double(day * 86_400 + second))
  }

  /// A period as the model's own parser makes them: every component of one sign.
  public mutating func period(allowingTime: Bool = true) -> Period {
    let sign = generator.chance(0.25) ? -1 : 1
    func part(_ generator: inout SeededGenerator) -> Int {
      generator.chance(0.5) ? 0 : sign * Int.random(in: 0...40, using: &generator)
    }
    return Period(years: part(&generator) / 10, months: part(&generator), weeks: part(&generator),
                  days: part(&generator), hours: allowingTime ? part(&generator) : 0,
                  minutes: allowingTime ? part(&generator) : 0)
  }

  public mutating func number() -> Double {
    if generator.chance(0.3) {
      // Any finite double, subnormals and extremes included.
      var value = Double(bitPattern: generator.next())
      while !value.isFinite { value = Double(bitPattern: generator.next()) }
      return value
    }
    return Double(Int.random(in: 0...500_000, using: &generator))
  }

  public mutating func posting(id: String) -> Posting {
    let created = instant()
    return Posting(
      id: id, title: text(), company: text(), location: maybe { $0.text() },
      workplace: maybe { $0.pick(Workplace.allCases) },
      employmentType: maybe { $0.pick(EmploymentType.allCases) },
      url: maybe { "https://example.com/" + $0.text() }, source: maybe { $0.text() },
      posted: maybe { PostedDate(date: $0.civilDate(), precision: $0.pick([.exact, .onOrBefore])) },
      compensation: maybe {
        Compensation(
          text: $0.text(), minimum: $0.maybe { $0.number() }, maximum: $0.maybe { $0.number() },
          currency: $0.maybe { $0.pick(["EUR", "USD", "GBP", "CHF", "JPY"]) },
          period: $0.maybe { $0.pick(Compensation.Period.allCases) })
      },
      tags: (0..<int(0...3)).map { _ in text() },
      description: maybe { HostileStrings.random(using: &$0.generator, maximumPieces: 40) },
      createdAt: created, updatedAt: created.addingTimeInterval(Double(int(0...1_000_000))),
      archivedAt: extra { $0.generator.chance(0.2) ? $0.instant() : nil })
  }

  public mutating func compensation() -> Compensation {
    Compensation(
      text: text(), minimum: maybe { $0.number() }, maximum: maybe { $0.number() },
      currency: maybe { $0.pick(["EUR", "USD", "GBP", "CHF", "JPY"]) },
      period: maybe { $0.pick(Compensation.Period.allCases) })
  }

  public mutating func application(id: String, postingID: String?) -> Application {
    var history: [StageChange] = []
    var previous: Stage?
    for _ in 0..<int(0...5) {
      let stage = pick(Stage.allCases)
      history.append(StageChange(from: previous, to: stage, at: instant(),
                                 note: maybe { $0.text() }))
      previous = stage
    }
    var terms = EmploymentTerms(
      offerResponseBy: maybe { $0.civilDate() }, startDate: maybe { $0.civilDate() },
      probation: maybe { $0.period(allowingTime: false) },
      probationReviewAfter: maybe { $0.period(allowingTime: false) },
      contractEnd: maybe { $0.civilDate() })
    terms.salary = extra { $0.maybe { $0.compensation() } }
    terms.contractType = extra { $0.maybe { $0.pick(EmploymentType.allCases) } }
    terms.noticePeriod = extra { $0.maybe { $0.period(allowingTime: false) } }
    let unlinkedCompany = text()
    let unlinkedTitle = text()
    return Application(
      id: id, postingID: postingID,
      company: postingID == nil ? unlinkedCompany : maybe { $0.text() },
      title: postingID == nil ? unlinkedTitle : maybe { $0.text() },
      stage: previous ?? pick(Stage.allCases), history: history, notes: text(),
      contacts: (0..<int(0...2)).map { _ in
        var contact = Contact(name: text(), role: maybe { $0.text() }, email: maybe { $0.text() })
        contact.phone = extra { $0.maybe { $0.text() } }
        contact.note = extra { $0.maybe { $0.text() } }
        return contact
      },
      terms: terms, createdAt: instant(), updatedAt: maybe { $0.instant() },
      archivedAt: extra { $0.generator.chance(0.2) ? $0.instant() : nil },
      source: extra {
        $0.maybe {
          $0.generator.chance(0.5)
            ? ApplicationSource($0.pick(ApplicationSource.Channel.allCases))
            : ApplicationSource(rawValue: $0.text())
        }
      },
      method: extra { $0.maybe { $0.pick(ApplicationMethod.allCases) } },
      sentTo: extra { $0.maybe { $0.text() } })
  }

  public mutating func deadline(id: String, owner: DeadlineOwner) -> Deadline {
    let due: DeadlineDue
    switch int(0...2) {
    case 0: due = .allDay(civilDate())
    case 1: due = .timed(instant(), timeZone: pick(Self.timeZones))
    default: due = .relative(to: pick(DeadlineAnchor.allCases), offset: period(allowingTime: false))
    }
    // The first ten kinds from the main stream, as before; the event kinds added later replace
    // one now and then from the extras.
    var kind = pick(Array(DeadlineKind.allCases.prefix(10)))
    if let event = extra({ $0.generator.chance(0.3) ? $0.pick([DeadlineKind.phoneScreen, .takeHome, .call, .custom]) : nil }) {
      kind = event
    }
    var deadline = Deadline(
      id: id, kind: kind, due: due,
      leadTimes: maybe { generator in (0..<generator.int(0...3)).map { _ in generator.period() } },
      status: pick(DeadlineStatus.allCases), snoozedUntil: maybe { $0.civilDate() },
      phrase: maybe { $0.text() }, owner: owner, origin: pick([.manual, .imported, .derived, .edited]),
      revision: int(0...1000), note: maybe { $0.text() })
    deadline.title = extra { $0.maybe { $0.text() } }
    deadline.duration = extra { $0.maybe { $0.period() } }
    deadline.place = extra { $0.maybe { $0.text() } }
    deadline.link = extra { $0.maybe { "https://meet.example.com/" + $0.text() } }
    return deadline
  }

  /// A sync conflict about field `field` of `recordID`, its losing value any JSON text.
  public mutating func conflict(recordID: String) -> MergeConflict {
    let word = text().filter { $0 != "\\" && $0 != "\"" }
    let losing = pick(["null", "\"" + word + "\"", "[\"ml\",\"python\"]", "14",
                       "{\"startDate\":\"2027-01-01\"}"])
    return MergeConflict(
      collection: pick(MergeConflict.Collection.allCases), recordID: recordID,
      field: pick(["notes", "title", "stage", "terms", "location"]), losingValue: losing,
      keptChangedAt: maybe { $0.instant() }, losingChangedAt: maybe { $0.instant() },
      recordedAt: instant())
  }

  /// `make`'s value drawn from the extras stream.
  private mutating func extra<T>(_ make: (inout DeckGenerator) -> T) -> T {
    swap(&generator, &extras)
    defer { swap(&generator, &extras) }
    return make(&self)
  }

  // MARK: - Drawing

  /// `make`'s value or, one time in three, nil.
  public mutating func maybe<T>(_ make: (inout DeckGenerator) -> T) -> T? {
    generator.chance(1.0 / 3.0) ? nil : make(&self)
  }

  public mutating func pick<Choices: RandomAccessCollection>(_ choices: Choices)
    -> Choices.Element where Choices.Index == Int
  {
    generator.pick(choices)
  }

  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &generator)
  }
}
