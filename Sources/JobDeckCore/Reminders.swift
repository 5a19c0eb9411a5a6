import Foundation

extension Agenda {
  /// The entries one of whose reminder lead times has been reached: what `jobdeck remind`
  /// prints, and nothing else, so that it stays quiet in a login shell or cron job.
  ///
  /// For an all-day deadline a lead is reached on the civil day `lead` before the due date
  /// (calendar arithmetic, so a 6-week lead works weeks ahead); a lead's hours and minutes are
  /// ignored there, since the date has no time of day. For a timed deadline it is reached at the
  /// instant `lead` before it, counted in the deadline's own zone. Overdue entries are included
  /// (they still need action, and every lead has been reached); pending relative deadlines are
  /// not (no date yet), nor is a deadline whose lead times the user emptied.
  /// `reachedLeadTime` says which lead fired: the most recent one.
  public static func remindersDue(deck: Deck, clock: some WallClock) -> [AgendaEntry] {
    remindersDue(rows: rows(of: deck), clock: clock)
  }

  /// `remindersDue(deck:clock:)` from every dated row of `Agenda.rows(of:)` (the summary of a
  /// large store).
  public static func remindersDue(rows: some Sequence<AgendaRow>, clock: some WallClock)
    -> [AgendaEntry]
  {
    reminders(among: sorted(entries(of: rows, clock: clock)), clock: clock)
  }

  /// The entries, in their order, whose lead time has been reached.
  private static func reminders(among entries: [AgendaEntry], clock: some WallClock)
    -> [AgendaEntry]
  {
    let today = clock.today
    return entries.compactMap { entry in
      guard let date = entry.date, !entry.flags.contains(.happened) else { return nil }
      var latestReached: (lead: Period, moment: Date)?
      for lead in entry.leadTimes {
        let moment: Date
        if let time = entry.time {
          moment = reminderInstant(before: time, by: lead, in: entry.timeZone ?? Deck.utc)
          guard clock.now >= moment else { continue }
        } else {
          let day = dayPart(of: lead).negated.added(to: date)
          guard today >= day else { continue }
          moment = day.instant(in: Deck.utc)
        }
        if latestReached.map({ moment > $0.moment }) ?? true {
          latestReached = (lead, moment)
        }
      }
      guard let latestReached else { return nil }
      var reminder = entry
      reminder.reachedLeadTime = latestReached.lead
      return reminder
    }
  }

  private static func dayPart(of period: Period) -> Period {
    Period(years: period.years, months: period.months, weeks: period.weeks, days: period.days)
  }

  /// `instant` moved back by `lead` on the wall clock of `zone`: 1 day before 14:00 is 14:00 the
  /// day before, even across a DST change.
  private static func reminderInstant(before instant: Date, by lead: Period, in zone: TimeZone)
    -> Date
  {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let back = DateComponents(
      year: -lead.years, month: -lead.months, day: -(lead.weeks * 7 + lead.days),
      hour: -lead.hours, minute: -lead.minutes)
    return calendar.date(byAdding: back, to: instant) ?? instant
  }
}
