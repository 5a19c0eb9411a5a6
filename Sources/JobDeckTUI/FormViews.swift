import Foundation
import JobDeckCore

/// The add form (`a`), the import prompt (`i`) and the import preview.
extension App {
  mutating func handleFormKey(_ key: KeyPress) -> [Effect] {
    guard case .addForm(var form) = state.mode else { return [] }
    let fields = AddForm.Field.allCases
    switch key {
    case .escape:
      state.mode = .browsing
      showMessage("add cancelled")
      return []
    case .tab, .down:
      form.focus = fields[(form.focus.rawValue + 1) % fields.count]
    case .backTab, .up:
      form.focus = fields[(form.focus.rawValue + fields.count - 1) % fields.count]
    case .enter where form.focus != fields.last:
      form.focus = fields[form.focus.rawValue + 1]
    case .enter, .control("s"):
      return saveForm(form)
    default:
      var input = form.values[form.focus] ?? TextInput()
      if let change = input.handle(key) {
        form.values[form.focus] = input
        if change == .edited { form.error = nil }
      }
    }
    state.mode = .addForm(form)
    return []
  }

  private mutating func saveForm(_ form: AddForm) -> [Effect] {
    if let problem = form.problem(today: state.today) {
      var form = form
      form.error = problem
      state.mode = .addForm(form)
      return []
    }
    let now = clock.now.truncatedToSeconds
    let location = form.value(.location)
    let url = form.value(.url)
    let posting = Posting(
      id: "", title: form.value(.title), company: form.value(.company),
      location: location.isEmpty ? nil : location, url: WebLink.validated(url)?.text,
      source: "typed", createdAt: now)
    let deadlines = form.deadline(today: state.today).map {
      [Deadline(id: "", kind: .applicationCutoff, due: .allDay($0), owner: .posting(""))]
    } ?? []
    let adding = PendingEdit.addPosting(posting, deadlines: deadlines, stage: form.stage)
    if let existing = state.deck.duplicate(of: posting) {
      // The update takes what was typed as a refreshed ad would: non-empty fields replace
      // the stored ones, the cutoff is added when the posting has none.
      let draft = PostingDraft(posting: posting, deadlines: deadlines)
      state.mode = .duplicateQuestion(DuplicateQuestion(
        existingID: existing.id, existingName: state.recordName(of: existing),
        update: .importDraft(draft, at: now, into: .posting(existing.id)),
        addAnyway: adding, newName: "\(posting.company) · \(posting.title)"))
      return []
    }
    state.mode = .browsing
    return performAdding(adding, message: "added \(posting.company) — \(posting.title)")
  }

  /// Adds (or updates) a posting and selects it in the postings table.
  mutating func performAdding(_ edit: PendingEdit, message: String) -> [Effect] {
    let before = state.deck.postings
    let effects = perform(edit, message: message)
    if effects.isEmpty { return effects }
    let target: String?
    if case .importDraft(_, _, .posting(let id)) = edit {
      target = id
    } else {
      target = state.deck.postings.last { !before.contains(id: $0.id) }?.id
    }
    if let target { select(postingID: target) }
    return effects
  }

  mutating func select(postingID id: String) {
    state.view = .postings
    state.filter = ""
    let position = state.deck.postings.index(ofID: id)
    state.postingSelection =
      Renderer(state: state).visiblePostingIndices().firstIndex { $0 == position } ?? 0
  }

  mutating func handleImportPromptKey(_ key: KeyPress) -> [Effect] {
    guard case .importPrompt(var input) = state.mode else { return [] }
    if let effects = handleImportPromptPasteKey(key) { return effects }
    switch key {
    case .escape:
      state.mode = .browsing
      return []
    case .enter:
      let source = input.text.trimmingCharacters(in: .whitespaces)
      // Standard input is the terminal the UI runs on: say how to paste instead.
      if source == "-" {
        state.mode = .importPrompt(TextInput())
        showMessage("to import an ad you copied: " + App.pasteHelp)
        return []
      }
      state.mode = .browsing
      guard !source.isEmpty else { return [] }
      showMessage("importing \(source)…")
      return [.importSource(source)]
    default:
      input.handle(key)
      state.mode = .importPrompt(input)
      return []
    }
  }

  mutating func handleImportPreviewKey(_ key: KeyPress) -> [Effect] {
    guard case .importPreview(let draft) = state.mode else { return [] }
    switch key {
    case .character("y"), .character("Y"), .enter:
      let posting = draft.posting
      // As `jobdeck import`: an ad whose title the user corrected is still recognised, and the
      // update keeps the first posted date and the user's edits.
      if let existingID = state.deck.duplicateID(of: draft)
        ?? Reimport.target(of: draft, in: state.deck, reading: storedAdReading),
        let existing = state.deck.posting(withID: existingID)
      {
        let reimport = Reimport(draft, over: existing, reading: storedAdReading)
        state.mode = .duplicateQuestion(DuplicateQuestion(
          existingID: existingID, existingName: state.recordName(of: existing),
          update: .importDraft(reimport.draft, at: clock.now, into: .posting(existingID)),
          addAnyway: .importDraft(draft, at: clock.now, into: .newPosting),
          updateKeeps: reimport.kept, newName: "\(posting.company) · \(posting.title)"))
        return []
      }
      state.mode = .browsing
      return performAdding(.importDraft(draft, at: clock.now, into: .newPosting),
                           message: "imported \(posting.company) — \(posting.title)")
    case .character("n"), .character("N"), .escape, .character("q"):
      state.mode = .browsing
      showMessage("import cancelled")
      return []
    default:
      return []
    }
  }
}

