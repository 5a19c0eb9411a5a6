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
      let day = CivilDate(containing: instant, in: clock.timeZone)
      return "\(local) \(zone.identifier) (" + relative(clock.today.days(until: day)) + ")"
    }
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
    guard let days = entry.daysLeft else { return "pending" }
    if days < 0 { return "\(-days)d late" }
    if days == 0 { return "TODAY" }
    return "\(days)d"
  }
}
