import Foundation
import JobDeckCore
import JobDeckTestSupport

/// Builds a deck that looks like an exported job board: varied postings with 1–3 KB of prose,
/// about a third of them applied to (spread over every stage, with a consistent history), and
/// deadlines on applications and on postings not applied to yet.
struct DataGenerator {
  /// The benchmark's "today": deadlines are spread around it, and the agenda runs with it pinned.
  static let today = CivilDate(year: 2026, month: 3, day: 2) ?? CivilDate(dayNumber: 20514)
  static var nowInstant: Date { today.instant(hour: 9, in: utc) }
  static let utc = TimeZone(identifier: "UTC") ?? TimeZone.current

  var random: SeededGenerator

  init(seed: UInt64 = 2026) { random = SeededGenerator(seed: seed) }

  mutating func deck(postings count: Int) -> Deck {
    var deck = Deck()
    deck.postings.reserveCapacity(count)
    for index in 0..<count {
      let posting = makePosting(index)
      deck.postings.append(posting)
      if Int.random(in: 0..<3, using: &random) == 0 {
        let application = makeApplication(for: posting)
        deck.applications.append(application)
        let deadlineCount = Int.random(in: 1...3, using: &random)
        var kinds: [DeadlineKind] = [.interview, .assessment, .followUp, .offerResponse]
        kinds.shuffle(using: &random)
        for kind in kinds.prefix(deadlineCount) {
          deck.deadlines.append(makeDeadline(kind, owner: .application(application.id)))
        }
      } else if Bool.random(using: &random) {
        deck.deadlines.append(makeDeadline(.applicationCutoff, owner: .posting(posting.id)))
      }
    }
    return deck
  }

  private mutating func pick<T>(_ items: [T]) -> T {
    items[Int.random(in: 0..<items.count, using: &random)]
  }

  private mutating func makePosting(_ index: Int) -> Posting {
    let company = pick(Vocabulary.companyStems) + pick(Vocabulary.companyStems).lowercased()
      .prefix(Int.random(in: 0...4, using: &random)) + " " + pick(Vocabulary.companySuffixes)
    let role = pick(Vocabulary.roles)
    let title = pick(Vocabulary.levels) + role + pick(Vocabulary.teams)
    let location = pick(Vocabulary.locations)
    var tags: [String] = []
    for _ in 0..<Int.random(in: 2...5, using: &random) {
      let tag = pick(Vocabulary.tags)
      if !tags.contains(tag) { tags.append(tag) }
    }
    let created = Self.today.adding(days: -Int.random(in: 0...400, using: &random))
      .instant(hour: Int.random(in: 7...20, using: &random), in: Self.utc)
    let posted = Self.today.adding(days: -Int.random(in: 0...120, using: &random))
    let id = IdentifierMaker.slug(company: company, title: title) + "-\(index + 1)"
    var compensation: Compensation?
    if Int.random(in: 0..<3, using: &random) == 0 {
      let minimum = Double(Int.random(in: 40...110, using: &random) * 1000)
      let maximum = minimum + Double(Int.random(in: 0...30, using: &random) * 1000)
      compensation = Compensation(
        text: "€ \(Int(minimum / 1000))K – \(Int(maximum / 1000))K", minimum: minimum,
        maximum: maximum, currency: "EUR", period: .year)
    }
    return Posting(
      id: id, title: title, company: company, location: location,
      workplace: pick(Workplace.allCases), employmentType: pick(EmploymentType.allCases),
      url: "https://jobs.example.com/\(id)", source: "bench",
      posted: PostedDate(date: posted, precision: index % 17 == 0 ? .onOrBefore : .exact),
      compensation: compensation, tags: tags,
      description: prose(company: company, role: role, city: location, tags: tags),
      createdAt: created)
  }

  /// 1 to 3 KB of sentences in paragraphs, most of them near the short end as real ads are.
  private mutating func prose(company: String, role: String, city: String, tags: [String])
    -> String
  {
    let unit = Double.random(in: 0..<1, using: &random)
    let target = 1000 + Int(2000 * unit * unit)
    var text = fill(pick(Vocabulary.openers), company: company, role: role, city: city, tags: tags)
    var sentencesInParagraph = 1
    while text.utf8.count < target {
      if sentencesInParagraph >= Int.random(in: 3...5, using: &random) {
        text += "\n\n"
        sentencesInParagraph = 0
      } else {
        text += " "
      }
      text += fill(pick(Vocabulary.sentences), company: company, role: role, city: city,
        tags: tags)
      sentencesInParagraph += 1
    }
    return text + "\n\n" + pick(Vocabulary.closers)
  }

  private mutating func fill(_ template: String, company: String, role: String, city: String,
    tags: [String]) -> String
  {
    var text = template.replacingOccurrences(of: "%ROLE%", with: role)
      .replacingOccurrences(of: "%COMPANY%", with: company)
      .replacingOccurrences(of: "%CITY%", with: city)
    while let range = text.range(of: "%TAG%") {
      text.replaceSubrange(range, with: pick(tags))
    }
    return text
  }

  private mutating func makeApplication(for posting: Posting) -> Application {
    let stage = pick(Stage.allCases)
    var path: [Stage] = [.saved]
    if stage.isActive {
      path += Stage.active.dropFirst().prefix { $0 <= stage }
    } else {
      path += Stage.active.dropFirst().prefix(Int.random(in: 1...3, using: &random))
      path.append(stage)
    }
    var at = posting.createdAt.addingTimeInterval(3600)
    var history: [StageChange] = []
    var previous: Stage?
    for step in path {
      history.append(StageChange(from: previous, to: step, at: at))
      previous = step
      at = at.addingTimeInterval(Double(Int.random(in: 1...10, using: &random)) * 86_400)
    }
    let notes = Int.random(in: 0..<4, using: &random) == 0
      ? "Talked to \(pick(Vocabulary.firstNames)) \(pick(Vocabulary.lastNames)) about the team."
      : ""
    return Application(
      id: posting.id, postingID: posting.id, stage: stage, history: history, notes: notes,
      createdAt: posting.createdAt.addingTimeInterval(3600),
      updatedAt: history.last?.at)
  }

  private mutating func makeDeadline(_ kind: DeadlineKind, owner: DeadlineOwner) -> Deadline {
    let day = Self.today.adding(days: Int.random(in: -20...120, using: &random))
    let due: DeadlineDue = kind == .interview
      ? .timed(day.instant(hour: Int.random(in: 8...17, using: &random), in: Self.utc),
        timeZone: "Europe/Berlin")
      : .allDay(day)
    return Deadline(
      id: owner.id + "/" + IdentifierMaker.slug(kind.displayName), kind: kind, due: due,
      phrase: kind == .applicationCutoff ? "Applications close on \(day)" : nil, owner: owner,
      origin: kind == .applicationCutoff ? .imported : .manual)
  }
}
