import Foundation
import JobDeckCore

/// What each command of the keymap does. Keys and the palette both end here, so a command
/// behaves the same whichever way it was asked for.
extension App {
  mutating func run(_ command: AppCommand) -> [Effect] {
    let context = state.keyContext
    switch command {
    case .showPostings: switchView(to: .postings)
    case .showPipeline: switchView(to: .pipeline)
    case .showAgenda: switchView(to: .agenda)
    case .showStats: switchView(to: .stats)
    case .nextView:
      let count = TopView.allCases.count
      switchView(to: TopView(rawValue: (state.view.rawValue + 1) % count) ?? .postings)
    case .previousView:
      let count = TopView.allCases.count
      switchView(to: TopView(rawValue: (state.view.rawValue + count - 1) % count) ?? .postings)
    case .help:
      state.helpScroll = 0
      if case .detail(let detail) = state.mode { state.detailUnderHelp = detail }
      state.mode = .help
    case .palette:
      var palette = CommandPalette()
      if case .detail(let detail) = state.mode { palette.detail = detail }
      state.mode = .palette(palette)
    case .undo: return undo()
    case .redo: return redo()
    case .addPosting:
      guard refuseIfReadOnly() else { return [] }
      state.mode = .addForm(AddForm())
    case .importPosting:
      guard refuseIfReadOnly() else { return [] }
      state.mode = .importPrompt(TextInput())
    case .sync:
      guard refuseIfReadOnly() else { return [] }
      showMessage("syncing…")
      return state.pendingEdits.isEmpty ? [.sync] : [.save(state.deck), .sync]
    case .quit: return quit()
    case .selectNext: moveSelection(by: 1, in: context)
    case .selectPrevious: moveSelection(by: -1, in: context)
    case .selectFirst: moveSelection(to: 0, in: context)
    case .selectLast: moveSelection(to: .max, in: context)
    case .pageDown: moveSelection(by: pageSize(in: context), in: context)
    case .pageUp: moveSelection(by: -pageSize(in: context), in: context)
    case .open: openDetail(in: context)
    case .filter:
      state.isEditingFilter = true
      state.message = nil
    case .nextMatch: return nextMatch(forward: true, in: context)
    case .previousMatch: return nextMatch(forward: false, in: context)
    case .clearFilter:
      state.filters[context] = nil
      state.message = nil
      resetSelection(in: context)
    case .cycleSort:
      let all = PostingSort.allCases
      let index = all.firstIndex(of: state.postingSort) ?? 0
      state.postingSort = all[(index + 1) % all.count]
      showMessage("sorted by \(state.postingSort.title)")
    case .previousColumn:
      state.pipelineColumn = max(0, state.pipelineColumn - 1)
      clampSelections()
    case .nextColumn:
      state.pipelineColumn = min(App.closedColumn, state.pipelineColumn + 1)
      clampSelections()
    case .moveToNextStage: return moveSelectedApplication(forward: true)
    case .moveToPreviousStage: return moveSelectedApplication(forward: false)
    case .pickStage: openStagePicker()
    case .toggleClosed:
      state.showsClosedApplications.toggle()
      if state.showsClosedApplications { state.pipelineColumn = App.closedColumn }
      clampSelections()
    case .markDone: return markSelectedDeadlineDone()
    case .snooze: openSnoozePrompt()
    case .acceptSuggestion: return acceptSelectedSuggestion()
    case .back:
      state.mode = .browsing
      state.filters[.detail] = nil
    case .editNotes: return editNotes()
    case .openURL: return openPostingURL()
    case .apply: openApplyForm()
    case .addEvent: openNewEventForm()
    case .editEvent: openEventEditor()
    case .delete: askToDelete()
    case .archive:
      if context == .agenda, selectedSuggestion != nil {
        return answerSelectedSuggestion(.dismissed)
      }
      return toggleArchived()
    case .showArchived: toggleShowsArchived()
    case .editRecord: return editRecordDocument()
    case .editFields: openRecordFieldForm()
    case .contacts: openContacts()
    case .offerTerms: openOfferTermsForm()
    case .cycleBreakdown:
      let all = SearchStatistics.Grouping.allCases
      let index = all.firstIndex(of: state.statsGrouping) ?? 0
      state.statsGrouping = all[(index + 1) % all.count]
      showMessage("broken down by \(state.statsGrouping.rawValue)")
    case .cyclePeriod:
      let all = StatsPeriod.allCases
      let index = all.firstIndex(of: state.statsPeriod) ?? 0
      state.statsPeriod = all[(index + 1) % all.count]
      state.statsScroll = 0
      showMessage("period: \(state.statsPeriod.title)")
    case .compareOffers: compareOffers()
    case .markForComparison: markForComparison()
    }
    return []
  }

  /// Runs a command chosen in the palette where it acts: the detail is left for a command of
  /// the lists, and the view changes for a command of another view.
  mutating func runFromPalette(_ command: AppCommand) -> [Effect] {
    guard let binding = state.keys.binding(for: command) else { return [] }
    if binding.contexts.contains(state.keyContext) { return run(command) }
    let views: [(context: KeyContext, view: TopView)] = [
      (.postings, .postings), (.pipeline, .pipeline), (.agenda, .agenda), (.stats, .stats),
    ]
    guard let target = views.first(where: { $0.view == state.view && binding.contexts.contains($0.context) })
      ?? views.first(where: { binding.contexts.contains($0.context) })
    else {
      showError("“\(binding.summary)” works in the detail: open a record with Enter first")
      return []
    }
    state.mode = .browsing
    state.filters[.detail] = nil
    if target.view != state.view { switchView(to: target.view) }
    return run(command)
  }

