import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

/// A seeded fuzz harness for what people type as dates and durations, run by `swift test` in a
/// few seconds: random and hostile strings through `DateInput.parse`, `DurationInput.parse`,
/// `parseList`, `parseLeadTimes` and `Period.init`. It passes when nothing traps (a trap ends
/// the test process) and every accepted value is one JobDeck can store: a date within
/// `SupportedDates`, a period within `Period.limits`, lead times within a year.
@Suite("Fuzzing date and duration input")
struct FuzzDateInputTests {
  /// Pieces that reach every branch: numbers at and beyond `Int`'s limits, signs, units,
  /// keywords, the range's edges, Unicode digits and spaces, and `HostileStrings`' controls.
  static let pieces = [
    "+", "-", "--", "d", "w", "m", "y", "h", "min", "mo", "days", " weeks", "P", "p", "T", "-P",
    "0", "1", "7", "12", "31", "366", "8784", "109575", "109576", "2629800", "300", "301", "3600",
    "9223372036854775807", "9223372036854775808", "2562047788015215", "2932896", "18446744073709551616",
    "99999999999999999999999999", "0000000000000000000001", "1899-12-31", "1900-01-01",
    "2199-12-31", "2200-01-01", "0001-01-01", "9999-12-31", "2024-02-29", "2025-02-29", "today",
    "tomorrow", "yesterday", "eom", "eow", "fri", "next ", "monday", "same day", ",", ", ", " ",
    "\t", "\u{A0}", "٣", "１", "\u{0}", "\u{1B}[2J", "é", "Y", "M", "W", "D", "H", "S",
  ]

  static let todays = ["1900-01-01", "1900-01-31", "2024-02-29", "2026-11-22", "2199-12-01",
                       "2199-12-31"].compactMap(CivilDate.init)

  static func randomInput(_ generator: inout SeededGenerator) -> String {
    if generator.chance(0.1) { return HostileStrings.random(using: &generator, maximumPieces: 4) }
    return (0..<Int.random(in: 1...6, using: &generator)).map { _ in generator.pick(pieces) }
      .joined()
  }

  @Test func everyAcceptedDateIsWithinTheSupportedRange() {
    var generator = SeededGenerator(seed: 12)
    var accepted = 0
    for _ in 0..<12_000 {
      let text = Self.randomInput(&generator)
      let today = generator.pick(Self.todays)
      guard let date = try? DateInput.parse(text, today: today) else { continue }
      accepted += 1
      #expect(SupportedDates.contains(date), "\(text.debugDescription) from \(today) gave \(date)")
    }
    // The harness must reach the accepting branches, not only the refusals.
    #expect(accepted > 100)
  }

  @Test func everyAcceptedDurationIsWithinTheLimits() {
    var generator = SeededGenerator(seed: 13)
    var accepted = 0
    for _ in 0..<12_000 {
      let text = Self.randomInput(&generator)
      if let period = try? DurationInput.parse(text) {
        accepted += 1
        #expect(period.isWithinLimits, "\(text.debugDescription) gave \(period)")
        // Whatever is accepted can be added to any supported date without a trap.
        _ = period.added(to: SupportedDates.last)
        _ = period.lastDayOfTerm(startingOn: SupportedDates.first)
        #expect(Period(period.description) == period, "\(period) does not round-trip")
      }
      if let list = try? DurationInput.parseList(text) {
        #expect(!list.isEmpty && list.allSatisfy(\.isWithinLimits), "\(text.debugDescription)")
      }
      if let leads = try? DurationInput.parseLeadTimes(text) {
        #expect((1...DurationInput.maximumLeadTimes).contains(leads.count), "\(text.debugDescription)")
        #expect(leads.allSatisfy(DurationInput.isLeadTimeWithinAYear), "\(text.debugDescription)")
      }
      if let period = Period(text) {
        #expect(period.isWithinLimits, "\(text.debugDescription) gave \(period)")
      }
    }
    #expect(accepted > 100)
  }

