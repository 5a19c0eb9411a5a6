import JobDeckCore

/// How messages name what they acted on: "Snoozed SumUp · ML Engineer apply by to Fri 12 Dec".
extension AppState {
  /// "SumUp · ML Engineer", sanitized for the status line.
  func recordName(of application: Application) -> String {
    let (company, title) = facts { ($0.company(of: application), $0.title(of: application)) }
    return TerminalText.sanitized(title.isEmpty ? company : "\(company) · \(title)")
  }

  func recordName(of posting: Posting) -> String {
    TerminalText.sanitized("\(posting.company) · \(posting.title)")
  }
}

extension AgendaEntry {
  var recordName: String {
    TerminalText.sanitized(title.isEmpty ? company : "\(company) · \(title)")
  }
}

extension CivilDate {
  /// "Fri 12 Dec", with the year when it is not `year`'s.
  func spokenDay(relativeToYear currentYear: Int? = nil) -> String {
    let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                  "Dec"]
    let text = "\(weekdays[(isoWeekday - 1) % 7]) \(day) \(months[(month - 1) % 12])"
    return currentYear == nil || currentYear == year ? text : "\(text) \(year)"
  }
}
