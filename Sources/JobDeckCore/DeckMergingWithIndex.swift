import Foundation

/// The changes an import makes, answered from a `DeckMergeIndex` instead of scans of the deck.
///
/// Each one does exactly what the method of the same name without the index does (same ids,
/// matches, changes, outcomes, errors) and keeps the index in step; tests compare the two on
/// generated decks. While the index is in use, only these and `move` and `appendNote` (which
/// change no record the index files) may change the deck.
extension Deck {
  /// `merge(_:at:)`, for one of many drafts.
  @discardableResult
  public mutating func merge(_ draft: PostingDraft, at time: Date, index: inout DeckMergeIndex)
    -> MergeOutcome
  {
    let time = time.truncatedToSeconds
    let keys = DeckMergeIndex.PostingKeys(draft.posting)
    guard let match = index.postingIndex(matching: keys),
      let position = postings.index(ofID: postings[match].id)
    else {
      var posting = draft.posting
      posting.createdAt = time
      posting.updatedAt = time
      posting.id = index.postingIDs.claim(
        IdentifierMaker.slug(company: posting.company, title: posting.title))
      postings.append(posting)
      index.postingChanged(at: postings.count - 1, to: posting, keys: keys)
      for deadline in draft.deadlines {
        add(Deadline.imported(from: deadline, owner: .posting(posting.id)), index: &index)
      }
      return .added(posting.id)
    }

    let postingID = postings[match].id
    var changes = postings[position].absorb(draft.posting)
    if !changes.isEmpty {
      postings[position].updatedAt = time
      index.postingChanged(at: position, to: postings[position])
    }
    changes += mergeDeadlines(draft.deadlines, owner: .posting(postingID), index: &index)
    if fillTerms(draft.terms, forPosting: postingID, at: time, index: index) {
      changes.append("terms")
    }
    return changes.isEmpty ? .unchanged(postingID) : .updated(postingID, changes: changes)
  }

  /// `apply(toPosting:stage:at:)` for a posting on file.
  @discardableResult
  public mutating func apply(toPosting postingID: String, stage: Stage, at time: Date,
                             index: inout DeckMergeIndex) throws -> String
  {
    guard postings.contains(id: postingID) else {
      throw DeckError.notFound(postingID, expected: .posting)
    }
    let id = index.applicationIDs.claim(postingID)
    let time = time.truncatedToSeconds
    let application = Application(
      id: id, postingID: postingID, stage: stage,
      history: [StageChange(from: nil, to: stage, at: time)], createdAt: time)
    applications.append(application)
    index.noteApplication(application, at: applications.count - 1)
    return id
  }

  /// `add(_:)` for a deadline.
  private mutating func add(_ deadline: Deadline, index: inout DeckMergeIndex) {
    var deadline = deadline
    deadline.id = index.deadlineIDs.claim(
      deadline.owner.id + "/" + IdentifierMaker.slug(deadline.kind.displayName))
    deadlines.append(deadline)
    index.noteDeadline(deadline, at: deadlines.count - 1)
  }

  /// `mergeDeadlines(_:owner:)`: the i-th draft deadline of a kind updates the i-th stored one.
  private mutating func mergeDeadlines(_ drafts: [Deadline], owner: DeadlineOwner,
                                       index: inout DeckMergeIndex) -> [String]
  {
    var changes: [String] = []
    var usedOfKind: [DeadlineKind: Int] = [:]
    for draft in drafts {
      let existing = index.deadlinesByOwnerAndKind[
        DeckMergeIndex.OwnerAndKind(owner: owner, kind: draft.kind)] ?? []
      let position = usedOfKind[draft.kind, default: 0]
      usedOfKind[draft.kind] = position + 1
      guard position < existing.count else {
        add(Deadline.imported(from: draft, owner: owner), index: &index)
        changes.append("new deadline \(draft.kind.displayName)")
        continue
      }
      let stored = existing[position]
      if let change = update(deadlineAt: stored, from: draft) { changes.append(change) }
    }
    return changes
  }

  /// `fillTerms(_:forPosting:at:)`.
  private mutating func fillTerms(_ terms: EmploymentTerms, forPosting postingID: String,
                                  at time: Date, index: DeckMergeIndex) -> Bool
  {
    guard !terms.isEmpty, let position = index.firstApplicationIndex(forPosting: postingID) else {
      return false
    }
    return fillTerms(terms, ofApplicationAt: position, at: time)
  }
}
