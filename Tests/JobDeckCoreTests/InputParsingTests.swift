import Testing
import JobDeckCore

@Suite("Date and duration input")
struct InputParsingTests {
  private let tuesday = day("2026-03-10")

  @Test("Date forms", arguments: [
    ("2025-03-03", "2025-03-03"), ("today", "2026-03-10"), ("Tomorrow", "2026-03-11"),
    ("yesterday", "2026-03-09"), ("+3d", "2026-03-13"), ("3d", "2026-03-13"),
    ("-2d", "2026-03-08"), ("2w", "2026-03-24"), ("+1m", "2026-04-10"), ("1y", "2027-03-10"),
    ("fri", "2026-03-13"), ("friday", "2026-03-13"), ("next friday", "2026-03-13"),
    ("tue", "2026-03-17"), ("Monday", "2026-03-16"), ("eom", "2026-03-31"),
    ("eow", "2026-03-15"), ("  today ", "2026-03-10"),
  ])
  func dateForms(text: String, expected: String) throws {
    #expect(try DateInput.parse(text, today: tuesday) == day(expected))
  }

  @Test func monthOffsetClampsToTheMonthsEnd() throws {
    #expect(try DateInput.parse("+1m", today: day("2026-01-31")) == day("2026-02-28"))
  }

  @Test func eowOnASundayIsToday() throws {
    #expect(try DateInput.parse("eow", today: day("2026-03-15")) == day("2026-03-15"))
  }

  @Test("Rejected dates", arguments: ["2025-02-30", "soon", "3x", "", "next", "fr", "+d"])
  func rejectedDates(text: String) {
    #expect(throws: DeckError.invalidValue(
      field: "date", value: text, expected: DateInput.acceptedForms)) {
      try DateInput.parse(text, today: day("2026-03-10"))
    }
  }

  @Test func dateErrorListsTheAcceptedForms() {
    let error = DeckError.invalidValue(field: "date", value: "soon", expected: DateInput.acceptedForms)
    #expect(error.description.contains("YYYY-MM-DD"))
    #expect(error.description.contains("eom"))
  }

  @Test("Duration forms", arguments: [
    ("6m", Period.months(6)), ("2w", .weeks(2)), ("14d", .days(14)), ("1y", Period(years: 1)),
    ("2h", .hours(2)), ("P3M", .months(3)), ("0d", .zero), ("6 months", .months(6)),
    ("30min", Period(minutes: 30)), ("-P14D", Period.days(14).negated),
  ])
  func durationForms(text: String, expected: Period) throws {
    #expect(try DurationInput.parse(text) == expected)
  }

  @Test("Rejected durations", arguments: ["", "6", "m", "6q", "P"])
  func rejectedDurations(text: String) {
    #expect(throws: DeckError.self) { try DurationInput.parse(text) }
  }

  @Test func durationListKeepsOrder() throws {
    #expect(try DurationInput.parseList("7d, 2d,0d") == [.days(7), .days(2), .zero])
  }

  @Test func durationListRejectsAnEmptyItem() {
    #expect(throws: DeckError.self) { try DurationInput.parseList("7d,,0d") }
  }

  @Test("Spoken periods", arguments: [
    (Period.months(6), "6 months"), (.weeks(2), "2 weeks"), (.zero, "same day"),
    (.days(1), "1 day"), (Period(months: 1, weeks: 2), "1 month 2 weeks"),
    (Period.days(14).negated, "14 days before"), (.hours(2), "2 hours"),
  ])
  func spokenPeriods(period: Period, text: String) {
    #expect(period.spokenDescription == text)
  }
}
