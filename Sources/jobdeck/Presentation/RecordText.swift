import Foundation
import JobDeckCore

/// `jobdeck show` for people: the fields that matter first, the long text last.
enum RecordText {
  static func describe(_ reference: Deck.Reference, in deck: Deck, clock: WallClock) -> String {
    switch reference {
    case .posting(let id):
      guard let posting = deck.posting(withID: id) else { return "" }
      var lines = postingLines(posting, heading: "posting \(posting.id)")
      let applications = deck.applications(forPosting: id)
      if applications.isEmpty {
        lines.append("Stage:       not applied (jobdeck apply \(id))")
      }
      for application in applications {
        lines += applicationLines(application, clock: clock)
      }
      lines += deadlineLines(owners: [.posting(id)] + applications.map { .application($0.id) },
                             in: deck, clock: clock)
      lines += descriptionLines(posting)
      return lines.joined(separator: "\n")
    case .application(let id):
      guard let application = deck.application(withID: id) else { return "" }
      var lines: [String]
      var owners: [DeadlineOwner] = [.application(id)]
      if let postingID = application.postingID, let posting = deck.posting(withID: postingID) {
        lines = postingLines(posting, heading: "application \(id)")
        owners.append(.posting(postingID))
      } else {
        lines = ["\(deck.company(of: application)) — \(deck.title(of: application))   (application \(id))"]
      }
      lines += applicationLines(application, clock: clock)
      lines += deadlineLines(owners: owners, in: deck, clock: clock)
      if let postingID = application.postingID, let posting = deck.posting(withID: postingID) {
        lines += descriptionLines(posting)
      }
      return lines.joined(separator: "\n")
    case .deadline(let id):
      guard let deadline = deck.deadline(withID: id) else { return "" }
      var lines = ["deadline \(deadline.id)"]
      lines += deadlineLines(only: deadline, in: deck, clock: clock)
      lines.append("Status:      \(deadline.status.rawValue)"
        + (deadline.snoozedUntil.map { ", snoozed until \($0)" } ?? ""))
      lines.append("Reminders:   " + deadline.effectiveLeadTimes.map(\.spokenDescription).joined(separator: ", ") + " before")
      if let phrase = deadline.phrase { lines.append("From:        “\(phrase)”") }
      return lines.joined(separator: "\n")
    }
  }

  private static func postingLines(_ posting: Posting, heading: String) -> [String] {
    var lines = ["\(posting.company) — \(posting.title)   (\(heading))"]
    let facts = [posting.location, posting.workplace.map { kebabCase($0.rawValue) },
                 posting.employmentType.map { kebabCase($0.rawValue) }].compactMap { $0 }
    if !facts.isEmpty { lines.append("Where:       " + facts.joined(separator: " · ")) }
    if let url = posting.url { lines.append("URL:         \(url)") }
    if let posted = posting.posted {
      lines.append("Posted:      " + (posted.precision == .onOrBefore ? "on or before " : "")
        + posted.date.description)
    }
    if let pay = posting.compensation { lines.append("Pay:         \(pay.text)") }
    if !posting.tags.isEmpty { lines.append("Tags:        " + posting.tags.joined(separator: ", ")) }
    if let archived = posting.archivedAt {
      lines.append("Archived:    " + CivilDate(containing: archived, in: TimeZone.current).description
        + " (jobdeck unarchive \(posting.id))")
    }
    return lines
  }

