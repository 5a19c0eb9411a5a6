import Foundation
import JobDeckCore

/// The labelled ads of `Tests/Fixtures/ads/`: each file's text, and what a careful reader takes
/// from it (`labels.txt`, written before the importer was run on them; its header explains the
/// notation). Read by the corpus test and by `jobdeck-bench accuracy`.
public struct CorpusAd: Sendable, CustomStringConvertible {
  public var file: String
  public var text: String
  public var importDate: CivilDate
  public var url: String?
  /// Field name → the accepted values ("-" for none).
  public var labels: [String: [String]]

  public var description: String { file }
  public var isHeldOut: Bool { labels["held-out"] != nil }

  /// `Tests/Fixtures/ads` of this checkout.
  public static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/Fixtures/ads")

  public static func all(in directory: URL = directory) -> [CorpusAd] {
    let labelsURL = directory.appendingPathComponent("labels.txt")
    guard let labels = try? String(contentsOf: labelsURL, encoding: .utf8) else { return [] }
    var ads: [CorpusAd] = []
    var file: String?
    var fields: [String: [String]] = [:]
    func flush() {
      guard let file,
        let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8),
        let imported = fields["imported"]?.first, let importDate = CivilDate(imported)
      else { return }
      ads.append(CorpusAd(file: file, text: text, importDate: importDate,
                          url: fields["url"]?.first, labels: fields))
    }
    for line in labels.split(separator: "\n").map(String.init) where !line.hasPrefix("#") {
      if line.hasPrefix("["), line.hasSuffix("]") {
        flush()
        file = String(line.dropFirst().dropLast())
        fields = [:]
      } else if let colon = line.firstIndex(of: ":") {
        let key = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        fields[key] = value.components(separatedBy: " ‖ ")
          .map { $0.trimmingCharacters(in: .whitespaces) }
      }
    }
    flush()
    return ads
  }
}

/// What an importer made of one corpus ad, field by field.
public struct CorpusReading: Sendable {
  public static let fields = ["company", "title", "posted", "cutoff", "start", "end", "other"]
  public static let dateFields = ["posted", "cutoff", "start", "end"]

  public var draft: PostingDraft
  /// Field → whether the importer's value is one the labels accept.
  public var correct: [String: Bool] = [:]
  public var mismatches: [String] = []
  /// Cutoffs the ad does not state: the one error an importer must never make.
  public var inventedCutoffs: [String] = []

  public init(_ ad: CorpusAd, draft: PostingDraft) {
    self.draft = draft
    compareText("company", ad.labels["company"] ?? [], draft.posting.company)
    compareText("title", ad.labels["title"] ?? [], draft.posting.title)
    compareDates("posted", ad.labels["posted"] ?? [],
                 draft.posting.posted.map { [$0.date.description] } ?? [])
    let cutoffs = days(of: .applicationCutoff)
    compareDates("cutoff", ad.labels["cutoff"] ?? [], cutoffs)
    inventedCutoffs = cutoffs.filter { !(ad.labels["cutoff"] ?? []).contains($0) }
    compareDates("start", ad.labels["start"] ?? [], days(of: .startDate))
    compareDates("end", ad.labels["end"] ?? [], days(of: .contractEnd))
    compareOthers(ad.labels["other"]?.first ?? "-")
  }

  /// The dates of `field` an ad certainly states (alternatives included; none when "-" is
  /// accepted too), for "is the date found at all".
  public static func statedDates(_ ad: CorpusAd, _ field: String) -> [String] {
    let accepted = ad.labels[field] ?? []
    return accepted.contains("-") ? [] : accepted
  }

  static func normalized(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private mutating func record(_ field: String, _ ok: Bool, _ detail: @autoclosure () -> String) {
    correct[field] = ok
    if !ok { mismatches.append("\(field): \(detail())") }
  }

  private mutating func compareText(_ field: String, _ accepted: [String], _ actual: String) {
    let value = actual.isEmpty ? "-" : actual
    let ok = accepted.map(Self.normalized).contains(Self.normalized(value))
    record(field, ok, "expected \(accepted.joined(separator: " ‖ ")), got \(value)")
  }

  /// One date at most: the field is right when the importer found exactly one accepted date
  /// (or none, when "-" is accepted).
  private mutating func compareDates(_ field: String, _ accepted: [String], _ actual: [String]) {
    let found = Array(Set(actual)).sorted()
    let ok = found.isEmpty ? accepted.contains("-") : found.count == 1 && accepted.contains(found[0])
    record(field, ok,
           "expected \(accepted.joined(separator: " ‖ ")), got \(found.isEmpty ? "-" : found.joined(separator: ", "))")
  }

  private static let mainKinds: Set<DeadlineKind> = [.applicationCutoff, .startDate, .contractEnd]

  private mutating func compareOthers(_ label: String) {
    let entries = label == "-" ? [] : label.components(separatedBy: ";")
      .map { $0.trimmingCharacters(in: .whitespaces) }
    let required = entries.filter { !$0.hasPrefix("?") }
    let optional = entries.filter { $0.hasPrefix("?") }.map { String($0.dropFirst()) }
    let found = draft.deadlines.filter { !Self.mainKinds.contains($0.kind) }
      .compactMap { deadline in Self.day(of: deadline).map { "\(deadline.kind.rawValue) \($0)" } }
    let missing = required.filter { !found.contains($0) }
    let extra = found.filter { entry in
      !required.contains(entry) && !optional.contains(entry)
        && !optional.contains("any " + (entry.split(separator: " ").last.map(String.init) ?? ""))
    }
    record("other", missing.isEmpty && extra.isEmpty,
           "missing [\(missing.joined(separator: "; "))], not in the ad [\(extra.joined(separator: "; "))]")
  }

  private func days(of kind: DeadlineKind) -> [String] {
    draft.deadlines.filter { $0.kind == kind }.compactMap(Self.day(of:)).map(\.description)
  }

  static func day(of deadline: Deadline) -> CivilDate? { deadline.due.statedDay }

  /// Every day the draft holds, whatever its kind: the posted date and each deadline's.
  public var allDays: Set<String> {
    var days = Set(draft.deadlines.compactMap { Self.day(of: $0)?.description })
    if let posted = draft.posting.posted { days.insert(posted.date.description) }
    return days
  }
}
