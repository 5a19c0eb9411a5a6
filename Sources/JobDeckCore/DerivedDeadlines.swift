import Foundation

/// Deadlines that follow from stages and employment terms, kept in step with them.
///
/// A derived deadline is the engine's until the user touches it: once edited (origin `.edited`),
/// done or dismissed, the engine neither moves nor recreates it. A still-derived, pending one
/// moves when its inputs change (its `revision` is bumped, so calendars replace the event) and
/// is removed when its rule no longer applies (the application moved on).
extension Deck {
  /// The kinds the engine derives; a deadline of another kind is never touched here.
  /// `followUp` is no longer derived (a silent application gets a suggestion instead, see
  /// `Deck.suggestions`), but stays listed so that a pending follow-up the engine made in an
  /// older version is removed rather than left to nag.
  public static let derivedKinds: [DeadlineKind] = [
    .followUp, .offerResponse, .startDate, .probationReview, .probationEnd, .resignationNotice,
    .contractEnd,
  ]

  /// Brings every derived deadline in line with the applications, their terms and the settings.
  ///
  /// Pure and idempotent: running it twice changes nothing the second time, and an existing
  /// deadline keeps its id forever (it is the calendar UID). New ones get
  /// `<applicationID>/<kind slug>` (`acme-ml-intern/start`), `-2` if a manual deadline took
  /// that id first. No clock is needed: every derived date follows from the terms.
  public mutating func refreshDerivedDeadlines() {
    var sync = DerivedDeadlineSync(deadlines: deadlines, owners: nil)
    for application in applications {
      sync.sync(application, to: derivedDates(for: application))
    }
    deadlines = sync.result()
    // Derived deadlines of applications that no longer exist are orphans: drop the ones the
    // engine still owns.
    let applications = applications
    deadlines.removeAll { deadline in
      guard case .application(let id) = deadline.owner else { return false }
      return deadline.origin == .derived && deadline.status == .pending
        && Deck.derivedKinds.contains(deadline.kind) && !applications.contains(id: id)
    }
  }

  /// `refreshDerivedDeadlines()` for these applications alone, after a change that touched
  /// only them (a stage move, a new application). A derived date follows from its application
  /// and the settings, nothing else, so their deadlines end as a whole refresh would leave them,
  /// without reading every application of a large store; the others are left as they are. Ids
  /// the deck holds no application for are passed over.
  public mutating func refreshDerivedDeadlines(ofApplications ids: Set<String>) {
    var sync = DerivedDeadlineSync(deadlines: deadlines, owners: ids)
    for id in ids {
      guard let application = applications[id: id] else { continue }
      sync.sync(application, to: derivedDates(for: application))
    }
    deadlines = sync.result()
  }

  /// The date each derivation rule gives for one application; a kind is absent when its rule
  /// does not apply.
  public func derivedDates(for application: Application) -> [DeadlineKind: CivilDate] {
    var dates: [DeadlineKind: CivilDate] = [:]
    let terms = application.terms
    switch application.stage {
    case .offer, .accepted:
      // The answer is owed only while the offer is open.
      if application.stage == .offer, let answerBy = terms.offerResponseBy {
        dates[.offerResponse] = answerBy
      }
      // The dates an offer sets are on the agenda while it is weighed, not only once it is
      // accepted: the start date decides the notice to give. They keep their ids (and calendar
      // UIDs) when the offer is accepted.
      if let start = terms.startDate {
        dates[.startDate] = start
        if let probation = terms.probation {
          let probationEnd = probation.lastDayOfTerm(startingOn: start)
          dates[.probationEnd] = probationEnd
          dates[.probationReview] =
            terms.probationReviewAfter.map { $0.lastDayOfTerm(startingOn: start) }
            ?? probationEnd.adding(days: -14)
        } else if let reviewAfter = terms.probationReviewAfter {
          dates[.probationReview] = reviewAfter.lastDayOfTerm(startingOn: start)
        }
        if let notice = settings.currentNoticePeriod {
          dates[.resignationNotice] = Deck.latestResignationDay(notice: notice, startingOn: start)
        }
      }
      if let contractEnd = terms.contractEnd { dates[.contractEnd] = contractEnd }
    default:
      break
    }
    return dates
  }

