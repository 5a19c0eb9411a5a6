import Foundation

/// Everything the user tracks: the whole content of one store file.
///
/// A value type: mutations return outcomes rather than performing I/O, so the UI can keep an
/// undo stack of earlier values and the store can save whichever one it is given.
public struct Deck: Hashable, Sendable {
  /// Creation order: new records append, so a saved file changes by added lines.
  public var postings: [Posting]
  public var applications: [Application]
  public var deadlines: [Deadline]
  public var settings: Settings
  /// Fields two machines changed differently, with the value that lost (see `DeckMerge`):
  /// one list for every record type, so a new field or record type needs nothing here.
  public var conflicts: [MergeConflict]

  public init(postings: [Posting] = [], applications: [Application] = [],
              deadlines: [Deadline] = [], settings: Settings = Settings(),
              conflicts: [MergeConflict] = []) {
    self.postings = postings
    self.applications = applications
    self.deadlines = deadlines
    self.settings = settings
    self.conflicts = conflicts
  }

  public var isEmpty: Bool { postings.isEmpty && applications.isEmpty && deadlines.isEmpty }

  public func posting(withID id: String) -> Posting? { postings.first { $0.id == id } }
  public func application(withID id: String) -> Application? {
    applications.first { $0.id == id }
  }
  public func deadline(withID id: String) -> Deadline? { deadlines.first { $0.id == id } }

  public func applications(forPosting postingID: String) -> [Application] {
    applications.filter { $0.postingID == postingID }
  }

  public func deadlines(ownedBy owner: DeadlineOwner) -> [Deadline] {
    deadlines.filter { $0.owner == owner }
  }

  /// The company an application is with: its posting's, else its own.
  public func company(of application: Application) -> String {
    application.postingID.flatMap { posting(withID: $0)?.company } ?? application.company ?? ""
  }

  /// The role an application is for: its posting's title, else its own.
  public func title(of application: Application) -> String {
    application.postingID.flatMap { posting(withID: $0)?.title } ?? application.title ?? ""
  }
}

/// Preferences kept with the data, because they change what the deadlines are.
public struct Settings: Hashable, Codable, Sendable {
  /// Days without a move after applying before a follow-up is due.
  public var followUpAfterDays: Int
  /// Notice the user must give at their current job; with a start date it yields the latest day
  /// to resign. Nil when the user has no current job.
  public var currentNoticePeriod: Period?

  public init(followUpAfterDays: Int = 14, currentNoticePeriod: Period? = nil) {
    self.followUpAfterDays = followUpAfterDays
    self.currentNoticePeriod = currentNoticePeriod
  }
}
