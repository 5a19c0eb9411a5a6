import Foundation

/// Where a deadline on the agenda falls at one instant: its entry's date, time, days left and
/// urgency, without the names and details an `AgendaEntry` carries.
///
/// `AgendaRow.entry(today:clock:)` starts from it, so what an entry shows and what a pass over
/// every deadline sees (the postings' Due column and its sort, which show the entries of the
/// few rows on screen) follow the same rules.
public struct AgendaPlacement: Hashable, Sendable {
  /// The civil day it is due, in the clock's zone; nil while pending.
  public var date: CivilDate?
  /// The instant of a timed deadline; nil for all-day ones.
  public var time: Date?
  /// Civil days from today to `date`; nil while pending.
  public var daysLeft: Int?
  /// Nil while pending and once an event has passed.
  public var urgency: Urgency?
  /// An event that is over (`AgendaEntry.Flag.happened`).
  public var hasHappened = false
  /// What a pending relative deadline waits for.
  public var pendingOn: DeadlineAnchor?

  init(date: CivilDate? = nil, time: Date? = nil, daysLeft: Int? = nil, urgency: Urgency? = nil,
    hasHappened: Bool = false, pendingOn: DeadlineAnchor? = nil)
  {
    self.date = date
    self.time = time
    self.daysLeft = daysLeft
    self.urgency = urgency
    self.hasHappened = hasHappened
    self.pendingOn = pendingOn
  }

  /// Where a deadline due at `due` falls at the clock's instant, or nil while it is snoozed or
  /// once a passed event is no longer asked about. `today` must be `clock.today`.
  init?(kind: DeadlineKind, due: ResolvedDue, snoozedUntil: CivilDate?, eventDuration: Period?,
    today: CivilDate, clock: some WallClock)
  {
    if let snoozedUntil, today < snoozedUntil { return nil }
    switch due {
    case .pending(let anchor):
      self.init(pendingOn: anchor)
    case .day(let date):
      let daysLeft = today.days(until: date)
      if kind.isEvent, daysLeft < 0 {
        // An all-day event has passed once its day is over in the user's zone.
        guard Agenda.isStillAsked(daysLeft: daysLeft) else { return nil }
        self.init(date: date, daysLeft: daysLeft, hasHappened: true)
      } else {
        self.init(date: date, daysLeft: daysLeft, urgency: Urgency(daysLeft: daysLeft))
      }
    case .instant(let instant, let zone):
      let date = CivilDate(containing: instant, in: clock.timeZone)
      let daysLeft = today.days(until: date)
      if kind.isEvent {
        // A timed event has passed once it is over: an interview in progress has not.
        if clock.now >= Self.passingInstant(
          of: kind, at: instant, in: zone, eventDuration: eventDuration)
        {
          guard Agenda.isStillAsked(daysLeft: daysLeft) else { return nil }
          self.init(date: date, time: instant, daysLeft: daysLeft, hasHappened: true)
        } else {
          self.init(date: date, time: instant, daysLeft: daysLeft,
            urgency: Urgency(daysLeft: max(daysLeft, 0)))
        }
      } else {
        self.init(date: date, time: instant, daysLeft: daysLeft,
          urgency: Urgency(daysLeft: daysLeft, instantHasPassed: clock.now >= instant))
      }
    }
  }

  /// When a deadline due at `instant` passes: an event once it is over (its start plus its
  /// duration, on the wall clock of its own zone; never before it starts, whatever a
  /// hand-edited duration says), anything else at the instant itself. Until then, and apart
  /// from midnights, its placement stays the same: a view may keep it.
  public static func passingInstant(of kind: DeadlineKind, at instant: Date, in zone: TimeZone,
    eventDuration: Period?) -> Date
  {
    guard kind.isEvent else { return instant }
    let end = EventDetails.end(
      of: instant, lasting: eventDuration ?? DeadlineKind.defaultDuration, in: zone)
    return max(instant, end)
  }
}

extension Agenda {
  /// Where a deadline falls on the agenda at the clock's instant, or nil when it is not on it
  /// then: what its entry (`entry(for:in:index:clock:)`) would show, without the entry.
  /// `index` must have been built from the deck holding `deadline`; `today` must be
  /// `clock.today`.
  public static func placement(of deadline: Deadline, index: DeckIndex, today: CivilDate,
    clock: some WallClock) -> AgendaPlacement?
  {
    placementAndPosting(of: deadline, index: index, today: today, clock: clock)?.placement
  }

  /// `placement(of:index:today:clock:)`, with the position in the deck's postings of the
  /// posting the deadline is about (its owner, or its owner's posting; nil for an application
  /// without one), from the same lookup of its owner.
  public static func placementAndPosting(of deadline: Deadline, index: DeckIndex,
    today: CivilDate, clock: some WallClock) -> (placement: AgendaPlacement, posting: Int?)?
  {
    guard deadline.status == .pending else { return nil }
    let place = index.place(of: deadline.owner)
    guard isShown(deadline, at: place, index: index),
      let placement = AgendaPlacement(
        kind: deadline.kind, due: index.resolvedDue(of: deadline),
        snoozedUntil: deadline.snoozedUntil, eventDuration: deadline.duration, today: today,
        clock: clock)
    else { return nil }
    return (placement, place.posting)
  }

  /// `isOrderedBefore` for two deadlines placed at the same instant, without their entries.
  public static func isOrderedBefore(_ lhs: Deadline, at left: AgendaPlacement,
    _ rhs: Deadline, at right: AgendaPlacement) -> Bool
  {
    isOrderedBefore(
      (left.date, left.time, lhs.kind, lhs.id), (right.date, right.time, rhs.kind, rhs.id))
  }
}
