import Foundation

/// A deadline that is on the agenda whatever the day, with everything the agenda shows of it
/// that does not depend on the day: its resolved date, names, phrase and lead times.
///
/// `Agenda.rows(of:)` makes them; the summary beside a large store (`store.json.summary`) keeps
/// them in `sortDay` order, so that `jobdeck agenda --within 14d` reads two weeks of rows instead
/// of decoding the deck. What does depend on the day (days left, urgency, "missed", a snooze
/// that ends) is worked out by `entry(today:clock:)`, and only there.
public struct AgendaRow: Hashable, Sendable {
  /// The deadline's id.
  public var id: String
  public var kind: DeadlineKind
  /// An application cutoff the user has already applied by: on the agenda only with `--all`,
  /// where it is neither "not applied yet" nor missed, and once passed it is under "Passed",
  /// not "Overdue". The summary never holds such a row. (Beside `kind`: apart, each of these
  /// one-byte fields would take eight bytes of every row.)
  public var isAppliedTo: Bool
  public var due: ResolvedDue
  /// Hidden until this day (a snooze), then shown again.
  public var snoozedUntil: CivilDate?
  public var company: String
  public var title: String
  public var owner: DeadlineOwner
  public var phrase: String?
  /// The reminder lead times in force.
  public var leadTimes: [Period]
  /// The event's details (`Deadline.title`, `duration`, `place`, `link`).
  public var event: EventDetails

  public init(id: String, kind: DeadlineKind, due: ResolvedDue, snoozedUntil: CivilDate? = nil,
    company: String, title: String, owner: DeadlineOwner, phrase: String? = nil,
    leadTimes: [Period], event: EventDetails = EventDetails(), isAppliedTo: Bool = false)
  {
    self.id = id
    self.kind = kind
    self.due = due
    self.snoozedUntil = snoozedUntil
    self.company = company
    self.title = title
    self.owner = owner
    self.phrase = phrase
    self.leadTimes = leadTimes
    self.event = event
    self.isAppliedTo = isAppliedTo
  }

  /// The day rows are kept in order of: an all-day deadline's date, the UTC day of a timed one,
  /// nil (last) while pending. A timed deadline's day in any zone is within one day of its UTC
  /// day (offsets stay within ±14 hours), which is what lets a reader stop early.
  public var sortDay: CivilDate? {
    switch due {
    case .day(let date): return date
    case .instant(let instant, _): return CivilDate(containing: instant, in: Self.utc)
    case .pending: return nil
    }
  }

  /// The latest `sortDay` a row can have and still be due on or before `day` in some zone.
  public static func latestSortDay(dueBy day: CivilDate) -> CivilDate {
    day.adding(days: 1)
  }

  /// The entry this row shows as at the clock's instant, or nil while it is snoozed.
  /// `today` must be `clock.today` (each call of which builds a calendar).
  public func entry(today: CivilDate, clock: some WallClock) -> AgendaEntry? {
    guard
      let placement = AgendaPlacement(
        kind: kind, due: due, snoozedUntil: snoozedUntil, eventDuration: event.duration,
        today: today, clock: clock)
    else { return nil }
    var entry = AgendaEntry(
      id: id, kind: kind, date: placement.date, time: placement.time,
      daysLeft: placement.daysLeft, urgency: placement.urgency, pendingOn: placement.pendingOn,
      company: company, title: title, owner: owner, phrase: phrase, leadTimes: leadTimes,
      event: event)
    if case .instant(_, let zone) = due { entry.timeZone = zone }
    if placement.hasHappened { entry.flags.append(.happened) }
    if kind == .applicationCutoff, isAppliedTo {
      // Nothing is late once the user has applied: a passed cutoff is history, like an event.
      if entry.urgency == .overdue {
        entry.urgency = nil
        entry.flags.append(.happened)
      }
    } else if kind == .applicationCutoff {
      entry.flags.append(.notAppliedYet)
      if entry.urgency == .overdue { entry.flags.append(.missed) }
    }
    return entry
  }

  private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}

extension Agenda {
  /// How many days a passed event stays under "Passed: what happened?" when the user does not
  /// answer (mark it done, dismiss it, or take up the suggestion): after that it is history,
  /// shown by `show` only, so an old store does not fill the agenda with months of interviews.
  public static let passedEventDays = 14

  /// Whether an event that passed `daysLeft` days from today (0 or less) is still asked about.
  static func isStillAsked(daysLeft: Int) -> Bool { daysLeft >= -passedEventDays }
}

