import Foundation
import JobDeckCore

/// When a deadline falls, as far as a calendar file needs it.
enum CalendarWhen: Hashable, Sendable {
  case allDay(CivilDate)
  case timed(Date)
}

/// A deliberately small resolver for the calendar export, not the deadline engine: a relative
/// deadline is placed only when its anchor is already on file (the owner's application terms,
/// or the posting's application cutoff). `probationEnd` and `contractEnd` counted in months from
/// the start use the BGB last-day-of-term rule (`Period.lastDayOfTerm`); every other offset is
/// plain calendar addition (`Period.added`). A relative deadline whose anchor is unknown has no
/// date and is left out of the calendar. The deadline engine owns the full rules; once it is
/// merged, the exporter should ask it instead.
enum CalendarDeadlineDates {
  static func when(_ deadline: Deadline, in deck: Deck) -> CalendarWhen? {
    switch deadline.due {
    case .allDay(let date):
      return .allDay(date)
    case .timed(let instant, _):
      return .timed(instant)
    case .relative(let anchor, let offset):
      guard let anchorDate = anchorDate(anchor, owner: deadline.owner, in: deck) else {
        return nil
      }
      let monthsForward = offset.years * 12 + offset.months > 0
      if monthsForward, deadline.kind == .probationEnd || deadline.kind == .contractEnd,
        anchor == .startDate
      {
        return .allDay(offset.lastDayOfTerm(startingOn: anchorDate))
      }
      return .allDay(offset.added(to: anchorDate))
    }
  }

  private static func anchorDate(_ anchor: DeadlineAnchor, owner: DeadlineOwner, in deck: Deck)
    -> CivilDate?
  {
    let application: Application?
    let postingID: String?
    switch owner {
    case .application(let id):
      application = deck.application(withID: id)
      postingID = application?.postingID
    case .posting(let id):
      application = deck.applications(forPosting: id).first
      postingID = id
    }
    switch anchor {
    case .startDate: return application?.terms.startDate
    case .contractEnd: return application?.terms.contractEnd
    case .offerResponse: return application?.terms.offerResponseBy
    case .applicationCutoff:
      let owners = [postingID.map(DeadlineOwner.posting), application.map { .application($0.id) }]
      for owner in owners.compactMap({ $0 }) {
        for deadline in deck.deadlines(ownedBy: owner) where deadline.kind == .applicationCutoff {
          if case .allDay(let date) = deadline.due { return date }
        }
      }
      return nil
    }
  }
}
