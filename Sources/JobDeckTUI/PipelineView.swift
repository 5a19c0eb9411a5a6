import Foundation
import JobDeckCore

/// View 2: applications by stage. Every move goes through `Deck.move`, so it lands in the
/// application's history, and is saved at once.
extension App {
  static let closedColumn = Stage.active.count

  /// `L`/`H`: one stage on or back; a closed application is reopened only through the picker.
  mutating func moveSelectedApplication(forward: Bool) -> [Effect] {
    guard let application = selectedApplication else {
      showMessage("no application selected")
      return []
    }
    guard let target = forward ? application.stage.next : application.stage.previous else {
      showError(application.stage.isClosed
        ? "\(application.stage.displayName) is closed: press m to reopen at a stage"
        : "already at the \(forward ? "last" : "first") stage")
      return []
    }
    return move(application.id, to: target)
  }

  mutating func openStagePicker() {
    guard let application = selectedApplication else {
      showMessage("no application selected")
      return
    }
    guard refuseIfReadOnly() else { return }
    let index = Stage.allCases.firstIndex(of: application.stage) ?? 0
    state.mode = .stagePicker(StagePicker(applicationID: application.id, selection: index))
  }

  mutating func handleStagePickerKey(_ key: KeyPress) -> [Effect] {
    guard case .stagePicker(var picker) = state.mode else { return [] }
    let stages = Stage.allCases
    switch key {
    case .character("j"), .down:
      picker.selection = min(stages.count - 1, picker.selection + 1)
    case .character("k"), .up:
      picker.selection = max(0, picker.selection - 1)
    case .escape, .character("q"):
      state.mode = .browsing
      return []
    case .enter:
      state.mode = .browsing
      return move(picker.applicationID, to: stages[picker.selection])
    default:
      break
    }
    state.mode = .stagePicker(picker)
    return []
  }

  /// Asks for the move's one-line note (Enter with none skips it); the move happens then.
  mutating func move(_ applicationID: String, to stage: Stage) -> [Effect] {
    guard let application = state.deck.application(withID: applicationID) else { return [] }
    if application.stage == stage {
      showMessage("already \(stage.displayName)")
      return []
    }
    guard refuseIfReadOnly() else { return [] }
    state.mode = .moveNote(MoveNote(applicationID: applicationID, stage: stage))
    return []
  }

  mutating func handleMoveNoteKey(_ key: KeyPress) -> [Effect] {
    guard case .moveNote(var prompt) = state.mode else { return [] }
    switch key {
    case .escape:
      state.mode = .browsing
      showMessage("not moved")
      return []
    case .enter:
      state.mode = .browsing
      let note = prompt.input.text.trimmingCharacters(in: .whitespaces)
      return recordMove(prompt.applicationID, to: prompt.stage, note: note.isEmpty ? nil : note)
    default:
      prompt.input.handle(key)
      state.mode = .moveNote(prompt)
      return []
    }
  }

  /// Records the move with the clock's time, then keeps the selection on the moved card.
  private mutating func recordMove(_ applicationID: String, to stage: Stage, note: String?)
    -> [Effect]
  {
    guard let application = state.deck.application(withID: applicationID) else { return [] }
    let from = application.stage
    let effects = perform(
      .move(applicationID: applicationID, to: stage, note: note, at: clock.now),
      message: "Moved \(state.recordName(of: application)) from \(from.displayName) to \(stage.displayName)")
    guard !effects.isEmpty else { return effects }
    if stage.isClosed, !state.showsClosedApplications {
      clampSelections()
      return effects
    }
    state.pipelineColumn = Stage.active.firstIndex(of: stage) ?? App.closedColumn
    let column = Renderer(state: state).pipelineApplicationIndices(column: state.pipelineColumn)
    state.pipelineRow = column.firstIndex { state.deck.applications[$0].id == applicationID } ?? 0
    return effects
  }

  var selectedApplication: Application? {
    let applications = Renderer(state: state).pipelineApplicationIndices(
      column: state.pipelineColumn)
    guard state.pipelineRow >= 0, state.pipelineRow < applications.count else { return nil }
    return state.deck.applications[applications[state.pipelineRow]]
  }
}

extension Renderer {
  /// The applications in a pipeline column; the closed column lists its applications only when
  /// opened with `c`.
  func pipelineApplications(column: Int) -> [Application] {
    pipelineApplicationIndices(column: column).map { state.deck.applications[$0] }
  }

