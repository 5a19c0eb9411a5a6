import Foundation

/// What an event has beyond its date: its own title, how long it lasts, where it happens and
/// its video link. Carried from the deadline into the agenda's rows and entries, so every place
/// that lists an event can show them.
public struct EventDetails: Hashable, Sendable {
  public var title: String?
  public var duration: Period?
  public var place: String?
  public var link: String?

  public init(title: String? = nil, duration: Period? = nil, place: String? = nil,
    link: String? = nil)
  {
    self.title = title
    self.duration = duration
    self.place = place
    self.link = link
  }

  public init(_ deadline: Deadline) {
    self.init(title: deadline.title, duration: deadline.duration, place: deadline.place,
      link: deadline.link)
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
