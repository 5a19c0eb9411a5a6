import Foundation
import JobDeckCore

/// The agenda's groups, in the order they are shown.
enum AgendaGroup: CaseIterable, Equatable {
  case overdue, today, thisWeek, nextTwoWeeks, later, pending

  var title: String {
    switch self {
    case .overdue: return "Overdue"
    case .today: return "Today"
    case .thisWeek: return "This week"
    case .nextTwoWeeks: return "Next two weeks"
    case .later: return "Later"
    case .pending: return "Pending"
    }
  }

  /// Days left → group: this week is the next 7 days, the next two weeks the 14 after them.
  static func group(daysLeft: Int) -> AgendaGroup {
    switch daysLeft {
    case ..<0: return .overdue
    case 0: return .today
    case 1...7: return .thisWeek
    case 8...21: return .nextTwoWeeks
    default: return .later
    }
  }
}

/// One deadline as the UI shows it: what it is, when, and whose.
struct AgendaEntry: Equatable {
  var deadline: Deadline
  /// Nil while a relative deadline waits for its anchor.
  var due: CivilDate?
  var daysLeft: Int?
  /// What a pending deadline waits for ("start date").
  var waitsFor: String?
  var company: String
  var title: String
  var postingID: String?
  var applicationID: String?

  var group: AgendaGroup {
    guard let daysLeft else { return .pending }
    return AgendaGroup.group(daysLeft: daysLeft)
  }
}

/// Turns the deck's deadlines into dated entries for a given day.
struct AgendaModel {
  var deck: Deck
  var today: CivilDate
  var timeZone: TimeZone

  /// Pending deadlines, snoozed ones hidden until the day they return, sorted by due date.
  func entries() -> [AgendaEntry] {
    deck.deadlines.compactMap { deadline -> AgendaEntry? in
      guard deadline.status == .pending else { return nil }
      if let until = deadline.snoozedUntil, until > today { return nil }
      return entry(for: deadline)
    }.sorted { left, right in
      switch (left.due, right.due) {
      case (let l?, let r?): return l == r ? left.deadline.id < right.deadline.id : l < r
      case (nil, nil): return left.deadline.id < right.deadline.id
      case (nil, _): return false
      case (_, nil): return true
      }
    }
  }

  /// Entries by group, empty groups left out.
  func grouped() -> [(AgendaGroup, [AgendaEntry])] {
    let all = entries()
    return AgendaGroup.allCases.compactMap { group in
      let members = all.filter { $0.group == group }
      return members.isEmpty ? nil : (group, members)
    }
  }

  func entry(for deadline: Deadline) -> AgendaEntry {
    var entry = AgendaEntry(deadline: deadline, company: "", title: "")
    switch deadline.owner {
    case .posting(let id):
      entry.postingID = id
      entry.company = deck.posting(withID: id)?.company ?? ""
      entry.title = deck.posting(withID: id)?.title ?? ""
      entry.applicationID = deck.applications(forPosting: id).first?.id
    case .application(let id):
      entry.applicationID = id
      if let application = deck.application(withID: id) {
        entry.postingID = application.postingID
        entry.company = deck.company(of: application)
        entry.title = deck.title(of: application)
      }
    }
    switch deadline.due {
    case .allDay(let date):
      entry.due = date
    case .timed(let instant, _):
      entry.due = CivilDate(containing: instant, in: timeZone)
    case .relative(let anchor, let offset):
      if let anchorDate = anchorDate(anchor, for: entry) {
        entry.due = offset.added(to: anchorDate)
      } else {
        entry.waitsFor = anchor.displayName
      }
    }
    entry.daysLeft = entry.due.map { today.days(until: $0) }
    return entry
  }

  private func anchorDate(_ anchor: DeadlineAnchor, for entry: AgendaEntry) -> CivilDate? {
    let terms = entry.applicationID.flatMap { deck.application(withID: $0)?.terms }
    switch anchor {
    case .startDate: return terms?.startDate
    case .contractEnd: return terms?.contractEnd
    case .offerResponse: return terms?.offerResponseBy
    case .applicationCutoff:
      guard let postingID = entry.postingID else { return nil }
      return deck.deadlines(ownedBy: .posting(postingID)).lazy.compactMap { deadline in
        if deadline.kind == .applicationCutoff, case .allDay(let date) = deadline.due {
          return date
        }
        return nil
      }.first
    }
  }

  /// The nearest pending dated deadline of each posting (its own or its applications'), for
  /// the badges and the deadline sort; one pass over the deadlines.
  func nearestByPosting() -> [String: AgendaEntry] {
    var postingOfApplication: [String: String] = [:]
    for application in deck.applications {
      if let postingID = application.postingID { postingOfApplication[application.id] = postingID }
    }
    var result: [String: AgendaEntry] = [:]
    for entry in entries() where entry.due != nil {
      let postingID: String?
      switch entry.deadline.owner {
      case .posting(let id): postingID = id
      case .application(let id): postingID = postingOfApplication[id]
      }
      // Entries come sorted by date: the first one seen is the nearest.
      if let postingID, result[postingID] == nil { result[postingID] = entry }
    }
    return result
  }
}

extension DeadlineAnchor {
  var displayName: String {
    switch self {
    case .startDate: return "start date"
    case .contractEnd: return "contract end"
    case .offerResponse: return "offer response"
    case .applicationCutoff: return "application cutoff"
    }
  }
}

/// Badge text, readable without colour: `[OVERDUE]`, `[TODAY]`, `[3d]`.
enum UrgencyBadge {
  static func text(daysLeft: Int?) -> String {
    guard let daysLeft else { return "" }
    if daysLeft < 0 { return "[OVERDUE]" }
    if daysLeft == 0 { return "[TODAY]" }
    return daysLeft > 999 ? "[999+d]" : "[\(daysLeft)d]"
  }

  static func style(daysLeft: Int?) -> CellStyle {
    guard let daysLeft else { return .plain }
    switch daysLeft {
    case ..<0: return CellStyle(role: .overdue, bold: true)
    case 0: return CellStyle(role: .today, bold: true)
    case 1...2: return CellStyle(role: .imminent, bold: true)
    case 3...7: return CellStyle(role: .soon)
    case 8...14: return CellStyle(role: .upcoming)
    default: return CellStyle(role: .later)
    }
  }

  /// "in 3d", "today", "2d ago".
  static func relative(daysLeft: Int?) -> String {
    guard let daysLeft else { return "" }
    if daysLeft == 0 { return "today" }
    if daysLeft < 0 { return "\(-daysLeft)d ago" }
    return "in \(daysLeft)d"
  }
}
