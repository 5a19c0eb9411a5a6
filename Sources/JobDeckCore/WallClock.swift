import Foundation

/// Where "now" and "today" come from. Injected everywhere so that deadline rules are tested
/// against a fixed instant and zone, and so that the UI can notice the day rolling over.
public protocol WallClock: Sendable {
  var now: Date { get }
  /// The user's zone: decides which civil day "now" falls on.
  var timeZone: TimeZone { get }
}

extension WallClock {
  public var today: CivilDate { CivilDate(containing: now, in: timeZone) }
}

/// The real clock, in the process's time zone (`TZ`).
public struct SystemWallClock: WallClock {
  public let timeZone: TimeZone

  /// `timeZone` is the user's chosen zone (the config file's); the system's by default.
  public init(timeZone: TimeZone = .current) {
    self.timeZone = timeZone
  }

  public var now: Date { Date() }
}

/// A clock that always says the same thing: for tests, benchmarks and `--now` overrides.
public struct FixedWallClock: WallClock {
  public var now: Date
  public var timeZone: TimeZone

  public init(now: Date, timeZone: TimeZone) {
    self.now = now
    self.timeZone = timeZone
  }

  /// Noon on `date` in `timeZone`, so tests read as "on 3 March".
  public init(date: CivilDate, hour: Int = 12, minute: Int = 0, timeZone: TimeZone) {
    self.timeZone = timeZone
    self.now = date.instant(hour: hour, minute: minute, in: timeZone)
  }
}

extension CivilDate {
  /// The civil date an instant falls on in a zone.
  public init(containing instant: Date, in timeZone: TimeZone) {
    let seconds = instant.timeIntervalSince1970
    // From 1900 on, the zone's offset at the instant and day arithmetic give what the calendar
    // gives, without building a Calendar per call (the agenda asks this for every timed
    // deadline). Earlier instants keep the calendar's own rules (its Julian switch in 1582).
    if seconds >= Self.earliestArithmeticInstant, seconds < Self.latestArithmeticInstant {
      let local = Int(seconds.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
      self.init(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
      return
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: instant)
    self.init(dayNumber: 0)
    if let year = parts.year, let month = parts.month, let day = parts.day,
      let date = CivilDate(year: year, month: month, day: day)
    {
      self = date
    }
  }

  /// 1900-01-01 and 9000-01-01 UTC, in seconds since 1970.
  private static let earliestArithmeticInstant: Double = -2_208_988_800
  private static let latestArithmeticInstant: Double = 221_845_392_000

  /// The instant of a wall-clock time on this date in a zone. A time skipped by a DST change
  /// resolves to the next valid instant, as Foundation's calendar does.
  public func instant(hour: Int = 0, minute: Int = 0, in timeZone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
    return calendar.date(from: parts) ?? Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
  }
}

extension Date {
  /// Records keep whole seconds: the store writes seconds, so a value read back equals the
  /// value that was saved.
  public var truncatedToSeconds: Date {
    Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down))
  }

  /// The time of day on a 24-hour clock in `zone`: "09:05", as lists and calendars show it.
  public func clockTime(in zone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.hour, .minute], from: self)
    let hour = parts.hour ?? 0
    let minute = parts.minute ?? 0
    return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
  }
}
