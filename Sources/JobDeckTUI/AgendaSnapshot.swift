import Foundation
import JobDeckCore

/// The stretch of time over which the agenda's entries stay what they are: from the instant
/// they were worked out at to the next midnight in the zone (days left, sections) or the first
/// timed deadline that passes before it (`AgendaPlacement.passingInstant`), whichever comes
/// first. A clock that ticks inside it changes nothing on the agenda, so nothing is re-sorted.
struct AgendaSpan: Equatable, Sendable {
  var timeZone: TimeZone
  var start: Date
  var end: Date

  /// The span starting at `now` that ends before any of `entries` changes.
  init(entries: [AgendaEntry], now: Date, timeZone: TimeZone) {
    self.init(now: now, timeZone: timeZone)
    entries.withUnsafeBufferPointer { entries in
      // Fields read in place: a copy of an entry retains each of its strings.
      for position in entries.indices {
        guard let time = entries[position].time else { continue }
        shorten(
          toPassingOf: entries[position].kind, at: time,
          in: entries[position].timeZone ?? timeZone,
          eventDuration: entries[position].event.duration,
          hasHappened: entries[position].flags.contains(.happened))
      }
    }
  }

  /// From `now` to the next midnight in `timeZone`.
  init(now: Date, timeZone: TimeZone) {
    self.timeZone = timeZone
    start = now
    end = CivilDate(containing: now, in: timeZone).adding(days: 1).instant(in: timeZone)
  }

  /// Ends the span no later than a deadline placed at `time` passes, when that is still ahead;
  /// `zone` is the deadline's own. The rest is read only for a timed deadline that may end the
  /// span: of 100,000 deadlines, a handful.
  mutating func shorten(toPassingOf kind: DeadlineKind, at time: Date?,
    in zone: @autoclosure () -> TimeZone, eventDuration: @autoclosure () -> Period?,
    hasHappened: @autoclosure () -> Bool)
  {
    // A deadline passes at its time or, an event, later: one at or after `end` cannot end it.
    guard let time, time < end, !hasHappened() else { return }
    let passes = AgendaPlacement.passingInstant(
      of: kind, at: time, in: zone(), eventDuration: eventDuration())
    if passes > start { end = min(end, passes) }
  }

  func contains(_ now: Date, in zone: TimeZone) -> Bool {
    start <= now && now < end && zone == timeZone
  }
}

/// The agenda's entries over one `AgendaSpan`, and their order and sections once a view has
/// asked for them (the postings table needs only the entries).
struct AgendaSnapshot: Sendable {
  var span: AgendaSpan
  /// The rows' entries, in row order.
  var entries: [AgendaEntry]
  /// Positions of `entries` in the agenda's order (`Agenda.order`).
  var order: [Int]?
  /// The display sections, over `entries` in `order`.
  var groups: [AgendaModel.Group]?

  init(rows: [AgendaRow], now: Date, timeZone: TimeZone) {
    entries = Agenda.entries(of: rows, clock: FixedWallClock(now: now, timeZone: timeZone))
    span = AgendaSpan(entries: entries, now: now, timeZone: timeZone)
  }

  mutating func sortedOrder() -> [Int] {
    if let order { return order }
    let sorted = Agenda.order(of: entries)
    order = sorted
    return sorted
  }

  mutating func sections() -> [AgendaModel.Group] {
    if let groups { return groups }
    let entries = self.entries
    let sections = Agenda.sections(of: entries, in: sortedOrder()).map {
      AgendaModel.Group(
        section: $0.section, entries: AgendaModel.Entries(all: entries, positions: $0.positions))
    }
    groups = sections
    return sections
  }
}

extension ResolvedDue {
  /// The zone a timed deadline was given in; nil for the others.
  var zone: TimeZone? {
    guard case .instant(_, let zone) = self else { return nil }
    return zone
  }
}
