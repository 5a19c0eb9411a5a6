/// An ad can state any date ("valid through 31.12.9999"); only dates JobDeck works with are
/// kept, and each one dropped is named in the draft's remarks, so the import says what it left out.
extension PostingDraft {
  public mutating func dropDatesOutsideSupportedRange() {
    if let posted = posting.posted, !SupportedDates.contains(posted.date) {
      remarks.append("The posted date \(posted.date) was left out: it is \(SupportedDates.outsideDates).")
      posting.posted = nil
    }
    deadlines.removeAll { deadline in
      guard SupportedDates.problem(in: deadline) != nil else { return false }
      let phrase = deadline.phrase.map { " ('\($0)')" } ?? ""
      let when: String
      switch deadline.due {
      case .allDay(let date): when = "\(date)"
      case .timed(let instant, _): when = SupportedDates.describe(instant)
      case .relative(_, let offset): when = "\(offset) from its anchor"
      }
      remarks.append("The \(deadline.kind.displayName) date \(when)\(phrase) was left out: it is"
        + " \(SupportedDates.outsideDates).")
      return true
    }
    let dates: [(String, WritableKeyPath<EmploymentTerms, CivilDate?>)] = [
      ("offer response date", \.offerResponseBy), ("start date", \.startDate),
      ("contract end", \.contractEnd),
    ]
    for (what, keyPath) in dates {
      if let date = terms[keyPath: keyPath], !SupportedDates.contains(date) {
        remarks.append("The \(what) \(date) was left out: it is \(SupportedDates.outsideDates).")
        terms[keyPath: keyPath] = nil
      }
    }
    let periods: [(String, WritableKeyPath<EmploymentTerms, Period?>)] = [
      ("probation", \.probation), ("review term", \.probationReviewAfter),
    ]
    for (what, keyPath) in periods {
      if let period = terms[keyPath: keyPath], !period.isWithinLimits {
        remarks.append("The \(what) \(period) was left out: it is longer than 300 years.")
        terms[keyPath: keyPath] = nil
      }
    }
  }
}