  private static func applicationLines(_ application: Application, clock: WallClock) -> [String]
  {
    let zone = clock.timeZone
    var lines = ["Stage:       \(application.stage.displayName) (since "
      + CivilDate(containing: application.lastMovedAt, in: zone).description + ")"]
    if let archived = application.archivedAt {
      lines.append("Archived:    " + CivilDate(containing: archived, in: zone).description
        + " (jobdeck unarchive \(application.id))")
    }
    if let source = application.source { lines.append("Found via:   \(source.displayName)") }
    if let method = application.method { lines.append("Sent by:     \(method.displayName)") }
    if let sentTo = application.sentTo {
      let address = sentTo.split(whereSeparator: \.isNewline)
      lines.append("Sent to:     " + (address.first.map(String.init) ?? ""))
      lines += address.dropFirst().map { "             \($0)" }
    }
    let terms = application.terms
    if let pay = terms.salary { lines.append("Offer pay:   \(SalaryInput.text(pay))") }
    if let type = terms.contractType { lines.append("Contract:    \(kebabCase(type.rawValue))") }
    if let date = terms.offerResponseBy { lines.append("Answer by:   \(date)") }
    if let date = terms.startDate { lines.append("Starts:      \(date)") }
    if let period = terms.probation { lines.append("Probation:   \(period.spokenDescription)") }
    if let period = terms.noticePeriod { lines.append("Notice:      \(period.spokenDescription)") }
    if let date = terms.contractEnd { lines.append("Ends:        \(date)") }
    for (number, contact) in application.contacts.enumerated() {
      lines.append("Contact \(number + 1):   " + contact.summary)
      if let note = contact.note { lines.append("             \(note)") }
    }
    lines.append("History:")
    for change in application.history {
      let when = timeText(change.at, in: zone)
      let move = change.from.map { "\($0.displayName) → \(change.to.displayName)" }
        ?? change.to.displayName
      lines.append("  \(when)  \(move)" + (change.note.map { "  — \($0)" } ?? ""))
    }
    if !application.notes.isEmpty {
      lines.append("Notes:")
      lines += application.notes.split(separator: "\n", omittingEmptySubsequences: false)
        .map { "  " + $0 }
    }
    return lines
  }

  private static func deadlineLines(owners: [DeadlineOwner], in deck: Deck, clock: WallClock)
    -> [String]
  {
    let deadlines = inDateOrder(deck.deadlines.filter { owners.contains($0.owner) }, in: deck,
                                zone: clock.timeZone)
    guard !deadlines.isEmpty else { return [] }
    return ["Deadlines and events:"]
      + deadlines.flatMap { deadlineLines(only: $0, in: deck, clock: clock).map { "  " + $0 } }
  }

  /// By the instant they fall on (an all-day date at its start in the user's zone, before a timed event
  /// of the same day), pending relative ones last; ties keep the deck's order.
  private static func inDateOrder(_ deadlines: [Deadline], in deck: Deck, zone: TimeZone)
    -> [Deadline]
  {
    let keys: [Double] = deadlines.map { deadline in
      switch deck.resolvedDue(of: deadline) {
      case .day(let day): return day.instant(in: zone).timeIntervalSince1970
      case .instant(let instant, _): return instant.timeIntervalSince1970
      case .pending: return Double.infinity
      }
    }
    let order: [Int] = deadlines.indices.sorted { (left: Int, right: Int) -> Bool in
      keys[left] != keys[right] ? keys[left] < keys[right] : left < right
    }
    return order.map { deadlines[$0] }
  }

  private static func deadlineLines(only deadline: Deadline, in deck: Deck, clock: WallClock)
    -> [String]
  {
    let when = DeadlineText.when(deadline, in: deck, clock: clock)
    var line = "\(deadline.displayName): \(when)"
    if deadline.status != .pending { line += " [\(deadline.status.rawValue)]" }
    var lines = [line + "   (\(deadline.id))"]
    if deadline.title != nil, deadline.kind != .custom {
      lines.append("    \(deadline.kind.displayName)")
    }
    if let duration = deadline.duration, case .allDay = deadline.due {
      lines.append("    lasts \(duration.spokenDescription)")
    }
    if let place = deadline.place { lines.append("    at \(place)") }
    if let link = deadline.link { lines.append("    \(link)") }
    if let note = deadline.note { lines.append("    note: \(note)") }
    if let phrase = deadline.phrase { lines.append("    “\(phrase)”") }
    return lines
  }

  private static func descriptionLines(_ posting: Posting) -> [String] {
    guard let text = posting.description, !text.isEmpty else { return [] }
    return ["Description:"] + text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { "  " + $0 }
  }

  static func timeText(_ date: Date, in zone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }
}
