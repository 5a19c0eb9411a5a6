import JobDeckCore

/// A mouse event at a cell of the screen (0-based row and column).
public struct MouseEvent: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case click, wheelUp, wheelDown }

  public var kind: Kind
  public var row: Int
  public var column: Int

  public init(_ kind: Kind, row: Int, column: Int) {
    self.kind = kind
    self.row = row
    self.column = column
  }
}

/// Clicks and the wheel, turned into the keymap's commands: a click on a tab switches view, a
/// click on a row selects it (a second click opens it), the wheel moves by three rows.
extension App {
  static let wheelStep = 3

  mutating func handle(_ event: MouseEvent) -> [Effect] {
    switch state.mode {
    case .help:
      let key: KeyPress = event.kind == .wheelDown ? .down : .up
      guard event.kind != .click else { return [] }
      for _ in 0..<App.wheelStep { _ = handleHelpKey(key) }
      return []
    case .browsing, .detail:
      break
    default:
      return []
    }
    guard !state.isEditingFilter else { return [] }
    switch event.kind {
    case .wheelUp, .wheelDown:
      let command: AppCommand = event.kind == .wheelDown ? .selectNext : .selectPrevious
      var effects: [Effect] = []
      for _ in 0..<App.wheelStep { effects += run(command) }
      return effects
    case .click:
      if event.row == 0 {
        let tabs = Renderer.tabRanges(columns: state.size.columns, keys: state.keys)
        guard let tab = tabs.first(where: { $0.columns.contains(event.column) }) else { return [] }
        state.mode = .browsing
        switchView(to: tab.view)
        return []
      }
      let area = Renderer.contentHeight(rows: state.size.rows)
      guard case .browsing = state.mode, event.row >= 1, event.row <= area else { return [] }
      guard let position = Renderer(state: state).listPosition(atRow: event.row,
                                                               column: event.column)
      else { return [] }
      let context = state.keyContext
      if context == .pipeline, position.row == nil || position.column != state.pipelineColumn {
        state.pipelineColumn = position.column
        state.pipelineRow = position.row ?? 0
        clampSelections()
        return []
      }
      guard let row = position.row else { return [] }
      if row == listSelection(in: context) { return run(.open) }
      setListSelection(row, in: context)
      clampSelections()
      return []
    }
  }
}

extension Renderer {
  /// Which row of the current list (and, in the pipeline, which column) is drawn at a screen
  /// cell; nil for headings and empty space, a nil row for a pipeline tab.
  func listPosition(atRow row: Int, column: Int) -> (row: Int?, column: Int)? {
    let height = Renderer.contentHeight(rows: state.size.rows)
    let top = 1
    switch state.view {
    case .stats:
      return nil
    case .postings:
      let visibleRows = max(1, height - 1)
      let offset = max(0, state.postingSelection - visibleRows + 1)
      let index = offset + row - top - 1
      guard row > top, index < visiblePostingCount(upTo: index + 1) else { return nil }
      return (index, 0)
    case .agenda:
      let lines = AgendaModel(state: state).lines()
      let selectedLine = lines.line(ofEntry: state.agendaSelection) ?? 0
      let offset = max(0, selectedLine - height + 1)
      switch lines.line(at: offset + row - top) {
      case .entry(_, let index), .suggestion(_, let index): return (index, 0)
      case .heading, .suggestionHeading, nil: return nil
      }
    case .pipeline:
      let layout = pipelineLayout(width: state.size.columns)
      if layout.columnWidth == nil, row == top {
        // The narrow layout's tab strip: a click on a stage's tab opens that stage.
        let tab = pipelineTabStrip(width: state.size.columns).tabs.first {
          $0.columns.contains(column)
        }
        return tab.map { (nil, $0.column) }
      }
      let pipelineColumn = layout.columnWidth.map { width in
        min(App.closedColumn, column / (width + 1))
      } ?? state.pipelineColumn
      guard row > top else { return nil }
      let cardsShown = max(1, (height - 1) / layout.linesPerCard)
      let offset = pipelineColumn == state.pipelineColumn
        ? max(0, state.pipelineRow - cardsShown + 1) : 0
      let index = offset + (row - top - 1) / layout.linesPerCard
      guard index < pipelineApplicationIndices(column: pipelineColumn).count else { return nil }
      return (index, pipelineColumn)
    }
  }
}
