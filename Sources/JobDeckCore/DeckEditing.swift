import Foundation

/// The changes a user makes: each one stamps the time it happened and keeps the history whole.
extension Deck {
  /// Adds a posting under a fresh readable id and returns that id.
  @discardableResult
  public mutating func add(_ posting: Posting) -> String {
    var posting = posting
    posting.id = IdentifierMaker.unique(
      IdentifierMaker.slug(company: posting.company, title: posting.title),
      isTaken: postings.contains(id:))
    postings.append(posting)
    return posting.id
  }

  /// Starts tracking an application. Its id is its posting's (a separate namespace), so the user
  /// can keep calling the job by one name; a second application to the same posting gets `-2`.
  @discardableResult
  public mutating func apply(
    toPosting postingID: String?, company: String? = nil, title: String? = nil,
    stage: Stage = .applied, note: String? = nil, source: ApplicationSource? = nil,
    method: ApplicationMethod? = nil, sentTo: String? = nil, at time: Date
  ) throws -> String {
    let base: String
    if let postingID {
      guard posting(withID: postingID) != nil else {
        throw DeckError.notFound(postingID, expected: .posting)
      }
      base = postingID
    } else {
      base = IdentifierMaker.slug(company: company ?? "", title: title ?? "")
    }
    let id = IdentifierMaker.unique(base, isTaken: applications.contains(id:))
    let time = time.truncatedToSeconds
    let application = Application(
      id: id, postingID: postingID, company: postingID == nil ? company : nil,
      title: postingID == nil ? title : nil, stage: stage,
      history: [StageChange(from: nil, to: stage, at: time, note: note)],
      createdAt: time, source: source, method: method, sentTo: sentTo)
    applications.append(application)
    return id
  }

  /// Moves an application to `stage`, recording the move. Any move is allowed (people reopen and
  /// move back); moving to the current stage changes nothing and says so.
  @discardableResult
  public mutating func move(
    applicationID: String, to stage: Stage, note: String? = nil, at time: Date
  ) throws -> MoveOutcome {
    guard let index = applications.index(ofID: applicationID) else {
      throw DeckError.notFound(applicationID, expected: .application)
    }
    let from = applications[index].stage
    guard from != stage else { return .alreadyInStage(stage) }
    let time = time.truncatedToSeconds
    applications[index].history.append(StageChange(from: from, to: stage, at: time, note: note))
    applications[index].stage = stage
    applications[index].updatedAt = time
    return .moved(from: from, to: stage)
  }

  /// Appends a paragraph to an application's notes.
  public mutating func appendNote(_ text: String, toApplication applicationID: String, at time: Date)
    throws
  {
    guard let index = applications.index(ofID: applicationID) else {
      throw DeckError.notFound(applicationID, expected: .application)
    }
    let existing = applications[index].notes
    applications[index].notes = existing.isEmpty ? text : existing + "\n\n" + text
    applications[index].updatedAt = time.truncatedToSeconds
  }

  /// Replaces an application's notes (the editor hand-off in the UI).
  public mutating func setNotes(_ text: String, ofApplication applicationID: String, at time: Date)
    throws
  {
    guard let index = applications.index(ofID: applicationID) else {
      throw DeckError.notFound(applicationID, expected: .application)
    }
    applications[index].notes = text
    applications[index].updatedAt = time.truncatedToSeconds
  }

  /// Removes a posting with its applications and every deadline attached to either; returns
  /// what was removed so the caller can say so.
  @discardableResult
  public mutating func removePosting(_ postingID: String) throws -> Removal {
    guard postings.contains(id: postingID) else {
      throw DeckError.notFound(postingID, expected: .posting)
    }
    let applicationIDs = Set(applications.filter { $0.postingID == postingID }.map(\.id))
    let removedDeadlines = deadlines.filter { deadline in
      switch deadline.owner {
      case .posting(let id): return id == postingID
      case .application(let id): return applicationIDs.contains(id)
      }
    }.map(\.id)
    postings.removeAll { $0.id == postingID }
    applications.removeAll { applicationIDs.contains($0.id) }
    let removedSet = Set(removedDeadlines)
    deadlines.removeAll { removedSet.contains($0.id) }
    return Removal(
      postings: [postingID], applications: applicationIDs.sorted(), deadlines: removedDeadlines)
  }

  /// Removes one application and its deadlines, keeping the posting.
  @discardableResult
  public mutating func removeApplication(_ applicationID: String) throws -> Removal {
    guard applications.contains(id: applicationID) else {
      throw DeckError.notFound(applicationID, expected: .application)
    }
    let removedDeadlines = deadlines.filter { $0.owner == .application(applicationID) }.map(\.id)
    applications.removeAll { $0.id == applicationID }
    deadlines.removeAll { $0.owner == .application(applicationID) }
    return Removal(postings: [], applications: [applicationID], deadlines: removedDeadlines)
  }

  public mutating func removeDeadline(_ deadlineID: String) throws -> Removal {
    guard deadlines.contains(id: deadlineID) else {
      throw DeckError.notFound(deadlineID, expected: .deadline)
    }
    deadlines.removeAll { $0.id == deadlineID }
    return Removal(postings: [], applications: [], deadlines: [deadlineID])
  }

  /// Adds a deadline under a readable id (`<owner>/<kind>`, `-2` for a second of the same kind),
  /// which never changes afterwards because calendars know the event by it.
  @discardableResult
  public mutating func add(_ deadline: Deadline) -> String {
    var deadline = deadline
    deadline.id = IdentifierMaker.unique(
      deadline.owner.id + "/" + IdentifierMaker.slug(deadline.displayName),
      isTaken: deadlines.contains(id:))
    deadlines.append(deadline)
    return deadline.id
  }
}

public enum MoveOutcome: Hashable, Sendable {
  case moved(from: Stage, to: Stage)
  case alreadyInStage(Stage)
}

/// What a removal took with it.
public struct Removal: Hashable, Sendable {
  public var postings: [String]
  public var applications: [String]
  public var deadlines: [String]
}
