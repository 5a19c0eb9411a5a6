/// What a change to a deck does to its agenda (`Agenda.rows(of:)`): the owners whose rows may
/// differ, and their rows now. The summary beside a large store follows a save with it instead
/// of working out the agenda of the whole deck again.
///
/// A deadline's row (`Agenda.row(for:index:)`) reads nothing outside its *family*: a posting
/// with every application to it and every deadline either owns. An application without a
/// posting is a family of its own, as is an application that does not exist, for the deadlines
/// that still name it. So when some records change, only the rows of the families those
/// records belong to can change, before and after (an application can move to another
/// posting), and `Agenda.rows(of:)` of those families' records alone gives exactly the rows
/// it gives them in the whole deck.
public struct AgendaChange: Sendable {
  /// Every owner with a deadline in a changed family, before or after: their rows in the
  /// agenda of the deck before are replaced by `rows`.
  public var owners: Set<DeadlineOwner>
  /// `Agenda.rows(of:)` of the changed families as the deck after has them.
  public var rows: [AgendaRow]

  /// From `previous` to `deck`, which differ only in the records with these ids (changed,
  /// added or removed).
  public init(from previous: Deck, to deck: Deck, postingIDs: Set<String>,
    applicationIDs: Set<String>, deadlineIDs: Set<String>)
  {
    var familyPostings = postingIDs
    var familyApplications = Set<String>()
    var placed = applicationIDs
    let changedDeadlines = IDLookup(deadlineIDs)
    for side in [previous, deck] where !deadlineIDs.isEmpty {
      side.deadlines.withUnsafeBufferPointer { deadlines in
        for deadline in deadlines.indices where changedDeadlines.contains(deadlines[deadline].id) {
          switch deadlines[deadline].owner {
          case .posting(let id): familyPostings.insert(id)
          case .application(let id): placed.insert(id)
          }
        }
      }
    }
    // An application's family in each deck: its posting's, else its own (also when it is
    // missing there, for the deadlines that still name it).
    let placedApplications = IDLookup(placed)
    for side in [previous, deck] where !placed.isEmpty {
      var found = Set<String>()
      side.applications.withUnsafeBufferPointer { applications in
        for index in applications.indices
        where placedApplications.contains(applications[index].id) {
          found.insert(applications[index].id)
          if let postingID = applications[index].postingID {
            familyPostings.insert(postingID)
          } else {
            familyApplications.insert(applications[index].id)
          }
        }
      }
      familyApplications.formUnion(placed.subtracting(found))
    }
    let families = Families(postingIDs: familyPostings, applicationIDs: familyApplications)
    let after = families.members(of: deck)
    owners = Set(familyPostings.map(DeadlineOwner.posting))
      .union(familyApplications.map(DeadlineOwner.application))
      .union(after.applications.map { .application($0.id) })
    owners.formUnion(families.memberApplicationIDs(of: previous).map(DeadlineOwner.application))
    rows = Agenda.rows(of: after)
  }
}

/// Families named by their posting's id (the posting may be missing) or, for an application
/// without a posting, by the application's id.
///
/// The deck's arrays are read through buffer pointers: reading a field of an element through
/// the array's subscript copies the whole record first, and a save reads every record of the
/// deck.
private struct Families {
  let postingIDs: IDLookup
  let applicationIDs: IDLookup
  private let applicationIDSet: Set<String>

  init(postingIDs: Set<String>, applicationIDs: Set<String>) {
    self.postingIDs = IDLookup(postingIDs)
    self.applicationIDs = IDLookup(applicationIDs)
    applicationIDSet = applicationIDs
  }

  /// The positions of the families' applications in `deck`.
  private func memberApplications(of deck: Deck) -> [Int] {
    deck.applications.withUnsafeBufferPointer { applications in
      applications.indices.filter { index in
        applications[index].postingID.map { postingIDs.contains($0) }
          ?? applicationIDs.contains(applications[index].id)
      }
    }
  }

  func memberApplicationIDs(of deck: Deck) -> [String] {
    memberApplications(of: deck).map { deck.applications[$0].id }
  }

  /// The families' postings, applications and deadlines, in deck order.
  func members(of deck: Deck) -> Deck {
    var members = Deck(settings: deck.settings)
    deck.postings.withUnsafeBufferPointer { postings in
      for index in postings.indices where postingIDs.contains(postings[index].id) {
        members.postings.append(postings[index])
      }
    }
    var memberIDs = applicationIDSet
    for index in memberApplications(of: deck) {
      members.applications.append(deck.applications[index])
      memberIDs.insert(deck.applications[index].id)
    }
    let memberApplications = IDLookup(memberIDs)
    deck.deadlines.withUnsafeBufferPointer { deadlines in
      for index in deadlines.indices {
        let isMember: Bool
        switch deadlines[index].owner {
        case .posting(let id): isMember = postingIDs.contains(id)
        case .application(let id): isMember = memberApplications.contains(id)
        }
        if isMember { members.deadlines.append(deadlines[index]) }
      }
    }
    return members
  }
}

/// A set of ids that answers "no" for most ids without hashing them: an id whose length no
/// member has is not a member. A save asks it of every record of the deck, some 400,000 times
/// at 100,000 postings, for a handful of members.
private struct IDLookup {
  private let ids: Set<String>
  /// Bit `n` is set when a member is `n` UTF-8 bytes long (lengths of 256 or more share bit 255).
  private let lengths: (UInt64, UInt64, UInt64, UInt64)

  init(_ ids: Set<String>) {
    self.ids = ids
    var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for id in ids {
      let length = min(id.utf8.count, 255)
      let bit = UInt64(1) << UInt64(length % 64)
      switch length / 64 {
      case 0: bits.0 |= bit
      case 1: bits.1 |= bit
      case 2: bits.2 |= bit
      default: bits.3 |= bit
      }
    }
    lengths = bits
  }

  func contains(_ id: String) -> Bool {
    let length = min(id.utf8.count, 255)
    let word: UInt64
    switch length / 64 {
    case 0: word = lengths.0
    case 1: word = lengths.1
    case 2: word = lengths.2
    default: word = lengths.3
    }
    guard word & (UInt64(1) << UInt64(length % 64)) != 0 else { return false }
    return ids.contains(id)
  }
}
