import Foundation
import JobDeckCore
import Testing

/// Properties of calendar arithmetic, each checked against an independent computation
/// (Foundation's Gregorian calendar in UTC, or a direct reading of the rule) on seeded random
/// dates. Foundation is trusted only from 1700 on: before the Gregorian reform it switches to
/// the Julian calendar, while `CivilDate` is proleptic Gregorian.
@Suite("Property: date arithmetic")
struct PropertyCivilDateTests {
  static let utcCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    return calendar
  }()

  /// Day numbers of 0001-01-01 and 9999-12-31, the range `CivilDate` accepts.
  static let firstDay = -719_162
  static let lastDay = 2_932_896

  func foundationDate(_ dayNumber: Int) -> DateComponents {
    Self.utcCalendar.dateComponents(
      [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
  }

  @Test(arguments: PropertyRandom.seeds(default: 20))
  func dayNumberRoundTripsAndAgreesWithFoundation(seed: UInt64) throws {
    var random = PropertyRandom(seed: seed)
    for _ in 0..<500 {
      let number = Int.random(in: Self.firstDay...Self.lastDay, using: &random)
      let date = CivilDate(dayNumber: number)
      #expect(date.dayNumber == number)
      #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
      #expect(CivilDate(date.description) == date)
      if date.year >= 1700 {
        let parts = foundationDate(number)
        #expect([parts.year, parts.month, parts.day] == [date.year, date.month, date.day],
                "day \(number)")
        // Foundation: 1 = Sunday; ISO: 7 = Sunday.
        #expect(((parts.weekday ?? 0) + 5) % 7 + 1 == date.isoWeekday, "day \(number)")
      }
      #expect(date.adding(days: 1).dayNumber == number + 1)
    }
  }

  @Test func dayNumberIsContinuousOverTheWholeRange() throws {
    // Every day from year 1 to 9999: consecutive numbers are consecutive valid dates.
    var previous = CivilDate(dayNumber: Self.firstDay)
    #expect(previous.description == "0001-01-01")
    for number in (Self.firstDay + 1)...Self.lastDay {
      let date = CivilDate(dayNumber: number)
      let expected = previous.day < CivilDate.daysInMonth(year: previous.year, month: previous.month)
        ? (previous.year, previous.month, previous.day + 1)
        : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
      if (date.year, date.month, date.day) != expected {
        Issue.record("day \(number) is \(date), expected the day after \(previous)")
        return
      }
      previous = date
    }
    #expect(previous.description == "9999-12-31")
  }

  @Test(arguments: PropertyRandom.seeds(default: 20))
  func addingMonthsClampsToTheTargetMonthsLastDay(seed: UInt64) throws {
    var random = PropertyRandom(seed: seed)
    for _ in 0..<500 {
      let start = CivilDate(dayNumber: Int.random(in: 0...50_000, using: &random))
      let months = Int.random(in: -240...240, using: &random)
      let result = start.adding(months: months)
      let monthIndex = start.year * 12 + start.month - 1 + months
      #expect(result.year == monthIndex / 12 && result.month == monthIndex % 12 + 1)
      #expect(result.day == min(start.day, CivilDate.daysInMonth(year: result.year,
                                                                 month: result.month)))
      #expect(CivilDate(year: result.year, month: result.month, day: result.day) != nil)
      // Month by month, the slow way.
      var (year, month) = (start.year, start.month)
      for _ in 0..<abs(months) {
        month += months > 0 ? 1 : -1
        if month == 13 { (year, month) = (year + 1, 1) }
        if month == 0 { (year, month) = (year - 1, 12) }
      }
      #expect(result.year == year && result.month == month, "\(start) + \(months) months")
      // Foundation's month arithmetic clamps the same way going forward. (Going back it does
      // not on this toolchain: it gives 2044-02-28 for 2046-06-30 − 28 months, and 2026-03-01
      // for 2038-10-30 − 152 months, so it is no oracle there.)
      guard months >= 0 else { continue }
      let foundation = Self.utcCalendar.date(
        byAdding: .month, value: months,
        to: Date(timeIntervalSince1970: Double(start.dayNumber) * 86_400))
      let parts = foundation.map { Self.utcCalendar.dateComponents([.year, .month, .day], from: $0) }
      #expect([parts?.year, parts?.month, parts?.day] == [result.year, result.month, result.day],
              "\(start) + \(months) months")
    }
  }

  /// The month-end rule (BGB §188(2)/(3)) written out independently: count the months with
  /// Foundation, which clamps 31 Mar + 6 months to 30 Sep. If it had to clamp, the term ends on
  /// that month-end; otherwise on the day before. Weeks and days then run on from there.
  func independentLastDayOfTerm(_ period: Period, start: CivilDate) throws -> CivilDate {
    let months = period.years * 12 + period.months
    let startInstant = Date(timeIntervalSince1970: Double(start.dayNumber) * 86_400)
    let target = try #require(Self.utcCalendar.date(byAdding: .month, value: months,
                                                    to: startInstant))
    let targetDay = Self.utcCalendar.component(.day, from: target)
    var endNumber = Int((target.timeIntervalSince1970 / 86_400).rounded())
    if months == 0 || targetDay == start.day { endNumber -= 1 }
    return CivilDate(dayNumber: endNumber + period.weeks * 7 + period.days)
  }

  @Test(arguments: PropertyRandom.seeds(default: 20))
  func lastDayOfTermFollowsTheMonthEndRule(seed: UInt64) throws {
    var random = PropertyRandom(seed: seed)
    for _ in 0..<500 {
      let start = CivilDate(dayNumber: Int.random(in: -20_000...40_000, using: &random))
      let period = Period(
        years: Int.random(in: 0...3, using: &random), months: Int.random(in: 0...30, using: &random),
        weeks: Bool.random(using: &random) ? 0 : Int.random(in: 0...8, using: &random),
        days: Bool.random(using: &random) ? 0 : Int.random(in: 0...40, using: &random))
      guard period != .zero else { continue }
      let expected = try independentLastDayOfTerm(period, start: start)
      #expect(period.lastDayOfTerm(startingOn: start) == expected, "\(period) from \(start)")
    }
  }

  @Test func lastDayOfTermOnTheIssuesExamples() throws {
    let cases: [(String, String, String)] = [
      ("2025-04-01", "P6M", "2025-09-30"), ("2025-03-31", "P6M", "2025-09-30"),
      ("2024-08-31", "P6M", "2025-02-28"), ("2023-08-31", "P6M", "2024-02-29"),
      ("2025-01-31", "P1M", "2025-02-28"), ("2025-02-28", "P1M", "2025-03-27"),
    ]
    for (start, period, end) in cases {
      let startDate = try #require(CivilDate(start))
      let term = try #require(Period(period))
      #expect(term.lastDayOfTerm(startingOn: startDate).description == end)
      #expect(try independentLastDayOfTerm(term, start: startDate).description == end)
    }
  }
}