  // MARK: - Arithmetic that used to trap

  @Test func civilDateArithmeticNeverTrapsOnExtremeCounts() {
    let extremes = [Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 62, -(1 << 62), 2_932_896]
    for count in extremes {
      for start in Self.todays {
        #expect(!SupportedDates.contains(start.adding(days: count)))
        _ = start.adding(months: count)
        _ = CivilDate(dayNumber: count)
      }
    }
    #expect(CivilDate(dayNumber: Int.max).year > 9999)
    #expect(CivilDate(dayNumber: Int.min).year < 0)
  }

  @Test func monthArithmeticBeforeYearZeroStaysAValidMonth() {
    let date = SupportedDates.first.adding(months: -(1900 * 12 + 5))
    #expect((1...12).contains(date.month))
    #expect(date.day == 1)
  }

  @Test func digitsBeyondIntAreRefusedWithTheRange() {
    let today = Self.todays[3]
    for text in ["+9223372036854775807d", "+9223372036854775808d", "-99999999999999999999y",
                 "+2932896d", "+8000y", "+301y", "+3601m", "+15661w"] {
      #expect(throws: DeckError.invalidValue(
        field: "--deadline", value: text,
        expected: "a date within 1900-01-01 … 2199-12-31, the dates JobDeck works with"
          + " (that offset goes beyond it)")) {
        try DateInput.parse(text, today: today, field: "--deadline")
      }
    }
  }

  @Test func aDateJustOutsideTheRangeNamesWhatItWouldBe() {
    #expect(throws: DeckError.invalidValue(
      field: "--until", value: "+1d",
      expected: "a date within 1900-01-01 … 2199-12-31, the dates JobDeck works with"
        + " (it would be 2200-01-01)")) {
      try DateInput.parse("+1d", today: SupportedDates.last, field: "--until")
    }
    #expect(throws: DeckError.self) { try DateInput.parse("yesterday", today: SupportedDates.first) }
    #expect(throws: DeckError.self) { try DateInput.parse("1899-12-31", today: SupportedDates.first) }
  }

  @Test func theEdgesOfTheRangeAreAccepted() throws {
    let today = Self.todays[3]
    #expect(try DateInput.parse("1900-01-01", today: today) == SupportedDates.first)
    #expect(try DateInput.parse("2199-12-31", today: today) == SupportedDates.last)
    #expect(try DateInput.parse("+109572d", today: SupportedDates.first) == SupportedDates.last)
    #expect(throws: DeckError.self) { try DateInput.parse("+109573d", today: SupportedDates.first) }
    #expect(try DateInput.parse("-299y", today: SupportedDates.last) == CivilDate("1900-12-31"))
  }

  @Test func hugeDurationsAreRefusedWithTheUnitsLimit() throws {
    #expect(throws: DeckError.invalidValue(
      field: "--within", value: "2562047788015215h", expected: "at most 2629800 hours (300 years)")) {
      try DurationInput.parse("2562047788015215h", field: "--within")
    }
    #expect(throws: DeckError.self) { try DurationInput.parse("P9223372036854775807D") }
    #expect(throws: DeckError.self) { try DurationInput.parse("P301Y") }
    #expect(try DurationInput.parse("P300Y") == Period(years: 300))
  }

  @Test func leadTimesAreOneToEightEachWithinAYear() throws {
    #expect(try DurationInput.parseLeadTimes("366d,8784h,52w,12m,1y,2d,2h,0d").count == 8)
    for text in ["367d", "8785h", "2y", "13m", "-1d", "53w", "1d,1d,1d,1d,1d,1d,1d,1d,1d", "",
                 String(repeating: "1d,", count: 100_000) + "1d"] {
      #expect(throws: DeckError.self, "\(text.prefix(40))") {
        try DurationInput.parseLeadTimes(text, field: "--lead")
      }
    }
  }
}
