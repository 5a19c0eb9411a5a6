import Foundation

/// The dates JobDeck works with: 1 January 1900 to 31 December 2199.
///
/// Every way a date enters (a command-line option, a form in the UI, an imported ad or CSV, the
/// store file itself) is checked against this one range, and so is every date JobDeck derives
/// (a probation end six months after a start date), so that whatever is accepted can be saved
/// and loaded again. The range is far wider than any job search needs and keeps every year at
/// four digits, which the store's format requires.
public enum SupportedDates {
  public static let first = CivilDate(uncheckedYear: 1900, month: 1, day: 1)
  public static let last = CivilDate(uncheckedYear: 2199, month: 12, day: 31)

  /// Shown in every refusal, so the user learns the range from one mistake.
  public static let rangeText = "1900-01-01 … 2199-12-31"

  /// UTC offsets span UTC−12 (Etc/GMT+12) to UTC+14 (Pacific/Kiritimati). An instant is inside
  /// the range only when its date is inside in every zone: from 1900-01-01 00:00 at UTC−12 to
  /// 2199-12-31 23:59:59 at UTC+14.
  public static let firstInstant = Date(
    timeIntervalSince1970: Double(first.dayNumber * 86_400 + 12 * 3600))
  public static let lastInstant = Date(
    timeIntervalSince1970: Double(last.dayNumber * 86_400 + 86_399 - 14 * 3600))

  /// The same for instants, in UTC, for messages about times of day.
  public static let instantRangeText = "1900-01-01T12:00:00Z … 2199-12-31T09:59:59Z"

  public static func contains(_ date: CivilDate) -> Bool { date >= first && date <= last }

  /// Whether `instant` falls on a supported date in every time zone.
  public static func contains(instant: Date) -> Bool {
    // NaN and infinities compare false both ways: refused too.
    instant >= firstInstant && instant <= lastInstant
  }

  /// Why `date` cannot be used, or nil when it can: the text every refusal ends with.
  public static func problem(with date: CivilDate) -> String? {
    contains(date) ? nil : outside(date.description)
  }

  public static func problem(withInstant instant: Date) -> String? {
    guard !contains(instant: instant) else { return nil }
    return "\(describe(instant)) is " + outsideTimes
  }

  /// "outside the times JobDeck works with (…)": the end of every refusal of an instant.
  public static let outsideTimes = "outside the times JobDeck works with (\(instantRangeText),"
    + " so that every time zone sees a date within \(rangeText))"

  /// "outside the dates JobDeck works with (1900-01-01 … 2199-12-31)": the end of every
  /// refusal of a date.
  public static let outsideDates = "outside the dates JobDeck works with (\(rangeText))"

  /// "2200-01-08 is outside the dates JobDeck works with (1900-01-01 … 2199-12-31)".
  public static func outside(_ what: String) -> String { "\(what) is \(outsideDates)" }

  /// An instant as UTC text, even when it is too far out for a `CivilDate` to be meaningful.
  public static func describe(_ instant: Date) -> String {
    let seconds = instant.timeIntervalSince1970
    guard seconds.isFinite, abs(seconds) < 1e15 else { return "a time far outside" }
    let whole = Int(seconds.rounded(.down))
    let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
    let secondOfDay = whole - days * 86_400
    let day = CivilDate(dayNumber: days)
    return "\(day)T\(String(format2: secondOfDay / 3600)):\(String(format2: secondOfDay / 60 % 60))"
      + ":\(String(format2: secondOfDay % 60))Z"
  }
}
