import Foundation

/// One line of the agenda: a pending deadline with its date worked out for "now" in the user's
/// zone, and the names a person recognises it by.
public struct AgendaEntry: Hashable, Sendable, Identifiable {
  /// Conditions that change what the user should do about an entry.
  public enum Flag: String, CaseIterable, Codable, Sendable {
    /// An application cutoff for a posting the user has saved but not applied to.
    case notAppliedYet
    /// An application cutoff that passed before the user applied.
    case missed
    /// An event (an interview, a call, a start date) that is over: not overdue, it happened.
    /// So is a cutoff the user applied by, which only `--all` shows.
    /// It has no urgency and sits under "Passed: what happened?" until the user answers or
    /// `Agenda.passedEventDays` have gone by.
    case happened
  }

  // The one-byte fields come together, after the id: apart, each would take eight bytes of
  // every entry of an agenda that holds all of a large store's deadlines.
  /// The deadline's id.
  public var id: String
  public var kind: DeadlineKind
  /// Nil while pending and once an event has passed (flag `happened`).
  public var urgency: Urgency?
  /// What a pending relative deadline waits for.
  public var pendingOn: DeadlineAnchor?
  /// The civil day it is due, in the user's zone; nil while pending.
  public var date: CivilDate?
  /// The instant of a timed deadline (an interview); nil for all-day ones.
  public var time: Date?
  /// The zone a timed deadline was given in, to show "14:00 Europe/Berlin" beside local time.
  public var timeZone: TimeZone?
  /// Civil days from today to `date`; negative when overdue, nil while pending.
  public var daysLeft: Int?
  /// Fixed order (`Flag.allCases`), so output is stable.
  public var flags: [Flag]
  public var company: String
  public var title: String
  public var owner: DeadlineOwner
  /// The words the date came from, if an importer found it.
  public var phrase: String?
  /// The reminder lead times in force.
  public var leadTimes: [Period]
  /// For reminders: the lead time most recently reached (the one that fired).
  public var reachedLeadTime: Period? {
    get { reachedLeadTimeBox?.value }
    set { reachedLeadTimeBox = newValue.map(SharedBox.init) }
  }
  /// Boxed: only a reminder has one, and inline it took 56 bytes of every entry.
  private var reachedLeadTimeBox: SharedBox<Period>?
  /// The event's own title, duration, place and link.
  public var event: EventDetails

  public init(id: String, kind: DeadlineKind, date: CivilDate?, time: Date? = nil,
              timeZone: TimeZone? = nil, daysLeft: Int?, urgency: Urgency?, flags: [Flag] = [],
              pendingOn: DeadlineAnchor? = nil, company: String, title: String,
              owner: DeadlineOwner, phrase: String? = nil, leadTimes: [Period] = [],
              reachedLeadTime: Period? = nil, event: EventDetails = EventDetails()) {
    self.id = id
    self.kind = kind
    self.date = date
    self.time = time
    self.timeZone = timeZone
    self.daysLeft = daysLeft
    self.urgency = urgency
    self.flags = flags
    self.pendingOn = pendingOn
    self.company = company
    self.title = title
    self.owner = owner
    self.phrase = phrase
    self.leadTimes = leadTimes
    self.reachedLeadTimeBox = reachedLeadTime.map(SharedBox.init)
    self.event = event
  }

  /// The end of a timed entry: its time plus its duration (the default hour when none).
  public var endTime: Date? {
    guard let time, let zone = timeZone else { return nil }
    return EventDetails.end(of: time, lasting: event.duration ?? DeadlineKind.defaultDuration,
      in: zone)
  }

  public var isPending: Bool { date == nil }
  public var section: AgendaSection { AgendaSection(urgency: urgency, flags: flags) }
}

/// The agenda's display groups, in display order.
public enum AgendaSection: String, CaseIterable, Codable, Sendable {
  case overdue, passed, today, thisWeek, nextTwoWeeks, later, pending

  /// Imminent and soon share "This week" (≤ 7 days); upcoming is "Next two weeks" (≤ 14).
  public init(urgency: Urgency?) {
    switch urgency {
    case .overdue: self = .overdue
    case .today: self = .today
    case .imminent, .soon: self = .thisWeek
    case .upcoming: self = .nextTwoWeeks
    case .later: self = .later
    case nil: self = .pending
    }
  }

  /// An entry's section: a passed event asks what happened, whatever its urgency.
  public init(urgency: Urgency?, flags: [AgendaEntry.Flag]) {
    self = flags.contains(.happened) ? .passed : AgendaSection(urgency: urgency)
  }

  public var title: String {
    switch self {
    case .overdue: return "Overdue"
    case .passed: return "Passed: what happened?"
    case .today: return "Today"
    case .thisWeek: return "This week"
    case .nextTwoWeeks: return "Next two weeks"
    case .later: return "Later"
    case .pending: return "Pending"
    }
  }
}

extension AgendaEntry: Encodable {
  private enum CodingKeys: String, CodingKey {
    case id, kind, date, time, timeZone, daysLeft, urgency, section, company, title, owner
    case ownerKind, phrase, pendingOn, flags, leadTimes, reachedLeadTime
    case eventTitle, duration, endTime, place, link, note
  }

  /// The `--json` shape. Every key is always present (null when not applicable), so scripts can
  /// rely on it; `time` is ISO 8601 in UTC.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(kind, forKey: .kind)
    try container.encode(date?.description, forKey: .date)
    try container.encode(time.map { $0.formatted(.iso8601) }, forKey: .time)
    try container.encode(timeZone?.identifier, forKey: .timeZone)
    try container.encode(daysLeft, forKey: .daysLeft)
    try container.encode(urgency, forKey: .urgency)
    try container.encode(section, forKey: .section)
    try container.encode(company, forKey: .company)
    try container.encode(title, forKey: .title)
    try container.encode(owner.id, forKey: .owner)
    switch owner {
    case .posting: try container.encode("posting", forKey: .ownerKind)
    case .application: try container.encode("application", forKey: .ownerKind)
    }
    try container.encode(phrase, forKey: .phrase)
    try container.encode(pendingOn, forKey: .pendingOn)
    try container.encode(flags, forKey: .flags)
    try container.encode(leadTimes, forKey: .leadTimes)
    try container.encode(reachedLeadTime, forKey: .reachedLeadTime)
    try container.encode(event.title, forKey: .eventTitle)
    try container.encode(event.duration, forKey: .duration)
    try container.encode(endTime.map { $0.formatted(.iso8601) }, forKey: .endTime)
    try container.encode(event.place, forKey: .place)
    try container.encode(event.link, forKey: .link)
    try container.encode(event.note, forKey: .note)
  }
}
