import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// A job ad of our own writing, laid out the way people paste it from a job board or a careers
/// page (noise included), with what a careful person would take from it.
///
/// Conventions, so the tables stay readable: `nil` means the field must be absent; `"*"` means
/// the ad does not settle it and it is not checked; `"A ‖ B"` accepts either reading (`"A ‖ nil"`:
/// A or nothing). Deadlines
/// are written `"kind YYYY-MM-DD"` or `"kind startDate+P3M"`; a leading `?` marks one a careful
/// person might or might not list (allowed, not required). Any deadline not listed is a false
/// positive.
struct RealisticAd: Sendable, CustomTestStringConvertible {
  var name: String
  var importDate: String
  var text: String
  var title: String?
  var company: String?
  /// Checked as "the extracted location contains this" (a place line may carry a region).
  var location: String?
  var type: String?
  var workplace: String?
  /// `"min-max CUR period"`, e.g. `"55000-65000 EUR year"`; a part may be `nil`.
  var pay: String?
  /// `"2025-02-24"`, or `"≤2025-02-08"` for "30+ days ago".
  var posted: String?
  var deadlines: [String] = []
  var probation: String?
  /// Whether the ad says "ASAP", "ab sofort", "rolling basis"… (a start or cutoff with no date).
  var open: Bool? = false

  var testDescription: String { name }
}

/// What the importer made of an ad, field by field, compared with what a person would say.
struct RealisticAdScore {
  var checked = 0
  var correct = 0
  var mismatches: [String] = []

  init(_ ad: RealisticAd) {
    let importDate = CivilDate(ad.importDate) ?? CivilDate(dayNumber: 0)
    let draft = PostingImporter.draft(fromText: ad.text, contentTypeHint: nil,
                                      importDate: importDate, source: "pasted")
    let posting = draft.posting
    compare("title", ad.title, posting.title.isEmpty ? nil : posting.title)
    compare("company", ad.company, posting.company.isEmpty ? nil : posting.company)
    compareLocation(ad.location, posting.location)
    compare("type", ad.type, posting.employmentType?.rawValue)
    compare("workplace", ad.workplace, posting.workplace?.rawValue)
    compare("pay", ad.pay, posting.compensation.map(Self.render))
    compare("posted", ad.posted, posting.posted.map(Self.render))
    compare("probation", ad.probation, draft.terms.probation?.description)
    compare("open", ad.open.map { String($0) }, String(!draft.openDates.isEmpty))
    compareDeadlines(ad.deadlines, draft.deadlines.map(Self.render))
  }

  private mutating func compare(_ field: String, _ expected: String?, _ actual: String?) {
    if expected == "*" { return }
    checked += 1
    let accepted = expected.map { $0.components(separatedBy: " ‖ ") }
    let matches = accepted.map { options in
      actual.map(options.contains) ?? options.contains("nil")
    } ?? (actual == nil)
    if matches {
      correct += 1
    } else {
      mismatches.append("\(field): expected \(expected ?? "nil"), got \(actual ?? "nil")")
    }
  }

  private mutating func compareLocation(_ expected: String?, _ actual: String?) {
    if expected == "*" { return }
    checked += 1
    let matches: Bool
    if let expected {
      matches = actual.map { $0.count <= 60 && $0.localizedCaseInsensitiveContains(expected) }
        ?? false
    } else {
      matches = actual == nil
    }
    if matches {
      correct += 1
    } else {
      mismatches.append("location: expected \(expected ?? "nil"), got \(actual ?? "nil")")
    }
  }

  /// One point per expected deadline found, and one for listing nothing else.
  private mutating func compareDeadlines(_ expected: [String], _ actual: [String]) {
    let required = expected.filter { !$0.hasPrefix("?") }
    let optional = expected.filter { $0.hasPrefix("?") }.map { String($0.dropFirst()) }
    for deadline in required {
      checked += 1
      if actual.contains(deadline) {
        correct += 1
      } else {
        mismatches.append("deadline missing: \(deadline)")
      }
    }
    checked += 1
    let extra = actual.filter { !required.contains($0) && !optional.contains($0) }
    if extra.isEmpty {
      correct += 1
    } else {
      mismatches.append("deadlines not in the ad: \(extra.joined(separator: ", "))")
    }
  }

  static func render(_ pay: Compensation) -> String {
    func number(_ value: Double?) -> String {
      guard let value else { return "nil" }
      return value == value.rounded() ? String(Int(value)) : String(value)
    }
    return "\(number(pay.minimum))-\(number(pay.maximum)) \(pay.currency ?? "nil") "
      + (pay.period?.rawValue ?? "nil")
  }

  static func render(_ posted: PostedDate) -> String {
    (posted.precision == .onOrBefore ? "≤" : "") + posted.date.description
  }

  static func render(_ deadline: Deadline) -> String {
    switch deadline.due {
    case .allDay(let date):
      return "\(deadline.kind.rawValue) \(date)"
    case .timed(let instant, let zone):
      let timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC") ?? .current
      return "\(deadline.kind.rawValue) \(CivilDate(containing: instant, in: timeZone))"
    case .relative(let anchor, let offset):
      return "\(deadline.kind.rawValue) \(anchor.rawValue)+\(offset)"
    }
  }
}
