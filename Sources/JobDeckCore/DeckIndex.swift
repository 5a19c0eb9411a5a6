/// The lookups the agenda makes for every deadline that the deck's own id lookups do not answer:
/// applications by posting, and deadlines by owner and kind. Records by id come from the deck.
///
/// `Deck.applications(forPosting:)` and the deadline lookups scan: fine for one question,
/// quadratic for the agenda, which asks several per deadline. Built in one pass; a value, so it
/// is valid for the deck it was built from only.
public struct DeckIndex: Sendable, DeadlineLookups {
  private let deck: Deck
  private let applicationsByPosting: [String: [Int]]
  /// Application ids with a derived or edited deadline of a kind: what supersedes a posting's.
  private let derivedByApplication: [String: Set<DeadlineKind>]
  /// Deadline positions by owner and kind, for relative deadlines' anchors; empty when the
  /// deck has no relative deadline (nothing then asks).
  private let deadlinesByOwnerAndKind: [OwnerAndKind: [Int]]
  /// Answers by scanning the deck instead: for one question, where building costs more.
  private let scans: Bool

  /// No dictionaries: each lookup scans the deck, as `Deck`'s own lookups do.
  init(scanning deck: Deck) {
    self.deck = deck
    applicationsByPosting = [:]
    derivedByApplication = [:]
    deadlinesByOwnerAndKind = [:]
    scans = true
  }

  public init(_ deck: Deck) {
    self.deck = deck
    // Sized up front: growing a dictionary of 100,000 ids rehashes every id at each doubling.
    var byPosting = [String: [Int]](minimumCapacity: deck.applications.count)
    // By position: only each application's posting id is read, not a copy of the whole record.
    deck.applications.forEachPosition { position, application in
      if let postingID = application.pointee.postingID {
        byPosting[postingID, default: []].append(position)
      }
    }
    var derived = [String: Set<DeadlineKind>](minimumCapacity: deck.applications.count)
    var byOwnerAndKind: [OwnerAndKind: [Int]] = [:]
    // By position, as above: only a few fields of each deadline are read.
    var hasRelative = false
    deck.deadlines.forEachPosition { _, deadline in
      if case .relative = deadline.pointee.due { hasRelative = true }
      guard deadline.pointee.origin == .derived || deadline.pointee.origin == .edited,
        case .application(let id) = deadline.pointee.owner
      else { return }
      derived[id, default: []].insert(deadline.pointee.kind)
    }
    if hasRelative {
      // Only kinds that stand in for an anchor are ever looked up.
      deck.deadlines.forEachPosition { position, deadline in
        guard Self.anchorKinds.contains(deadline.pointee.kind) else { return }
        byOwnerAndKind[
          OwnerAndKind(owner: deadline.pointee.owner, kind: deadline.pointee.kind), default: []]
          .append(position)
      }
    }
    deadlinesByOwnerAndKind = byOwnerAndKind
    applicationsByPosting = byPosting
    derivedByApplication = derived
    scans = false
  }

  public func posting(withID id: String) -> Posting? { deck.posting(withID: id) }

  public func application(withID id: String) -> Application? { deck.application(withID: id) }

  /// In deck order, as `Deck.applications(forPosting:)` returns them.
  public func applications(forPosting postingID: String) -> [Application] {
    if scans { return deck.applications(forPosting: postingID) }
    return (applicationsByPosting[postingID] ?? []).map { deck.applications[$0] }
  }

  /// The stage of the first application to a posting, in deck order, read in place.
  public func firstApplicationStage(forPosting postingID: String) -> Stage? {
    let applications = deck.applications
    if scans {
      return applications.indices.first { applications[$0].postingID == postingID }
        .map { applications[$0].stage }
    }
    return applicationsByPosting[postingID]?.first.map { applications[$0].stage }
  }

  func hasDerivedDeadline(applicationID: String, kind: DeadlineKind) -> Bool {
    if scans {
      return deck.deadlines.contains {
        $0.owner == .application(applicationID) && $0.kind == kind
          && ($0.origin == .derived || $0.origin == .edited)
      }
    }
    return derivedByApplication[applicationID]?.contains(kind) ?? false
  }

  /// Where the deadline falls (see `Deck.resolvedDue(of:)`), from the dictionaries.
  public func resolvedDue(of deadline: Deadline) -> ResolvedDue { resolveDue(of: deadline) }

  private static let anchorKinds = Set(DeadlineAnchor.allCases.map(DeadlineKind.init(anchor:)))

  func deadlines(ownedBy owner: DeadlineOwner, kind: DeadlineKind) -> [Deadline] {
    if scans || !Self.anchorKinds.contains(kind) {
      return deck.deadlines(ownedBy: owner, kind: kind)
    }
    return (deadlinesByOwnerAndKind[OwnerAndKind(owner: owner, kind: kind)] ?? []).map {
      deck.deadlines[$0]
    }
  }

