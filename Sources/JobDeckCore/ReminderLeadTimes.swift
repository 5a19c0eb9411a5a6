/// The lead times `jobdeck remind` and the calendar export's alarms use instead of the kinds'
/// built-in ones: from `--lead`, `$JOBDECK_REMIND_LEAD` or the config file's `[reminders]` table.
///
/// A deadline given its own lead times (`deadline add … --lead`) keeps them: those were chosen
/// for that one date. The rows only carry the lead times in force, so "its own" is told apart by
/// differing from the kind's defaults; own lead times equal to the defaults are replaced, which
/// is what the user would get had they not set any.
public struct ReminderLeadTimes: Equatable, Sendable {
  /// For every kind not in `byKind`; nil: each kind's built-in lead times.
  public var general: [Period]?
  /// For one kind, over `general`.
  public var byKind: [DeadlineKind: [Period]]

  public init(general: [Period]? = nil, byKind: [DeadlineKind: [Period]] = [:]) {
    self.general = general
    self.byKind = byKind
  }

  /// Each kind's built-in lead times (`DeadlineKind.defaultLeadTimes`).
  public static let builtIn = ReminderLeadTimes()

  /// The lead times for a deadline of `kind` whose lead times in force are `current`.
  public func leadTimes(for kind: DeadlineKind, current: [Period]) -> [Period] {
    guard current == kind.defaultLeadTimes else { return current }
    return byKind[kind] ?? general ?? current
  }

  /// The lead times for `deadline`: what `remind` reminds at and the calendar export's alarms.
  public func leadTimes(of deadline: Deadline) -> [Period] {
    leadTimes(for: deadline.kind, current: deadline.effectiveLeadTimes)
  }

  /// `row` with these lead times in force.
  public func applied(to row: AgendaRow) -> AgendaRow {
    var row = row
    row.leadTimes = leadTimes(for: row.kind, current: row.leadTimes)
    return row
  }
}

extension DeadlineKind {
  /// How the config file names a kind: `application-cutoff`, as `--kind` shows it.
  public var settingName: String { kebabCase(rawValue) }

  /// The kind a config file names: `offer-response`, `offer_response` or `offerResponse`.
  public init?(settingName: String) {
    let wanted = settingName.lowercased().filter { $0.isLetter }
    guard let kind = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else {
      return nil
    }
    self = kind
  }
}
