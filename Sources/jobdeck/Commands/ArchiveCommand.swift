import ArgumentParser
import Foundation
import JobDeckCore

struct ArchiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "archive",
    abstract: "Put a posting or application away: hidden from lists and the agenda, kept on file.",
    discussion: """
      Archiving a posting hides its applications' deadlines too. `jobdeck list --archived` \
      shows archived records, `--all` everything; `jobdeck unarchive ID` brings one back.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The posting or application (any unique prefix of its id).") var id: String

  func run() throws { try setArchived(true, id: id, storeOptions: storeOptions) }
}

struct UnarchiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unarchive", abstract: "Bring an archived posting or application back.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The posting or application (any unique prefix of its id).") var id: String

  func run() throws { try setArchived(false, id: id, storeOptions: storeOptions) }
}

private func setArchived(_ archived: Bool, id: String, storeOptions: StoreOptions) throws {
  let now = storeOptions.clock.now
  let (reference, changed, name) = try storeOptions.session.update {
    deck -> (Deck.Reference, Bool, String) in
    var reference = try deck.resolve(id)
    // An application that shares its posting's id is the same job: put the job away (its
    // posting, which hides the application with it), as `rm` removes both.
    if case .application(let applicationID) = reference,
      let postingID = deck.application(withID: applicationID)?.postingID, postingID == applicationID
    {
      if !archived, deck.application(withID: applicationID)?.isArchived == true {
        try deck.setArchived(false, reference, at: now)
      }
      reference = .posting(postingID)
    }
    let changed = try deck.setArchived(archived, reference, at: now)
    return (reference, changed, RecordName.of(reference, in: deck))
  }
  let verb = archived ? "archived" : "unarchived"
  say(safe(changed ? "\(reference.id) (\(name)): \(verb)" : "\(reference.id) (\(name)): already \(verb)"))
}

/// "SumUp · ML Engineer": how a record is named when a command asks or reports.
enum RecordName {
  static func of(_ reference: Deck.Reference, in deck: Deck) -> String {
    switch reference {
    case .posting(let id):
      guard let posting = deck.posting(withID: id) else { return id }
      return "\(posting.company) · \(posting.title)"
    case .application(let id):
      guard let application = deck.application(withID: id) else { return id }
      return "\(deck.company(of: application)) · \(deck.title(of: application))"
    case .deadline(let id):
      guard let deadline = deck.deadline(withID: id) else { return id }
      let owner: Deck.Reference
      switch deadline.owner {
      case .posting(let ownerID): owner = .posting(ownerID)
      case .application(let ownerID): owner = .application(ownerID)
      }
      return "\(deadline.displayName) · \(of(owner, in: deck))"
    }
  }
}
