import Foundation

/// A time of day, a time zone and a duration as people type them, checked the same way for
/// the CLI (`--at`, `--time-zone`, `--duration`) and the UI's event form: the messages name
/// the field they were given as.
public enum EventTimeInput {
  /// All-day without `at`; otherwise the instant `at` on `day` in `zoneName` (default:
  /// `defaultZone`, the clock's).
  public static func due(
    on day: CivilDate, at: String?, timeZone zoneName: String?, defaultZone: TimeZone,
    timeField: String = "--at", zoneField: String = "--time-zone"
  ) throws -> DeadlineDue {
    guard let at else {
      if zoneName != nil {
        throw DeckError.invalidValue(
          field: zoneField, value: zoneName ?? "",
          expected: "a time with it (\(timeField)): an all-day date has no time zone")
      }
      return .allDay(day)
    }
    let (hour, minute) = try timeOfDay(at, field: timeField)
    let zone = try self.zone(zoneName ?? defaultZone.identifier, field: zoneField)
    let instant = day.instant(hour: hour, minute: minute, in: zone)
    guard SupportedDates.contains(instant: instant) else {
      throw DeckError.valueOutOfRange(
        field: timeField, value: "\(day) \(at)",
        problem: "\(at) on \(day) in \(zone.identifier) is \(SupportedDates.describe(instant)),"
          + " \(SupportedDates.outsideTimes)")
    }
    return .timed(instant, timeZone: zone.identifier)
  }

  public static func timeOfDay(_ text: String, field: String = "--at") throws
    -> (hour: Int, minute: Int)
  {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0..<24).contains(hour),
      (0..<60).contains(minute)
    else {
      throw DeckError.invalidValue(
        field: field, value: text, expected: "HH:MM from 00:00 to 23:59, e.g. 14:30")
    }
    return (hour, minute)
  }

  public static func zone(_ name: String, field: String = "--time-zone") throws -> TimeZone {
    guard let zone = TimeZone(identifier: name) else {
      throw DeckError.invalidValue(
        field: field, value: name, expected: "an IANA name such as Europe/Berlin")
    }
    return zone
  }

  /// A duration for an event: positive, with a time part or whole days (`1h`, `90min`, `1d`).
  public static func duration(_ text: String, field: String = "--duration") throws -> Period {
    let period = try DurationInput.parse(text, field: field)
    let parts = [period.years, period.months, period.weeks, period.days, period.hours,
                 period.minutes]
    guard parts.allSatisfy({ $0 >= 0 }), parts.contains(where: { $0 > 0 }) else {
      throw DeckError.invalidValue(
        field: field, value: text, expected: "a length above zero such as 45min, 1h or 2d")
    }
    return period
  }
}
