import Foundation
import JobDeckCore

/// What a desktop notification of `remind --notify` says: the summary names the job and what is
/// due when ("Acme · ML Intern: interview tomorrow at 14:00"), the body the day and time, where,
/// and the deadline's note.
enum ReminderNoticeText {
  static func summary(_ notice: ReminderNotice, in zone: TimeZone) -> String {
    let entry = notice.entry
    let names = [entry.company, entry.title].filter { !$0.isEmpty }.joined(separator: " · ")
    let what = entry.event.title ?? entry.kind.displayName
    let days = entry.daysLeft ?? 0
    let due: String
    if entry.kind.isEvent {
      due = what + " " + DeadlineText.relative(days)
        + (entry.time.map { " at " + DeadlineText.clockTime($0, in: zone) } ?? "")
    } else {
      let when: String
      switch days {
      case ..<0: when = "\(-days) day\(days == -1 ? "" : "s") overdue"
      case 0: when = "due today"
      case 1: when = "due tomorrow"
      default: when = "due in \(days) days"
      }
      due = what + " – " + when
    }
    return TerminalText.sanitized(names.isEmpty ? due : names + ": " + due)
  }

  /// "Tue 2026-12-08 14:00–15:00 (15:00 Europe/Helsinki) · Room 4", then the note.
  static func body(_ notice: ReminderNotice, in zone: TimeZone) -> String {
    let entry = notice.entry
    var when = DeadlineText.agendaWhen(entry, in: zone)
    if entry.time == nil, let date = entry.date {
      when = DeadlineText.weekdayName(date) + " " + when
    }
    if let time = entry.time, let eventZone = entry.timeZone,
      eventZone.secondsFromGMT(for: time) != zone.secondsFromGMT(for: time)
    {
      when += " (\(DeadlineText.clockTime(time, in: eventZone)) \(eventZone.identifier))"
    }
    let place = DeadlineText.whereText(entry.event)
    var lines = [place.isEmpty ? when : when + " · " + place]
    if let note = entry.event.note, !note.isEmpty { lines.append(note) }
    return safeLines(lines.joined(separator: "\n"))
  }

  /// The one notification for reminders beyond `ReminderNotifying.maximumSeparate`.
  static func groupSummary(count: Int) -> String {
    "JobDeck: \(count) more reminders"
  }

  /// One line per reminder (the first eight), then where to see them all.
  static func groupBody(_ notices: [ReminderNotice], in zone: TimeZone) -> String {
    let shown = 8
    var lines = notices.prefix(shown).map { summary($0, in: zone) }
    if notices.count > shown { lines.append("… and \(notices.count - shown) more") }
    lines.append("jobdeck agenda shows them all")
    return lines.joined(separator: "\n")
  }
}
