import Foundation

/// A date that costs the user the job if missed, with the reminders that should precede it.
public struct Deadline: Identifiable, Hashable, Codable, Sendable {
  /// Stable forever: it becomes the iCalendar UID, so calendars update the event instead of
  /// duplicating it on the next export.
  public var id: String
  public var kind: DeadlineKind
  public var due: DeadlineDue
  /// How long before the due date to remind; `P0D` is "on the day". Nil: the kind's defaults.
  public var leadTimes: [Period]?
  public var status: DeadlineStatus
  /// Hidden from the agenda until this day (inclusive of the day it returns on).
  public var snoozedUntil: CivilDate?
  /// The words the date came from ("Applications must be submitted by 3 March"), so a person
  /// can check what the importer understood.
  public var phrase: String?
  public var owner: DeadlineOwner
  /// Whether the user typed it, an importer found it, or the engine derived it from a stage.
  public var origin: DeadlineOrigin
  /// Bumped on every change, so calendar clients replace the event (RFC 5545 SEQUENCE).
  public var revision: Int
  public var note: String?
  /// An event's own name ("Team lunch" for a custom event); nil: the kind's name.
  public var title: String?
  /// How long a timed event lasts; nil: `DeadlineKind.defaultDuration` where one is needed
  /// (the end of a calendar entry).
  public var duration: Period?
  /// Where an event happens: an address, a room.
  public var place: String?
  /// The video call or page of an event: an http(s) link (see `EventLink`).
  public var link: String?

  public init(id: String, kind: DeadlineKind, due: DeadlineDue, leadTimes: [Period]? = nil,
              status: DeadlineStatus = .pending, snoozedUntil: CivilDate? = nil,
              phrase: String? = nil, owner: DeadlineOwner, origin: DeadlineOrigin = .manual,
              revision: Int = 0, note: String? = nil, title: String? = nil,
              duration: Period? = nil, place: String? = nil, link: String? = nil) {
    self.id = id
    self.kind = kind
    self.due = due
    self.leadTimes = leadTimes
    self.status = status
    self.snoozedUntil = snoozedUntil
    self.phrase = phrase
    self.owner = owner
    self.origin = origin
    self.revision = revision
    self.note = note
    self.title = title
    self.duration = duration
    self.place = place
    self.link = link
  }

  /// The lead times in force: the user's own, else the kind's defaults.
  public var effectiveLeadTimes: [Period] { leadTimes ?? kind.defaultLeadTimes }

  /// What the user calls it: its own title, else the kind's name.
  public var displayName: String { title ?? kind.displayName }
}

/// The kinds of date a job seeker meets (DOMAIN.md), each with sensible reminder lead times.
public enum DeadlineKind: String, CaseIterable, Codable, Sendable {
  case applicationCutoff, interview, assessment, offerResponse, resignationNotice, startDate
  case probationReview, probationEnd, contractEnd, followUp
  // Events added by hand; after the known kinds so that the agenda's order of kinds on one
  // day stays as it was.
  case phoneScreen, takeHome, call, custom

  public var defaultLeadTimes: [Period] {
    switch self {
    case .applicationCutoff: return [.days(7), .days(2), .zero]
    case .interview: return [.days(1), .hours(2)]
    case .assessment: return [.days(2), .zero]
    case .offerResponse: return [.days(2), .zero]
    case .resignationNotice: return [.days(14), .days(3)]
    case .startDate: return [.days(7)]
    case .probationReview: return [.days(14)]
    case .probationEnd: return [.days(30), .days(7)]
    case .contractEnd: return [.weeks(6)]
    case .followUp: return [.zero]
    case .phoneScreen, .call: return [.hours(2)]
    case .takeHome: return [.days(2), .zero]
    case .custom: return [.days(1)]
    }
  }

  /// Whether it happens at a time rather than being something to do by a date (DOMAIN.md,
  /// "Tasks and events"): once an event has happened it is not overdue, the question is what
  /// happened next; a task stays overdue until it is done, dismissed or snoozed.
  public var isEvent: Bool {
    switch self {
    // An assessment day and a probation review are meetings: once they are over the question
    // is how they went. A take-home is the task of handing something in.
    case .interview, .phoneScreen, .call, .assessment, .startDate, .probationReview, .custom:
      return true
    case .applicationCutoff, .offerResponse, .resignationNotice, .probationEnd, .contractEnd,
      .followUp, .takeHome:
      return false
    }
  }

  /// How long a timed event lasts in a calendar when the user gave no duration (RFC 5545
  /// needs an end; one hour is what calendar apps default to).
  public static let defaultDuration = Period.hours(1)

