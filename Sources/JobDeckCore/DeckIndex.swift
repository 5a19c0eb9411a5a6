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
    var byPosting: [String: [Int]] = [:]
    for (index, application) in deck.applications.enumerated() {
      if let postingID = application.postingID { byPosting[postingID, default: []].append(index) }
    }
    var derived: [String: Set<DeadlineKind>] = [:]
    for deadline in deck.deadlines where deadline.origin == .derived || deadline.origin == .edited {
      if case .application(let id) = deadline.owner { derived[id, default: []].insert(deadline.kind) }
    }
    var byOwnerAndKind: [OwnerAndKind: [Int]] = [:]
    if deck.deadlines.contains(where: { if case .relative = $0.due { true } else { false } }) {
      // Only kinds that stand in for an anchor are ever looked up.
      for (index, deadline) in deck.deadlines.enumerated()
      where Self.anchorKinds.contains(deadline.kind) {
        byOwnerAndKind[OwnerAndKind(owner: deadline.owner, kind: deadline.kind), default: []]
          .append(index)
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
    return deck.postings.elements[position].isArchived
  }

  /// A posting's company and title, read in place (see `isArchived(postingID:)`).
  func names(ofPosting id: String) -> (company: String, title: String)? {
    guard let position = deck.postings.index(ofID: id) else { return nil }
    return deck.postings.elements.withUnsafeBufferPointer { postings in
      (postings[position].company, postings[position].title)
    }
  }

  public func company(of application: Application) -> String { deck.company(of: application) }

  public func title(of application: Application) -> String { deck.title(of: application) }
}

/// A deadline's owner and kind: how relative anchors and derived deadlines are looked up.
struct OwnerAndKind: Hashable, Sendable {
  var owner: DeadlineOwner
  var kind: DeadlineKind
}
