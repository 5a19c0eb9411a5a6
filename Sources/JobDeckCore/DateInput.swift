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
  ///
  /// Every date it returns is within `SupportedDates`; `field` names the input in the error
  /// (`--deadline`, `the deadline field`).
  public static func parse(_ text: String, today: CivilDate, field: String = "date") throws
    -> CivilDate
  {
    let date = try parseUnchecked(text, today: today, field: field)
    guard SupportedDates.contains(date) else {
      throw DeckError.invalidValue(
        field: field, value: text,
        expected: "a date within \(SupportedDates.rangeText), the dates JobDeck works with"
          + " (it would be \(date))")
    }
    return date
  }

  private static func parseUnchecked(_ text: String, today: CivilDate, field: String) throws
    -> CivilDate
  {
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
    switch offset(input) {
    case .period(let period): return period.added(to: today)
    case .beyondLimits:
      throw DeckError.invalidValue(
        field: field, value: text,
        expected: "a date within \(SupportedDates.rangeText), the dates JobDeck works with"
          + " (that offset goes beyond it)")
    case .notAnOffset:
      throw DeckError.invalidValue(field: field, value: text, expected: acceptedForms)
    }
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

  private enum OffsetReading {
    case notAnOffset
    /// An offset longer than `Period.limits`: beyond the supported range from any today.
    case beyondLimits
    case period(Period)
  }

  /// `+3d`, `-2d`, `3d`, `2w`, `+1m`, `1y`: a signed count and one unit letter.
  private static func offset(_ input: String) -> OffsetReading {
    var rest = Substring(input)
    var sign = 1
    if let first = rest.first, first == "+" || first == "-" {
      sign = first == "-" ? -1 : 1
      rest = rest.dropFirst()
    }
    guard let unit = rest.last, ["d", "w", "m", "y"].contains(unit) else { return .notAnOffset }
    let digits = rest.dropLast().utf8
    guard !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) else {
      return .notAnOffset
    }
    // Digits beyond any limit are refused before they are read into an `Int`.
    guard digits.count <= 10, let count = Int(decimalDigits: ArraySlice(digits)) else {
      return .beyondLimits
    }
    let period: Period
    switch unit {
    case "d": period = .days(sign * count)
    case "w": period = .weeks(sign * count)
    case "m": period = .months(sign * count)
    default: period = Period(years: sign * count)
    }
    return period.isWithinLimits ? .period(period) : .beyondLimits
  }
}

/// Lengths as people type them: lead times (`7d,2d,0d`), probation (`6m`), notice (`4w`).
public enum DurationInput {
  public static let acceptedForms =
    "a count and a unit such as 14d, 2w, 6m, 1y, 2h or 30min (also '6 months', '2 weeks'), "
    + "0d for the same day, or ISO 8601 such as P3M or PT2H; at most 300 years"

  /// Parses one duration. Units: d/day(s), w/week(s), m/month(s), y/year(s), h/hour(s),
  /// min/minute(s); `m` is months, never minutes, because durations here are mostly terms.
  /// A duration longer than `Period.limits` (300 years) is refused, so no arithmetic on it can
  /// overflow; `field` names the input in the error (`--within`).
  public static func parse(_ text: String, field: String = "duration") throws -> Period {
    let input = text.trimmingSpaces.lowercased()
    if input.hasPrefix("p") || input.hasPrefix("-p") {
      if let period = Period(input) { return period }
      throw DeckError.invalidValue(field: field, value: text, expected: acceptedForms)
    }
    if input == "same day" { return .zero }
    var rest = Substring(input)
    var sign = 1
    if let first = rest.first, first == "+" || first == "-" {
      sign = first == "-" ? -1 : 1
      rest = rest.dropFirst()
    }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    let unit = rest.dropFirst(digits.count).trimmingSpaces
    let units: [(names: Set<String>, limitName: String, make: (Int) -> Period)] = [
      (["d", "day", "days"], "days", { .days($0) }),
      (["w", "week", "weeks"], "weeks", { .weeks($0) }),
      (["m", "mo", "month", "months"], "months", { .months($0) }),
      (["y", "year", "years"], "years", { Period(years: $0) }),
      (["h", "hour", "hours"], "hours", { .hours($0) }),
      (["min", "minute", "minutes"], "minutes", { Period(minutes: $0) }),
    ]
    guard !digits.isEmpty, let kind = units.first(where: { $0.names.contains(unit) }) else {
      throw DeckError.invalidValue(field: field, value: text, expected: acceptedForms)
    }
    let limit = Period.limit(for: kind.limitName)
    guard digits.count <= 10, let count = Int(decimalDigits: ArraySlice(digits.utf8)),
      count <= limit
    else {
      throw DeckError.invalidValue(
        field: field, value: text,
        expected: "at most \(limit) \(kind.limitName) (300 years)")
    }
    return kind.make(sign * count)
  }

  /// Parses a comma-separated list (`7d,2d,0d`); an empty item is an error, not "same day".
  public static func parseList(_ text: String, field: String = "duration list") throws
    -> [Period]
  {
    let items = text.split(separator: ",", omittingEmptySubsequences: false)
    return try items.map { item in
      guard !item.trimmingSpaces.isEmpty else {
        throw DeckError.invalidValue(
          field: field, value: text,
          expected: "durations separated by commas, such as 7d,2d,0d")
      }
      return try parse(String(item), field: field)
    }
  }

  /// The most reminders one deadline may have, and the furthest ahead each may be.
  public static let maximumLeadTimes = 8
  public static let leadTimeLimitText = "1 to 8 lead times, each from 0d to 366d (or 8784h)"
    + " in units min, h, d, w, m (months) or y, separated by commas, such as 7d,1d,2h"

  /// Reminder lead times (`7d,2d,0d`): one to eight, each from the day itself to a year before,
  /// so that what reaches a calendar's alarms is something a person meant.
  public static func parseLeadTimes(_ text: String, field: String = "lead times") throws
    -> [Period]
  {
    let refusal = DeckError.invalidValue(field: field, value: text, expected: leadTimeLimitText)
    guard text.split(separator: ",", omittingEmptySubsequences: false).count
      <= maximumLeadTimes
    else { throw refusal }
    // A lead past the general 300-year bound is refused with the lead-time rule, not that one.
    guard let leads = try? parseList(text, field: field) else { throw refusal }
    guard (1...maximumLeadTimes).contains(leads.count), leads.allSatisfy(isLeadTimeWithinAYear)
    else { throw refusal }
    return leads
  }

  /// Not negative, and at most 366 days, counting a year as 366 days and a month as 30.5, so
  /// that `1y`, `12m`, `52w`, `366d` and `8784h` all pass.
  public static func isLeadTimeWithinAYear(_ lead: Period) -> Bool {
    let parts = [lead.years, lead.months, lead.weeks, lead.days, lead.hours, lead.minutes]
    guard parts.allSatisfy({ $0 >= 0 }), lead.isWithinLimits else { return false }
    let minutesPerDay = 24 * 60
    let minutes = lead.years * 366 * minutesPerDay + lead.months * 61 * minutesPerDay / 2
      + (lead.weeks * 7 + lead.days) * minutesPerDay + lead.hours * 60 + lead.minutes
    return minutes <= 366 * minutesPerDay
  }
}

extension StringProtocol {
  /// Input typed by people arrives with stray spaces; Foundation-free so Core stays small.
  fileprivate var trimmingSpaces: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
