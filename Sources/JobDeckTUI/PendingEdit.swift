import Foundation
import JobDeckCore

/// One change the user made in this UI, kept as an operation rather than a resulting value so
/// it can be replayed onto a newer deck when another process changed the store meanwhile:
/// neither side's change is lost.
public enum PendingEdit: Equatable, Sendable {
  case move(applicationID: String, to: Stage, note: String?, at: Date)
  case notes(applicationID: String, text: String, at: Date)
  /// A posting typed in the add form (id assigned when applied) with its deadlines, and an
  /// application at `stage` when one was given.
  case addPosting(Posting, deadlines: [Deadline], stage: Stage?)
  /// An imported posting, merged so that a re-import updates instead of duplicating.
  /// `into` says which posting it updates, when the user answered a duplicate question.
  case importDraft(PostingDraft, at: Date, into: Deck.MergeTarget)
  case markDone(deadlineID: String, at: Date)
  case dismiss(deadlineID: String, at: Date)
  /// An application to a posting from the apply form (`A`).
  case apply(postingID: String, stage: Stage, note: String?, source: ApplicationSource?,
             method: ApplicationMethod?, sentTo: String?, at: Date)
  /// A new event or deadline (id assigned when applied).
  case addDeadline(Deadline)
  /// New details and date for the event with `Deadline.id`, through `Deck.editDeadline` (a
  /// reschedule brings it back to the agenda and bumps its revision).
  case editDeadline(Deadline, at: Date)
  case archive(Deck.Reference, archived: Bool, at: Date)
  case addContact(Contact, applicationID: String, at: Date)
  /// An offer's terms; the deadlines that follow from them are derived again.
  case setTerms(EmploymentTerms, applicationID: String, at: Date)
  case editContact(Contact, position: Int, applicationID: String, at: Date)
  case removeContact(position: Int, applicationID: String, at: Date)
  /// Every field of a posting from its edited record document, checked by `Deck.editPosting`.
  case editPosting(Posting, at: Date)
  /// An application's fields (company, title, notes, source, method, sent to) from its record
  /// document.
  case editApplication(Application, at: Date)
  /// The fields the `e` form changed (key → text), set again through `Deck.editFields`, so a
  /// replay onto a newer deck changes only those fields.
  case editFields(Deck.Reference, texts: [String: String], today: CivilDate, timeZone: TimeZone,
                  at: Date)
  /// A posting's document that also holds its one application's source, method and sent to.
  case editPostingAndApplication(Posting, Application, at: Date)
  /// A posting (with its applications and deadlines), an application or a deadline.
  case remove(Deck.Reference)
  case snooze(deadlineID: String, until: CivilDate)
  /// What a suggestion proposes, as `Deck.accept` does it (a move, a task, a deadline done).
  case acceptSuggestion(Suggestion, at: Date, today: CivilDate)
  /// Dismissed (never asked again) or snoozed until a day.
  case answerSuggestion(id: String, answer: SuggestionAnswer.Answer, until: CivilDate?)
  /// An undo or redo: every record that differs between `before` and `after` is set to its
  /// `after` version (or removed), leaving records the other process changed alone.
  case restore(before: Deck, after: Deck)

