import Foundation

/// What the user does with a deadline: finish it, wave it away, put it off, move it.
///
/// Every change bumps `revision` so an exported calendar replaces the event (RFC 5545
/// SEQUENCE), and stamps the owner's `updatedAt` with the time it happened.
extension Deck {
  /// The user did what the deadline asked; it leaves the agenda and reminders.
  public mutating func markDone(_ id: String, at time: Date) throws {
    try changeDeadline(id, at: time) { $0.status = .done }
  }

  /// The deadline does not apply (a follow-up the user will not send); it leaves the agenda and
  /// the engine does not recreate it.
  public mutating func dismiss(_ id: String, at time: Date) throws {
    try changeDeadline(id, at: time) { $0.status = .dismissed }
  }

  /// Brings a done or dismissed deadline back to the agenda.
  public mutating func reopen(_ id: String, at time: Date) throws {
    try changeDeadline(id, at: time) {
      $0.status = .pending
      $0.snoozedUntil = nil
    }
  }

  /// Hides the deadline from the agenda and reminders until `day`, when it returns.
  /// Snoozing does not move the due date.
  public mutating func snooze(_ id: String, until day: CivilDate) throws {
    try changeDeadline(id, at: nil) { $0.snoozedUntil = day }
  }

  /// Moves the deadline to a new date the user chose. A derived one becomes `.edited`, so the
  /// engine stops moving it; the deadline is pending again and no longer snoozed, since the user
  /// has just decided when it is due.
  public mutating func reschedule(_ id: String, to due: DeadlineDue, at time: Date? = nil) throws {
    try changeDeadline(id, at: time) { deadline in
      deadline.due = due
      deadline.status = .pending
      deadline.snoozedUntil = nil
      if deadline.origin == .derived { deadline.origin = .edited }
      // An imported date the user moved is theirs now: a re-import of the ad leaves it alone.
      if deadline.origin == .imported { deadline.origin = .manual }
    }
  }

  /// Changes an application's employment terms (start date, probation, offer answer-by date) and
  /// brings the derived deadlines in line with them.
  public mutating func setTerms(
    applicationID: String, at time: Date? = nil, _ change: (inout EmploymentTerms) -> Void
  ) throws {
    guard let index = applications.index(ofID: applicationID) else {
      throw DeckError.notFound(applicationID, expected: .application)
    }
    change(&applications[index].terms)
    if let time { applications[index].updatedAt = time.truncatedToSeconds }
    refreshDerivedDeadlines()
  }

  mutating func changeDeadline(
    _ id: String, at time: Date?, _ change: (inout Deadline) -> Void
  ) throws {
    guard let index = deadlines.index(ofID: id) else {
      throw DeckError.notFound(id, expected: .deadline)
    }
    let before = deadlines[index]
    change(&deadlines[index])
    guard deadlines[index] != before else { return }
    deadlines[index].revision = before.revision + 1
    guard let time = time?.truncatedToSeconds else { return }
    switch before.owner {
    case .application(let ownerID):
      if let owner = applications.index(ofID: ownerID) {
        applications[owner].updatedAt = time
      }
    case .posting(let ownerID):
      if let owner = postings.index(ofID: ownerID) {
        postings[owner].updatedAt = time
      }
    }
  }
}