  /// Words for people: "application cutoff", "offer response".
  public var displayName: String {
    switch self {
    case .applicationCutoff: return "apply by"
    case .interview: return "interview"
    case .assessment: return "assessment"
    case .offerResponse: return "offer response"
    case .resignationNotice: return "resign by"
    case .startDate: return "start"
    case .probationReview: return "probation review"
    case .probationEnd: return "probation ends"
    case .contractEnd: return "contract ends"
    case .followUp: return "follow up"
    case .phoneScreen: return "phone screen"
    case .takeHome: return "take-home"
    case .call: return "call"
    case .custom: return "event"
    }
  }
}

/// When a deadline falls. All-day deadlines are civil dates (due until the end of that day in
/// the user's zone); interviews have a time and an IANA zone; some dates are only known relative
/// to another ("3 months after the start date") until that anchor is entered.
public enum DeadlineDue: Hashable, Sendable {
  case allDay(CivilDate)
  case timed(Date, timeZone: String)
  case relative(to: DeadlineAnchor, offset: Period)
}

extension DeadlineDue {
  /// The day as the ad or the user stated it: a timed deadline's day in its own zone (a cutoff
  /// "31 March, 23:59 CET" is the 31st wherever the reader is); nil while relative.
  public var statedDay: CivilDate? {
    switch self {
    case .allDay(let date): return date
    case .timed(let instant, let zone):
      return TimeZone(identifier: zone).map { CivilDate(containing: instant, in: $0) }
    case .relative: return nil
    }
  }

  public var isRelative: Bool {
    if case .relative = self { return true }
    return false
  }
}

extension Deadline {
  /// The day of an application cutoff that had passed by `today`, as an import preview marks it
  /// ("cutoff passed 4 Apr 2025"): an old ad keeps its dates, but nobody should think it open.
  public func cutoffPassed(by today: CivilDate) -> CivilDate? {
    guard kind == .applicationCutoff, let day = due.statedDay, day < today else { return nil }
    return day
  }
}

/// What a relative deadline is counted from.
public enum DeadlineAnchor: String, CaseIterable, Codable, Sendable {
  case startDate, contractEnd, offerResponse, applicationCutoff
}

extension DeadlineDue: Codable {
  private enum CodingKeys: String, CodingKey {
    case date, dateTime, timeZone, relativeTo, offset
  }

  /// Stored flat so the file reads naturally: `{"date": "2025-03-03"}`,
  /// `{"dateTime": "2025-03-03T14:00:00Z", "timeZone": "Europe/Berlin"}`,
  /// `{"relativeTo": "startDate", "offset": "P3M"}`.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let date = try container.decodeIfPresent(CivilDate.self, forKey: .date) {
      self = .allDay(date)
    } else if let instant = try container.decodeIfPresent(Date.self, forKey: .dateTime) {
      let zone = try container.decode(String.self, forKey: .timeZone)
      guard TimeZone(identifier: zone) != nil else {
        throw DecodingError.dataCorruptedError(
          forKey: .timeZone, in: container,
          debugDescription: "'\(zone)' is not an IANA time zone such as Europe/Berlin")
      }
      self = .timed(instant, timeZone: zone)
    } else if let anchor = try container.decodeIfPresent(DeadlineAnchor.self, forKey: .relativeTo) {
      self = .relative(to: anchor, offset: try container.decode(Period.self, forKey: .offset))
    } else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "a due date needs 'date', 'dateTime' or 'relativeTo'"))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .allDay(let date):
      try container.encode(date, forKey: .date)
    case .timed(let instant, let zone):
      try container.encode(instant, forKey: .dateTime)
      try container.encode(zone, forKey: .timeZone)
    case .relative(let anchor, let offset):
      try container.encode(anchor, forKey: .relativeTo)
      try container.encode(offset, forKey: .offset)
    }
  }
}

public enum DeadlineStatus: String, Codable, Sendable, CaseIterable {
  case pending, done, dismissed
}

/// The record a deadline belongs to.
public enum DeadlineOwner: Hashable, Sendable {
  case posting(String)
  case application(String)

  public var id: String {
    switch self {
    case .posting(let id), .application(let id): return id
    }
  }
}

extension DeadlineOwner: Codable {
  private enum CodingKeys: String, CodingKey { case postingID, applicationID }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let id = try container.decodeIfPresent(String.self, forKey: .applicationID) {
      self = .application(id)
    } else if let id = try container.decodeIfPresent(String.self, forKey: .postingID) {
      self = .posting(id)
    } else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "an owner needs 'postingID' or 'applicationID'"))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .posting(let id): try container.encode(id, forKey: .postingID)
    case .application(let id): try container.encode(id, forKey: .applicationID)
    }
  }
}

public enum DeadlineOrigin: String, CaseIterable, Codable, Sendable {
  /// Typed by the user.
  case manual
  /// Found in a posting's text by an importer.
  case imported
  /// Computed from a stage or the employment terms; the engine keeps it in step with them
  /// unless the user has edited it.
  case derived
  /// A derived deadline the user changed by hand: the engine no longer moves it.
  case edited
}
