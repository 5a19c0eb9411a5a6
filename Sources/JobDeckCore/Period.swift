/// A calendar period such as "3 months" or "2 weeks before", written in ISO 8601 (`P3M`, `-P2W`,
/// `PT2H`).
///
/// Periods are applied with calendar arithmetic, never as a number of seconds: a month is a
/// month whatever its length, and a day is a day across DST changes.
public struct Period: Hashable, Sendable {
  public var years: Int
  public var months: Int
  public var weeks: Int
  public var days: Int
  public var hours: Int
  public var minutes: Int

  public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0, hours: Int = 0,
              minutes: Int = 0) {
    self.years = years
    self.months = months
    self.weeks = weeks
    self.days = days
    self.hours = hours
    self.minutes = minutes
  }

  public static let zero = Period()

  /// The longest period JobDeck accepts in each unit: 300 years, longer than the whole range of
  /// `SupportedDates`, so any period that could matter fits, and no arithmetic on one can
  /// overflow. Longer ones are refused where they are typed, imported or loaded.
  public static let limits: [(unit: String, limit: Int)] = [
    ("years", 300), ("months", 3_600), ("weeks", 15_660), ("days", 109_575),
    ("hours", 2_629_800), ("minutes", 157_788_000),
  ]

  /// The largest count allowed for a unit named as in `limits` ("days").
  public static func limit(for unit: String) -> Int {
    limits.first { $0.unit == unit }?.limit ?? 0
  }

  /// Whether every component is within `limits`, either sign.
  public var isWithinLimits: Bool {
    zip([years, months, weeks, days, hours, minutes], Self.limits).allSatisfy { value, entry in
      value.magnitude <= UInt(entry.limit)
    }
  }

  /// "at most 300 years, 3600 months, …": for messages that refuse a period.
  public static let limitsText =
    "at most " + limits.map { "\($0.limit) \($0.unit)" }.joined(separator: ", ")
  public static func days(_ count: Int) -> Period { Period(days: count) }
  public static func weeks(_ count: Int) -> Period { Period(weeks: count) }
  public static func months(_ count: Int) -> Period { Period(months: count) }
  public static func hours(_ count: Int) -> Period { Period(hours: count) }

  public var negated: Period {
    Period(years: -years, months: -months, weeks: -weeks, days: -days, hours: -hours,
           minutes: -minutes)
  }

  /// True when the period has a time part (hours, minutes): only meaningful for timed events.
  public var hasTimeOfDay: Bool { hours != 0 || minutes != 0 }

  /// The date this period after `date`, months first (clamped to the month's end), then days.
  /// Hours and minutes are ignored: civil dates have no time of day.
  public func added(to date: CivilDate) -> CivilDate {
    date.adding(months: years * 12 + months).adding(days: weeks * 7 + days)
  }

  /// The last day of a term of this length that starts on `start`, per BGB §187(2)/§188(2):
  /// the day before the same day-of-month in the target month, or that month's last day when
  /// the target month is shorter. 1 Apr + 6 months → 30 Sep; 31 Mar + 6 months → 30 Sep;
  /// 31 Aug 2024 + 6 months → 28 Feb 2025.
  public func lastDayOfTerm(startingOn start: CivilDate) -> CivilDate {
    let totalMonths = years * 12 + months
    guard totalMonths != 0 else { return added(to: start).adding(days: -1) }
    let monthIndex = start.year * 12 + (start.month - 1) + totalMonths
    let targetYear = monthIndex / 12
    let targetMonth = monthIndex % 12 + 1
    let length = CivilDate.daysInMonth(year: targetYear, month: targetMonth)
    let end: CivilDate
    if start.day > length {
      // The target month has no matching day: the term ends on its last day.
      end = CivilDate(year: targetYear, month: targetMonth, day: length) ?? start
    } else {
      end = (CivilDate(year: targetYear, month: targetMonth, day: start.day) ?? start)
        .adding(days: -1)
    }
    return end.adding(days: weeks * 7 + days)
  }
}

extension Period: CustomStringConvertible, LosslessStringConvertible {
  /// ISO 8601: `P3M`, `-P14D`, `PT2H`, `P0D` for "same day".
  public var description: String {
    let negative = [years, months, weeks, days, hours, minutes].allSatisfy { $0 <= 0 }
      && self != .zero
    let sign = negative ? -1 : 1
    var text = negative ? "-P" : "P"
    for (value, unit) in [(years, "Y"), (months, "M"), (weeks, "W"), (days, "D")] where value != 0 {
      text += "\(value * sign)\(unit)"
    }
    if hasTimeOfDay {
      text += "T"
      for (value, unit) in [(hours, "H"), (minutes, "M")] where value != 0 {
        text += "\(value * sign)\(unit)"
      }
    }
    return text == "P" ? "P0D" : text
  }

  /// Parses the ISO 8601 subset above (`P1Y2M3W4DT5H6M`, optionally with a leading `-`).
  public init?(_ text: String) {
    var rest = Substring(text.uppercased())
    var sign = 1
    if rest.hasPrefix("-") {
      sign = -1
      rest = rest.dropFirst()
    }
    guard rest.hasPrefix("P") else { return nil }
    rest = rest.dropFirst()
    var period = Period()
    var inTimePart = false
    var digits = ""
    var sawComponent = false
    for character in rest {
      if character.isASCII, character.isNumber {
        digits.append(character)
        continue
      }
      if character == "T", digits.isEmpty, !inTimePart {
        inTimePart = true
        continue
      }
      // Digits beyond any limit are refused before they are read into an `Int`.
      guard digits.count <= 10, let value = Int(digits) else { return nil }
      digits = ""
      sawComponent = true
      switch (character, inTimePart) {
      case ("Y", false): period.years = value * sign
      case ("M", false): period.months = value * sign
      case ("W", false): period.weeks = value * sign
      case ("D", false): period.days = value * sign
      case ("H", true): period.hours = value * sign
      case ("M", true): period.minutes = value * sign
      default: return nil
      }
    }
    guard digits.isEmpty, sawComponent, period.isWithinLimits else { return nil }
    self = period
  }
}

extension Period: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let period = Period(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not an ISO 8601 period such as P3M or P7D, \(Period.limitsText)")
    }
    self = period
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
