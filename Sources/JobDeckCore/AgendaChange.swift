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
    var families = Families(postingIDs: postingIDs)
    var placed = applicationIDs
    for side in [previous, deck] where !deadlineIDs.isEmpty {
      for index in side.deadlines.indices where deadlineIDs.contains(side.deadlines[index].id) {
        switch side.deadlines[index].owner {
        case .posting(let id): families.postingIDs.insert(id)
        case .application(let id): placed.insert(id)
        }
      }
    }
    // An application's family in each deck: its posting's, else its own (also when it is
    // missing there, for the deadlines that still name it).
    for side in [previous, deck] where !placed.isEmpty {
      var found = Set<String>()
      for index in side.applications.indices where placed.contains(side.applications[index].id) {
        let application = side.applications[index]
        found.insert(application.id)
        if let postingID = application.postingID {
          families.postingIDs.insert(postingID)
        } else {
          families.applicationIDs.insert(application.id)
        }
      }
      families.applicationIDs.formUnion(placed.subtracting(found))
    }
    let after = families.members(of: deck)
    owners = Set(families.postingIDs.map(DeadlineOwner.posting))
      .union(families.applicationIDs.map(DeadlineOwner.application))
      .union(after.applications.map { .application($0.id) })
    for index in previous.applications.indices
    where families.contains(previous.applications[index]) {
      owners.insert(.application(previous.applications[index].id))
    }
    rows = Agenda.rows(of: after)
  }
}

/// Families named by their posting's id (the posting may be missing) or, for an application
/// without a posting, by the application's id.
private struct Families {
  var postingIDs: Set<String>
  var applicationIDs = Set<String>()

  func contains(_ application: Application) -> Bool {
    application.postingID.map { postingIDs.contains($0) } ?? applicationIDs.contains(application.id)
  }

  /// The families' postings, applications and deadlines, in deck order.
  func members(of deck: Deck) -> Deck {
    var members = Deck(settings: deck.settings)
    for index in deck.postings.indices where postingIDs.contains(deck.postings[index].id) {
      members.postings.append(deck.postings[index])
    }
    var memberIDs = applicationIDs
    for index in deck.applications.indices where contains(deck.applications[index]) {
      members.applications.append(deck.applications[index])
      memberIDs.insert(deck.applications[index].id)
    }
    for index in deck.deadlines.indices {
      let isMember: Bool
      switch deck.deadlines[index].owner {
      case .posting(let id): isMember = postingIDs.contains(id)
      case .application(let id): isMember = memberIDs.contains(id)
      }
      if isMember { members.deadlines.append(deck.deadlines[index]) }
    }
    return members
  }
}
