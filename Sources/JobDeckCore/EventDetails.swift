import Foundation

/// What an event or task has beyond its date: its own title, how long it lasts, where it
/// happens, its video link and the user's note. Carried from the deadline into the agenda's
/// rows and entries, so every place that lists a deadline (agenda, remind, the UI) can show them.
public struct EventDetails: Hashable, Sendable {
  public var title: String?
  public var duration: Period?
  public var place: String?
  public var link: String?
  /// The note given with `deadline add --note` or in the event form.
  public var note: String?

  public init(title: String? = nil, duration: Period? = nil, place: String? = nil,
    link: String? = nil, note: String? = nil)
  {
    self.title = title
    self.duration = duration
    self.place = place
    self.link = link
    self.note = note
  }

  public init(_ deadline: Deadline) {
    self.init(title: deadline.title, duration: deadline.duration, place: deadline.place,
      link: deadline.link, note: deadline.note.flatMap { $0.isEmpty ? nil : $0 })
  }

  /// The note on one line, cut to `width` columns with an ellipsis: for the agenda's rows.
  public func shortNote(width: Int) -> String? {
    guard let note else { return nil }
    let line = note.split(whereSeparator: \.isNewline).joined(separator: " ")
    return TerminalText.truncated(line, toWidth: width)
  }

  public var isEmpty: Bool { self == EventDetails() }

  /// `start` plus `duration`, counted in `zone` (calendar arithmetic: an event across a DST
  /// change keeps its wall-clock length in days, its hours are hours).
  public static func end(of start: Date, lasting duration: Period, in zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    var components = DateComponents()
    components.year = duration.years
    components.month = duration.months
    components.day = duration.weeks * 7 + duration.days
    components.hour = duration.hours
    components.minute = duration.minutes
    return calendar.date(byAdding: components, to: start) ?? start
  }
}