extension Agenda {
  /// The agenda of a deck, before the clock comes in: one row per deadline that is on the agenda
  /// on some day (see `isShown`), named, in `sortDay` order (pending last; ties in the deck's
  /// order). Everything that shows deadlines starts here: the agenda and reminders of the CLI
  /// and the UI, and the summary beside a large store, which holds exactly these rows.
  /// `index` must have been built from `deck`; nil builds one.
  /// `includingClosed`: also those of closed applications and applied-to cutoffs (`--all`).
  public static func rows(of deck: Deck, index: DeckIndex? = nil, includingClosed: Bool = false)
    -> [AgendaRow]
  {
    let index = index ?? DeckIndex(deck)
    // A large deck's rows are made on both cores, each half of the deadlines in deck order.
    let deadlines = deck.deadlines
    var partRows = ConcurrentParts.map(ranges: deadlines.count) { range in
      // Room for every deadline of the part: growing as rows come would move them again.
      var rows: [AgendaRow] = []
      rows.reserveCapacity(range.count)
      deadlines.forEach(in: range) { _, deadline in
        if let row = row(for: deadline.pointee, index: index, includingClosed: includingClosed) {
          rows.append(row)
        }
      }
      return rows
    }
    var rows = partRows.removeFirst()
    for later in partRows {
      rows.reserveCapacity(rows.count + later.count)
      rows.append(contentsOf: later)
    }
    placeInOrder(&rows, sortDayOrder(of: rows))
    return rows
  }

  /// The positions of `rows` in `sortDay` order, pending last, ties by position: a radix sort
  /// of the day numbers, read in place (a copy of a row retains each of its strings).
  static func sortDayOrder(of rows: [AgendaRow]) -> [Int] {
    let days = rows.withUnsafeBufferPointer { rows in rows.indices.map { rows[$0].sortDay?.dayNumber } }
    // Pending just after the latest day, so that the sort's passes cover only the days' spread.
    let latest = days.reduce(Int.min) { latest, day in day.map { max(latest, $0) } ?? latest }
    let latestWord = RadixSort.word(latest == .min ? 0 : latest)
    let pending = latestWord == .max ? latestWord : latestWord + 1
    let keys = days.map { day in day.map(RadixSort.word) ?? pending }
    return RadixSort.positions(count: rows.count, sortedBy: [keys])
  }

  /// Rearranges `values` so that position `i` holds what `order[i]` held, by moving each value
  /// once along each cycle of the permutation: building a new array from `order` would copy
  /// each one (and retain each of its strings), and a swap moves it three times.
  static func placeInOrder<Value>(_ values: inout [Value], _ order: [Int]) {
    precondition(order.count == values.count, "one position per value")
    var isPlaced = [Bool](repeating: false, count: order.count)
    values.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for start in order.indices where !isPlaced[start] {
        isPlaced[start] = true
        guard order[start] != start else { continue }
        // The cycle's first value is held aside, each position takes its source's value, and
        // the position whose source is the first takes the one held.
        let held = (base + start).move()
        var position = start
        while true {
          let source = order[position]
          if source == start {
            (base + position).initialize(to: held)
            break
          }
          (base + position).moveInitialize(from: base + source, count: 1)
          isPlaced[source] = true
          position = source
        }
      }
    }
  }

  /// What `rows` show as at the clock's instant, in their order: every entry the user should
  /// still see (a snoozed row is left out until its day; a passed event, after
  /// `passedEventDays`).
  public static func entries(of rows: some Sequence<AgendaRow>, clock: some WallClock)
    -> [AgendaEntry]
  {
    // "Today" once: each `clock.today` builds a Calendar.
    let today = clock.today
    // Room for every row at once: an entry is several hundred bytes, and growing by doubling
    // leaves up to half of a large agenda's array unused for as long as the UI keeps it.
    var entries: [AgendaEntry] = []
    entries.reserveCapacity(rows.underestimatedCount)
    for row in rows {
      if let entry = row.entry(today: today, clock: clock) { entries.append(entry) }
    }
    return entries
  }

  /// The agenda for `query` from rows (all of them, or at least every row whose `sortDay` is
  /// up to `query.latestSortDay(today:)`, and the pending ones when `query.needsPendingRows`).
  public static func build(rows: [AgendaRow], clock: some WallClock, query: AgendaQuery)
    -> Agenda
  {
    let today = clock.today
    // A row past the window, or of a kind not asked for, cannot match whatever the day: left
    // out before its entry is made, so a full store's 100,000 rows cost a comparison each.
    let latest = query.latestSortDay(today: today)?.dayNumber ?? .max
    let includesPending = query.needsPendingRows
    var entries: [AgendaEntry] = []
    // In place: a copy of each row would retain each of its strings.
    rows.withUnsafeBufferPointer { rows in
      for position in rows.indices {
        if let kinds = query.kinds, !kinds.contains(rows[position].kind) { continue }
        if let day = rows[position].sortDay {
          if day.dayNumber > latest { continue }
        } else if !includesPending {
          continue
        }
        guard let entry = rows[position].entry(today: today, clock: clock),
          query.matches(entry, today: today)
        else { continue }
        entries.append(entry)
      }
    }
    return Agenda(today: today, entries: sorted(entries))
  }

  /// The row of a deadline that is on the agenda on some day, or nil when it is not.
  static func row(for deadline: Deadline, index: DeckIndex, includingClosed: Bool = false)
    -> AgendaRow?
  {
    guard deadline.status == .pending else { return nil }
    let place = index.place(of: deadline.owner)
    guard isShown(deadline, at: place, index: index, includingClosed: includingClosed) else {
      return nil
    }
    let (company, title) = index.names(of: place)
    return AgendaRow(
      id: deadline.id, kind: deadline.kind, due: index.resolvedDue(of: deadline),
      snoozedUntil: deadline.snoozedUntil, company: company, title: title,
      owner: deadline.owner, phrase: deadline.phrase, leadTimes: deadline.effectiveLeadTimes,
      event: EventDetails(deadline),
      // Without `includingClosed` an applied-to cutoff is not shown at all (`isShown`).
      isAppliedTo: includingClosed && deadline.kind == .applicationCutoff
        && index.progress(of: place).anyPastSaved)
  }
}

