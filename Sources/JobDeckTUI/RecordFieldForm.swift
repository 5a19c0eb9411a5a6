import Foundation
import JobDeckCore

/// `e`: every one-line field of the posting or application in focus in a form, built from
/// Core's field list (`Deck.editableFields`) and saved through `Deck.editFields`, the same path
/// `jobdeck edit ID --field value` takes, so the form cannot accept what the CLI refuses.
/// `Ctrl-E` in the form opens the long text (notes, description) in `$EDITOR`.
extension App {
  mutating func openRecordFieldForm() {
    guard let reference = recordForFieldForm else {
      showMessage("nothing selected to edit")
      return
    }
    guard refuseIfReadOnly() else { return }
    let context = fieldContext
    let fields = state.deck.editableFields(of: reference).map { field in
      let value = field.value(in: state.deck, context: context)
      return FieldForm.Field(label: field.label, input: TextInput(value), help: field.accepted,
                             key: field.key, original: value)
    }
    var form = FieldForm(purpose: .editFields(reference), heading: "Edit \(name(of: reference))",
                         fields: fields)
    if case .detail(let detail) = state.mode { form.detail = detail }
    state.mode = .fieldForm(form)
  }

  /// The record `e` edits: the posting in the table (with its application's fields when it has
  /// exactly one), the pipeline's application (with its posting's fields), the detail's
  /// application, else its posting.
  private var recordForFieldForm: Deck.Reference? {
    switch state.keyContext {
    case .postings:
      guard let posting = selectedPosting else { return nil }
      let applications = state.deck.applications(forPosting: posting.id)
      return applications.count == 1 ? .application(applications[0].id) : .posting(posting.id)
    case .pipeline: return selectedApplication.map { .application($0.id) }
    case .agenda, .stats: return nil
    case .detail:
      guard case .detail(let detail) = state.mode else { return nil }
      if let id = detail.applicationID { return .application(id) }
      return detail.postingID.map { .posting($0) }
    }
  }

  var fieldContext: RecordFieldContext {
    RecordFieldContext(today: state.today, timeZone: state.timeZone)
  }

  /// Checks the whole form on a copy of the deck; the first mistake stays in the form with its
  /// field focused, and nothing changes. Otherwise one edit, one undo step.
  mutating func saveRecordFields(_ form: FieldForm, reference: Deck.Reference,
                                 thenEdit: Bool = false) -> [Effect] {
    var texts: [String: String] = [:]
    for field in form.fields {
      guard let key = field.key, field.input.text != field.original else { continue }
      texts[key] = field.input.text
    }
    var trial = state.deck
    let changed: [String]
    do {
      changed = try trial.editFields(of: reference, texts, context: fieldContext, at: clock.now)
    } catch {
      var form = form
      form.error = "\(error.label): \(error.message)"
      form.focus = form.fields.firstIndex { $0.key == error.key } ?? form.focus
      state.mode = .fieldForm(form)
      return []
    }
    state.mode = form.detail.map(Mode.detail) ?? .browsing
    let editor = thenEdit ? longTextEditor(for: reference) : []
    guard !changed.isEmpty else {
      if !thenEdit { showMessage("no changes to \(name(of: reference))") }
      return editor
    }
    let labels = form.fields.filter { changed.contains($0.key ?? "") }.map { $0.label.lowercased() }
    let kept = texts.filter { changed.contains($0.key) }
    let effects = perform(
      .editFields(reference, texts: kept, today: state.today, timeZone: state.timeZone,
                  at: clock.now),
      message: "Updated \(name(of: reference)): " + labels.joined(separator: ", "))
    // Named as it is now: a new title shows in the message.
    if !effects.isEmpty {
      showMessage("Updated \(name(of: reference)): " + labels.joined(separator: ", "))
    }
    return effects + editor
  }

  /// `Ctrl-E` in the form: the application's notes, or the posting's record document (its
  /// description) as `E` opens it.
  private mutating func longTextEditor(for reference: Deck.Reference) -> [Effect] {
    switch reference {
    case .application(let id):
      guard let application = state.deck.application(withID: id) else { return [] }
      return [.editText(application.notes, purpose: .applicationNotes(applicationID: id))]
    case .posting, .deadline:
      return editRecordDocument(reference)
    }
  }
}
