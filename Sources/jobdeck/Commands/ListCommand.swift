import ArgumentParser
import Foundation
import JobDeckCore

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List postings or applications.",
    discussion: """
      --json prints an array. Postings: id, title, company, location, workplace, \
      employmentType, url, postedOn, tags, stage (of its application, or null), applicationID. \
      Applications: id, postingID, company, title, stage, updatedAt. Both: archivedAt (null \
      unless archived). Archived records show only with --archived (or --all).
      """
  )

  enum Subject: String, ExpressibleByArgument, CaseIterable {
    case postings, applications
  }

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "What to list.") var subject: Subject = .postings
  @Option(help: "Only those in this stage.") var stage: Stage?
  @Flag(help: "Print JSON for scripts.") var json = false
  @Flag(help: "Only archived records.") var archived = false
  @Flag(help: "Archived records too.") var all = false

  func validate() throws {
    if archived && all { throw ValidationError("use --archived or --all, not both") }
  }

  /// Whether a record shows: archived ones only with --archived or --all.
  private func shows(archivedAt: Date?) -> Bool {
    all || (archivedAt != nil) == archived
  }

  func run() throws {
    let deck = try storeOptions.session.open().deck
    switch subject {
    case .postings: try listPostings(deck)
    case .applications: try listApplications(deck)
    }
  }

  private func listPostings(_ deck: Deck) throws {
    let stageByPosting = Dictionary(
      deck.applications.compactMap { application in
        application.postingID.map { ($0, application) }
      }, uniquingKeysWith: { first, _ in first })
    let postings = deck.postings.filter { posting in
      shows(archivedAt: posting.archivedAt)
        && (stage == nil || stageByPosting[posting.id]?.stage == stage)
    }
    if json {
      sayRendered(try JSONOutput.encode(postings.map {
        PostingSummary($0, application: stageByPosting[$0.id])
      }))
      return
    }
    guard !postings.isEmpty else {
      say(deck.postings.isEmpty ? "No postings yet. Add one: jobdeck add posting --company C --title T" : "No postings match.")
      return
    }
    var table = TextTable(header: ["ID", "COMPANY", "TITLE", "LOCATION", "STAGE", "POSTED"],
                          maximumWidths: [32, 24, 40, 24, 10, 10])
    for posting in postings {
      table.append([
        posting.id, posting.company, posting.title, posting.location ?? "",
        stageByPosting[posting.id]?.stage.displayName ?? "-",
        posting.posted.map { ($0.precision == .onOrBefore ? "≤" : "") + $0.date.description } ?? "",
      ])
    }
    sayRendered(table.render())
  }

  private func listApplications(_ deck: Deck) throws {
    let applications = deck.applications.filter { application in
      // An application to an archived posting is put away with it.
      let archivedAt = application.archivedAt
        ?? application.postingID.flatMap(deck.posting(withID:))?.archivedAt
      return shows(archivedAt: archivedAt) && (stage == nil || application.stage == stage)
    }
    if json {
      sayRendered(try JSONOutput.encode(applications.map { ApplicationSummary($0, in: deck) }))
      return
    }
    guard !applications.isEmpty else {
      say(deck.applications.isEmpty ? "No applications yet. Start one: jobdeck apply POSTING" : "No applications match.")
      return
    }
    var table = TextTable(header: ["ID", "STAGE", "COMPANY", "TITLE", "SINCE"],
                          maximumWidths: [32, 11, 24, 40, 10])
    let zone = storeOptions.clock.timeZone
    for application in applications {
      table.append([
        application.id, application.stage.displayName, deck.company(of: application),
        deck.title(of: application),
        CivilDate(containing: application.lastMovedAt, in: zone).description,
      ])
    }
    sayRendered(table.render())
  }
}

/// The documented `list postings --json` record.
struct PostingSummary: Encodable {
  var id, title, company: String
  var location, workplace, employmentType, url, postedOn, stage, applicationID: String?
  var tags: [String]
  var archivedAt: Date?

  init(_ posting: Posting, application: Application?) {
    archivedAt = posting.archivedAt
    id = posting.id
    title = posting.title
    company = posting.company
    location = posting.location
    workplace = posting.workplace?.rawValue
    employmentType = posting.employmentType?.rawValue
    url = posting.url
    postedOn = posting.posted?.date.description
    stage = application?.stage.rawValue
    applicationID = application?.id
    tags = posting.tags
  }

  /// Missing values are written as null, so every record has every key.
  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(company, forKey: .company)
    try container.encode(location, forKey: .location)
    try container.encode(workplace, forKey: .workplace)
    try container.encode(employmentType, forKey: .employmentType)
    try container.encode(url, forKey: .url)
    try container.encode(postedOn, forKey: .postedOn)
    try container.encode(stage, forKey: .stage)
    try container.encode(applicationID, forKey: .applicationID)
    try container.encode(tags, forKey: .tags)
    try container.encode(archivedAt, forKey: .archivedAt)
  }

  private enum CodingKeys: String, CodingKey {
    case id, title, company, location, workplace, employmentType, url, postedOn, stage,
      applicationID, tags, archivedAt
  }
}

/// The documented `list applications --json` record.
struct ApplicationSummary: Encodable {
  var id: String
  var postingID: String?
  var company, title, stage: String
  var updatedAt: Date
  var archivedAt: Date?

  init(_ application: Application, in deck: Deck) {
    archivedAt = application.archivedAt
    id = application.id
    postingID = application.postingID
    company = deck.company(of: application)
    title = deck.title(of: application)
    stage = application.stage.rawValue
    updatedAt = application.updatedAt
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(postingID, forKey: .postingID)
    try container.encode(company, forKey: .company)
    try container.encode(title, forKey: .title)
    try container.encode(stage, forKey: .stage)
    try container.encode(updatedAt, forKey: .updatedAt)
    try container.encode(archivedAt, forKey: .archivedAt)
  }

  private enum CodingKeys: String, CodingKey {
    case id, postingID, company, title, stage, updatedAt, archivedAt
  }
}
