import Foundation
import JobDeckCore

/// The pure UI: state, `update` and `view`. The terminal layer feeds it actions and performs
/// the effects it returns; nothing here touches the disk or the terminal.
public struct App: TerminalProgram {
  public internal(set) var state: AppState
  let clock: any WallClock
  /// What the importer reads from a posting's stored ad, so a re-import keeps the user's edits
  /// (`Reimport`); the UI does not link the importer, the app passes its reading in.
  let storedAdReading: Reimport.StoredAdReading

  /// `readOnlyReason` non-nil (a newer schema, a file another process holds) refuses edits and
  /// says why in the status bar.
  /// `keys` is the keymap in force (the config file's rebindings).
  /// `suggestionDays`: the days of silence the environment or config file set.
  public init(deck: Deck, storePath: String, clock: WallClock, readOnlyReason: String?,
              keys: KeyTable = .standard, suggestionDays: SuggestionDays = SuggestionDays(),
              storedAdReading: @escaping Reimport.StoredAdReading = { _ in nil }) {
    self.clock = clock
    self.storedAdReading = storedAdReading
    self.state = AppState(
      deck: deck, storePath: storePath, readOnlyReason: readOnlyReason, now: clock.now,
      timeZone: clock.timeZone)
    state.keys = keys
    state.suggestionDays = suggestionDays
  }

