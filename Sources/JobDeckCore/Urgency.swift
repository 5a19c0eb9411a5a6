/// How pressing a pending deadline is, as taskwarrior and calcurse users expect it.
///
/// Cases are declared from most to least pressing, so sorting by urgency puts what needs
/// action first.
public enum Urgency: String, CaseIterable, Codable, Sendable, Comparable {
  case overdue, today, imminent, soon, upcoming, later

  /// The urgency of an all-day deadline `daysLeft` civil days away (negative: past).
  ///
  /// An all-day deadline is due until the end of its day, so only a date before today is
  /// overdue: "closes at 23:59 on the date stated" is the norm for job ads.
  public init(daysLeft: Int) {
    switch daysLeft {
    case ..<0: self = .overdue
    case 0: self = .today
    case 1...2: self = .imminent
    case 3...7: self = .soon
    case 8...14: self = .upcoming
    default: self = .later
    }
  }

  /// The urgency of a timed deadline: overdue as soon as its instant has passed, otherwise
  /// by the civil days between today and the day it falls on in the user's zone.
  public init(daysLeft: Int, instantHasPassed: Bool) {
    self = instantHasPassed ? .overdue : Urgency(daysLeft: max(daysLeft, 0))
  }

  public var displayName: String {
    switch self {
    case .overdue: return "overdue"
    case .today: return "today"
    case .imminent: return "imminent"
    case .soon: return "soon"
    case .upcoming: return "upcoming"
    case .later: return "later"
    }
  }

  public static func < (lhs: Urgency, rhs: Urgency) -> Bool {
    let order = Urgency.allCases
    return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
  }
}
