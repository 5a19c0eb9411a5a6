import Foundation
import JobDeckCore

/// Maps a schema.org `JobPosting` object to a draft, then reads its description like a pasted
/// ad for what JSON-LD has no field for (start dates, probation, durations).
enum JSONLDPosting {
  static func draft(from object: [String: Any], importDate: CivilDate, source: String?,
                    pageText: String) -> PostingDraft {
    let title = string(object["title"]) ?? string(object["name"]) ?? ""
    let description = descriptionText(object["description"]) ?? pageText
    var draft = PostingTextExtractor.extract(text: title + "\n" + description,
                                             importDate: importDate, source: source)
    draft.posting.description = description
    if !title.isEmpty {
      draft.posting.title = title
      draft.explanations["title"] = FieldExplanation(phrase: "title: \(title)",
                                                     rule: "the page's JSON-LD JobPosting")
    }
    if let company = organizationName(object["hiringOrganization"]) {
      draft.posting.company = company
      draft.explanations["company"] = FieldExplanation(
        phrase: "hiringOrganization: \(company)", rule: "the page's JSON-LD JobPosting")
    }
    if let location = location(object["jobLocation"]) { draft.posting.location = location }
    if let remote = string(object["jobLocationType"]), remote.uppercased().contains("TELECOMMUTE") {
      draft.posting.workplace = .remote
      if draft.posting.location == nil { draft.posting.location = "Remote" }
    }
    let titleType = PostingTextExtractor.employmentType(title: title, labelled: nil, text: title)
    if let type = titleType ?? employmentType(object["employmentType"]) {
      draft.posting.employmentType = type
    }
    if let posted = date(object["datePosted"]) {
      draft.posting.posted = PostedDate(date: posted)
      draft.explanations["posted"] = FieldExplanation(
        phrase: "datePosted: \(string(object["datePosted"]) ?? "")", rule: "the page's JSON-LD JobPosting")
    }
    if let written = string(object["validThrough"]), let cutoff = date(object["validThrough"]) {
      draft.deadlines.removeAll { $0.kind == .applicationCutoff }
      let deadline = Deadline(id: "", kind: .applicationCutoff, due: .allDay(cutoff),
                              phrase: "validThrough: \(written)", owner: .posting(""),
                              origin: .imported)
      draft.deadlines.insert(deadline, at: 0)
      draft.explanations[FieldExplanation.key(for: deadline)] = FieldExplanation(
        phrase: deadline.phrase ?? "", rule: "the page's JSON-LD JobPosting (validThrough)")
    }
    if let salary = compensation(object["baseSalary"] ?? object["estimatedSalary"]) {
      draft.posting.compensation = salary
    }
    if let url = string(object["url"]) { draft.keepLink(url, from: "the JSON-LD url") }
    draft.dropDatesOutsideSupportedRange()
    return draft
  }

  private static func string(_ value: Any?) -> String? {
    switch value {
    case let text as String:
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : trimmed
    case let number as NSNumber: return number.stringValue
    case let list as [Any]: return list.lazy.compactMap { string($0) }.first
    case let object as [String: Any]: return string(object["name"]) ?? string(object["@value"])
    default: return nil
    }
  }

  private static func number(_ value: Any?) -> Double? {
    switch value {
    case let number as NSNumber: return number.doubleValue
    case let text as String:
      return CompensationParser.value(text.filter { !$0.isWhitespace }, thousands: false)
    default: return nil
    }
  }

  /// "2025-03-31", "2025-03-31T23:59:59+01:00": the civil date as written, whatever the offset.
  private static func date(_ value: Any?) -> CivilDate? {
    guard let text = string(value), text.count >= 10 else { return nil }
    return CivilDate(String(text.prefix(10)))
  }

  private static func descriptionText(_ value: Any?) -> String? {
    guard var text = string(value) else { return nil }
    if text.contains("&lt;") { text = HTMLText.decodeEntities(text) }
    return HTMLText.text(fromHTML: text)
  }

  private static func organizationName(_ value: Any?) -> String? {
    if let list = value as? [Any] { return list.lazy.compactMap { organizationName($0) }.first }
    if let object = value as? [String: Any] { return string(object["name"]) }
    return string(value)
  }

  private static func location(_ value: Any?) -> String? {
    if let list = value as? [Any] {
      let places = list.compactMap { location($0) }
      var unique: [String] = []
      for place in places where !unique.contains(place) { unique.append(place) }
      return unique.isEmpty ? nil : unique.joined(separator: "; ")
    }
    guard let object = value as? [String: Any] else { return string(value) }
    let address = object["address"]
    if let text = address as? String { return text }
    guard let fields = address as? [String: Any] else { return string(object["name"]) }
    var parts: [String] = []
    for key in ["addressLocality", "addressRegion", "addressCountry"] {
      if let part = string(fields[key]), !parts.contains(part) { parts.append(part) }
    }
    return parts.isEmpty ? string(object["name"]) : parts.joined(separator: ", ")
  }

  private static func employmentType(_ value: Any?) -> EmploymentType? {
    let values: [String]
    if let list = value as? [Any] {
      values = list.compactMap { $0 as? String }
    } else if let text = value as? String {
      values = text.components(separatedBy: CharacterSet(charactersIn: ", "))
    } else {
      return nil
    }
    let normalized = Set(values.map { $0.uppercased().replacingOccurrences(of: "-", with: "_") })
    if normalized.contains("INTERN") || normalized.contains("INTERNSHIP") { return .internship }
    if normalized.contains("CONTRACTOR") || normalized.contains("TEMPORARY") { return .contract }
    if normalized.contains("FULL_TIME") || normalized.contains("FULLTIME") { return .fullTime }
    if normalized.contains("PART_TIME") || normalized.contains("PARTTIME") { return .partTime }
    return nil
  }

  private static func compensation(_ value: Any?) -> Compensation? {
    guard let salary = value as? [String: Any] else { return nil }
    let currency = string(salary["currency"])?.uppercased()
    let amount = salary["value"]
    var minimum: Double?
    var maximum: Double?
    var unit = string(salary["unitText"])
    if let fields = amount as? [String: Any] {
      minimum = number(fields["minValue"]) ?? number(fields["value"])
      maximum = number(fields["maxValue"]) ?? number(fields["value"]) ?? minimum
      unit = string(fields["unitText"]) ?? unit
    } else if let text = amount as? String, let range = text.range(of: #"\s*[-–]\s*"#, options: .regularExpression) {
      // "50000-60000": some boards write the range as one string.
      minimum = number(String(text[..<range.lowerBound]))
      maximum = number(String(text[range.upperBound...]))
    } else {
      minimum = number(amount)
      maximum = minimum
    }
    guard minimum != nil || maximum != nil else { return nil }
    let period: Compensation.Period?
    switch unit?.uppercased() {
    case "YEAR", "ANNUAL", "YEARLY": period = .year
    case "MONTH", "MONTHLY": period = .month
    case "HOUR", "HOURLY": period = .hour
    default: period = nil
    }
    func format(_ value: Double?) -> String? {
      guard let value else { return nil }
      // Whole amounts print without ".0"; beyond Int's range (a page's "1e308") Int() would trap.
      if value == value.rounded(), let whole = Int(exactly: value) { return String(whole) }
      return String(value)
    }
    var text = [format(minimum), format(maximum)].compactMap { $0 }
      .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      .joined(separator: "–")
    if let currency { text += " \(currency)" }
    if let unit { text += " per \(unit.lowercased())" }
    return Compensation(text: text, minimum: minimum, maximum: maximum, currency: currency,
                        period: period)
  }
}
