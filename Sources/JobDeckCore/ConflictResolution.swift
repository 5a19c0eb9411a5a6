import Foundation

extension Deck {
  /// Which value of a conflicting field stays.
  public enum ConflictChoice: String, CaseIterable, Sendable {
    /// The value in the record now (the later change); the listed value is dropped.
    case ours
    /// The listed value (the one that lost) goes back into the record.
    case theirs
  }

  /// The unresolved conflicts of the record whose id is `recordID`.
  public func conflicts(ofRecord recordID: String) -> [MergeConflict] {
    conflicts.filter { $0.recordID == recordID }
  }

  /// Settles the conflicts about `field` of `recordID`: keeps the record's value, or puts the
  /// listed one back (then the record's `updatedAt` becomes `time` and a deadline's revision
  /// grows, as for any edit). Returns how many conflicts went.
  @discardableResult
  public mutating func resolveConflict(recordID: String, field: String, keep choice: ConflictChoice,
                                       at time: Date) throws(DeckError) -> Int {
    let matching = conflicts.filter { $0.recordID == recordID && $0.field == field }
    guard let conflict = matching.first else {
      throw .notFound("\(recordID) \(field)", expected: nil)
    }
    if choice == .theirs {
      guard matching.count == 1 else {
        throw .ambiguous("\(recordID) \(field)", candidates: matching.map(\.losingValue))
      }
      try restore(conflict, at: time)
    }
    conflicts.removeAll { $0.recordID == recordID && $0.field == field }
    return matching.count
  }

  private mutating func restore(_ conflict: MergeConflict, at time: Date) throws(DeckError) {
    let id = conflict.recordID
    switch conflict.collection {
    case .posting:
      guard let index = postings.index(ofID: id) else {
        throw .notFound(id, expected: .posting)
      }
      postings[index] = try Self.restoring(conflict, in: postings[index], at: time)
    case .application:
      guard let index = applications.index(ofID: id) else {
        throw .notFound(id, expected: .application)
      }
      applications[index] = try Self.restoring(conflict, in: applications[index], at: time)
    case .deadline:
      guard let index = deadlines.index(ofID: id) else {
        throw .notFound(id, expected: .deadline)
      }
      deadlines[index] = try Self.restoring(conflict, in: deadlines[index], at: time)
    case .settings:
      settings = try Self.restoring(conflict, in: settings, at: time)
    }
  }

  /// The record with the conflict's value in its field, through the record's `Codable` form like
  /// the merge that set it aside.
  private static func restoring<Record: Codable>(_ conflict: MergeConflict, in record: Record,
                                                 at time: Date) throws(DeckError) -> Record {
    let invalid = DeckError.invalidValue(field: conflict.field, value: conflict.losingValue,
                                         expected: "a value this version of JobDeck can hold")
    guard var fields = EncodedValue.of(record)?.object,
          let value = EncodedValue(text: conflict.losingValue)
    else { throw invalid }
    fields[conflict.field] = value == .null ? nil : value
    if fields["updatedAt"] != nil {
      fields["updatedAt"] = .number(time.timeIntervalSinceReferenceDate)
    }
    if case .integer(let revision)? = fields["revision"] {
      fields["revision"] = .integer(revision + 1)
    }
    guard let restored = EncodedValue.object(fields).decoded(as: Record.self) else { throw invalid }
    return restored
  }
}
