import Foundation
import JobDeckCore

/// `D` deletes (after a question that names the record and what goes with it), `X` archives
/// or brings back, `V` lists archived records too. Undo covers each, as it does every change.
extension App {
  /// The record the keys act on: the detail's, the pipeline's card, the postings table's row,
  /// the agenda's deadline.
  private var recordInFocus: Deck.Reference? {
    switch state.keyContext {
    case .detail:
      guard case .detail(let detail) = state.mode else { return nil }
      if let id = detail.postingID { return .posting(id) }
      return detail.applicationID.map { .application($0) }
    case .postings: return selectedPosting.map { .posting($0.id) }
    case .pipeline: return selectedApplication.map { .application($0.id) }
    case .agenda: return selectedAgendaEntry.map { .deadline($0.id) }
    case .stats: return nil
    }
  }

  mutating func askToDelete() {
    guard let reference = recordInFocus else {
      showMessage("nothing selected to delete")
      return
    }
    guard refuseIfReadOnly() else { return }
    var preview = state.deck
    let removal: Removal?
    switch reference {
    case .posting(let id): removal = try? preview.removePosting(id)
    case .application(let id): removal = try? preview.removeApplication(id)
    case .deadline(let id): removal = try? preview.removeDeadline(id)
    }
    var extras: [String] = []
    if case .posting = reference, let applications = removal?.applications, !applications.isEmpty {
      extras.append(Plural.count(applications.count, "application"))
    }
    if case .deadline = reference {} else if let deadlines = removal?.deadlines, !deadlines.isEmpty {
      extras.append(Plural.count(deadlines.count, "deadline"))
    }
    let with = extras.isEmpty ? "" : " and its " + extras.joined(separator: " and ")
    state.mode = .confirmDelete(ConfirmDelete(
      reference: reference, question: "Delete \(name(of: reference))\(with)? y/N"))
  }

  mutating func handleConfirmDeleteKey(_ key: KeyPress) -> [Effect] {
    guard case .confirmDelete(let confirm) = state.mode else { return [] }
    state.mode = .browsing
    guard key == .character("y") || key == .character("Y") else {
      showMessage("nothing deleted")
      return []
    }
    let name = name(of: confirm.reference)
    let effects = perform(.remove(confirm.reference), message: "Deleted \(name) (u undoes)")
    clampSelections()
    return effects
  }

  mutating func toggleArchived() -> [Effect] {
    guard let reference = recordInFocus else {
      showMessage("nothing selected to archive")
      return []
    }
    let archived: Bool
    switch reference {
    case .posting(let id): archived = state.deck.posting(withID: id)?.isArchived ?? false
    case .application(let id): archived = state.deck.application(withID: id)?.isArchived ?? false
    case .deadline(let id):
      // On the agenda the same key puts a deadline away: dismissed, kept on file.
      let name = selectedAgendaEntry.map { "\($0.kind.displayName) of \($0.recordName)" } ?? id
      let effects = perform(.dismiss(deadlineID: id, at: clock.now), message: "Dismissed \(name)")
      clampSelections()
      return effects
    }
    let name = name(of: reference)
    let effects = perform(
      .archive(reference, archived: !archived, at: clock.now),
      message: archived ? "Brought back \(name)" : "Archived \(name) (V shows archived records)")
    if case .detail = state.mode, !archived, !state.showsArchived { state.mode = .browsing }
    clampSelections()
    return effects
  }

  mutating func toggleShowsArchived() {
    state.showsArchived.toggle()
    clampSelections()
    showMessage(state.showsArchived ? "showing archived records" : "archived records hidden")
  }

  /// "SumUp · ML Engineer", or "interview of SumUp · ML Engineer" for a deadline.
  func name(of reference: Deck.Reference) -> String {
    switch reference {
    case .posting(let id):
      return state.deck.posting(withID: id).map(state.recordName(of:)) ?? id
    case .application(let id):
      return state.deck.application(withID: id).map(state.recordName(of:)) ?? id
    case .deadline(let id):
      guard let deadline = state.deck.deadline(withID: id) else { return id }
      let owner: String
      switch deadline.owner {
      case .posting(let postingID):
        owner = state.deck.posting(withID: postingID).map(state.recordName(of:)) ?? postingID
      case .application(let applicationID):
        owner = state.deck.application(withID: applicationID).map(state.recordName(of:))
          ?? applicationID
      }
      return "\(TerminalText.sanitized(deadline.displayName)) of \(owner)"
    }
  }
}
