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
    for side in [previous, deck] {
      for position in side.deadlines.positions(ofIDs: deadlineIDs) {
        switch side.deadlines[position].owner {
        case .posting(let id): familyPostings.insert(id)
        case .application(let id): placed.insert(id)
        }
      }
    }
    // An application's family in each deck: its posting's, else its own (also when it is
    // missing there, for the deadlines that still name it).
    for side in [previous, deck] where !placed.isEmpty {
      var found = Set<String>()
      for position in side.applications.positions(ofIDs: placed) {
        let application = side.applications[position]
        found.insert(application.id)
        if let postingID = application.postingID {
          familyPostings.insert(postingID)
        } else {
          familyApplications.insert(application.id)
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
/// Records named by id are looked up; applications and deadlines are found by the family they
/// name, which takes reading every one. Those are read through buffer pointers: reading a field
/// of an element through the array's subscript copies the whole record first.
private struct Families {
  let postingIDs: IDLookup
  let applicationIDs: IDLookup
  private let postingIDSet: Set<String>
  private let applicationIDSet: Set<String>

  init(postingIDs: Set<String>, applicationIDs: Set<String>) {
    self.postingIDs = IDLookup(postingIDs)
    postingIDSet = postingIDs
    self.applicationIDs = IDLookup(applicationIDs)
    applicationIDSet = applicationIDs
  }

  /// The positions of the families' applications in `deck`.
  private func memberApplications(of deck: Deck) -> [Int] {
    let applications = deck.applications
    return applications.indices.filter { index in
      applications[index].postingID.map { postingIDs.contains($0) }
        ?? applicationIDs.contains(applications[index].id)
    }
  }

  func memberApplicationIDs(of deck: Deck) -> [String] {
    memberApplications(of: deck).map { deck.applications[$0].id }
  }

  /// The families' postings, applications and deadlines, in deck order.
  func members(of deck: Deck) -> Deck {
    var members = Deck(settings: deck.settings)
    for index in deck.postings.positions(ofIDs: postingIDSet) {
      members.postings.append(deck.postings[index])
    }
    var memberIDs = applicationIDSet
    for index in memberApplications(of: deck) {
      members.applications.append(deck.applications[index])
      memberIDs.insert(deck.applications[index].id)
    }
    let memberApplications = IDLookup(memberIDs)
    let deadlines = deck.deadlines
    for index in deadlines.indices {
      let isMember: Bool
      switch deadlines[index].owner {
      case .posting(let id): isMember = postingIDs.contains(id)
      case .application(let id): isMember = memberApplications.contains(id)
      }
      if isMember { members.deadlines.append(deadlines[index]) }
    }
    return members
  }
}

/// A set of ids that answers "no" for most ids without hashing them: an id whose length no
/// member has is not a member. A save asks it of every application and deadline of the deck,
/// some 170,000 times at 100,000 postings, for a handful of members.
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

extension RecordList {
  /// The positions of the records with these ids, in list order. Looked up by id: a save names
  /// a handful of records in a deck of 100,000. With repeated ids (a hand-edited store) every
  /// record holding one counts, so the list is read whole then.
  func positions(ofIDs ids: Set<String>) -> [Int] {
    guard !ids.isEmpty else { return [] }
    guard hasRepeatedIDs else { return ids.compactMap(index(ofID:)).sorted() }
    return indices.filter { ids.contains(self[$0].id) }
  }
}
