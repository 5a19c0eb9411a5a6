import Foundation

/// A deadline's date once every anchor it depends on is known, or what it still waits for.
public enum ResolvedDue: Hashable, Sendable {
  /// An all-day deadline: due until the end of this civil day in the user's zone.
  case day(CivilDate)
  /// A timed deadline (an interview): due at this instant; the zone is the one it was given in.
  case instant(Date, timeZone: TimeZone)
  /// A relative deadline whose anchor is not known yet ("3 months after the start date").
  case pending(waitingFor: DeadlineAnchor)

  /// The anchor still missing, if any.
  public var pendingAnchor: DeadlineAnchor? {
    if case .pending(let anchor) = self { return anchor }
    return nil
  }
}

extension DeadlineKind {
  /// Whether a positive relative offset of this kind names the end of a term rather than a
  /// plain later date.
  ///
  /// "Probation review at the end of the first 3-month term" is stored as startDate + P3M and
  /// means the last day of that term (BGB §188(2): 31 Mar + 6 months → 30 Sep), so probation and
  /// contract ends count the offset with `Period.lastDayOfTerm(startingOn:)`. Every other kind
  /// (a follow-up 14 days after applying, a start date 2 weeks after the offer response) is the
  /// anchor moved by the offset with `Period.added(to:)`. Negative offsets ("-P14D": two weeks
  /// before) always count back with `added(to:)`.
  public var countsOffsetAsTerm: Bool {
    switch self {
    case .probationReview, .probationEnd, .contractEnd: return true
    default: return false
    }
  }

  /// The kind of deadline that can stand in for an anchor when the terms do not give it, e.g.
  /// a programme start the importer found in the ad.
  init(anchor: DeadlineAnchor) {
    switch anchor {
    case .startDate: self = .startDate
    case .contractEnd: self = .contractEnd
    case .offerResponse: self = .offerResponse
    case .applicationCutoff: self = .applicationCutoff
    }
  }
}

extension DeadlineDue {
  /// The date `offset` after `anchor` for a deadline of `kind`, by the rule of
  /// `DeadlineKind.countsOffsetAsTerm`.
  public static func relativeDate(
    of kind: DeadlineKind, offset: Period, from anchor: CivilDate
  ) -> CivilDate {
    let isForward = [offset.years, offset.months, offset.weeks, offset.days].allSatisfy { $0 >= 0 }
      && offset != .zero
    if kind.countsOffsetAsTerm && isForward {
      return offset.lastDayOfTerm(startingOn: anchor)
    }
    return offset.added(to: anchor)
  }
}

/// The two questions resolving a relative deadline asks of a deck. `Deck` answers them by
/// scanning (fine for one deadline); `DeckIndex` from dictionaries (the agenda and the calendar
/// export resolve every deadline, which by scanning would be quadratic). One implementation of
/// the rules below serves both, so they cannot drift apart.
protocol DeadlineLookups {
  /// The application whose terms decide an owner's relative deadlines: the application itself,
  /// or a posting's only application (with two or more, it is not clear whose start counts).
  func governingApplication(of owner: DeadlineOwner) -> Application?
  /// The owner's deadlines of `kind`, in deck order.
  func deadlines(ownedBy owner: DeadlineOwner, kind: DeadlineKind) -> [Deadline]
}

extension DeadlineLookups {
  /// Where the deadline falls, resolving a relative deadline from its owner's terms.
  func resolveDue(of deadline: Deadline) -> ResolvedDue {
    switch deadline.due {
    case .allDay(let date):
      return .day(date)
    case .timed(let instant, let zoneIdentifier):
      return .instant(instant, timeZone: TimeZone(identifier: zoneIdentifier) ?? Deck.utc)
    case .relative(let anchor, let offset):
      guard let anchorDate = resolveAnchorDate(anchor, for: deadline.owner) else {
        return .pending(waitingFor: anchor)
      }
      return .day(DeadlineDue.relativeDate(of: deadline.kind, offset: offset, from: anchorDate))
    }
  }

  /// The date an anchor stands for, seen from a deadline's owner.
  ///
  /// The application's terms come first (the user typed them). Without them, a fixed (non
  /// relative) deadline of the matching kind on the application or its posting stands in: an
  /// imported "programme starts 2 June" anchors that posting's "review after 3 months".
  func resolveAnchorDate(_ anchor: DeadlineAnchor, for owner: DeadlineOwner) -> CivilDate? {
    let application = governingApplication(of: owner)
    if let terms = application?.terms {
      switch anchor {
      case .startDate: if let date = terms.startDate { return date }
      case .contractEnd: if let date = terms.contractEnd { return date }
      case .offerResponse: if let date = terms.offerResponseBy { return date }
      case .applicationCutoff: break
      }
    }
    var owners: [DeadlineOwner] = []
    if let application {
      owners.append(.application(application.id))
      if let postingID = application.postingID { owners.append(.posting(postingID)) }
    } else {
      owners.append(owner)
    }
    let kind = DeadlineKind(anchor: anchor)
    for candidateOwner in owners {
      for deadline in deadlines(ownedBy: candidateOwner, kind: kind)
      where deadline.status != .dismissed {
        switch deadline.due {
        case .allDay(let date):
          return date
        case .timed(let instant, let zoneIdentifier):
          return CivilDate(
            containing: instant, in: TimeZone(identifier: zoneIdentifier) ?? Deck.utc)
        case .relative:
          continue  // An anchor that is itself relative would let two deadlines wait on each other.
        }
      }
    }
    return nil
  }
}

extension Deck: DeadlineLookups {
  /// Where the deadline falls, resolving a relative deadline from its owner's terms. Scans the
  /// deck: to resolve many deadlines, ask a `DeckIndex` built once instead.
  public func resolvedDue(of deadline: Deadline) -> ResolvedDue { resolveDue(of: deadline) }

  /// The application whose terms decide an owner's relative deadlines: the application itself,
  /// or a posting's only application (with two or more, it is not clear whose start counts).
  public func governingApplication(of owner: DeadlineOwner) -> Application? {
    switch owner {
    case .application(let id):
      return application(withID: id)
    case .posting(let id):
      let candidates = applications(forPosting: id)
      return candidates.count == 1 ? candidates.first : nil
    }
  }

  /// The date an anchor stands for, seen from a deadline's owner (see `resolveAnchorDate`).
  public func anchorDate(_ anchor: DeadlineAnchor, for owner: DeadlineOwner) -> CivilDate? {
    resolveAnchorDate(anchor, for: owner)
  }

  func deadlines(ownedBy owner: DeadlineOwner, kind: DeadlineKind) -> [Deadline] {
    deadlines.filter { $0.owner == owner && $0.kind == kind }
  }

  static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}
