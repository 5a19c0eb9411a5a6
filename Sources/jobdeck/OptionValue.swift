import ArgumentParser
import Foundation
import JobDeckCore

/// Dates, times and durations typed as option values. Core parses them (one grammar, one range:
/// `SupportedDates`); a refusal names the option and exits 64, and happens before the store is
/// touched.
enum OptionValue {
  static func date(_ text: String, option: String, today: CivilDate) throws -> CivilDate {
    try DateInput.parse(text, today: today, field: option)
  }

  static func duration(_ text: String, option: String) throws -> Period {
    try DurationInput.parse(text, field: option)
  }

  static func leadTimes(_ text: String, option: String) throws -> [Period] {
    try DurationInput.parseLeadTimes(text, field: option)
  }

  /// `day` at `hour:minute` in `zone`, refused when that instant is not within the range in
  /// every time zone (the first and last day of the range, in zones far from UTC).
  static func instant(
    on day: CivilDate, hour: Int, minute: Int = 0, in zone: TimeZone, option: String,
    text: String
  ) throws -> Date {
    let instant = day.instant(hour: hour, minute: minute, in: zone)
    guard SupportedDates.contains(instant: instant) else {
      let time = String(format: "%02d:%02d", hour, minute)
      throw DeckError.valueOutOfRange(
        field: option, value: text,
        problem: "\(time) on \(day) in \(zone.identifier) is"
          + " \(SupportedDates.describe(instant)), \(SupportedDates.outsideTimes)")
    }
    return instant
  }

  /// The text trimmed, or nil when nothing is left: an empty value clears an optional field.
  static func nonBlank(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// `--method`: a method's name, or empty (nil: on `edit`, clears it).
  static func method(_ text: String) throws -> ApplicationMethod? {
    guard nonBlank(text) != nil else { return nil }
    guard let method = ApplicationMethod(argument: text) else {
      throw CommandFailure.usage("--method: unknown method \(QuotedExcerpt.quoted(text)); expected one of "
        + ApplicationMethod.allValueStrings.joined(separator: ", ") + " (or \"\" to clear it)")
    }
    return method
  }
}

/// `--source`, `--method` and `--sent-to` of `apply` and `edit`: where the job was found, how the
/// application was sent and to whom. An empty value clears one on `edit`.
struct SendingOptions: ParsableArguments {
  @Option(help: ArgumentHelp(
    "Where you found the job: company-site, linkedin, referral, job-board, recruiter, university, other, or your own words.",
    valueName: "source"))
  var source: String?
  @Option(help: ArgumentHelp("How the application was sent: online-form, e-mail, post, in-person, recruiter.",
                             valueName: "method"))
  var method: String?
  @Option(help: ArgumentHelp("The person or address the application went to.",
                             valueName: "contact or address"))
  var sentTo: String?

  var givesAny: Bool { source != nil || method != nil || sentTo != nil }
}
