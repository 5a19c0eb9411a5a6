import Foundation
import JobDeckCore

/// The apply form (`A`) and the event form (`t` adds, `r` edits or reschedules): what they
/// offer, how their keys work and how a save turns into one `PendingEdit`. The checks are
/// Core's (`DateInput`, `EventTimeInput`, `EventLink`), the same the CLI runs.
extension App {
  static let eventKinds: [DeadlineKind] = [
    .interview, .phoneScreen, .takeHome, .assessment, .call, .offerResponse, .startDate, .custom,
  ]

  // MARK: - Apply

  mutating func openApplyForm() {
    guard let posting = postingInFocus else {
      showMessage("no posting selected")
      return
    }
    guard refuseIfReadOnly() else { return }
    state.mode = .fieldForm(FieldForm(
      purpose: .apply(postingID: posting.id),
      heading: "Apply to \(state.recordName(of: posting))",
      fields: [
        .init(label: "Stage", input: TextInput(Stage.applied.displayName),
              help: Stage.allCases.map(\.displayName).joined(separator: ", ")),
        .init(label: "Date", input: TextInput("today"),
              help: "when: 2025-03-03, today, yesterday, -3d, fri"),
        .init(label: "Note", input: TextInput(), help: "optional, kept in the history"),
        .init(label: "Found via", input: TextInput(),
              help: "optional: company site, LinkedIn, referral, job board, recruiter,"
                + " university, other, or your own words"),
        .init(label: "Method", input: TextInput(),
              help: "optional: " + ApplicationMethod.allowedNames),
        .init(label: "Sent to", input: TextInput(), help: "optional: the person or address"),
      ]))
  }

  /// The posting the list or the detail shows.
  private var postingInFocus: Posting? {
    if case .detail(let detail) = state.mode {
      return detail.postingID.flatMap { state.deck.posting(withID: $0) }
    }
    return state.view == .postings ? selectedPosting : nil
  }

  // MARK: - Events

  mutating func openNewEventForm() {
    guard let owner = applicationInFocus else {
      showError("no application here: apply first (A), then add events to it")
      return
    }
    guard refuseIfReadOnly() else { return }
    let name = state.deck.application(withID: owner).map(state.recordName(of:)) ?? owner
    state.mode = .fieldForm(FieldForm(
      purpose: .event(owner: .application(owner), editing: nil),
      heading: "New event for \(name)", fields: App.eventFields(zone: state.timeZone)))
  }

  /// `r` on an agenda row: the same form, filled in with the event as it is.
  mutating func openEventEditor() {
    guard let entry = selectedAgendaEntry, let event = state.deck.deadline(withID: entry.id)
    else {
      showMessage("no event selected")
      return
    }
    guard refuseIfReadOnly() else { return }
    var form = FieldForm(
      purpose: .event(owner: event.owner, editing: event.id),
      heading: "Edit \(TerminalText.sanitized(event.displayName)) of \(entry.recordName)",
      fields: App.eventFields(zone: state.timeZone))
    form.set("Kind", event.kind.displayName)
    switch state.deck.resolvedDue(of: event) {
    case .day(let day): form.set("Date", day.description)
    case .instant(let instant, let zone):
      form.set("Date", CivilDate(containing: instant, in: zone).description)
      form.set("Time", instant.clockTime(in: zone))
      form.set("Zone", zone.identifier)
    case .pending: break
    }
    form.set("Duration", event.duration?.description ?? "")
    form.set("Place", event.place ?? "")
    form.set("Link", event.link ?? "")
    form.set("Title", event.title ?? "")
    form.set("Note", event.note ?? "")
    state.mode = .fieldForm(form)
  }

