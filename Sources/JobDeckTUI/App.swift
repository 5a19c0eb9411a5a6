import Foundation
import JobDeckCore

/// The pure UI: state, `update` and `view`. The terminal layer feeds it actions and performs
/// the effects it returns; nothing here touches the disk or the terminal.
public struct App: TerminalProgram {
  public internal(set) var state: AppState
  let clock: any WallClock

  /// `readOnlyReason` non-nil (a newer schema, a file another process holds) refuses edits and
  /// says why in the status bar.
  public init(deck: Deck, storePath: String, clock: WallClock, readOnlyReason: String?) {
    self.clock = clock
    self.state = AppState(
      deck: deck, storePath: storePath, readOnlyReason: readOnlyReason, now: clock.now,
      timeZone: clock.timeZone)
  }

  public mutating func update(_ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
      return handle(key)
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
    case .importFailed(let message):
      if case .importPreview = state.mode { state.mode = .browsing }
      showError("import failed: \(message)")
      return []
    case .interrupted:
      return quit()
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

  private mutating func handle(_ key: KeyPress) -> [Effect] {
    if case .resize(let size) = key {
      state.size = size
      return []
    }
    switch state.mode {
    case .browsing: break
    case .detail: return handleDetailKey(key)
    case .addForm: return handleFormKey(key)
    case .importPrompt: return handleImportPromptKey(key)
    case .importPreview: return handleImportPreviewKey(key)
    case .stagePicker: return handleStagePickerKey(key)
    case .snoozePrompt: return handleSnoozeKey(key)
    case .help:
      state.mode = .browsing
      return []
    }
    if state.view == .postings, state.isEditingFilter { return handleFilterKey(key) }
    if let effects = handleGlobalKey(key) { return effects }
    switch state.view {
    case .postings: return handlePostingsKey(key)
    case .pipeline: return handlePipelineKey(key)
    case .agenda: return handleAgendaKey(key)
    }
  }

  /// Keys that mean the same in every top view; nil when the key is the view's to handle.
  private mutating func handleGlobalKey(_ key: KeyPress) -> [Effect]? {
    switch key {
    case .character("1"): switchView(to: .postings)
    case .character("2"): switchView(to: .pipeline)
    case .character("3"): switchView(to: .agenda)
    case .tab:
      switchView(to: TopView(rawValue: (state.view.rawValue + 1) % 3) ?? .postings)
    case .backTab:
      switchView(to: TopView(rawValue: (state.view.rawValue + 2) % 3) ?? .postings)
    case .character("?"): state.mode = .help
    case .character("q"): return quit()
    case .character("u"): return undo()
    case .control("r"): return redo()
    case .character("a"):
      guard refuseIfReadOnly() else { return [] }
      state.mode = .addForm(AddForm())
    case .character("i"):
      guard refuseIfReadOnly() else { return [] }
      state.mode = .importPrompt(TextInput())
    default: return nil
    }
    return []
  }

  private mutating func switchView(to view: TopView) {
    state.view = view
    state.message = nil
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
    state.undoStack.append(state.deck)
    if state.undoStack.count > 100 { state.undoStack.removeFirst() }
    state.redoStack = []
    state.deck = deck
    state.pendingEdits.append(edit)
    if let message { showMessage(message) }
    state.saveState = .saving
    return [.save(deck)]
  }

  private mutating func undo() -> [Effect] {
    step(from: \.undoStack, to: \.redoStack, done: "undone", nothingLeft: "nothing to undo")
  }

  private mutating func redo() -> [Effect] {
    step(from: \.redoStack, to: \.undoStack, done: "redone", nothingLeft: "nothing to redo")
  }

  /// One step through the history: the deck on top of `source` becomes current, the current
  /// one goes onto `destination`, and the change is saved and kept as a replayable edit.
  private mutating func step(
    from source: WritableKeyPath<AppState, [Deck]>, to destination: WritableKeyPath<AppState, [Deck]>,
    done: String, nothingLeft: String
  ) -> [Effect] {
    guard refuseIfReadOnly() else { return [] }
    guard let target = state[keyPath: source].popLast() else {
      showMessage(nothingLeft)
      return []
    }
    state[keyPath: destination].append(state.deck)
    state.pendingEdits.append(.restore(before: state.deck, after: target))
    state.deck = target
    showMessage(done)
    clampSelections()
    state.saveState = .saving
    return [.save(target)]
  }

  /// Another process changed the store: take its version and replay this UI's unsaved edits
  /// onto it, so neither change is lost.
  private mutating func adoptDiskVersion(_ disk: Deck) -> [Effect] {
    guard disk != state.deck else { return [] }
    var deck = disk
    // An edit whose record the other process removed no longer applies and is dropped.
    let kept = state.pendingEdits.filter { $0.apply(to: &deck) }
    let replayed = kept.count
    state.pendingEdits = kept
    state.deck = deck
    // Earlier values predate the other process's change; undoing to them would lose it.
    state.undoStack = []
    state.redoStack = []
    clampSelections()
    if replayed > 0 {
      showMessage("store changed on disk: reloaded, \(replayed) unsaved change(s) kept")
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

  /// Keeps selections inside lists that may have shrunk (undo, reload, filter).
  mutating func clampSelections() {
    let postings = Renderer(state: state).visiblePostingCount(upTo: state.postingSelection + 1)
    state.postingSelection = max(0, min(state.postingSelection, postings - 1))
    let agenda = AgendaModel(state: state).count()
    state.agendaSelection = max(0, min(state.agendaSelection, agenda - 1))
    let column = Renderer(state: state).pipelineApplicationIndices(column: state.pipelineColumn)
      .count
    state.pipelineRow = max(0, min(state.pipelineRow, column - 1))
  }
}
