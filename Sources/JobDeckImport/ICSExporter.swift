import Foundation
import JobDeckCore

/// Writes pending deadlines as an iCalendar file (RFC 5545) that calcurse, khal and
/// python-icalendar import: the DOMAIN.md checklist.
///
/// - One VEVENT per pending deadline with a concrete date (VTODO is skipped by khal and loses its
///   DUE in calcurse). Done and dismissed deadlines, and relative ones whose anchor is not
///   known yet, are left out; dates come from the deadline engine (`Deck.resolvedDue(of:)`), the
///   same rules as the agenda's.
/// - `UID` is the deadline's id (percent-encoded where not a plain id character) + `@jobdeck`,
///   so re-importing the file updates events; `SEQUENCE` is the deadline's revision.
/// - All-day deadlines are `VALUE=DATE` with an exclusive `DTEND` on the next day and
///   `TRANSP:TRANSPARENT` (a deadline does not make the user busy); timed events are UTC
///   instants lasting their duration (one hour when none is given). An event's place is its
///   `LOCATION`, its link its `URL` (else the posting's address).
/// - What the agenda leaves out is left out (`Agenda.isShown`): archived records, closed
///   applications, cutoffs of postings applied to, posting dates replaced by derived ones.
/// - One `VALARM` per lead time. A trigger is relative to the event's start, which for an
///   all-day event is midnight at the start of the day in the calendar's zone: `-P7D` fires at
///   00:00 seven days before, a same-day lead (`PT0S`) at 00:00 on the day, and an hour lead
///   (`-PT2H`) at 22:00 the evening before. Month and year leads are turned into the exact
///   number of days before that date, because RFC 5545 durations have no months.
/// When a deadline falls, as far as a calendar file needs it.
enum CalendarWhen: Hashable, Sendable {
  case allDay(CivilDate)
  case timed(Date)
}

public enum ICSExporter {
  /// `includingClosed` (`export --all`) keeps the deadlines of closed applications and the
  /// cutoffs of postings applied to, which are otherwise left out as on the agenda.
  /// `leadTimes`: the lead times `remind` uses (config, `--lead`), one alarm per lead time.
  public static func export(_ deck: Deck, now: Date, timeZone: TimeZone,
                            includingClosed: Bool = false,
                            leadTimes: ReminderLeadTimes = .builtIn) -> String
  {
    var lines = header + ["METHOD:PUBLISH", "X-WR-CALNAME:JobDeck deadlines"]
    for event in events(deck, now: now, timeZone: timeZone, includingClosed: includingClosed,
                        leadTimes: leadTimes) {
      lines += event.lines
    }
    lines.append("END:VCALENDAR")
    return lines.map(ICSText.folded).joined()
  }

  /// The same events as `export`, each alone in a VCALENDAR of its own, with its UID: what a
  /// CalDAV collection stores, one resource per event (RFC 4791 §4.1, no `METHOD`).
  public static func eventCalendars(_ deck: Deck, now: Date, timeZone: TimeZone,
                                    leadTimes: ReminderLeadTimes = .builtIn)
    -> [(uid: String, text: String)]
  {
    events(deck, now: now, timeZone: timeZone, includingClosed: false,
           leadTimes: leadTimes).map { event in
      (event.uid, (header + event.lines + ["END:VCALENDAR"]).map(ICSText.folded).joined())
    }
  }

