import Foundation
import JobDeckCore

/// What an import understood, for people: every field and date with the words it came from;
/// with `--explain`, also the rule that read each one. A cutoff already past is kept as the ad
/// states it and marked "cutoff passed 4 Apr 2025".
struct ImportPreviewText {
  var today: CivilDate
  var explaining = false

  func render(_ draft: PostingDraft) -> String {
    let posting = draft.posting
    var lines: [String] = []
    field("Title:     ", posting.title, missing: "--title", draft.explanations["title"], &lines)
    field("Company:   ", posting.company, missing: "--company", draft.explanations["company"],
          &lines)
    if let location = posting.location { lines.append("  Location:  \(location)") }
    let facts = [posting.employmentType.map { kebabCase($0.rawValue) },
                 posting.workplace.map { kebabCase($0.rawValue) }].compactMap { $0 }
    if !facts.isEmpty { lines.append("  Type:      " + facts.joined(separator: " · ")) }
    if let pay = posting.compensation {
      var parsed = [pay.minimum, pay.maximum].compactMap { $0 }.map { String(format: "%.0f", $0) }
        .joined(separator: "–")
      if let currency = pay.currency { parsed += " \(currency)" }
      if let period = pay.period { parsed += " per \(period.rawValue)" }
      lines.append("  Pay:       \(pay.text)" + (parsed.isEmpty ? "" : "  (\(parsed.trimmingCharacters(in: .whitespaces)))"))
    }
    if let posted = posting.posted {
      lines.append("  Posted:    " + (posted.precision == .onOrBefore ? "on or before " : "")
        + posted.date.description)
      if explaining, let why = draft.explanations["posted"] { explanation(why, &lines) }
    }
    if !draft.deadlines.isEmpty {
      lines.append("  Dates:")
      for deadline in draft.deadlines {
        lines.append("    \(deadline.kind.displayName): \(dueText(deadline.due))" + passed(deadline))
        if let phrase = deadline.phrase { lines.append("      “\(phrase)”") }
        if explaining {
          let rule = draft.explanations[FieldExplanation.key(for: deadline)]?.rule
            ?? (deadline.due.isRelative ? "a term counted from another date" : "read from the ad")
          lines.append("      rule: \(rule)")
        }
      }
    }
    for open in draft.openDates { lines.append("  No date:   \(open)") }
    if let probation = draft.terms.probation {
      lines.append("  Probation: \(probation.spokenDescription)")
    }
    for remark in draft.remarks { lines.append("  Note:      \(remark)") }
    return safeLines(lines.joined(separator: "\n"))
  }

  /// A field's line, the words it came from beneath it, and what to do when the ad names none.
  private func field(_ label: String, _ value: String, missing option: String,
                     _ why: FieldExplanation?, _ lines: inout [String]) {
    guard !value.isEmpty else {
      lines.append("  \(label)(not found in the ad: give it with \(option))")
      return
    }
    lines.append("  \(label)\(value)")
    if let why { explanation(why, &lines) }
  }

  private func explanation(_ why: FieldExplanation, _ lines: inout [String]) {
    lines.append("      “\(why.phrase)”")
    if explaining { lines.append("      rule: \(why.rule)") }
  }

  private func passed(_ deadline: Deadline) -> String {
    deadline.cutoffPassed(by: today).map { "  (cutoff passed \($0.dayMonthYear))" } ?? ""
  }

  private func dueText(_ due: DeadlineDue) -> String {
    switch due {
    case .allDay(let date): return date.description
    case .timed(let instant, let zone):
      let timeZone = TimeZone(identifier: zone) ?? .gmt
      return RecordText.timeText(instant, in: timeZone) + " " + zone
    case .relative(let anchor, let offset):
      return "\(offset.spokenDescription) after the \(DeadlineText.anchorName(anchor)) (pending until it is known)"
    }
  }
}