  // MARK: - Selection

  private mutating func moveSelection(by delta: Int, in context: KeyContext) {
    switch context {
    case .postings:
      let target = max(0, state.postingSelection + delta)
      let count = Renderer(state: state).visiblePostingCount(upTo: target + 1)
      state.postingSelection = max(0, min(target, count - 1))
    case .pipeline:
      let count = Renderer(state: state).pipelineApplicationIndices(column: state.pipelineColumn)
        .count
      state.pipelineRow = max(0, min(state.pipelineRow + delta, count - 1))
    case .agenda:
      let target = state.agendaSelection + delta
      let count = AgendaModel(state: state).count(upTo: max(0, target) + 1)
      state.agendaSelection = max(0, min(target, count - 1))
    case .stats:
      state.statsScroll = max(0, min(state.statsScroll + delta, maximumStatsScroll))
    case .detail:
      guard case .detail(var detail) = state.mode else { return }
      detail.scroll = max(0, min(detail.scroll + delta, maximumDetailScroll(detail)))
      state.mode = .detail(detail)
    }
  }

  /// `.max` is the last row.
  private mutating func moveSelection(to position: Int, in context: KeyContext) {
    switch context {
    case .postings, .pipeline, .agenda:
      // Counting the matches of a filter may mean reading every description: ask only as far
      // as the target.
      let count = context == .postings
        ? Renderer(state: state).visiblePostingCount(upTo: position == .max ? .max : position + 1)
        : listCount(in: context)
      setListSelection(max(0, min(position, count - 1)), in: context)
    case .stats:
      state.statsScroll = position == .max ? maximumStatsScroll : max(0, position)
    case .detail:
      guard case .detail(var detail) = state.mode else { return }
      detail.scroll = position == .max ? maximumDetailScroll(detail) : max(0, position)
      state.mode = .detail(detail)
    }
  }

  mutating func resetSelection(in context: KeyContext) {
    switch context {
    case .postings: state.postingSelection = 0
    case .pipeline: state.pipelineRow = 0
    case .agenda: state.agendaSelection = 0
    case .stats: state.statsScroll = 0
    case .detail: break
    }
  }

  /// `n`/`N`: in a list, the next row (round the end), which with a filter is the next match;
  /// in the detail, the next line holding the search text.
  private mutating func nextMatch(forward: Bool, in context: KeyContext) -> [Effect] {
    switch context {
    case .postings, .pipeline, .agenda:
      let count = listCount(in: context)
      guard count > 0 else { return [] }
      let current = listSelection(in: context)
      setListSelection((current + (forward ? 1 : count - 1)) % count, in: context)
    case .stats:
      break
    case .detail:
      guard case .detail(var detail) = state.mode else { return [] }
      let needle = (state.filters[.detail] ?? "").lowercased()
      guard !needle.isEmpty else {
        showMessage("press / to search the text")
        return []
      }
      let lines = Renderer(state: state).detailLines(detail, width: state.size.columns)
      let hits = lines.indices.filter { lines[$0].text.lowercased().contains(needle) }
      let next = forward
        ? hits.first { $0 > detail.scroll } ?? hits.first
        : hits.last { $0 < detail.scroll } ?? hits.last
      guard let next else {
        showError("“\(state.filters[.detail] ?? "")” is not in this record")
        return []
      }
      detail.scroll = min(next, maximumDetailScroll(detail))
      state.mode = .detail(detail)
    }
    return []
  }

  func listCount(in context: KeyContext) -> Int {
    switch context {
    case .postings: return Renderer(state: state).visiblePostingCount(upTo: .max)
    case .pipeline:
      return Renderer(state: state).pipelineApplicationIndices(column: state.pipelineColumn).count
    case .agenda: return AgendaModel(state: state).count()
    case .stats, .detail: return 0
    }
  }

  func listSelection(in context: KeyContext) -> Int {
    switch context {
    case .postings: return state.postingSelection
    case .pipeline: return state.pipelineRow
    case .agenda: return state.agendaSelection
    case .stats, .detail: return 0
    }
  }

  mutating func setListSelection(_ position: Int, in context: KeyContext) {
    switch context {
    case .postings: state.postingSelection = position
    case .pipeline: state.pipelineRow = position
    case .agenda: state.agendaSelection = position
    case .stats, .detail: break
    }
  }

  private mutating func openDetail(in context: KeyContext) {
    switch context {
    case .postings:
      guard let posting = selectedPosting else { return }
      let applicationID = state.facts { $0.index.applications(forPosting: posting.id).first?.id }
      state.mode = .detail(DetailState(postingID: posting.id, applicationID: applicationID))
    case .pipeline:
      guard let application = selectedApplication else { return }
      state.mode = .detail(
        DetailState(postingID: application.postingID, applicationID: application.id))
    case .agenda:
      guard let entry = selectedAgendaEntry else { return }
      state.mode = .detail(AgendaModel(state: state).target(of: entry.owner))
    case .stats, .detail:
      return
    }
    state.filters[.detail] = nil
  }

  /// The detail's last useful scroll position at the current size.
  func maximumDetailScroll(_ detail: DetailState) -> Int {
    let lineCount = Renderer(state: state).detailLines(detail, width: state.size.columns).count
    return max(0, lineCount - Renderer.contentHeight(rows: state.size.rows))
  }

  /// Rows a page key moves: one less than a screenful (a list's heading row aside), so the
  /// last row seen stays in view.
  func pageSize(in context: KeyContext) -> Int {
    let height = Renderer.contentHeight(rows: state.size.rows)
    return max(1, context == .detail ? height - 1 : height - 2)
  }
}
