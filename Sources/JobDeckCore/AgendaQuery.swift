/// Which deadlines an agenda shows: `jobdeck agenda --within 14d --from DATE --overdue --kind K`.
///
/// A dated entry is shown when it is on or after `from`, before `until` (or on it, when
/// `untilIsInclusive`: "by" versus "before"), and on or before `within` after `from` (or
/// today, when `from` is nil). Overdue entries are shown regardless of `within`, because they
/// still need action, unless `includeOverdue` is false; `from` and `until` still bound them.
/// Passed events ("what happened?") follow the same rule as overdue ones.
/// Pending relative deadlines have no date and are shown when `includePending` is true.
public struct AgendaQuery: Hashable, Sendable {
  /// The horizon after `from` (or today); nil shows everything ahead.
  public var within: Period?
  /// The first day of the window; nil starts at the earliest overdue deadline.
  public var from: CivilDate?
  /// The end of the window; see `untilIsInclusive`.
  public var until: CivilDate?
  /// True: due "by" `until` (≤). False: due "before" `until` (<).
  public var untilIsInclusive: Bool
  /// Only what is overdue (including missed application cutoffs).
  public var overdueOnly: Bool
  public var includeOverdue: Bool
  /// Nil: every kind.
  public var kinds: Set<DeadlineKind>?
  public var includePending: Bool

  public init(within: Period? = nil, from: CivilDate? = nil, until: CivilDate? = nil,
              untilIsInclusive: Bool = true, overdueOnly: Bool = false,
              includeOverdue: Bool = true, kinds: Set<DeadlineKind>? = nil,
              includePending: Bool = true) {
    self.within = within
    self.from = from
    self.until = until
    self.untilIsInclusive = untilIsInclusive
    self.overdueOnly = overdueOnly
    self.includeOverdue = includeOverdue
    self.kinds = kinds
    self.includePending = includePending
  }

  /// Everything that needs attention: every pending deadline, dated or not.
  public static let everything = AgendaQuery()

  /// Due strictly before `date`.
  public static func before(_ date: CivilDate) -> AgendaQuery {
    AgendaQuery(until: date, untilIsInclusive: false, includePending: false)
  }

  /// Due on or before `date`.
  public static func by(_ date: CivilDate) -> AgendaQuery {
    AgendaQuery(until: date, untilIsInclusive: true, includePending: false)
  }

  /// Whether an entry, already known to be visible, belongs in this query's result.
  public func matches(_ entry: AgendaEntry, today: CivilDate) -> Bool {
    if let kinds, !kinds.contains(entry.kind) { return false }
    if entry.flags.contains(.happened), let date = entry.date {
      // A passed event waits for an answer, as an overdue task does, but is never overdue.
      if overdueOnly || !includeOverdue { return false }
      if let from, date < from { return false }
      if let until, untilIsInclusive ? date > until : date >= until { return false }
      return true
    }
    guard let date = entry.date, let urgency = entry.urgency else {
      return includePending && !overdueOnly
    }
    let isOverdue = urgency == .overdue
    if overdueOnly && !isOverdue { return false }
    if !includeOverdue && isOverdue { return false }
    if let from, date < from { return false }
    if let until, untilIsInclusive ? date > until : date >= until { return false }
    if let within, !isOverdue, date > within.added(to: from ?? today) { return false }
    return true
  }
}