extension Renderer {
  func drawAddForm(_ form: AddForm, on screen: inout Screen, in area: Area) {
    screen.write("Add a posting", row: area.top, column: 1, style: .heading)
    let labelWidth = 10
    let inputWidth = max(1, min(60, area.width - labelWidth - 3))
    var row = area.top + 2
    var cursor: (Int, Int)?
    for field in AddForm.Field.allCases {
      guard row < area.top + area.height else { break }
      let isFocused = field == form.focus
      screen.write(field.label, row: row, column: 1, width: labelWidth,
                   style: isFocused ? .highlight : .plain)
      let left = labelWidth + 2
      screen.fill(row: row, column: left, width: inputWidth, style: .inputField)
      let fieldCursor = screen.writeField(
        form.values[field] ?? TextInput(), row: row, column: left, width: inputWidth)
      if isFocused { cursor = (row, fieldCursor) }
      row += 1
      if field == .deadline {
        if let message = form.dateMessage(today: state.today) {
          let isHint = message.hasPrefix("keep typing")
          screen.write(message, row: row, column: left, style: isHint ? .dim : .error)
        } else if let date = form.deadline(today: state.today) {
          let days = state.today.days(until: date)
          screen.write("→ \(date) \(UrgencyBadge.relative(daysLeft: days)) (optional)",
                       row: row, column: left, style: .dim)
        } else {
          screen.write("a date (2025-03-03, tomorrow, +10d, fri), optional", row: row,
                       column: left, style: .dim)
        }
        row += 1
      }
      if field == .stage {
        let message = form.stageMessage ?? "blank: posting only; or saved, applied, …"
        screen.write(message, row: row, column: left,
                     style: form.stageMessage != nil && form.stage == nil ? .error : .dim)
        row += 1
      }
    }
    row += 1
    if let error = form.error {
      screen.write(error, row: row, column: 1, style: .error)
      row += 1
    }
    screen.write("Tab/Shift-Tab: fields · Enter on the last field or Ctrl-S: save · Esc: cancel",
                 row: row, column: 1, style: .dim)
    if let cursor { screen.cursor = cursor }
  }

  func drawImportPreview(_ draft: PostingDraft, on screen: inout Screen, in area: Area) {
    var lines: [StyledLine] = []
    func add(_ text: String, _ style: CellStyle = .plain, indent: Int = 0) {
      for line in TerminalText.sanitizedLines(text) {
        for piece in TerminalText.wrapped(line, toWidth: max(1, area.width - indent)) {
          lines.append(StyledLine(text: piece, style: style, indent: indent))
        }
      }
    }
    let posting = draft.posting
    add("Import preview — y or Enter adds it, n or Esc cancels", .heading)
    let fields: [(String, String?)] = [
      ("company", posting.company), ("title", posting.title), ("location", posting.location),
      ("url", posting.url), ("posted", posting.posted?.date.description),
      ("pay", posting.compensation?.text),
      ("type", posting.employmentType?.displayName),
    ]
    for (label, value) in fields {
      guard let value, !value.isEmpty else {
        if label == "company" || label == "title" {
          add(TerminalText.padded(label, toWidth: 10) + "not found in the ad: e edits it once saved",
              .dim, indent: 2)
        }
        continue
      }
      add(TerminalText.padded(label, toWidth: 10) + TerminalText.sanitized(value), indent: 2)
      // Where the importer read it, so a wrong reading is seen before it is saved.
      if let why = draft.explanations[label] {
        add("from “\(TerminalText.sanitized(why.phrase))”", .dim, indent: 4)
      }
    }
    add("Dates found", .heading)
    if draft.deadlines.isEmpty { add("none", .dim, indent: 2) }
    for deadline in draft.deadlines {
      let when: String
      switch deadline.due {
      case .allDay(let date): when = date.description
      case .timed(let instant, let zone):
        when = Renderer.timestamp(instant, in: TimeZone(identifier: zone) ?? state.timeZone)
          + " " + zone
      case .relative(let anchor, let offset): when = "\(offset.spokenDescription) after \(anchor.displayName)"
      }
      let passed = deadline.cutoffPassed(by: state.today).map { " (cutoff passed \($0.dayMonthYear))" }
      add(TerminalText.padded(deadline.kind.displayName, toWidth: 16) + " " + when + (passed ?? ""),
          passed == nil ? .highlight : .dim, indent: 2)
      if let phrase = deadline.phrase { add("from “\(phrase)”", .dim, indent: 4) }
    }
    for open in draft.openDates { add("open date: \(open)", .dim, indent: 2) }
    if !draft.remarks.isEmpty {
      add("Remarks", .heading)
      for remark in draft.remarks { add("• " + remark, indent: 2) }
    }
    if let description = posting.description, !description.isEmpty {
      add("Description", .heading)
      add(description, indent: 2)
    }
    for (index, line) in lines.prefix(area.height).enumerated() {
      screen.write(line.text, row: area.top + index, column: line.indent,
                   width: area.width - line.indent, style: line.style)
    }
  }
}