extension Agenda {
  /// Whether a deadline is on the agenda, in `remind` and in the calendar export on some day
  /// (what it shows as today is `AgendaRow.entry`): pending, not archived, not superseded by a
  /// derived one; and, unless `includingClosed` (`--all`), not of a closed application
  /// (rejected, withdrawn, no response), which needs no more action, nor a posting's deadline
  /// when every application to it is closed, nor an application cutoff once the user has
  /// applied. Reopening an application brings its deadlines back, as nothing is deleted.
  public static func isShown(_ deadline: Deadline, index: DeckIndex, includingClosed: Bool = false)
    -> Bool
  {
    guard deadline.status == .pending else { return false }
    return isShown(deadline, at: index.place(of: deadline.owner), index: index,
      includingClosed: includingClosed)
  }

  /// `isShown` with the owner looked up (`DeckIndex.place(of:)`).
  static func isShown(_ deadline: Deadline, at place: OwnerPlace, index: DeckIndex,
    includingClosed: Bool = false) -> Bool
  {
    guard deadline.status == .pending, !index.isArchived(place) else { return false }
    if !includingClosed {
      let progress = index.progress(of: place)
      if progress.count > 0, progress.allClosed { return false }
      if deadline.kind == .applicationCutoff, progress.anyPastSaved { return false }
    }
    return !isSuperseded(deadline, at: place, in: index)
  }

  /// Whether an owner is archived, or is an application to an archived posting: archiving a
  /// posting puts the whole job away.
  public static func isArchived(_ owner: DeadlineOwner, in index: DeckIndex) -> Bool {
    switch owner {
    case .posting(let id):
      return index.isArchived(postingID: id)
    case .application:
      return index.isArchived(index.place(of: owner))
    }
  }
}

extension AgendaQuery {
  /// The latest `AgendaRow.sortDay` a dated row can have and still match at `today`; nil when
  /// there is no bound. Overdue entries (before today) show regardless of `within`.
  public func latestSortDay(today: CivilDate) -> CivilDate? {
    var latest: CivilDate?
    if overdueOnly { latest = today }
    if let within {
      let windowEnd = within.added(to: from ?? today)
      let bound = max(windowEnd, today)
      latest = latest.map { min($0, bound) } ?? bound
    }
    if let until {
      let bound = untilIsInclusive ? until : until.adding(days: -1)
      latest = latest.map { min($0, bound) } ?? bound
    }
    return latest.map(AgendaRow.latestSortDay(dueBy:))
  }

  /// Whether any pending (undated) row can match.
  public var needsPendingRows: Bool { includePending && !overdueOnly }
}