  /// Indices into `state.deck.applications` of a column's cards, in deck order.
  /// Narrowed by the pipeline's `/` filter (company or title).
  func pipelineApplicationIndices(column: Int) -> [Int] {
    let all: [Int]
    if column < Stage.active.count {
      let stage = Stage.active[column]
      all = state.facts { $0.applications(in: stage) }
    } else {
      guard state.showsClosedApplications else { return [] }
      all = state.facts { facts in Stage.closed.flatMap { facts.applications(in: $0) } }
    }
    let needle = (state.filters[.pipeline] ?? "").lowercased()
    guard !needle.isEmpty else { return all }
    return state.facts { facts in
      all.filter { position in
        let application = state.deck.applications[position]
        return facts.company(of: application).containsFilter(needle)
          || facts.title(of: application).containsFilter(needle)
      }
    }
  }

  private func applicationCount(in stage: Stage) -> Int {
    state.facts { $0.applications(in: stage).count }
  }

  /// The cards a column shows now: all of its stage, or the filter's matches.
  private func shownCount(column: Int) -> Int? {
    guard !(state.filters[.pipeline] ?? "").isEmpty else { return nil }
    return pipelineApplicationIndices(column: column).count
  }

  private func columnTitle(_ column: Int) -> String {
    if column < Stage.active.count {
      let stage = Stage.active[column]
      let count = shownCount(column: column).map { "\($0)/" } ?? ""
      return "\(stage.displayName) \(count)\(applicationCount(in: stage))"
    }
    return "closed \(Stage.allCases.filter(\.isClosed).reduce(0) { $0 + applicationCount(in: $1) })"
  }

  /// Side by side from 100 columns (`columnWidth` each), else one stage at a time under a
  /// strip of tabs; cards narrower than 60 columns take two lines.
  func pipelineLayout(width: Int) -> (columnWidth: Int?, linesPerCard: Int) {
    guard width >= 100 else { return (nil, width < 60 ? 2 : 1) }
    let count = App.closedColumn + 1
    let columnWidth = (width - (count - 1)) / count
    return (columnWidth, columnWidth < 60 ? 2 : 1)
  }

  func drawPipeline(on screen: inout Screen, in area: Area) {
    if let width = pipelineLayout(width: area.width).columnWidth {
      drawPipelineColumns(on: &screen, in: area, width: width)
    } else {
      drawPipelineTabs(on: &screen, in: area)
    }
  }

  private func drawPipelineColumns(on screen: inout Screen, in area: Area, width: Int) {
    let count = App.closedColumn + 1
    for column in 0..<count {
      let left = column * (width + 1)
      let isCurrent = column == state.pipelineColumn
      screen.write(columnTitle(column), row: area.top, column: left, width: width,
                   style: isCurrent ? .selected : .heading)
      drawCards(column: column, on: &screen, top: area.top + 1, left: left, width: width,
                height: area.height - 1, showsSelection: isCurrent)
    }
  }

  /// The tab strip of the narrow layout, scrolled so the current stage's tab is on screen:
  /// each visible tab's column index, label and screen columns, and whether tabs are hidden to
  /// the left.
  func pipelineTabStrip(width: Int) -> (hidesLeft: Bool, tabs: [(column: Int, label: String, columns: Range<Int>)]) {
    let labels = (0...App.closedColumn).map { " \(columnTitle($0)) " }
    var first = 0
    func stripWidth(from start: Int) -> Int {
      labels[start...state.pipelineColumn].reduce(0) { $0 + TerminalText.displayWidth(of: $1) }
        + (start > 0 ? 2 : 0)
    }
    while first < state.pipelineColumn, stripWidth(from: first) > width { first += 1 }
    var position = first > 0 ? 2 : 0
    var tabs: [(column: Int, label: String, columns: Range<Int>)] = []
    for index in first..<labels.count where position < width {
      let labelWidth = TerminalText.displayWidth(of: labels[index])
      tabs.append((index, labels[index], position..<min(width, position + labelWidth)))
      position += labelWidth
    }
    return (first > 0, tabs)
  }

  private func drawPipelineTabs(on screen: inout Screen, in area: Area) {
    let strip = pipelineTabStrip(width: area.width)
    if strip.hidesLeft { screen.write("‹ ", row: area.top, column: 0, style: .dim) }
    for tab in strip.tabs {
      let style: CellStyle = tab.column == state.pipelineColumn ? .selected : .heading
      screen.write(tab.label, row: area.top, column: tab.columns.lowerBound, style: style)
    }
    drawCards(column: state.pipelineColumn, on: &screen, top: area.top + 1, left: 0,
              width: area.width, height: area.height - 1, showsSelection: true)
  }