  /// Applies the edit to `deck`; false when it no longer applies (the record is gone).
  @discardableResult
  func apply(to deck: inout Deck) -> Bool {
    switch self {
    case .acceptSuggestion(let suggestion, let time, let today):
      return (try? deck.accept(suggestion, at: time, today: today)) != nil
    case .answerSuggestion(let id, let answer, let until):
      deck.answerSuggestion(id, answer, until: until)
      return true
    case .move(let id, let stage, let note, let time):
      guard (try? deck.move(applicationID: id, to: stage, note: note, at: time)) != nil else {
        return false
      }
      // As `jobdeck move` does: offer and start deadlines follow the stage.
      deck.refreshDerivedDeadlines(ofApplications: [id])
      return true
    case .notes(let id, let text, let time):
      return (try? deck.setNotes(text, ofApplication: id, at: time)) != nil
    case .addPosting(let posting, let deadlines, let stage):
      // Replaying onto a disk version that already holds it (saved, confirmation not yet
      // received) must not add a second copy.
      let isOnFile = deck.postings.contains {
        $0.company == posting.company && $0.title == posting.title
          && $0.createdAt == posting.createdAt
      }
      if isOnFile { return true }
      let id = deck.add(posting)
      for var deadline in deadlines {
        deadline.owner = .posting(id)
        deck.add(deadline)
      }
      if let stage {
        _ = try? deck.apply(toPosting: id, stage: stage, at: posting.createdAt)
        deck.refreshDerivedDeadlines()
      }
      return true
    case .importDraft(let draft, let time, let target):
      if case .posting(let id) = target, deck.posting(withID: id) == nil { return false }
      // Replayed onto a disk version that already holds the second copy: not a third.
      if target == .newPosting, deck.postings.contains(where: {
        $0.company == draft.posting.company && $0.title == draft.posting.title
          && $0.createdAt == time.truncatedToSeconds
      }) {
        return true
      }
      deck.merge(draft, at: time, into: target)
      return true
    case .markDone(let id, let time):
      return (try? deck.markDone(id, at: time)) != nil
    case .dismiss(let id, let time):
      return (try? deck.dismiss(id, at: time)) != nil
    case .apply(let postingID, let stage, let note, let source, let method, let sentTo, let time):
      let stamp = time.truncatedToSeconds
      // Replayed onto a disk version that already holds it: not a second application.
      if deck.applications.contains(where: { $0.postingID == postingID && $0.createdAt == stamp }) {
        return true
      }
      guard let id = try? deck.apply(toPosting: postingID, stage: stage, note: note,
        source: source, method: method, sentTo: sentTo, at: time)
      else { return false }
      deck.refreshDerivedDeadlines(ofApplications: [id])
      return true
    case .addDeadline(let deadline):
      let isOnFile = deck.deadlines.contains {
        $0.owner == deadline.owner && $0.kind == deadline.kind && $0.due == deadline.due
          && $0.title == deadline.title
      }
      if !isOnFile { deck.add(deadline) }
      return true
    case .editDeadline(let event, let time):
      return (try? deck.editDeadline(event.id, at: time) { current in
        current.kind = event.kind
        current.due = event.due
        current.duration = event.duration
        current.place = event.place
        current.link = event.link
        current.title = event.title
        current.note = event.note
      }) != nil
    case .editPosting(let posting, let time):
      return (try? deck.editPosting(posting.id, at: time) { $0 = posting }) != nil
    case .editApplication(let application, let time):
      return (try? deck.editApplication(application.id, at: time) { edited in
        // Only the document's fields: a stage moved meanwhile (another shell) stays moved.
        edited.company = application.company
        edited.title = application.title
        edited.notes = application.notes
        edited.source = application.source
        edited.method = application.method
        edited.sentTo = application.sentTo
      }) != nil
    case .editFields(let reference, let texts, let today, let zone, let time):
      let context = RecordFieldContext(today: today, timeZone: zone)
      return (try? deck.editFields(of: reference, texts, context: context, at: time)) != nil
    case .editPostingAndApplication(let posting, let application, let time):
      guard (try? deck.editPosting(posting.id, at: time) { $0 = posting }) != nil else {
        return false
      }
      _ = try? deck.editApplication(application.id, at: time) { edited in
        edited.source = application.source
        edited.method = application.method
        edited.sentTo = application.sentTo
      }
      return true
    case .setTerms(let terms, let id, let time):
      guard (try? deck.setTerms(applicationID: id, at: time) { $0 = terms }) != nil else {
        return false
      }
      deck.refreshDerivedDeadlines()
      return true
    case .addContact(let contact, let id, let time):
      if deck.application(withID: id)?.contacts.contains(contact) == true { return true }
      return (try? deck.addContact(contact, toApplication: id, at: time)) != nil
    case .editContact(let contact, let position, let id, let time):
      return (try? deck.editContact(at: position, ofApplication: id, at: time) { $0 = contact })
        != nil
    case .removeContact(let position, let id, let time):
      return (try? deck.removeContact(at: position, ofApplication: id, at: time)) != nil
    case .archive(let reference, let archived, let time):
      return (try? deck.setArchived(archived, reference, at: time)) != nil
    case .remove(let reference):
      switch reference {
      case .posting(let id): return (try? deck.removePosting(id)) != nil
      case .application(let id): return (try? deck.removeApplication(id)) != nil
      case .deadline(let id): return (try? deck.removeDeadline(id)) != nil
      }
    case .snooze(let id, let until):
      return (try? deck.snooze(id, until: until)) != nil
    case .restore(let before, let after):
      Self.merge(&deck.postings, before: before.postings, after: after.postings)
      Self.merge(&deck.applications, before: before.applications, after: after.applications)
      Self.merge(&deck.deadlines, before: before.deadlines, after: after.deadlines)
      if before.settings != after.settings { deck.settings = after.settings }
      if before.conflicts != after.conflicts { deck.conflicts = after.conflicts }
      return true
    }
  }

  /// Record-level three-way merge: what changed from `before` to `after` wins over `current`.
  /// Changes `current` in place, so the ids it touches are recorded for the save.
  private static func merge<Record>(
    _ current: inout RecordList<Record>, before: RecordList<Record>, after: RecordList<Record>
  ) {
    // Two versions of one loaded deck differ only in records whose ids either touched since
    // it was read (`RecordList.changes(since:)` is nil without such a common base): only those
    // are looked at, instead of every record of a large store.
    let touched: [String]? = after.changes(since: before) == nil || current.hasRepeatedIDs
      ? nil : Array(before.touchedIDs.union(after.touchedIDs))
    let positions = touched.map { $0.compactMap(current.index(ofID:)).sorted() }
      ?? Array(current.indices)
    for position in positions.reversed() {
      let id = current[position].id
      let old = before[id: id]
      let new = after[id: id]
      guard old != new else { continue }
      if let new {
        current[position] = new
      } else {
        // Removed by the undo: dropped.
        current.remove(at: position)
      }
    }
    // Brought back (an undone delete) or added: at its place in `after`, so an undo leaves
    // the lists as they were.
    let addedPositions = touched.map { $0.compactMap(after.index(ofID:)).sorted() }
      ?? Array(after.indices)
    for position in addedPositions {
      let record = after[position]
      guard !before.contains(id: record.id), !current.contains(id: record.id) else { continue }
      current.insert(record, at: min(position, current.count))
    }
  }
}
