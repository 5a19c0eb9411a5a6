import Foundation

/// The check a save makes before it writes: every date a record holds, typed or derived, is
/// within `SupportedDates`, and every period within `Period.limits`. The loader refuses anything
/// else, so a save that passed this check can always be loaded again.
extension SupportedDates {
  /// What is wrong with the first record that holds a date outside the range, in words that
  /// name the record and the date; nil when every record is fine.
  public static func problem(
    postings: some Sequence<Posting>, applications: some Sequence<Application>,
    deadlines: some Sequence<Deadline>, settings: Settings?
  ) -> String? {
    if let settings, let problem = problem(in: settings) { return problem }
    for posting in postings {
      if let problem = problem(in: posting) { return problem }
    }
    for application in applications {
      if let problem = problem(in: application) { return problem }
    }
    for deadline in deadlines {
      if let problem = problem(in: deadline) { return problem }
    }
    return nil
  }

  public static func problem(in deck: Deck) -> String? {
    problem(postings: deck.postings, applications: deck.applications, deadlines: deck.deadlines,
            settings: deck.settings)
  }

  public static func problem(in settings: Settings) -> String? {
    if let notice = settings.currentNoticePeriod, !notice.isWithinLimits {
      return "the notice period \(notice) is longer than JobDeck works with (\(Period.limitsText))"
    }
    for answer in settings.suggestionAnswers {
      if let until = answer.until, !contains(until) {
        return "the snooze of suggestion '\(answer.id)', \(until), is \(outsideDates)"
      }
    }
    return nil
  }

  // The checks below make the record's name and lists of its dates only for a record that
  // fails: a save checks every record of a large deck, and almost all pass.

  public static func problem(in posting: Posting) -> String? {
    if let posted = posting.posted, !contains(posted.date) {
      return "the posted date of posting '\(posting.id)', \(posted.date), is \(outsideDates)"
    }
    guard !contains(instant: posting.createdAt) || !contains(instant: posting.updatedAt) else {
      return nil
    }
    return instantProblem("posting '\(posting.id)'",
                          [("created", posting.createdAt), ("updated", posting.updatedAt)])
  }

  public static func problem(in application: Application) -> String? {
    let terms = application.terms
    func isFine(_ date: CivilDate?) -> Bool { date.map { contains($0) } ?? true }
    func isFine(_ period: Period?) -> Bool { period?.isWithinLimits ?? true }
    if isFine(terms.offerResponseBy), isFine(terms.startDate), isFine(terms.contractEnd),
      isFine(terms.probation), isFine(terms.probationReviewAfter),
      contains(instant: application.createdAt), contains(instant: application.updatedAt),
      application.history.allSatisfy({ contains(instant: $0.at) })
    {
      return nil
    }
    let name = "application '\(application.id)'"
    let dates: [(String, CivilDate?)] = [
      ("offer response date", terms.offerResponseBy), ("start date", terms.startDate),
      ("contract end", terms.contractEnd),
    ]
    for case (let what, let date?) in dates where !contains(date) {
      return "the \(what) of \(name) would be \(date), \(outsideDates)"
    }
    for case (let what, let period?) in [("probation", terms.probation),
                                         ("review term", terms.probationReviewAfter)]
    where !period.isWithinLimits {
      return "the \(what) of \(name), \(period), is longer than JobDeck works with"
        + " (\(Period.limitsText))"
    }
    let instants = [("created", application.createdAt), ("updated", application.updatedAt)]
      + application.history.map { ("moved to \($0.to.rawValue)", $0.at) }
    return instantProblem(name, instants)
  }

  public static func problem(in deadline: Deadline) -> String? {
    func name() -> String { "deadline '\(deadline.id)'" }
    switch deadline.due {
    case .allDay(let date) where !contains(date):
      return "\(name()) (\(deadline.kind.displayName)) would be due \(date), \(outsideDates)"
    case .timed(let instant, _) where !contains(instant: instant):
      return "\(name()) (\(deadline.kind.displayName)) would be due at"
        + " \(describe(instant)), \(outsideTimes)"
    case .relative(_, let offset) where !offset.isWithinLimits:
      return "the offset of \(name()), \(offset), is longer than JobDeck works with"
        + " (\(Period.limitsText))"
    default: break
    }
    if let snooze = deadline.snoozedUntil, !contains(snooze) {
      return "\(name()) would be snoozed until \(snooze), \(outsideDates)"
    }
    if let leads = deadline.leadTimes, let lead = leads.first(where: { !$0.isWithinLimits }) {
      return "the lead time \(lead) of \(name()) is longer than JobDeck works with"
        + " (\(Period.limitsText))"
    }
    return nil
  }

  private static func instantProblem(_ name: String, _ instants: [(String, Date)]) -> String? {
    for (what, instant) in instants {
      if !contains(instant: instant) {
        return "\(name) would be \(what) at \(describe(instant)), \(outsideTimes)"
      }
    }
    return nil
  }
}
