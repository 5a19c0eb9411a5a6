/// Finds records by any unique prefix of their id, as git does for commits.
extension Deck {
  /// What an id given on the command line refers to.
  public enum Reference: Hashable, Sendable {
    case posting(String)
    case application(String)
    case deadline(String)
  }

  /// Resolves an application: by its id or a unique prefix, or through a posting that has
  /// exactly one application (people call the job by the posting's name).
  public func resolveApplication(_ text: String) throws -> String {
    do {
      return try match(text, in: applications, kind: .application)
    } catch DeckError.notFound {
      let postingID: String
      do {
        postingID = try match(text, in: postings, kind: .posting)
      } catch DeckError.notFound {
        throw DeckError.notFound(text, expected: .application)
      }
      let candidates = applications(forPosting: postingID).map(\.id)
      if candidates.count == 1 { return candidates[0] }
      if candidates.isEmpty { throw DeckError.noApplication(postingID: postingID) }
      throw DeckError.ambiguous(text, candidates: candidates)
    }
  }

  /// Resolves a posting by id or prefix, or through one of its applications.
  public func resolvePosting(_ text: String) throws -> String {
    do {
      return try match(text, in: postings, kind: .posting)
    } catch DeckError.notFound {
      guard let applicationID = try? match(text, in: applications, kind: .application),
        let postingID = application(withID: applicationID)?.postingID
      else { throw DeckError.notFound(text, expected: .posting) }
      return postingID
    }
  }

  /// Resolves a deadline by id or prefix, or through an owner with exactly one pending deadline.
  public func resolveDeadline(_ text: String) throws -> String {
    do {
      return try match(text, in: deadlines, kind: .deadline)
    } catch DeckError.notFound {
      let owners = Set(
        [try? resolveApplication(text), try? resolvePosting(text)].compactMap { $0 })
      let owned = deadlines.filter { owners.contains($0.owner.id) && $0.status == .pending }
      if owned.count == 1 { return owned[0].id }
      if owned.count > 1 { throw DeckError.ambiguous(text, candidates: owned.map(\.id)) }
      throw DeckError.notFound(text, expected: .deadline)
    }
  }

  /// Resolves anything: an application first (it shows its posting too), then a posting, then a
  /// deadline. An exact id beats a prefix, as with git refs.
  public func resolve(_ text: String) throws -> Reference {
    if applications.contains(id: text) { return .application(text) }
    if postings.contains(id: text) { return .posting(text) }
    if deadlines.contains(id: text) { return .deadline(text) }
    var matches: [Reference] = []
    matches += applications.filter { $0.id.hasPrefix(text) }.map { .application($0.id) }
    // A posting whose application is already listed under the same id is the same job.
    let applicationIDs = Set(matches.map { reference -> String in
      if case .application(let id) = reference { return id }
      return ""
    })
    matches += postings.filter { $0.id.hasPrefix(text) && !applicationIDs.contains($0.id) }
      .map { .posting($0.id) }
    if matches.isEmpty {
      matches += deadlines.filter { $0.id.hasPrefix(text) }.map { .deadline($0.id) }
    }
    guard !text.isEmpty, let only = matches.first else {
      throw DeckError.notFound(text, expected: nil)
    }
    guard matches.count == 1 else {
      throw DeckError.ambiguous(text, candidates: matches.map(\.id))
    }
    return only
  }

  private func match<Record>(_ text: String, in records: RecordList<Record>,
                             kind: DeckError.RecordKind) throws -> String
  {
    if records.contains(id: text) { return text }
    let candidates = text.isEmpty ? [] : records.map(\.id).filter { $0.hasPrefix(text) }
    if candidates.count == 1 { return candidates[0] }
    if candidates.isEmpty { throw DeckError.notFound(text, expected: kind) }
    throw DeckError.ambiguous(text, candidates: candidates)
  }
}

extension Deck.Reference {
  public var id: String {
    switch self {
    case .posting(let id), .application(let id), .deadline(let id): return id
    }
  }
}
