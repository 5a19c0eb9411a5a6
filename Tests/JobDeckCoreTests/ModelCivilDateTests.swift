import Foundation
import Testing

@testable import JobDeckCore

@Suite("CivilDate")
struct ModelCivilDateTests {
  @Test func parsesIsoDatesAndRejectsImpossibleOnes() throws {
    let date = try #require(CivilDate("2025-03-03"))
    #expect(date.year == 2025 && date.month == 3 && date.day == 3)
    #expect(CivilDate("2025-02-30") == nil)
    #expect(CivilDate("2025-13-01") == nil)
    #expect(CivilDate("2025-3-3") == nil)
    #expect(CivilDate("+025-03-03") == nil)
    #expect(CivilDate("2024-02-29") != nil)
    #expect(CivilDate("2100-02-29") == nil)
  }

  @Test func dayNumbersRoundTripAcrossCenturies() throws {
    for dayNumber in stride(from: -719_162, through: 2_932_896, by: 997) {
      let date = CivilDate(dayNumber: dayNumber)
      #expect(date.dayNumber == dayNumber)
      #expect(CivilDate(date.description) == date)
    }
    #expect(CivilDate(dayNumber: 0).description == "1970-01-01")
  }

  @Test func addingMonthsClampsToTheTargetMonthsLastDay() throws {
    let january31 = try #require(CivilDate("2025-01-31"))
    #expect(january31.adding(months: 1).description == "2025-02-28")
    #expect(try #require(CivilDate("2024-01-31")).adding(months: 1).description == "2024-02-29")
    #expect(january31.adding(months: -2).description == "2024-11-30")
    #expect(january31.adding(months: 12).description == "2026-01-31")
  }

  @Test func weekdaysFollowTheIsoNumbering() throws {
    #expect(try #require(CivilDate("2026-11-23")).isoWeekday == 1)  // a Monday
    #expect(try #require(CivilDate("2026-11-22")).isoWeekday == 7)  // a Sunday
  }

  @Test func theCivilDayOfAnInstantDependsOnTheZone() throws {
    let instant = try #require(CivilDate("2026-03-01")).instant(hour: 23, in: .gmt)
    let auckland = try #require(TimeZone(identifier: "Pacific/Auckland"))
    #expect(CivilDate(containing: instant, in: .gmt).description == "2026-03-01")
    #expect(CivilDate(containing: instant, in: auckland).description == "2026-03-02")
  }

  @Test func decodingAnImpossibleDateFailsWithItsText() {
    let json = Data(#"["2025-02-30"]"#.utf8)
    #expect {
      try JSONDecoder().decode([CivilDate].self, from: json)
    } throws: { error in
      "\(error)".contains("2025-02-30")
    }
  }
}

@Suite("Period")
struct ModelPeriodTests {
  @Test func readsAndWritesIso8601() throws {
    for text in ["P3M", "P7D", "PT2H", "-P14D", "P1Y2M3W4DT5H6M", "P0D", "-P2W"] {
      #expect(try #require(Period(text)).description == text)
    }
    #expect(Period("P") == nil)
    #expect(Period("3M") == nil)
    #expect(Period("P3X") == nil)
    #expect(Period("PT") == nil)
  }

  @Test func termsEndByTheMonthEndRuleOfBgb188() throws {
    func end(_ start: String, months: Int) throws -> String {
      Period.months(months).lastDayOfTerm(startingOn: try #require(CivilDate(start))).description
    }
    #expect(try end("2025-04-01", months: 6) == "2025-09-30")
    #expect(try end("2025-03-31", months: 6) == "2025-09-30")
    #expect(try end("2024-08-31", months: 6) == "2025-02-28")
    #expect(try end("2024-01-30", months: 1) == "2024-02-29")
    #expect(try end("2025-01-15", months: 3) == "2025-04-14")
  }
}