  private func drawCards(column: Int, on screen: inout Screen, top: Int, left: Int, width: Int,
                         height: Int, showsSelection: Bool) {
    guard height > 0, width > 0 else { return }
    if column == App.closedColumn, !state.showsClosedApplications {
      for (index, stage) in Stage.closed.enumerated() where index < height {
        let count = applicationCount(in: stage)
        screen.write("\(stage.displayName): \(count)", row: top + index, column: left,
                     width: width, style: .dim)
      }
      if Stage.closed.count + 1 < height {
        screen.write("c: show", row: top + Stage.closed.count + 1, column: left, width: width,
                     style: .dim)
      }
      return
    }
    let applications = pipelineApplicationIndices(column: column)
    // One calendar for every card instead of one per date.
    let reckoner = DayReckoner(timeZone: state.timeZone)
    let today = reckoner.day(containing: state.now)
    // A narrow column (the side-by-side layout) gives each card two lines, company over
    // title, so neither is cut to nothing.
    let linesPerCard = width < 60 ? 2 : 1
    let cardsShown = max(1, height / linesPerCard)
    let offset = showsSelection ? max(0, state.pipelineRow - cardsShown + 1) : 0
    for (index, position) in applications.enumerated().dropFirst(offset).prefix(cardsShown) {
      let application = state.deck.applications[position]
      let row = top + (index - offset) * linesPerCard
      let isSelected = showsSelection && index == state.pipelineRow
      let style: CellStyle = isSelected ? .selected : .plain
      var (company, title) = state.facts { ($0.company(of: application), $0.title(of: application)) }
      // `M` marked it for `=`: the mark stays in sight while another card is chosen.
      if application.id == state.markedForComparison { company = "= " + company }
      let stageNote = application.stage.isClosed ? " (\(application.stage.displayName))" : ""
      let days = -today.days(until: reckoner.day(containing: application.lastMovedAt))
      if linesPerCard == 1 {
        if isSelected { screen.fill(row: row, column: left, width: width, style: style) }
        let columns = [TableColumn("", width: (width - 12) * 2 / 5),
                       TableColumn("", width: width - 12 - (width - 12) * 2 / 5 - 2),
                       TableColumn("", width: 10, alignRight: true)]
        screen.writeTableRow([company, title + stageNote, "\(days)d here"], columns: columns,
                             row: row, column: left, style: style)
      } else {
        for line in 0..<2 where row + line < top + height {
          if isSelected { screen.fill(row: row + line, column: left, width: width, style: style) }
        }
        screen.write(Screen.truncated(TerminalText.sanitized(company), toWidth: width), row: row,
                     column: left, width: width, style: isSelected ? style : .highlight)
        if row + 1 < top + height {
          let text = Screen.truncated(
            TerminalText.sanitized(" " + title + stageNote), toWidth: width)
          screen.write(text, row: row + 1, column: left, width: width, style: style)
        }
      }
    }
    if applications.isEmpty, column == state.pipelineColumn, height > 0 {
      screen.write("(none)", row: top, column: left, width: width, style: .dim)
    }
  }

  func drawStagePicker(_ picker: StagePicker, on screen: inout Screen, in area: Area) {
    let stages = Stage.allCases
    let name = state.deck.application(withID: picker.applicationID).map(state.recordName(of:))
      ?? ""
    let heading = " Move \(name) to: "
    let width = min(area.width, max(26, TerminalText.displayWidth(of: heading) + 1))
    let height = min(area.height, stages.count + 2)
    let left = max(0, (area.width - width) / 2)
    let top = area.top + max(0, (area.height - height) / 2)
    for row in top..<(top + height) {
      screen.fill(row: row, column: left, width: width, style: .inputField)
    }
    screen.write(Screen.truncated(heading, toWidth: width), row: top, column: left, width: width,
                 style: .heading)
    let visible = max(0, height - 2)
    let offset = max(0, picker.selection - visible + 1)
    for (index, stage) in stages.enumerated().dropFirst(offset).prefix(visible) {
      let label = (stage.isClosed ? "  × " : "  ") + stage.displayName
      screen.write(label, row: top + 1 + index - offset, column: left, width: width,
                   style: index == picker.selection ? .selected : .plain)
    }
  }
}

/// `CivilDate(containing:in:)` with one Calendar for many instants: that initializer builds a
/// Calendar per call, which costs more than the rest of a pipeline card.
struct DayReckoner {
  private let calendar: Calendar

  init(timeZone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  func day(containing instant: Date) -> CivilDate {
    let parts = calendar.dateComponents([.year, .month, .day], from: instant)
    guard let year = parts.year, let month = parts.month, let day = parts.day,
      let date = CivilDate(year: year, month: month, day: day)
    else { return CivilDate(dayNumber: 0) }
    return date
  }
}
