import Foundation
import JobDeckCore

/// How a deadline's date reads in the CLI: "2026-12-01 (in 9 days)", "pending: waits for the
/// start date".
enum DeadlineText {
  static func when(_ deadline: Deadline, in deck: Deck, clock: WallClock) -> String {
    switch deck.resolvedDue(of: deadline) {
    case .pending(let anchor):
      return "pending: waits for the \(anchorName(anchor))"
    case .day(let date):
      return date.description + " (" + relative(clock.today.days(until: date)) + ")"
    case .instant(let instant, let zone):
      let local = RecordText.timeText(instant, in: zone)
        + (deadline.duration.map { "–" + clockTime(EventDetails.end(of: instant, lasting: $0, in: zone), in: zone) } ?? "")
      let day = CivilDate(containing: instant, in: clock.timeZone)
      return "\(local) \(zone.identifier) (" + relative(clock.today.days(until: day)) + ")"
    }
  }

  /// "14:00", or "14:00–15:30" for an entry with a duration, in `zone`.
  static func timeRange(_ entry: AgendaEntry, in zone: TimeZone) -> String? {
    guard let time = entry.time else { return nil }
    let start = clockTime(time, in: zone)
    guard entry.event.duration != nil, let end = entry.endTime else { return start }
    return start + "–" + clockTime(end, in: zone)
  }

  /// "Tue 2026-12-09 14:00–15:00" (local time) for a timed entry, the date for an all-day one.
  static func agendaWhen(_ entry: AgendaEntry, in zone: TimeZone) -> String {
    guard let date = entry.date else {
      return "waits for \(entry.pendingOn.map(anchorName) ?? "?")"
    }
    guard let range = timeRange(entry, in: zone) else { return date.description }
    return weekdayName(date) + " " + date.description + " " + range
  }

  /// How much of a note an agenda or reminder row shows; `show` has all of it.
  static let agendaNoteWidth = 32

  /// Where an event is: its place and its link without the scheme, joined.
  static func whereText(_ event: EventDetails) -> String {
    [event.place, event.link.map(EventLink.shortened)].compactMap { $0 }.joined(separator: " · ")
  }

  static func weekdayName(_ date: CivilDate) -> String {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(date.isoWeekday + 6) % 7]
  }

  static func clockTime(_ instant: Date, in zone: TimeZone) -> String {
    instant.clockTime(in: zone)
  }

  static func relative(_ days: Int) -> String {
    switch days {
    case 0: return "today"
    case 1: return "tomorrow"
    case -1: return "yesterday"
    case let days where days > 0: return "in \(days) days"
    default: return "\(-days) days ago"
    }
  }

  static func anchorName(_ anchor: DeadlineAnchor) -> String {
    switch anchor {
    case .startDate: return "start date"
    case .contractEnd: return "contract end"
    case .offerResponse: return "offer response date"
    case .applicationCutoff: return "application cutoff"
    }
  }

  /// A short badge readable without colour.
  static func badge(_ entry: AgendaEntry) -> String {
    if entry.flags.contains(.missed) { return "MISSED" }
    if entry.flags.contains(.happened) { return "done?" }
    guard let days = entry.daysLeft else { return "pending" }
    if days < 0 { return "\(-days)d late" }
    if days == 0 { return "TODAY" }
    return "\(days)d"
  }
}
