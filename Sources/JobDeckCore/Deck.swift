import Foundation

/// Everything the user tracks: the whole content of one store file.
///
/// A value type: mutations return outcomes rather than performing I/O, so the UI can keep an
/// undo stack of earlier values and the store can save whichever one it is given.
public struct Deck: Hashable, Sendable {
  /// Creation order: new records append, so a saved file changes by added lines.
  public var postings: RecordList<Posting>
  public var applications: RecordList<Application>
  public var deadlines: RecordList<Deadline>
  public var settings: Settings
  /// Fields two machines changed differently, with the value that lost (see `DeckMerge`):
  /// one list for every record type, so a new field or record type needs nothing here.
  public var conflicts: [MergeConflict]

  public init(postings: [Posting] = [], applications: [Application] = [],
              deadlines: [Deadline] = [], settings: Settings = Settings(),
              conflicts: [MergeConflict] = []) {
    self.postings = RecordList(postings)
    self.applications = RecordList(applications)
    self.deadlines = RecordList(deadlines)
    self.settings = settings
    self.conflicts = conflicts
  }

  public var isEmpty: Bool { postings.isEmpty && applications.isEmpty && deadlines.isEmpty }

  /// Whether `other` is this very version of the deck (`RecordList.sharesStorage(with:)` for
  /// each list): a cheap test for caches of what a deck's lists give, never a full comparison.
  public func sharesStorage(with other: Deck) -> Bool {
    postings.sharesStorage(with: other.postings)
      && applications.sharesStorage(with: other.applications)
      && deadlines.sharesStorage(with: other.deadlines)
      && settings == other.settings && conflicts == other.conflicts
  }

  public func posting(withID id: String) -> Posting? { postings[id: id] }
  public func application(withID id: String) -> Application? { applications[id: id] }
  public func deadline(withID id: String) -> Deadline? { deadlines[id: id] }

  public func applications(forPosting postingID: String) -> [Application] {
    applications.filter { $0.postingID == postingID }
  }

  public func deadlines(ownedBy owner: DeadlineOwner) -> [Deadline] {
    deadlines.filter { $0.owner == owner }
  }

  /// A posting's application when it has exactly one: the record documents put its source,
  /// method and sent-to lines in the posting's (with several, each is edited on its own).
  public func onlyApplication(toPosting postingID: String) -> Application? {
    let found = applications(forPosting: postingID)
    return found.count == 1 ? found[0] : nil
  }

  /// Starts recording which ids each change touches, counted from the deck as it is now, which
  /// is the content of `version` (say, of one version of a file): what lets a save journal only
  /// those records (see `RecordList.changes(since:)`). Two decks read from the same version
  /// compare by their touched ids alone, so `version` must name the content exactly.
  public mutating func startRecordingChanges(since version: some Hashable) {
    let base = UInt64(bitPattern: Int64(version.hashValue))
    postings.startRecordingChanges(base: base)
    applications.startRecordingChanges(base: base)
    deadlines.startRecordingChanges(base: base)
  }

  /// `startRecordingChanges(since:)` for a deck no other holds the content of.
  public mutating func startRecordingChanges() {
    startRecordingChanges(since: UInt64.random(in: .min ... .max))
  }

  /// The company an application is with: its posting's, else its own.
  public func company(of application: Application) -> String {
    // By position: a copy of the posting would retain each of its strings.
    application.postingID.flatMap(postings.index(ofID:)).map { postings[$0].company }
      ?? application.company ?? ""
  }

  /// The role an application is for: its posting's title, else its own.
  public func title(of application: Application) -> String {
    application.postingID.flatMap(postings.index(ofID:)).map { postings[$0].title }
      ?? application.title ?? ""
  }
}

/// Preferences kept with the data, because they change what the deadlines are.
public struct Settings: Hashable, Codable, Sendable {
  /// Days without a move after applying before a follow-up is proposed (`Deck.suggestions`);
  /// `[reminders] follow_up_days` in the config file, `$JOBDECK_FOLLOW_UP_DAYS` and
  /// `--follow-up-days` beat it.
  public var followUpAfterDays: Int
  /// Notice the user must give at their current job; with a start date it yields the latest day
  /// to resign. Nil when the user has no current job.
  public var currentNoticePeriod: Period?
  /// The user's answers to suggestions: dismissed ones are never proposed again, snoozed ones
  /// not before their day. Kept with the data so they survive a reload and travel with the store.
  public var suggestionAnswers: [SuggestionAnswer]

  public init(followUpAfterDays: Int = 14, currentNoticePeriod: Period? = nil,
              suggestionAnswers: [SuggestionAnswer] = []) {
    self.followUpAfterDays = followUpAfterDays
    self.currentNoticePeriod = currentNoticePeriod
    self.suggestionAnswers = suggestionAnswers
  }

  private enum CodingKeys: String, CodingKey {
    case followUpAfterDays, currentNoticePeriod, suggestionAnswers
  }

  /// A store written before suggestions has no `suggestionAnswers`: it loads as none, and is
  /// written back byte for byte as it was until the user answers one.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    followUpAfterDays = try container.decode(Int.self, forKey: .followUpAfterDays)
    currentNoticePeriod = try container.decodeIfPresent(Period.self, forKey: .currentNoticePeriod)
    suggestionAnswers =
      try container.decodeIfPresent([SuggestionAnswer].self, forKey: .suggestionAnswers) ?? []
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(followUpAfterDays, forKey: .followUpAfterDays)
    try container.encodeIfPresent(currentNoticePeriod, forKey: .currentNoticePeriod)
    if !suggestionAnswers.isEmpty {
      try container.encode(suggestionAnswers, forKey: .suggestionAnswers)
    }
  }
}

/// What the user said to one suggestion (`Suggestion.id`).
public struct SuggestionAnswer: Hashable, Codable, Sendable {
  public enum Answer: String, Codable, Sendable, CaseIterable {
    /// Never ask again about this item.
    case dismissed
    /// Ask again from `until`.
    case snoozed
  }

  public var answer: Answer
  public var id: String
  /// The day a snoozed suggestion comes back; nil when dismissed.
  public var until: CivilDate?

  public init(answer: Answer, id: String, until: CivilDate? = nil) {
    self.answer = answer
    self.id = id
    self.until = until
  }
}
