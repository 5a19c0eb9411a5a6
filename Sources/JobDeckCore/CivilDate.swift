/// A calendar date with no time of day and no time zone: "apply by 3 March 2025".
///
/// All-day deadlines are stored as civil dates, never as instants, so that a due date cannot
/// drift by a day when the same store is read in another time zone or across a DST change
/// (taskwarrior's long-standing bug). Arithmetic works on day numbers, never on seconds.
public struct CivilDate: Hashable, Comparable, Sendable {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Returns nil for dates that do not exist (2025-02-30, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Day numbers beyond this (about 3 billion years either way) are clamped to it, so that no
  /// offset a user types can make date arithmetic trap; such dates are far outside
  /// `SupportedDates` and refused there.
  static let dayNumberLimit = 1 << 40

  /// Builds a date from a day number (days since 1970-01-01), the inverse of `dayNumber`.
  public init(dayNumber: Int) {
    let dayNumber = min(max(dayNumber, -Self.dayNumberLimit), Self.dayNumberLimit)
    // Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  /// Days since 1970-01-01 (negative before it).
  public var dayNumber: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Never traps: a sum beyond `Int` is clamped like any other date far outside the range.
  public func adding(days: Int) -> CivilDate {
    let (sum, overflow) = dayNumber.addingReportingOverflow(days)
    return CivilDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
  }

  /// Calendar month arithmetic: the day is clamped to the target month's length
  /// (31 Jan + 1 month = 28/29 Feb), as every calendar and BGB §188(3) do.
  public func adding(months: Int) -> CivilDate {
    // Clamped like day numbers, so that no count of months can overflow below.
    let limit = Self.dayNumberLimit / 28
    let months = min(max(months, -limit), limit)
    let monthIndex = year * 12 + (month - 1) + months
    let targetYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
    let targetMonth = monthIndex - targetYear * 12 + 1
    let targetDay = min(day, CivilDate.daysInMonth(year: targetYear, month: targetMonth))
    return CivilDate(uncheckedYear: targetYear, month: targetMonth, day: targetDay)
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var isoWeekday: Int {
    let weekday = (dayNumber % 7 + 7 + 3) % 7  // 1970-01-01 was a Thursday (index 3).
    return weekday + 1
  }

  public var lastDayOfMonth: CivilDate {
    CivilDate(uncheckedYear: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  init(uncheckedYear year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }
}

extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
  /// ISO 8601 calendar date, `YYYY-MM-DD`.
  public var description: String {
    String(format4: year) + "-" + String(format2: month) + "-" + String(format2: day)
  }

  /// "4 Apr 2025": the day as people write it in a sentence ("cutoff passed 4 Apr 2025").
  public var dayMonthYear: String {
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "\(day) \(months[(month - 1) % 12]) \(year)"
  }

  /// Parses exactly `YYYY-MM-DD`; anything else, including impossible dates, is nil.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = Int(decimalDigits: bytes[0..<4]),
      let month = Int(decimalDigits: bytes[5..<7]),
      let day = Int(decimalDigits: bytes[8..<10])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }
}

extension CivilDate: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CivilDate(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a valid date (expected YYYY-MM-DD)")
    }
    // A stored date is one JobDeck could have accepted: the range is checked on the way in too.
    if let problem = SupportedDates.problem(with: date) {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: problem)
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Int {
  /// Parses ASCII digits only (no sign, no spaces), which `Int(String)` would otherwise accept;
  /// nil, never a trap, for a number too large for `Int`.
  init?(decimalDigits bytes: ArraySlice<UInt8>) {
    guard !bytes.isEmpty else { return nil }
    var value = 0
    for byte in bytes {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowSum) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
      guard !overflowShift, !overflowSum else { return nil }
      value = sum
    }
    self = value
  }
}

extension String {
  init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
  init(format4 value: Int) {
    let digits = String(value)
    self = Swift.String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
  }
}