  private static func eventFields(zone: TimeZone) -> [FieldForm.Field] {
    [
      .init(label: "Kind", input: TextInput(DeadlineKind.interview.displayName),
            help: eventKinds.map(\.displayName).joined(separator: ", ")),
      .init(label: "Date", input: TextInput(), help: "2025-03-03, tomorrow, +10d, fri"),
      .init(label: "Time", input: TextInput(), help: "HH:MM, e.g. 14:30; blank: all day"),
      .init(label: "Zone", input: TextInput(), help: "blank: \(zone.identifier)"),
      .init(label: "Duration", input: TextInput(), help: "45min, 1h, 2h; blank: 1 hour in calendars"),
      .init(label: "Place", input: TextInput(), help: "an address or a room, optional"),
      .init(label: "Link", input: TextInput(), help: "the video call: an http(s) link, optional"),
      .init(label: "Title", input: TextInput(), help: "its own name (needed for a custom event)"),
      .init(label: "Note", input: TextInput(), help: "optional"),
    ]
  }

  /// The application the view or the detail is on: the pipeline's card, the agenda row's
  /// application, the detail's application.
  var applicationInFocus: String? {
    switch state.keyContext {
    case .detail:
      guard case .detail(let detail) = state.mode else { return nil }
      if let id = detail.applicationID { return id }
      let applications = detail.postingID.map { state.deck.applications(forPosting: $0) } ?? []
      return applications.count == 1 ? applications[0].id : nil
    case .pipeline: return selectedApplication?.id
    case .agenda:
      guard let entry = selectedAgendaEntry else { return nil }
      switch entry.owner {
      case .application(let id): return id
      case .posting(let id):
        let applications = state.deck.applications(forPosting: id)
        return applications.count == 1 ? applications[0].id : nil
      }
    case .postings:
      guard let posting = selectedPosting else { return nil }
      return state.deck.applications(forPosting: posting.id).first?.id
    case .stats: return nil
    }
  }

  // MARK: - Keys and saving

  mutating func handleFieldFormKey(_ key: KeyPress) -> [Effect] {
    guard case .fieldForm(var form) = state.mode else { return [] }
    let count = form.fields.count
    switch key {
    case .escape:
      state.mode = form.detail.map(Mode.detail) ?? .browsing
      showMessage("nothing changed")
      return []
    case .control("e"):
      guard case .editFields(let reference) = form.purpose else { break }
      return saveRecordFields(form, reference: reference, thenEdit: true)
    case .tab, .down:
      form.focus = (form.focus + 1) % count
    case .backTab, .up:
      form.focus = (form.focus + count - 1) % count
    case .enter where form.focus < count - 1:
      form.focus += 1
    case .enter, .control("s"):
      return saveFieldForm(form)
    default:
      if form.fields[form.focus].input.handle(key) == .edited { form.error = nil }
    }
    state.mode = .fieldForm(form)
    return []
  }

  private mutating func saveFieldForm(_ form: FieldForm) -> [Effect] {
    do {
      switch form.purpose {
      case .apply(let postingID):
        let edit = try applyEdit(form, postingID: postingID)
        state.mode = .browsing
        guard case .apply(_, let stage, _, _, _, _, _) = edit,
          let posting = state.deck.posting(withID: postingID)
        else { return [] }
        return perform(edit, message: "Applied to \(state.recordName(of: posting)): \(stage.displayName)")
      case .offerTerms(let applicationID):
        return try saveOfferTerms(form, applicationID: applicationID)
      case .editFields(let reference):
        return saveRecordFields(form, reference: reference)
      case .contact(let applicationID, let position):
        return try saveContact(form, applicationID: applicationID, position: position)
      case .event(let owner, let editing):
        let event = try eventFromForm(form, owner: owner, editing: editing)
        state.mode = .browsing
        let when = Renderer.dueText(event.due, in: state.timeZone)
        if let editing {
          return perform(.editDeadline(event, at: clock.now),
                         message: "Updated \(TerminalText.sanitized(event.displayName)) (\(editing)): \(when)")
        }
        return perform(.addDeadline(event),
                       message: "Added \(TerminalText.sanitized(event.displayName)) on \(when)")
      }
    } catch {
      var form = form
      form.error = "\(error)"
      state.mode = .fieldForm(form)
      return []
    }
  }

