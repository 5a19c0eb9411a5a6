import Foundation
import JobDeckCore

/// `E`: every field of a posting in `$EDITOR`, as the Core record document `jobdeck edit ID`
/// opens. Nothing changes until the whole text checks out; a mistake is shown with its line
/// and the editor opens again on the text as it was left.
extension App {
  mutating func editRecordDocument() -> [Effect] {
    guard let reference = recordToEdit else {
      showMessage("nothing selected to edit")
      return []
    }
    return editRecordDocument(reference)
  }

  /// The document of `reference` in `$EDITOR` (for an application to a posting, the posting's).
  mutating func editRecordDocument(_ reference: Deck.Reference) -> [Effect] {
    var reference = reference
    if case .application(let id) = reference,
      let postingID = state.deck.application(withID: id)?.postingID,
      state.deck.posting(withID: postingID) != nil
    {
      reference = .posting(postingID)
    }
    guard refuseIfReadOnly() else { return [] }
    guard let text = documentText(of: reference) else { return [] }
    return [.editText(text, purpose: .recordDocument(reference, original: text))]
  }

  /// A posting's document for a posting or an application to one (the job's fields are the
  /// posting's); an application's own for one without a posting.
  private var recordToEdit: Deck.Reference? {
    let applicationID: String?
    switch state.keyContext {
    case .detail:
      guard case .detail(let detail) = state.mode else { return nil }
      if let id = detail.postingID { return .posting(id) }
      applicationID = detail.applicationID
    case .postings: return selectedPosting.map { .posting($0.id) }
    case .pipeline: applicationID = selectedApplication?.id
    case .agenda, .stats: return nil
    }
    guard let applicationID, let application = state.deck.application(withID: applicationID)
    else { return nil }
    if let postingID = application.postingID, state.deck.posting(withID: postingID) != nil {
      return .posting(postingID)
    }
    return .application(applicationID)
  }

  private func documentText(of reference: Deck.Reference) -> String? {
    switch reference {
    case .posting(let id):
      return state.deck.posting(withID: id).map {
        RecordDocument.render($0, application: state.deck.onlyApplication(toPosting: id))
      }
    case .application(let id): return state.deck.application(withID: id).map(RecordDocument.render)
    case .deadline: return nil
    }
  }

  mutating func recordDocumentEdited(_ reference: Deck.Reference, original: String,
                                     text: String?) -> [Effect]
  {
    guard let text else {
      showError("the editor failed or was aborted; nothing changed")
      return []
    }
    if text == original {
      showMessage("no changes")
      return []
    }
    let edit: PendingEdit
    do {
      switch reference {
      case .posting(let id):
        guard let posting = state.deck.posting(withID: id) else { return [] }
        if let application = state.deck.onlyApplication(toPosting: id) {
          let (edited, sending) = try RecordDocument.parse(text, onto: posting,
                                                           application: application)
          edit = .editPostingAndApplication(try edited.validated(), sending, at: clock.now)
        } else {
          edit = .editPosting(try RecordDocument.parse(text, onto: posting).validated(),
                              at: clock.now)
        }
      case .application(let id):
        guard let application = state.deck.application(withID: id) else { return [] }
        edit = .editApplication(try RecordDocument.parse(text, onto: application), at: clock.now)
      case .deadline:
        return []
      }
      var trial = state.deck
      guard edit.apply(to: &trial) else {
        throw DeckError.invalidValue(field: "record", value: reference.id, expected: "a valid record")
      }
    } catch {
      state.mode = .editAgain(EditAgain(reference: reference, original: original, edited: text,
                                        mistake: "\(error)"))
      return []
    }
    if state.deck.posting(withID: reference.id) == nil,
      state.deck.application(withID: reference.id) == nil
    {
      return []
    }
    let effects = perform(edit, message: "Updated \(reference.id)")
    showMessage(effects.isEmpty ? "no changes" : "Updated \(name(of: reference))")
    return effects
  }

  mutating func handleEditAgainKey(_ key: KeyPress) -> [Effect] {
    guard case .editAgain(let again) = state.mode else { return [] }
    state.mode = .browsing
    switch key {
    case .character("y"), .character("Y"), .enter:
      return [.editText(again.edited,
                        purpose: .recordDocument(again.reference, original: again.original))]
    default:
      showMessage("nothing changed")
      return []
    }
  }
}