  /// The latest day notice may reach the current employer so that the notice period is over by
  /// the day before the new job starts (no overlap, no gap needed).
  ///
  /// The period starts the day after notice is received (BGB §187(1): the day of the event does
  /// not count) and ends per `Period.lastDayOfTerm(startingOn:)`. Start 1 Apr 2025 with 3 months'
  /// notice → resign by 31 Dec 2024 (the term 1 Jan–31 Mar); with 4 weeks → by 3 Mar 2025.
  /// Contractual "to the end of a month" or "to the 15th" rules (BGB §622(1)) are not modelled:
  /// not legal advice.
  public static func latestResignationDay(notice: Period, startingOn start: CivilDate)
    -> CivilDate
  {
    let lastFreeDay = start.adding(days: -1)
    func periodEnd(ifGivenOn day: CivilDate) -> CivilDate {
      notice.lastDayOfTerm(startingOn: day.adding(days: 1))
    }
    // Start from the naive answer and walk to the exact one; the term end never decreases as
    // the notice day moves later, so the walk is a few steps at most.
    var day = notice.negated.added(to: lastFreeDay)
    while periodEnd(ifGivenOn: day) > lastFreeDay { day = day.adding(days: -1) }
    while periodEnd(ifGivenOn: day.adding(days: 1)) <= lastFreeDay { day = day.adding(days: 1) }
    return day
  }
}

/// The deadlines being brought in line, with what `refreshDerivedDeadlines` asks of them
/// answered from dictionaries, because looking up each application's deadline of each kind by
/// scanning the deadlines would make every stage move quadratic in the store's size.
///
/// Gives exactly what applying the changes one by one to the array would: removals are marked
/// and dropped at the end (a later lookup skips them, as it would no longer find them), new
/// deadlines append in the order they are made, and a new id is unique among the ids present
/// at that moment.
private struct DerivedDeadlineSync {
  private var deadlines: RecordList<Deadline>
  /// Positions of deadlines the engine derived or the user edited, per application and kind,
  /// in array order.
  private var engineOwned: [OwnerAndKind: [Int]] = [:]
  private var removed = Set<Int>()
  /// Ids present now (counted: a hand-edited file may repeat one), built at the first addition.
  private var idCounts: [String: Int]?
  private var takenIDs = Set<String>()

  /// `owners`: the applications whose deadlines will be synced, nil for all of them.
  init(deadlines: RecordList<Deadline>, owners: Set<String>?) {
    self.deadlines = deadlines
    var engineOwned: [OwnerAndKind: [Int]] = [:]
    // In place: a copy of each deadline would retain each of its strings.
    for position in deadlines.indices {
      let origin = deadlines[position].origin
      guard origin == .derived || origin == .edited,
        case .application(let id) = deadlines[position].owner,
        owners?.contains(id) ?? true
      else { continue }
      engineOwned[OwnerAndKind(owner: deadlines[position].owner, kind: deadlines[position].kind),
        default: []].append(position)
    }
    self.engineOwned = engineOwned
  }

  /// Brings the derived deadline of each kind for `application` to `dates`.
  mutating func sync(_ application: Application, to dates: [DeadlineKind: CivilDate]) {
    for kind in Deck.derivedKinds {
      sync(kind: kind, of: application.id, to: dates[kind])
    }
  }

  /// Creates, moves or removes the one derived deadline of `kind` for an application.
  mutating func sync(kind: DeadlineKind, of applicationID: String, to date: CivilDate?) {
    let owner = DeadlineOwner.application(applicationID)
    let key = OwnerAndKind(owner: owner, kind: kind)
    guard let position = engineOwned[key]?.first(where: { !removed.contains($0) }) else {
      if let date {
        add(Deadline(id: "", kind: kind, due: .allDay(date), owner: owner, origin: .derived),
          key: key)
      }
      return
    }
    let existing = deadlines[position]
    guard existing.origin == .derived, existing.status == .pending else { return }
    if let date {
      if existing.due != .allDay(date) {
        deadlines[position].due = .allDay(date)
        deadlines[position].revision += 1
      }
    } else {
      removed.insert(position)
      forget(id: existing.id)
    }
  }

  func result() -> RecordList<Deadline> {
    var result = deadlines
    result.remove(atPositions: removed)
    return result
  }

  /// As `Deck.add(_:)`: the id is `<owner>/<kind slug>`, made unique among the ids present.
  private mutating func add(_ deadline: Deadline, key: OwnerAndKind) {
    var deadline = deadline
    if idCounts == nil {
      var counts: [String: Int] = [:]
      let removed = removed
      for position in deadlines.indices where !removed.contains(position) {
        counts[deadlines[position].id, default: 0] += 1
      }
      idCounts = counts
      takenIDs = Set(counts.keys)
    }
    deadline.id = IdentifierMaker.unique(
      deadline.owner.id + "/" + IdentifierMaker.slug(deadline.kind.displayName), isTaken: takenIDs.contains)
    idCounts?[deadline.id, default: 0] += 1
    takenIDs.insert(deadline.id)
    deadlines.append(deadline)
    engineOwned[key, default: []].append(deadlines.count - 1)
  }

  private mutating func forget(id: String) {
    guard let count = idCounts?[id] else { return }
    if count <= 1 {
      idCounts?[id] = nil
      takenIDs.remove(id)
    } else {
      idCounts?[id] = count - 1
    }
  }
}
