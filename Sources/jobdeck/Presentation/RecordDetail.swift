import Foundation
import JobDeckCore

/// The `show --json` document: the record as stored, plus what belongs to it, with every
/// optional key present (null when empty) so scripts can rely on the shape.
struct RecordDetail: Encodable {
  let reference: Deck.Reference
  let deck: Deck

  init(_ reference: Deck.Reference, in deck: Deck) {
    self.reference = reference
    self.deck = deck
  }

  private enum Keys: String, CodingKey {
    case type, posting, applications, deadlines, history, stage, company, title, postingID
  }

  func encode(to encoder: Encoder) throws {
    switch reference {
    case .posting(let id):
      guard let posting = deck.posting(withID: id) else { return }
      try posting.encode(to: encoder)
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode("posting", forKey: .type)
      try container.encode(
        deck.applications(forPosting: id).map { ApplicationDetail($0, in: deck) },
        forKey: .applications)
      try container.encode(deadlinesOwned(by: [.posting(id)]), forKey: .deadlines)
    case .application(let id):
      guard let application = deck.application(withID: id) else { return }
      try ApplicationDetail(application, in: deck).encode(to: encoder)
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode("application", forKey: .type)
      try container.encode(application.postingID.flatMap(deck.posting(withID:)), forKey: .posting)
      var owners: [DeadlineOwner] = [.application(id)]
      if let postingID = application.postingID { owners.append(.posting(postingID)) }
      try container.encode(deadlinesOwned(by: owners), forKey: .deadlines)
    case .deadline(let id):
      guard let deadline = deck.deadline(withID: id) else { return }
      try deadline.encode(to: encoder)
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode("deadline", forKey: .type)
    }
  }

  private func deadlinesOwned(by owners: [DeadlineOwner]) -> [Deadline] {
    deck.deadlines.filter { owners.contains($0.owner) }
  }
}

/// An application with its company and title filled in from its posting.
struct ApplicationDetail: Encodable {
  let application: Application
  let company: String
  let title: String

  init(_ application: Application, in deck: Deck) {
    self.application = application
    company = deck.company(of: application)
    title = deck.title(of: application)
  }

  private enum Keys: String, CodingKey {
    case id, postingID, company, title, stage, history, notes, contacts, terms, createdAt,
      updatedAt, archivedAt, source, method, sentTo
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(application.id, forKey: .id)
    try container.encode(application.postingID, forKey: .postingID)
    try container.encode(company, forKey: .company)
    try container.encode(title, forKey: .title)
    try container.encode(application.stage.rawValue, forKey: .stage)
    try container.encode(application.history.map(HistoryEntry.init), forKey: .history)
    try container.encode(application.notes, forKey: .notes)
    try container.encode(application.contacts, forKey: .contacts)
    try container.encode(application.terms, forKey: .terms)
    try container.encode(application.createdAt, forKey: .createdAt)
    try container.encode(application.updatedAt, forKey: .updatedAt)
    try container.encode(application.archivedAt, forKey: .archivedAt)
    try container.encode(application.source?.displayName, forKey: .source)
    try container.encode(application.method?.rawValue, forKey: .method)
    try container.encode(application.sentTo, forKey: .sentTo)
  }
}

/// One history entry; `from` is null for the first.
struct HistoryEntry: Encodable {
  let change: StageChange

  init(_ change: StageChange) { self.change = change }

  private enum Keys: String, CodingKey { case from, to, at, note }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(change.from?.rawValue, forKey: .from)
    try container.encode(change.to.rawValue, forKey: .to)
    try container.encode(change.at, forKey: .at)
    try container.encode(change.note, forKey: .note)
  }
}
