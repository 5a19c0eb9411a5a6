import Foundation

/// A reminder as `jobdeck remind --notify` sends it: one deadline at one of its lead times.
///
/// `key` names the deadline, its date (or instant) and the lead time reached, so a reminder is
/// sent once however often `remind` runs, the next lead time is a new one, and so is the same
/// lead time after the date moved.
public struct ReminderNotice: Hashable, Sendable {
  public var entry: AgendaEntry
  public var key: String

  /// Nil for an entry no lead time of which has been reached (or without a date).
  public init?(_ entry: AgendaEntry) {
    guard let lead = entry.reachedLeadTime, let date = entry.date else { return nil }
    let when = entry.time.map { Self.instantText($0) } ?? date.description
    self.entry = entry
    key = "\(entry.id) \(when) \(lead)"
  }

  /// A task due today or overdue: something the user must still do, now. An event (an
  /// interview) is not: it happens whether or not they act.
  public var isCritical: Bool {
    !entry.kind.isEvent && (entry.daysLeft ?? 1) <= 0
  }

  /// What to send of `entries` (the reminders due, `Agenda.remindersDue`) given the keys sent
  /// before, and the keys to remember afterwards apart from those sent now: the ones still due.
  /// Forgetting the others keeps the file small, and a deadline that returns (a snooze ended, an
  /// application reopened) reminds again.
  public static func plan(entries: [AgendaEntry], sent: Set<String>)
    -> (toSend: [ReminderNotice], stillDue: Set<String>)
  {
    let notices = entries.compactMap(ReminderNotice.init)
    let toSend = notices.filter { !sent.contains($0.key) }
    return (toSend, sent.intersection(notices.map(\.key)))
  }

  private static func instantText(_ instant: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: instant)
  }
}
