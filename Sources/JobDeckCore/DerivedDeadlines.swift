import Foundation

/// Deadlines that follow from stages and employment terms, kept in step with them.
///
/// A derived deadline is the engine's until the user touches it: once edited (origin `.edited`),
/// done or dismissed, the engine neither moves nor recreates it. A still-derived, pending one
/// moves when its inputs change (its `revision` is bumped, so calendars replace the event) and
/// is removed when its rule no longer applies (the application moved on).
extension Deck {
  /// The kinds the engine derives; a deadline of another kind is never touched here.
  public static let derivedKinds: [DeadlineKind] = [
    .followUp, .offerResponse, .startDate, .probationReview, .probationEnd, .resignationNotice,
    .contractEnd,
  ]

  /// Brings every derived deadline in line with the applications, their terms and the settings.
  ///
  /// Pure and idempotent: running it twice changes nothing the second time, and an existing
  /// deadline keeps its id forever (it is the calendar UID). New ones get
  /// `<applicationID>/<kind slug>` (`acme-ml-intern/follow-up`), `-2` if a manual deadline took
  /// that id first.
  ///
  /// No clock is needed: the follow-up is due `settings.followUpAfterDays` civil days after the
  /// UTC day of the last move. UTC, not the user's zone, so that the same store yields the same
  /// dates in Auckland and in Berlin; the cost is that a move made late at night far from UTC
  /// counts from the neighbouring day, which does not matter for a nudge to write an email.
  public mutating func refreshDerivedDeadlines() {
    for application in applications {
      let wanted = derivedDates(for: application)
      for kind in Deck.derivedKinds {
        syncDerived(kind: kind, of: application.id, to: wanted[kind])
      }
    }
    // Derived deadlines of applications that no longer exist are orphans: drop the ones the
    // engine still owns.
    let applicationIDs = Set(applications.map(\.id))
    deadlines.removeAll { deadline in
      guard case .application(let id) = deadline.owner else { return false }
      return deadline.origin == .derived && deadline.status == .pending
        && Deck.derivedKinds.contains(deadline.kind) && !applicationIDs.contains(id)
    }
  }

  /// The date each derivation rule gives for one application; a kind is absent when its rule
  /// does not apply.
  public func derivedDates(for application: Application) -> [DeadlineKind: CivilDate] {
    var dates: [DeadlineKind: CivilDate] = [:]
    let terms = application.terms
    switch application.stage {
    case .applied where settings.followUpAfterDays > 0:
      let movedOn = CivilDate(containing: application.lastMovedAt, in: Deck.utc)
      dates[.followUp] = movedOn.adding(days: settings.followUpAfterDays)
    case .offer:
      if let answerBy = terms.offerResponseBy { dates[.offerResponse] = answerBy }
    case .accepted:
      if let start = terms.startDate {
        dates[.startDate] = start
        if let probation = terms.probation {
          let probationEnd = probation.lastDayOfTerm(startingOn: start)
          dates[.probationEnd] = probationEnd
          dates[.probationReview] =
            terms.probationReviewAfter.map { $0.lastDayOfTerm(startingOn: start) }
            ?? probationEnd.adding(days: -14)
        } else if let reviewAfter = terms.probationReviewAfter {
          dates[.probationReview] = reviewAfter.lastDayOfTerm(startingOn: start)
        }
        if let notice = settings.currentNoticePeriod {
          dates[.resignationNotice] = Deck.latestResignationDay(notice: notice, startingOn: start)
        }
      }
      if let contractEnd = terms.contractEnd { dates[.contractEnd] = contractEnd }
    default:
      break
    }
    return dates
  }

  /// The latest day notice may reach the current employer so that the notice period is over by
  /// the day before the new job starts (no overlap, no gap needed).
  ///
  /// The period starts the day after notice is received (BGB §187(1): the day of the event does
  /// not count) and ends per `Period.lastDayOfTerm(startingOn:)`. Start 1 Apr 2025 with 3 months'
  /// notice → resign by 31 Dec 2024 (the term 1 Jan–31 Mar); with 4 weeks → by 3 Mar 2025.
  /// Contractual "to the end of a month" or "to the 15th" rules (BGB §622(1)) are not modelled:
  /// not legal advice.
  public static func latestResignationDay(notice: Period, startingOn start: CivilDate)
    -> CivilDate
  {
    let lastFreeDay = start.adding(days: -1)
    func periodEnd(ifGivenOn day: CivilDate) -> CivilDate {
      notice.lastDayOfTerm(startingOn: day.adding(days: 1))
    }
    // Start from the naive answer and walk to the exact one; the term end never decreases as
    // the notice day moves later, so the walk is a few steps at most.
    var day = notice.negated.added(to: lastFreeDay)
    while periodEnd(ifGivenOn: day) > lastFreeDay { day = day.adding(days: -1) }
    while periodEnd(ifGivenOn: day.adding(days: 1)) <= lastFreeDay { day = day.adding(days: 1) }
    return day
  }

  /// Creates, moves or removes the one derived deadline of `kind` for an application.
  private mutating func syncDerived(kind: DeadlineKind, of applicationID: String, to date: CivilDate?)
  {
    let owner = DeadlineOwner.application(applicationID)
    let index = deadlines.firstIndex {
      $0.owner == owner && $0.kind == kind && ($0.origin == .derived || $0.origin == .edited)
    }
    guard let index else {
      if let date {
        add(Deadline(id: "", kind: kind, due: .allDay(date), owner: owner, origin: .derived))
      }
      return
    }
    let existing = deadlines[index]
    guard existing.origin == .derived, existing.status == .pending else { return }
    if let date {
      if existing.due != .allDay(date) {
        deadlines[index].due = .allDay(date)
        deadlines[index].revision += 1
      }
    } else {
      deadlines.remove(at: index)
    }
  }
}
