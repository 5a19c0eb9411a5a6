import Foundation

/// What needs the user's attention, worked out for one instant in the user's zone.
///
/// Rebuilt, never updated: a view that outlives midnight builds a new one from the clock, so
/// "today" rolls over.
public struct Agenda: Hashable, Sendable {
  /// The day the agenda was built for, in the clock's zone.
  public var today: CivilDate
  /// Sorted by date, then time of day (timed events first, in the order they happen), then
  /// kind; pending entries (no date) last.
  public var entries: [AgendaEntry]

  public init(today: CivilDate, entries: [AgendaEntry]) {
    self.today = today
    self.entries = entries
  }

  /// The non-empty display groups, in `AgendaSection` order: Overdue, Passed (what happened?),
  /// Today, This week, Next two weeks, Later, Pending.
  public var groups: [AgendaGroup] {
    Agenda.sections(of: entries, in: Array(entries.indices)).map { section, positions in
      AgendaGroup(section: section, entries: positions.map { entries[$0] })
    }
  }

  /// The agenda for `query` at the clock's instant: `build(rows: rows(of: deck), …)`.
  public static func build(deck: Deck, clock: some WallClock, query: AgendaQuery = .everything)
    -> Agenda
  {
    build(rows: rows(of: deck), clock: clock, query: query)
  }

  /// The entry a deadline shows as at the clock's instant, or nil when it is not on the
  /// agenda: its row's entry. `index` must have been built from `deck`.
  public static func entry(for deadline: Deadline, in deck: Deck, index: DeckIndex,
    clock: some WallClock) -> AgendaEntry?
  {
    row(for: deadline, index: index)?.entry(today: clock.today, clock: clock)
  }

  /// Whether a posting's deadline (an imported "programme starts 2 June") is replaced by the
  /// one the engine derived for the application from the terms the user entered: the user's
  /// own data is the more recent truth, and showing both would list the same date twice.
  static func isSuperseded(_ deadline: Deadline, at place: OwnerPlace, in index: DeckIndex)
    -> Bool
  {
    guard case .posting = deadline.owner, Deck.derivedKinds.contains(deadline.kind),
      let applicationID = index.governingApplicationID(of: place)
    else { return false }
    return index.hasDerivedDeadline(applicationID: applicationID, kind: deadline.kind)
  }

  /// Positions in `DeadlineKind.allCases`, which builds a new array on every call.
  static let kindRanks: [DeadlineKind: Int] = Dictionary(
    uniqueKeysWithValues: DeadlineKind.allCases.enumerated().map { ($1, $0) })

  /// The order of `visibleEntries`: date, then time (timed events in the order they happen,
  /// all-day ones after them), then kind (in `DeadlineKind.allCases` order), then id; undated
  /// last.
  public static func isOrderedBefore(_ lhs: AgendaEntry, _ rhs: AgendaEntry) -> Bool {
    isOrderedBefore((lhs.date, lhs.time, lhs.kind, lhs.id), (rhs.date, rhs.time, rhs.kind, rhs.id))
  }

  /// What the agenda's order reads of an entry, or of a placed deadline.
  typealias OrderFields = (date: CivilDate?, time: Date?, kind: DeadlineKind, id: String)

  static func isOrderedBefore(_ lhs: OrderFields, _ rhs: OrderFields) -> Bool {
    switch (lhs.date, rhs.date) {
    case (nil, .some): return false
    case (.some, nil): return true
    case (.some(let left), .some(let right)) where left != right: return left < right
    default: break
    }
    let leftTime = lhs.time ?? .distantFuture
    let rightTime = rhs.time ?? .distantFuture
    if leftTime != rightTime { return leftTime < rightTime }
    let leftKind = kindRanks[lhs.kind] ?? 0
    let rightKind = kindRanks[rhs.kind] ?? 0
    if leftKind != rightKind { return leftKind < rightKind }
    return lhs.id < rhs.id
  }
}

/// One titled group of the agenda ("This week").
public struct AgendaGroup: Hashable, Sendable {
  public var section: AgendaSection
  public var entries: [AgendaEntry]

  public var title: String { section.title }
}