  private func applyEdit(_ form: FieldForm, postingID: String) throws -> PendingEdit {
    let stageText = form.value("Stage")
    let stage = stageText.isEmpty ? .applied : try uniqueMatch(
      stageText, in: Stage.allCases.flatMap { [($0.displayName, $0), ($0.rawValue, $0)] }
    ).orThrow(DeckError.invalidValue(
      field: "stage", value: stageText,
      expected: Stage.allCases.map(\.displayName).joined(separator: ", ")))
    let dateText = form.value("Date")
    let day = dateText.isEmpty ? state.today : try DateInput.parse(dateText, today: state.today)
    // As `jobdeck apply --on`: a day other than today is recorded at its noon.
    let time = day == state.today ? clock.now : day.instant(hour: 12, in: state.timeZone)
    try FieldText.checkOneLine(form.value("Note"), field: "note")
    try FieldText.checkOneLine(form.value("Found via"), field: "found via")
    try FieldText.checkOneLine(form.value("Sent to"), field: "sent to")
    let methodText = form.value("Method")
    let method = try methodText.isEmpty ? nil : ApplicationMethod(parsing: methodText).orThrow(
      DeckError.invalidValue(field: "method", value: methodText,
                             expected: ApplicationMethod.allowedNames))
    return .apply(
      postingID: postingID, stage: stage, note: form.optional("Note"),
      source: ApplicationSource(parsing: form.value("Found via")), method: method,
      sentTo: form.optional("Sent to"), at: time)
  }

  private func eventFromForm(_ form: FieldForm, owner: DeadlineOwner, editing: String?) throws
    -> Deadline
  {
    let kindText = form.value("Kind")
    let kind = try uniqueMatch(
      kindText, in: App.eventKinds.flatMap { [($0.displayName, $0), ($0.rawValue, $0)] }
    ).orThrow(DeckError.invalidValue(
      field: "kind", value: kindText,
      expected: App.eventKinds.map(\.displayName).joined(separator: ", ")))
    let dateText = form.value("Date")
    guard !dateText.isEmpty else {
      throw DeckError.invalidValue(field: "date", value: "", expected: "a day: " + "2025-03-03, tomorrow, +10d, fri")
    }
    let day = try DateInput.parse(dateText, today: state.today)
    let time = form.optional("Time")
    let zone = form.optional("Zone")
    if time == nil, let zone {
      throw DeckError.invalidValue(field: "zone", value: zone,
                                   expected: "a time with it: an all-day event has no time zone")
    }
    let due = try EventTimeInput.due(on: day, at: time, timeZone: zone,
                                     defaultZone: state.timeZone, timeField: "time",
                                     zoneField: "zone")
    let duration = try form.optional("Duration").map {
      try EventTimeInput.duration($0, field: "duration")
    }
    let link = try form.optional("Link").map(EventLink.validated)
    for field in ["Place", "Title", "Note"] {
      try FieldText.checkOneLine(form.value(field), field: field.lowercased())
    }
    let title = form.optional("Title")
    if kind == .custom, title == nil {
      throw DeckError.invalidValue(field: "title", value: "", expected: "a name for a custom event")
    }
    var event = editing.flatMap { state.deck.deadline(withID: $0) }
      ?? Deadline(id: "", kind: kind, due: due, owner: owner, origin: .manual)
    event.kind = kind
    event.due = due
    event.duration = duration
    event.place = form.optional("Place")
    event.link = link
    event.title = title
    event.note = form.optional("Note")
    return event
  }
}

/// Checks shared by the forms' free-text fields.
enum FieldText {
  static func checkOneLine(_ text: String, field: String) throws {
    if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      throw DeckError.invalidValue(field: field, value: TerminalText.sanitized(text),
                                   expected: "one line without control characters")
    }
  }
}

extension Optional {
  func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
    guard let value = self else { throw error() }
    return value
  }
}