  /// The application whose terms decide an owner's relative deadlines (see
  /// `Deck.governingApplication(of:)`).
  func governingApplication(of owner: DeadlineOwner) -> Application? {
    switch owner {
    case .application(let id): return application(withID: id)
    case .posting(let id):
      if scans { return deck.governingApplication(of: owner) }
      let candidates = applicationsByPosting[id] ?? []
      return candidates.count == 1 ? deck.applications[candidates[0]] : nil
    }
  }

  /// Whether a posting is archived, read in place: a copy of the posting would retain each of
  /// its strings, and the agenda asks this for every deadline.
  func isArchived(postingID id: String) -> Bool {
    guard let position = deck.postings.index(ofID: id) else { return false }
    return deck.postings[position].isArchived
  }

  /// Where a deadline's owner is in the deck, looked up once: the agenda asks several things
  /// of it for every deadline, and each lookup by id hashes the id again.
  func place(of owner: DeadlineOwner) -> OwnerPlace {
    switch owner {
    case .application(let id):
      guard let position = deck.applications.index(ofID: id) else { return OwnerPlace(owner: owner) }
      let postingID = deck.applications[position].postingID
      return OwnerPlace(owner: owner, application: position,
        posting: postingID.flatMap(deck.postings.index(ofID:)))
    case .posting(let id):
      let applications = scans
        ? deck.applications.indices.filter { deck.applications[$0].postingID == id }
        : applicationsByPosting[id] ?? []
      return OwnerPlace(owner: owner, posting: deck.postings.index(ofID: id),
        postingApplications: applications)
    }
  }

  /// Whether the owner is archived, or is an application to an archived posting, read in place
  /// (see `isArchived(postingID:)`).
  func isArchived(_ place: OwnerPlace) -> Bool {
    if let application = place.application, deck.applications[application].isArchived {
      return true
    }
    guard let posting = place.posting else { return false }
    return deck.postings[posting].isArchived
  }

  /// How the applications whose progress decides the owner's deadlines stand (an application's
  /// deadlines: that application; a posting's: every application to it), read in place.
  func progress(of place: OwnerPlace) -> RelatedProgress {
    var progress = RelatedProgress()
    for position in place.relatedApplications {
      progress.count += 1
      let stage = deck.applications[position].stage
      if !stage.isClosed { progress.allClosed = false }
      if stage != .saved { progress.anyPastSaved = true }
    }
    return progress
  }

  /// The id of `governingApplication(of:)`, read in place.
  func governingApplicationID(of place: OwnerPlace) -> String? {
    let candidates = place.relatedApplications
    guard candidates.count == 1 else { return nil }
    return deck.applications[candidates[0]].id
  }

  /// The owner's company and title, as `Deck.company(of:)` and `title(of:)` name them, read in
  /// place; empty for an unknown owner.
  func names(of place: OwnerPlace) -> (company: String, title: String) {
    if let posting = place.posting {
      return (deck.postings[posting].company, deck.postings[posting].title)
    }
    guard let application = place.application else { return ("", "") }
    return (deck.applications[application].company ?? "", deck.applications[application].title ?? "")
  }

  /// A posting's company and title, read in place (see `isArchived(postingID:)`).
  func names(ofPosting id: String) -> (company: String, title: String)? {
    guard let position = deck.postings.index(ofID: id) else { return nil }
    return (deck.postings[position].company, deck.postings[position].title)
  }

  public func company(of application: Application) -> String { deck.company(of: application) }

  public func title(of application: Application) -> String { deck.title(of: application) }
}

/// A deadline's owner's positions in the deck (`DeckIndex.place(of:)`).
struct OwnerPlace {
  var owner: DeadlineOwner
  /// The owning application.
  var application: Int?
  /// The owning posting, or the owning application's posting.
  var posting: Int?
  /// A posting owner's applications, in deck order.
  var postingApplications: [Int] = []

  /// The applications whose progress decides whether the owner's deadlines still matter.
  var relatedApplications: [Int] {
    if case .application = owner { return application.map { [$0] } ?? [] }
    return postingApplications
  }
}

/// What `Agenda.isShown` asks of the applications related to a deadline's owner.
struct RelatedProgress {
  var count = 0
  /// Every one is closed (true when there are none).
  var allClosed = true
  /// One has moved past `saved`: the user has applied.
  var anyPastSaved = false
}

/// A deadline's owner and kind: how relative anchors and derived deadlines are looked up.
struct OwnerAndKind: Hashable, Sendable {
  var owner: DeadlineOwner
  var kind: DeadlineKind
}
