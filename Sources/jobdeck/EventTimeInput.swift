import Foundation
import JobDeckCore

/// `--at HH:MM` and `--time-zone`, shared by `deadline add` and `event add|edit`.
enum EventTimeInput {
  /// All-day without `at`; otherwise the instant `at` on `day` in `zoneName` (default: the
  /// clock's zone, which is `$TZ` or the system's).
  static func due(on day: CivilDate, at: String?, timeZone zoneName: String?, clock: WallClock)
    throws -> DeadlineDue
  {
    guard let at else {
      if zoneName != nil {
        throw CommandFailure.user("--time-zone needs --at: an all-day date has no time zone")
      }
      return .allDay(day)
    }
    let (hour, minute) = try timeOfDay(at)
    let zone = try self.zone(zoneName ?? clock.timeZone.identifier)
    return .timed(day.instant(hour: hour, minute: minute, in: zone), timeZone: zone.identifier)
  }

  static func timeOfDay(_ text: String) throws -> (hour: Int, minute: Int) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0..<24).contains(hour),
      (0..<60).contains(minute)
    else { throw CommandFailure.user("invalid --at '\(text)': expected HH:MM from 00:00 to 23:59, e.g. 14:30") }
    return (hour, minute)
  }

  static func zone(_ name: String) throws -> TimeZone {
    guard let zone = TimeZone(identifier: name) else {
      throw CommandFailure.user(
        "invalid --time-zone '\(name)': expected an IANA name such as Europe/Berlin")
    }
    return zone
  }

  /// A duration for an event: positive, with a time part or whole days (`1h`, `90min`, `1d`).
  static func duration(_ text: String) throws -> Period {
    let period = try DurationInput.parse(text)
    let parts = [period.years, period.months, period.weeks, period.days, period.hours,
                 period.minutes]
    guard parts.allSatisfy({ $0 >= 0 }), parts.contains(where: { $0 > 0 }) else {
      throw CommandFailure.user(
        "invalid --duration '\(text)': expected a length above zero such as 45min, 1h or 2d")
    }
    return period
  }
}