  public mutating func update(_ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
      return handle(key)
    case .paste(let text):
      return handlePaste(text)
    case .clipboardRead(let reading):
      return clipboardRead(reading)
    case .tick(let date):
      state.now = max(state.now, date)
      if case .failed = state.saveState, !state.pendingEdits.isEmpty {
        state.saveState = .saving
        return [.save(state.deck)]
      }
      return []
    case .saveSucceeded(let saved):
      if saved == state.deck {
        state.pendingEdits = []
        state.saveState = .saved
      }
      return []
    case .saveFailed(let message):
      state.saveState = .failed(message)
      return []
    case .storeChangedOnDisk(let disk):
      return adoptDiskVersion(disk)
    case .editorFinished(let purpose, let text):
      return editorFinished(purpose, text: text)
    case .importFinished(let draft):
      state.mode = .importPreview(draft)
      return []
    case .syncFinished(let report):
      state.syncStatus = report.status
      showMessage("Synced: \(report.cameIn) came in, \(report.wentOut) went out")
      return []
    case .syncFailed(let message):
      showError("sync failed: \(message)")
      return []
    case .syncStatusRead(let status):
      state.syncStatus = status
      return []
    case .importFailed(let message):
      if case .importPreview = state.mode { state.mode = .browsing }
      showError("import failed: \(message)")
      return []
    case .interrupted:
      return quit()
    case .mouse(let event):
      return handle(event)
    case .idle:
      return idle()
    case .agendaPrepared(let prepared):
      return agendaPrepared(prepared)
    case .openURLFailed(let url, let message):
      showError("could not open \(url): \(message)")
      return []
    }
  }

  /// Any size renders, even a degenerate one the terminal might report mid-resize.
  public func view(size: TerminalSize) -> Screen {
    Renderer(state: state).render(
      size: TerminalSize(rows: max(0, size.rows), columns: max(0, size.columns)))
  }

  // MARK: - Keys

  /// Modal states (forms, prompts, the palette, the filter line) take keys first; everything
  /// else goes through the keymap.
  private mutating func handle(_ key: KeyPress) -> [Effect] {
    if case .resize(let size) = key {
      state.size = size
      return []
    }
    switch state.mode {
    case .browsing, .detail: break
    case .addForm: return handleFormKey(key)
    case .importPrompt: return handleImportPromptKey(key)
    case .importPaste: return handleImportPasteKey(key)
    case .duplicateQuestion: return handleDuplicateKey(key)
    case .importPreview: return handleImportPreviewKey(key)
    case .stagePicker: return handleStagePickerKey(key)
    case .snoozePrompt: return handleSnoozeKey(key)
    case .help: return handleHelpKey(key)
    case .palette: return handlePaletteKey(key)
    case .fieldForm: return handleFieldFormKey(key)
    case .moveNote: return handleMoveNoteKey(key)
    case .confirmDelete: return handleConfirmDeleteKey(key)
    case .editAgain: return handleEditAgainKey(key)
    case .contacts: return handleContactsKey(key)
    case .offerComparison(let comparison):
      if key == .escape || key == .character("q") || key == .character("=") {
        state.mode = comparison.detail.map(Mode.detail) ?? .browsing
      }
      return []
    }
    if state.isEditingFilter { return handleFilterKey(key) }
    guard let command = state.keys.command(for: key, in: state.keyContext) else { return [] }
    return run(command)
  }

  mutating func switchView(to view: TopView) {
    state.view = view
    state.message = nil
    clampSelection(of: view)
    if view == .pipeline { settleOnAnOccupiedPipelineColumn() }
  }

  /// Opening the pipeline on an empty column would leave `L` with nothing to move: start on the
  /// first stage that holds an application instead.
  private mutating func settleOnAnOccupiedPipelineColumn() {
    let renderer = Renderer(state: state)
    guard renderer.pipelineApplicationIndices(column: state.pipelineColumn).isEmpty,
      let occupied = Stage.active.indices.first(where: {
        !renderer.pipelineApplicationIndices(column: $0).isEmpty
      })
    else { return }
    state.pipelineColumn = occupied
    state.pipelineRow = 0
  }

  mutating func quit() -> [Effect] {
    state.wantsQuit = true
    if !state.pendingEdits.isEmpty, !state.isReadOnly {
      return [.save(state.deck), .quit]
    }
    return [.quit]
  }

  // MARK: - Editing the deck

  /// True when edits are allowed; otherwise says why in the status bar.
  mutating func refuseIfReadOnly() -> Bool {
    guard let reason = state.readOnlyReason else { return true }
    showError("read-only: \(reason)")
    return false
  }

  /// Applies a user edit: remembered for undo and for replay, then saved at once.
  mutating func perform(_ edit: PendingEdit, message: String? = nil) -> [Effect] {
    guard refuseIfReadOnly() else { return [] }
    var deck = state.deck
    guard edit.apply(to: &deck), deck != state.deck else { return [] }
    state.undoStack.append(
      UndoStep(before: state.deck, after: deck, summary: message ?? "the last change"))
    if state.undoStack.count > 100 { state.undoStack.removeFirst() }
    state.redoStack = []
    state.deck = deck
    state.pendingEdits.append(edit)
    if let message { showMessage(message) }
    state.saveState = .saving
    return [.save(deck)]
  }

  mutating func undo() -> [Effect] {
    step(from: \.undoStack, to: \.redoStack, done: "Undid", nothingLeft: "nothing to undo") {
      .restore(before: $0.after, after: $0.before)
    }
  }

  mutating func redo() -> [Effect] {
    step(from: \.redoStack, to: \.undoStack, done: "Redid", nothingLeft: "nothing to redo") {
      .restore(before: $0.before, after: $0.after)
    }
  }

  /// One step through the history: the records the step changed go back (or forward) on the
  /// deck as it is now, so a change another process made meanwhile to other records stays.
  private mutating func step(
    from source: WritableKeyPath<AppState, [UndoStep]>,
    to destination: WritableKeyPath<AppState, [UndoStep]>,
    done: String, nothingLeft: String, edit makeEdit: (UndoStep) -> PendingEdit
  ) -> [Effect] {
    guard refuseIfReadOnly() else { return [] }
    guard let step = state[keyPath: source].popLast() else {
      showMessage(nothingLeft)
      return []
    }
    let edit = makeEdit(step)
    var deck = state.deck
    if case .restore(let from, let to) = edit, deck == from {
      // Nothing changed since the step (the usual case; cheap to see, as the lists are then
      // the step's own unless another process's version was taken meanwhile): its other
      // version is the deck as it was, sharing its records, rather than a copy of every list
      // the step touched.
      deck = to
    } else {
      edit.apply(to: &deck)
    }
    state[keyPath: destination].append(step)
    state.pendingEdits.append(edit)
    state.deck = deck
    showMessage("\(done): \(step.summary)")
    clampSelections()
    keepDetailOnRecordsThatExist()
    state.saveState = .saving
    return [.save(deck)]
  }

  /// Another process changed the store: take its version and replay this UI's unsaved edits
  /// onto it, so neither change is lost. The undo history stays: each step changes only the
  /// records it touched.
  private mutating func adoptDiskVersion(_ disk: Deck) -> [Effect] {
    guard disk != state.deck else { return [] }
    var deck = disk
    // An edit whose record the other process removed no longer applies and is dropped.
    let kept = state.pendingEdits.filter { $0.apply(to: &deck) }
    let replayed = kept.count
    state.pendingEdits = kept
    state.deck = deck
    clampSelections()
    if replayed > 0 {
      showMessage("store changed on disk: reloaded, "
        + Plural.count(replayed, "unsaved change") + " kept")
      state.saveState = .saving
      return [.save(deck)]
    }
    state.pendingEdits = []
    showMessage("store changed on disk: reloaded")
    return []
  }

  private mutating func editorFinished(_ purpose: EditPurpose, text: String?) -> [Effect] {
    switch purpose {
    case .applicationNotes(let id):
      guard let text else {
        showMessage("notes unchanged (editor aborted)")
        return []
      }
      let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
      guard state.deck.application(withID: id)?.notes != trimmed else {
        showMessage("notes unchanged")
        return []
      }
      return perform(
        .notes(applicationID: id, text: trimmed, at: clock.now), message: "notes saved")
    case .recordDocument(let reference, let original):
      return recordDocumentEdited(reference, original: original, text: text)
    case .pastedAd:
      return pastedAdEdited(text)
    }
  }

  mutating func showMessage(_ text: String) {
    state.message = text
    state.messageIsError = false
  }

  mutating func showError(_ text: String) {
    state.message = text
    state.messageIsError = true
  }

  /// An undo in the detail may take away what it shows (an application just applied for):
  /// the detail drops what is gone, and closes when nothing is left.
  private mutating func keepDetailOnRecordsThatExist() {
    guard case .detail(var detail) = state.mode else { return }
    if let id = detail.applicationID, state.deck.application(withID: id) == nil {
      detail.applicationID = nil
    }
    if let id = detail.postingID, state.deck.posting(withID: id) == nil { detail.postingID = nil }
    state.mode = detail.postingID == nil && detail.applicationID == nil ? .browsing : .detail(detail)
  }

  /// Keeps selections inside lists that may have shrunk (undo, reload, filter).
  mutating func clampSelections() { clampSelection(of: state.view) }

  /// Keeps the selection of `view` within its list. Only the view in front is kept in range as
  /// the lists change; another view's selection is brought in range when it is shown
  /// (`switchView`): working out every view's list after each change would make an undo in the
  /// pipeline wait for a large store's whole agenda and postings order.
  mutating func clampSelection(of view: TopView) {
    switch view {
    case .postings:
      let postings = Renderer(state: state).visiblePostingCount(upTo: state.postingSelection + 1)
      state.postingSelection = max(0, min(state.postingSelection, postings - 1))
    case .agenda:
      let agenda = AgendaModel(state: state).count(upTo: state.agendaSelection + 1)
      state.agendaSelection = max(0, min(state.agendaSelection, agenda - 1))
    case .pipeline:
      let column = Renderer(state: state).pipelineApplicationIndices(column: state.pipelineColumn)
        .count
      state.pipelineRow = max(0, min(state.pipelineRow, column - 1))
    case .stats:
      break
    }
  }
}
