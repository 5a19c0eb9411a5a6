import Foundation

/// Something JobDeck proposes and the user decides (DOMAIN.md "Tasks and events": trackers
/// propose, never close on their own). Nothing changes until the user accepts it; a dismissed
/// one is never proposed again for that item, a snoozed one comes back on its day.
public struct Suggestion: Hashable, Sendable, Identifiable {
  public enum Kind: String, CaseIterable, Codable, Sendable {
    /// Silent for `followUpDays` since applying: add a follow-up task.
    case followUp
    /// Silent for `noResponseDays`: move the application to "no response".
    case noResponse
    /// An interview, call or assessment is over: move to the next stage.
    case nextStage
    /// The start date of an accepted job has passed: mark it started (JobDeck has no "started"
    /// stage; accepting marks the start date done, and the probation dates stay on the agenda).
    case started
    /// The offer must be answered within `SuggestionRules.offerAnswerDays`: answer it.
    case answerOffer
  }

  /// Stable for the item it is about, so a dismissal holds: `<application>/follow-up`,
  /// `<application>/no-response`, `<application>/started`, `<deadline>/next-stage`,
  /// `<deadline>/answer`.
  public var id: String
  public var kind: Kind
  public var applicationID: String
  /// The event or task it is about, if any.
  public var deadlineID: String?
  public var company: String
  public var title: String
  /// The stage accepting moves the application to, if it moves it.
  public var proposedStage: Stage?
  /// What JobDeck noticed: "no news for 15 days since you applied".
  public var reason: String
  /// What accepting does: "add a follow-up task due today".
  public var proposal: String
}

extension Suggestion: Encodable {
  private enum CodingKeys: String, CodingKey {
    case id, kind, applicationID, deadlineID, company, title, proposedStage, reason, proposal
  }

  /// The `--json` shape: every key always present (null when not applicable).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(kind, forKey: .kind)
    try container.encode(applicationID, forKey: .applicationID)
    try container.encode(deadlineID, forKey: .deadlineID)
    try container.encode(company, forKey: .company)
    try container.encode(title, forKey: .title)
    try container.encode(proposedStage, forKey: .proposedStage)
    try container.encode(reason, forKey: .reason)
    try container.encode(proposal, forKey: .proposal)
  }
}

/// When silence becomes a suggestion. The values come from `--follow-up-days` and
/// `--no-response-days`, else the environment, else `[reminders]` in the config file, else the
/// store's `followUpAfterDays` (follow-up only), else the defaults (14 and 30 days).
public struct SuggestionRules: Hashable, Sendable {
  /// Days without a move after applying before a follow-up is proposed; 0 turns it off.
  public var followUpDays: Int
  /// Days without a move after applying before "no response" is proposed; 0 turns it off.
  public var noResponseDays: Int

  public static let defaultFollowUpDays = 14
  public static let defaultNoResponseDays = 30
  /// How close an offer's answer-by date must be for a reminder to answer it.
  public static let offerAnswerDays = 2
  /// The range a configured number of days must be in.
  public static let dayRange = 0...3650

  public init(followUpDays: Int = defaultFollowUpDays,
              noResponseDays: Int = defaultNoResponseDays) {
    self.followUpDays = followUpDays
    self.noResponseDays = noResponseDays
  }
}

/// The days set outside the store, first set wins: a command-line option, an environment
/// variable, the config file's `[reminders]`. Nil where none is set; the store's own
/// `followUpAfterDays` and the defaults fill in.
public struct SuggestionDays: Hashable, Sendable {
  public var followUp: Int?
  public var noResponse: Int?

  public init(followUp: Int? = nil, noResponse: Int? = nil) {
    self.followUp = followUp
    self.noResponse = noResponse
  }

  public func rules(for deck: Deck) -> SuggestionRules {
    SuggestionRules(followUpDays: followUp ?? deck.settings.followUpAfterDays,
                    noResponseDays: noResponse ?? SuggestionRules.defaultNoResponseDays)
  }
}

extension Deck {
  /// The suggestions open at the clock's instant, in a stable order: by application (the
  /// deck's order), then kind. Closed and archived applications get none.
  public func suggestions(clock: some WallClock, rules: SuggestionRules) -> [Suggestion] {
    suggestions(clock: clock, rules: rules,
                visibleEntries: Agenda.suggestionEntries(of: Agenda.rows(of: self), clock: clock))
  }

