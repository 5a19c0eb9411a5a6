/// Dates as people type them on the command line and in the UI: `2025-03-03`, `tomorrow`,
/// `+3d`, `fri`, `eom`.
public enum DateInput {
  /// Shown in every error, so the user learns the accepted forms from one mistake.
  public static let acceptedForms =
    "YYYY-MM-DD, today, tomorrow, yesterday, an offset such as +3d, -2d, 2w, +1m or 1y, "
    + "a weekday such as fri, friday or next friday, eom (end of month) or eow (end of week)"

  /// Parses `text` relative to `today`. Case and surrounding spaces do not matter.
  ///
  /// - An offset counts from today: `3d` and `+3d` are three days ahead, `-2d` two days back;
  ///   `w` is weeks, `m` calendar months (31 Jan + 1m = 28/29 Feb), `y` years.
  /// - A weekday (`mon`, `monday`, `next monday`) is the first such day strictly after today:
  ///   on a Friday, `fri` is a week ahead, since "due Friday" said on a Friday means the next
  ///   one far more often than "in a few hours". `next` adds nothing more.
  /// - `eom` is the last day of this month; `eow` this week's Sunday (ISO weeks end on
  ///   Sunday), today if today is Sunday.
  public static func parse(_ text: String, today: CivilDate) throws -> CivilDate {
    let input = text.trimmingSpaces.lowercased()
    if let date = CivilDate(input) { return date }
    switch input {
    case "today": return today
    case "tomorrow": return today.adding(days: 1)
    case "yesterday": return today.adding(days: -1)
    case "eom": return today.lastDayOfMonth
    case "eow": return today.adding(days: 7 - today.isoWeekday)
    default: break
    }
    if let weekday = weekday(named: input) {
      let ahead = (weekday - today.isoWeekday + 7) % 7
      return today.adding(days: ahead == 0 ? 7 : ahead)
    }
    if let offset = offset(input) { return offset.added(to: today) }
    throw DeckError.invalidValue(field: "date", value: text, expected: acceptedForms)
  }

  private static let weekdayNames = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  ]

  /// ISO weekday (1 = Monday) for `fri`, `friday`, `next friday`, `tues`, `thurs`.
  private static func weekday(named input: String) -> Int? {
    var name = Substring(input)
    if name.hasPrefix("next ") { name = name.dropFirst(5).drop { $0 == " " } }
    guard name.count >= 3 else { return nil }
    return weekdayNames.firstIndex { $0.hasPrefix(name) }.map { $0 + 1 }
  }

  /// `+3d`, `-2d`, `3d`, `2w`, `+1m`, `1y`: a signed count and one unit letter.
  private static func offset(_ input: String) -> Period? {
    var rest = Substring(input)
    var sign = 1
    if let first = rest.first, first == "+" || first == "-" {
      sign = first == "-" ? -1 : 1
      rest = rest.dropFirst()
    }
    guard let unit = rest.last, let count = Int(decimalDigits: ArraySlice(rest.dropLast().utf8))
    else { return nil }
    switch unit {
    case "d": return .days(sign * count)
    case "w": return .weeks(sign * count)
    case "m": return .months(sign * count)
    case "y": return Period(years: sign * count)
    default: return nil
    }
  }
}

/// Lengths as people type them: lead times (`7d,2d,0d`), probation (`6m`), notice (`4w`).
public enum DurationInput {
  public static let acceptedForms =
    "a count and a unit such as 14d, 2w, 6m, 1y, 2h or 30min (also '6 months', '2 weeks'), "
    + "0d for the same day, or ISO 8601 such as P3M or PT2H"

  /// Parses one duration. Units: d/day(s), w/week(s), m/month(s), y/year(s), h/hour(s),
  /// min/minute(s); `m` is months, never minutes, because durations here are mostly terms.
  public static func parse(_ text: String) throws -> Period {
    let input = text.trimmingSpaces.lowercased()
    if input.hasPrefix("p") || input.hasPrefix("-p"), let period = Period(input) { return period }
    if input == "same day" { return .zero }
    var rest = Substring(input)
    var sign = 1
    if let first = rest.first, first == "+" || first == "-" {
      sign = first == "-" ? -1 : 1
      rest = rest.dropFirst()
    }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    let unit = rest.dropFirst(digits.count).trimmingSpaces
    guard let count = Int(decimalDigits: ArraySlice(digits.utf8)) else {
      throw DeckError.invalidValue(field: "duration", value: text, expected: acceptedForms)
    }
    let value = sign * count
    switch unit {
    case "d", "day", "days": return .days(value)
    case "w", "week", "weeks": return .weeks(value)
    case "m", "mo", "month", "months": return .months(value)
    case "y", "year", "years": return Period(years: value)
    case "h", "hour", "hours": return .hours(value)
    case "min", "minute", "minutes": return Period(minutes: value)
    default:
      throw DeckError.invalidValue(field: "duration", value: text, expected: acceptedForms)
    }
  }

  /// Parses a comma-separated list (`7d,2d,0d`); an empty item is an error, not "same day".
  public static func parseList(_ text: String) throws -> [Period] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false)
    return try items.map { item in
      guard !item.trimmingSpaces.isEmpty else {
        throw DeckError.invalidValue(
          field: "duration list", value: text,
          expected: "durations separated by commas, such as 7d,2d,0d")
      }
      return try parse(String(item))
    }
  }
}

extension StringProtocol {
  /// Input typed by people arrives with stray spaces; Foundation-free so Core stays small.
  fileprivate var trimmingSpaces: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