  private static let header = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//JobDeck//JobDeck//EN", "CALSCALE:GREGORIAN",
  ]

  private static func events(_ deck: Deck, now: Date, timeZone: TimeZone, includingClosed: Bool,
                             leadTimes: ReminderLeadTimes) -> [(uid: String, lines: [String])]
  {
    let index = DeckIndex(deck)
    var events: [(uid: String, lines: [String])] = []
    // The agenda's rule of what is shown, so the calendar never nags about a closed job.
    for deadline in deck.deadlines
    where Agenda.isShown(deadline, index: index, includingClosed: includingClosed) {
      let when: CalendarWhen
      switch index.resolvedDue(of: deadline) {
      case .day(let date): when = .allDay(date)
      case .instant(let instant, _): when = .timed(instant)
      case .pending: continue
      }
      events.append((uid(for: deadline),
                     event(for: deadline, when: when, index: index, now: now, timeZone: timeZone,
                           leads: leadTimes.leadTimes(of: deadline))))
    }
    return events
  }

  private static func event(for deadline: Deadline, when: CalendarWhen, index: DeckIndex, now: Date,
                            timeZone: TimeZone, leads: [Period]) -> [String]
  {
    let posting = owningPosting(of: deadline, in: index)
    let summary = summaryText(for: deadline, index: index, posting: posting)
    var lines = [
      "BEGIN:VEVENT",
      "UID:\(uid(for: deadline))",
      "DTSTAMP:\(utcStamp(now))",
      "SEQUENCE:\(max(0, deadline.revision))",
    ]
    let eventDate: CivilDate
    switch when {
    case .allDay(let date):
      eventDate = date
      // A multi-day event (a two-day assessment centre) ends after its last day.
      let days = deadline.duration.map { max(1, Period(years: $0.years, months: $0.months,
        weeks: $0.weeks, days: $0.days).added(to: date).dayNumber - date.dayNumber) } ?? 1
      lines += [
        "DTSTART;VALUE=DATE:\(basicDate(date))",
        "DTEND;VALUE=DATE:\(basicDate(date.adding(days: days)))",
        "TRANSP:TRANSPARENT",
      ]
    case .timed(let instant):
      let zone = eventZone(of: deadline) ?? timeZone
      eventDate = CivilDate(containing: instant, in: zone)
      let end = EventDetails.end(
        of: instant, lasting: deadline.duration ?? DeadlineKind.defaultDuration, in: zone)
      lines += [
        "DTSTART:\(utcStamp(instant))",
        "DTEND:\(utcStamp(max(end, instant.addingTimeInterval(60))))",
      ]
    }
    lines.append("SUMMARY:\(ICSText.escaped(summary))")
    if let place = deadline.place, !place.isEmpty {
      lines.append("LOCATION:\(ICSText.escaped(place))")
    }
    let details = descriptionText(
      for: deadline, summary: summary, posting: posting, userZone: timeZone)
    lines.append("DESCRIPTION:\(ICSText.escaped(details))")
    if let url = (deadline.link ?? posting?.url).flatMap(uriValue) { lines.append("URL:\(url)") }
    for lead in leads {
      lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:\(ICSText.escaped("Reminder: " + summary))",
        "TRIGGER:\(trigger(for: lead, before: eventDate))",
        "END:VALARM",
      ]
    }
    lines.append("END:VEVENT")
    return lines
  }

  /// "Apply by: ML Intern at SoundCloud".
  static func summaryText(for deadline: Deadline, index: DeckIndex, posting: Posting?) -> String {
    let kind = deadline.displayName
    let label = kind.prefix(1).uppercased() + kind.dropFirst()
    var title = posting?.title ?? ""
    var company = posting?.company ?? ""
    if posting == nil, case .application(let id) = deadline.owner,
      let application = index.application(withID: id)
    {
      title = index.title(of: application)
      company = index.company(of: application)
    }
    switch (title.isEmpty, company.isEmpty) {
    case (false, false): return "\(label): \(title) at \(company)"
    case (false, true): return "\(label): \(title)"
    case (true, false): return "\(label): \(company)"
    case (true, true): return label
    }
  }

  private static func descriptionText(for deadline: Deadline, summary: String, posting: Posting?,
                                      userZone: TimeZone) -> String
  {
    var parts: [String] = [summary]
    if case .timed(let instant, let zoneName) = deadline.due,
      let zone = TimeZone(identifier: zoneName)
    {
      var text = "At \(clockTime(instant, in: zone)) \(zoneName)"
      if zone.secondsFromGMT(for: instant) != userZone.secondsFromGMT(for: instant) {
        text += " (\(clockTime(instant, in: userZone)) \(userZone.identifier))"
      }
      parts.append(text)
    }
    if let phrase = deadline.phrase, !phrase.isEmpty { parts.append("From the ad: \(phrase)") }
    if let place = deadline.place, !place.isEmpty { parts.append("Where: \(place)") }
    if let link = deadline.link, !link.isEmpty { parts.append("Join: \(link)") }
    if let note = deadline.note, !note.isEmpty { parts.append(note) }
    // Calendars make links of URLs in a description: only a link JobDeck would open itself.
    if let link = posting?.url.flatMap({ WebLink.validated($0) }) { parts.append(link.text) }
    return parts.joined(separator: "\n")
  }

  private static func owningPosting(of deadline: Deadline, in index: DeckIndex) -> Posting? {
    switch deadline.owner {
    case .posting(let id): return index.posting(withID: id)
    case .application(let id):
      return index.application(withID: id)?.postingID.flatMap { index.posting(withID: $0) }
    }
  }

  private static func eventZone(of deadline: Deadline) -> TimeZone? {
    if case .timed(_, let name) = deadline.due { return TimeZone(identifier: name) }
    return nil
  }

  /// UID characters beyond letters, digits and `-._~/` are percent-encoded (UTF-8), so the UID
  /// is plain ASCII with no TEXT specials, and the same id always gives the same UID.
  static func uid(for deadline: Deadline) -> String {
    var encoded = ""
    for byte in deadline.id.utf8 {
      let character = Character(Unicode.Scalar(byte))
      if byte < 0x80, character.isLetter || character.isNumber || "-._~/".contains(character) {
        encoded.append(character)
      } else {
        encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return encoded + "@jobdeck"
  }

  /// The alarm trigger for a lead time: `-P7D`, `-P6W`, `-PT2H`, `PT0S` for "on the day".
  /// Month and year leads become the number of days back from `date` (calendar arithmetic).
  static func trigger(for lead: Period, before date: CivilDate) -> String {
    if lead == .zero { return "PT0S" }
    let isAfter = [lead.years, lead.months, lead.weeks, lead.days, lead.hours, lead.minutes]
      .allSatisfy { $0 <= 0 }
    let size = isAfter ? lead.negated : lead
    let monthDays = date.adding(months: -(size.years * 12 + size.months)).days(until: date)
    let days = monthDays + size.days
    var text = isAfter ? "P" : "-P"
    if days == 0, size.weeks != 0, !size.hasTimeOfDay {
      return text + "\(size.weeks)W"
    }
    let totalDays = days + size.weeks * 7
    if totalDays != 0 { text += "\(totalDays)D" }
    if size.hasTimeOfDay {
      text += "T"
      if size.hours != 0 { text += "\(size.hours)H" }
      if size.minutes != 0 { text += "\(size.minutes)M" }
    }
    return text == "-P" || text == "P" ? "PT0S" : text
  }

  /// A URL fit for a URI property: a `WebLink` (http or https), non-ASCII percent-encoded.
  private static func uriValue(_ url: String) -> String? {
    guard let link = WebLink.validated(url) else { return nil }
    let trimmed = link.text
    var encoded = ""
    for byte in trimmed.utf8 {
      if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "\"") {
        encoded.append(Character(Unicode.Scalar(byte)))
      } else {
        encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return encoded
  }

  private static func basicDate(_ date: CivilDate) -> String {
    date.description.replacingOccurrences(of: "-", with: "")
  }

  private static func utcStamp(_ instant: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: instant)
    let digits = [
      (parts.year ?? 1970, 4), (parts.month ?? 1, 2), (parts.day ?? 1, 2),
      (parts.hour ?? 0, 2), (parts.minute ?? 0, 2), (parts.second ?? 0, 2),
    ].map { String($0.0).leftPadded(to: $0.1) }
    return digits[0...2].joined() + "T" + digits[3...5].joined() + "Z"
  }

  private static func clockTime(_ instant: Date, in zone: TimeZone) -> String {
    instant.clockTime(in: zone)
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