  /// `visibleEntries` must hold at least `Agenda.suggestionEntries(of:clock:)` of this deck's
  /// rows at the clock's instant (all of `Agenda.entries(of:clock:)` will do), in any order: a
  /// view that has them already saves working out the agenda twice. Suggestions about one
  /// application's deadlines come in the order given (the UI passes them in row order, as
  /// sorting 100,000 entries again on every change would cost more than it tells). `index` must
  /// have been built from this deck; nil builds one.
  public func suggestions(clock: some WallClock, rules: SuggestionRules,
                          visibleEntries: [AgendaEntry], index: DeckIndex? = nil)
    -> [Suggestion]
  {
    let today = clock.today
    let index = index ?? DeckIndex(self)
    let answers = Dictionary(
      settings.suggestionAnswers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    func isOpen(_ id: String) -> Bool {
      guard let answer = answers[id] else { return true }
      switch answer.answer {
      case .dismissed: return false
      case .snoozed: return answer.until.map { today >= $0 } ?? true
      }
    }
    // Passed events and near answer-by dates, from the agenda's own rules.
    // Positions, not copies: a copy of an entry retains each of its strings.
    var entriesByApplication: [String: [Int]] = [:]
    for position in visibleEntries.indices {
      if case .application(let id) = visibleEntries[position].owner {
        entriesByApplication[id, default: []].append(position)
      }
    }
    // Follow-ups by application, gathered once: scanning every deadline for each application
    // would grow with the product of the two.
    var followUpsByApplication: [String: [Deadline]] = [:]
    // By position: a copy of every deadline would retain each of its strings.
    for position in deadlines.indices where deadlines[position].kind == .followUp {
      if case .application(let id) = deadlines[position].owner {
        followUpsByApplication[id, default: []].append(deadlines[position])
      }
    }
    var found: [Suggestion] = []
    for application in applications
    where application.stage.isActive && !Agenda.isArchived(.application(application.id), in: index)
    {
      let company = index.company(of: application)
      let title = index.title(of: application)
      func suggest(_ kind: Suggestion.Kind, id: String, deadlineID: String? = nil,
                   stage: Stage? = nil, reason: String, proposal: String) {
        guard isOpen(id) else { return }
        found.append(Suggestion(
          id: id, kind: kind, applicationID: application.id, deadlineID: deadlineID,
          company: company, title: title, proposedStage: stage, reason: reason,
          proposal: proposal))
      }
      if application.stage == .applied || application.stage == .screening {
        let since = CivilDate(containing: application.lastMovedAt, in: clock.timeZone)
        let silent = since.days(until: today)
        // One follow-up per silence: a pending one, or one due since the last move (done).
        let hasFollowUp = (followUpsByApplication[application.id] ?? []).contains { deadline in
          if deadline.status == .pending { return true }
          if case .allDay(let due) = deadline.due { return due >= since }
          return false
        }
        if rules.followUpDays > 0, silent >= rules.followUpDays, !hasFollowUp {
          suggest(.followUp, id: application.id + "/follow-up",
                  reason: "no news for \(silent) days since \(application.stage.displayName) on \(since)",
                  proposal: "add a follow-up task due today")
        }
        if rules.noResponseDays > 0, silent >= rules.noResponseDays {
          suggest(.noResponse, id: application.id + "/no-response", stage: .ghosted,
                  reason: "no news for \(silent) days since \(since)",
                  proposal: "move to \(Stage.ghosted.displayName)")
        }
      }
      for position in entriesByApplication[application.id] ?? [] {
        let entry = visibleEntries[position]
        // Worked out only for an entry that becomes a suggestion.
        var name: String { entry.event.title ?? entry.kind.displayName }
        var day: String { entry.date.map(\.description) ?? "" }
        if entry.flags.contains(.happened) {
          if entry.kind == .startDate, application.stage == .accepted {
            suggest(.started, id: application.id + "/started", deadlineID: entry.id,
                    reason: "the start date \(day) has passed",
                    proposal: "mark it started (the start date done; probation dates stay)")
          } else if entry.kind.endsInNextStage, let next = application.stage.next
          {
            suggest(.nextStage, id: entry.id + "/next-stage", deadlineID: entry.id, stage: next,
                    reason: "the \(name) on \(day) is over",
                    proposal: "move to \(next.displayName) and mark the \(name) done")
          }
        } else if entry.kind == .offerResponse, application.stage == .offer,
          let daysLeft = entry.daysLeft, (0...SuggestionRules.offerAnswerDays).contains(daysLeft)
        {
          let when = daysLeft == 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in \(daysLeft) days"
          suggest(.answerOffer, id: entry.id + "/answer", deadlineID: entry.id,
                  reason: "the offer must be answered \(when) (\(day))",
                  proposal: "mark the offer answered")
        }
      }
    }
    return found
  }

  /// Does what the suggestion proposes, as the user's own change (a stage move with a note, a
  /// new task, a deadline marked done), and returns what was done in words.
  @discardableResult
  public mutating func accept(_ suggestion: Suggestion, at time: Date, today: CivilDate) throws
    -> String
  {
    switch suggestion.kind {
    case .followUp:
      let id = add(Deadline(
        id: "", kind: .followUp, due: .allDay(today),
        owner: .application(suggestion.applicationID), note: suggestion.reason))
      return "added the follow-up task \(id), due today"
    case .noResponse, .nextStage:
      guard let stage = suggestion.proposedStage else { return "nothing to do" }
      try move(applicationID: suggestion.applicationID, to: stage,
               note: "Suggested: " + suggestion.reason, at: time)
      if let deadlineID = suggestion.deadlineID { try markDone(deadlineID, at: time) }
      refreshDerivedDeadlines()
      return "moved \(suggestion.applicationID) to \(stage.displayName)"
    case .started, .answerOffer:
      guard let deadlineID = suggestion.deadlineID else { return "nothing to do" }
      try markDone(deadlineID, at: time)
      return suggestion.kind == .started
        ? "marked \(suggestion.applicationID) started" : "marked the offer answered"
    }
  }

  /// Records the user's answer to a suggestion (replacing an earlier one for the same id).
  public mutating func answerSuggestion(_ id: String, _ answer: SuggestionAnswer.Answer,
                                        until: CivilDate? = nil) {
    settings.suggestionAnswers.removeAll { $0.id == id }
    settings.suggestionAnswers.append(SuggestionAnswer(answer: answer, id: id, until: until))
  }
}

extension Agenda {
  /// The entries of `rows` at the clock's instant that suggestions are made from, in agenda
  /// order (`sorted`): applications' passed interviews, calls, assessments and start dates
  /// (what happened?) and offer answers due within `SuggestionRules.offerAnswerDays`. Nothing
  /// else on the agenda is looked at, and making entries for a large store's whole agenda only
  /// to drop them would cost more than the suggestions.
  ///
  /// `rows` may include closed applications' (`--all`) or not: suggestions are made for active
  /// applications only, and an active application's own events and offer answers are on the
  /// agenda either way.
  public static func suggestionEntries(of rows: [AgendaRow], clock: some WallClock)
    -> [AgendaEntry]
  {
    let today = clock.today
    // A passed event is asked about for `passedEventDays`, an offer answer from
    // `offerAnswerDays` ahead; a row's `sortDay` is within a day of its date in any zone, so a
    // row outside these days cannot become a suggestion and gets no entry.
    let earliest = today.adding(days: -passedEventDays - 1).dayNumber
    let latest = AgendaRow.latestSortDay(dueBy: today.adding(days: SuggestionRules.offerAnswerDays))
      .dayNumber
    return sorted(rows.withUnsafeBufferPointer { rows in
      rows.indices.compactMap { position -> AgendaEntry? in
        let kind = rows[position].kind
        guard case .application = rows[position].owner,
          kind.endsInNextStage || kind == .startDate || kind == .offerResponse,
          let day = rows[position].sortDay?.dayNumber, earliest <= day, day <= latest,
          let entry = rows[position].entry(today: today, clock: clock)
        else { return nil }
        let isAnswerSoon = kind == .offerResponse && !entry.flags.contains(.happened)
          && entry.daysLeft.map { (0...SuggestionRules.offerAnswerDays).contains($0) } == true
        return entry.flags.contains(.happened) || isAnswerSoon ? entry : nil
      }
    })
  }
}

extension DeadlineKind {
  /// An event after which an application moves on to its next stage: once it is over, the
  /// next-stage suggestion asks whether it did.
  var endsInNextStage: Bool {
    switch self {
    case .interview, .phoneScreen, .call, .assessment: return true
    default: return false
    }
  }
}

extension Array where Element == Suggestion {
  /// The suggestion whose id is `id` or starts with it, as ids elsewhere: unique or an error.
  public func resolve(_ id: String) throws -> Suggestion {
    if let exact = first(where: { $0.id == id }) { return exact }
    let matches = filter { $0.id.hasPrefix(id) }
    guard matches.count == 1, let only = matches.first else {
      if matches.isEmpty { throw DeckError.notFound(id, expected: nil) }
      throw DeckError.ambiguous(id, candidates: matches.map(\.id))
    }
    return only
  }
}
