import Foundation
import JobDeckCore

extension Deck {
  /// Merges imported spreadsheet rows: each posting is added or updated (see `merge(_:at:)`),
  /// then its application is brought in line with the row.
  ///
  /// - A stage and no application yet: the application is created in that stage. With an
  ///   applied date and a stage past `applied`, the history records `applied` on that date
  ///   (noon in `timeZone`) and then the move to the stage at `time`, so "when did I apply?"
  ///   keeps its answer; otherwise the one entry is dated the applied date, else `time`.
  /// - A stage and an existing application in another stage: the application is moved.
  /// - Notes with no stage and no application: a `saved` application is created to hold them.
  /// - Notes are appended to the application's notes unless they are already there, so that
  ///   importing the same file twice changes nothing.
  ///
  /// The caller checks `CSVImportResult.errors` first: this never fails a row.
  @discardableResult
  public mutating func importCSVRows(_ rows: [CSVImportedRow], at time: Date,
                                     timeZone: TimeZone) -> [MergeOutcome]
  {
    // One index for all rows: looking each row's posting up by scanning made a 10,000-row file
    // take minutes.
    var index = DeckMergeIndex(self, drafts: rows.count)
    reserveRoom(forRows: rows.count)
    return rows.map { importCSVRow($0, at: time, timeZone: timeZone, index: &index) }
  }

  /// `importCSVRows(_:at:timeZone:)` for rows in batches (in order), each emptied once merged:
  /// the deck shares the rows' text, so only what the deck needs stays.
  @discardableResult
  public mutating func importCSVRows(batches: inout [[CSVImportedRow]], at time: Date,
                                     timeZone: TimeZone) -> [MergeOutcome]
  {
    let count = batches.reduce(0) { $0 + $1.count }
    var next = 0
    return importCSVRows(expecting: count, at: time, timeZone: timeZone) {
      guard next < batches.count else { return nil }
      let rows = batches[next]
      batches[next] = []
      next += 1
      return rows
    }
  }

  /// `importCSVRows(batches:at:timeZone:)` for batches that `nextBatch` hands over in file order
  /// (nil: no more), such as those a file still being read hands on. Room is made for `count`
  /// rows up front.
  @discardableResult
  public mutating func importCSVRows(
    expecting count: Int, at time: Date, timeZone: TimeZone,
    from nextBatch: () throws -> [CSVImportedRow]?
  ) rethrows -> [MergeOutcome] {
    var index = DeckMergeIndex(self, drafts: count)
    reserveRoom(forRows: count)
    var outcomes: [MergeOutcome] = []
    outcomes.reserveCapacity(count)
    while let rows = try nextBatch() {
      for row in rows {
        outcomes.append(importCSVRow(row, at: time, timeZone: timeZone, index: &index))
      }
    }
    return outcomes
  }

  /// Room for a posting and a deadline per row up front: growing by doubling copies the arrays
  /// and leaves up to half of them unused.
  private mutating func reserveRoom(forRows count: Int) {
    postings.reserveCapacity(postings.count + count)
    deadlines.reserveCapacity(deadlines.count + count)
  }

  private mutating func importCSVRow(_ row: CSVImportedRow, at time: Date, timeZone: TimeZone,
                                     index: inout DeckMergeIndex) -> MergeOutcome
  {
    let outcome = merge(row.draft, at: time, index: &index)
    let postingID = outcome.postingID
    var changes: [String] = []
    var applicationID = index.firstApplicationIndex(forPosting: postingID)
      .map { applications[$0].id }
    let appliedAt = row.appliedOn.map { $0.instant(hour: 12, in: timeZone) }

    let createsApplication = applicationID == nil && row.describesApplication
    if createsApplication {
      let stage = row.stage ?? .saved
      let recordsApplying = appliedAt != nil && stage != .saved && stage != .applied
      applicationID = try? apply(
        toPosting: postingID, stage: recordsApplying ? .applied : stage,
        at: appliedAt ?? time, index: &index)
      if recordsApplying, let applicationID {
        _ = try? move(applicationID: applicationID, to: stage, at: time)
      }
      changes.append("application")
    } else if let applicationID, let stage = row.stage,
      case .moved? = try? move(applicationID: applicationID, to: stage, at: time)
    {
      changes.append("stage")
    }

    if let applicationID, let position = applications.index(ofID: applicationID),
      applications[position].fillInSending(source: row.source, method: row.method,
                                           sentTo: row.sentTo)
    {
      applications[position].updatedAt = time.truncatedToSeconds
      if !createsApplication { changes.append("source/method") }
    }

    if let notes = row.notes, let applicationID,
      let position = applications.index(ofID: applicationID),
      // Not Foundation's `contains`: on Linux it ignores trailing NULs in what it looks for,
      // finds a match longer than the text, and traps converting its range (found by fuzzing).
      applications[position].notes.isEmpty
        || applications[position].notes.firstRange(of: notes) == nil
    {
      try? appendNote(notes, toApplication: applicationID, at: time)
      changes.append("notes")
    }

    switch outcome {
    case .added:
      return outcome
    case .updated(let id, let merged):
      return .updated(id, changes: merged + changes)
    case .unchanged(let id):
      return changes.isEmpty ? outcome : .updated(id, changes: changes)
    }
  }
}
