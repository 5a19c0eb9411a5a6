import Foundation
import JobDeckCore

/// View 3: deadlines by how soon they fall. "Today" follows the latest tick, so the groups
/// roll over when the UI is left open past midnight.
extension App {
  var selectedAgendaEntry: AgendaEntry? {
    AgendaLines(groups: AgendaModel(state: state).grouped()).entry(at: state.agendaSelection)
  }

  var selectedSuggestion: Suggestion? {
    AgendaModel(state: state).suggestion(at: state.agendaSelection)
  }

  /// `y`: does what the selected suggestion proposes, as an undoable change.
  mutating func acceptSelectedSuggestion() -> [Effect] {
    guard let suggestion = selectedSuggestion else {
      showMessage("no suggestion selected: they are listed under Suggestions, below the dates")
      return []
    }
    let effects = perform(
      .acceptSuggestion(suggestion, at: clock.now, today: state.today),
      message: "Accepted: \(suggestion.proposal) (\(suggestion.company))")
    clampSelections()
    return effects
  }

  /// `X` or `z` on a suggestion: never ask again, or ask again on `until`.
  mutating func answerSelectedSuggestion(_ answer: SuggestionAnswer.Answer, until: CivilDate? = nil)
    -> [Effect]
  {
    guard let suggestion = selectedSuggestion else { return [] }
    let message = answer == .dismissed ? "Dismissed the suggestion \(suggestion.id)"
      : "Snoozed the suggestion \(suggestion.id) to \(until.map(\.description) ?? "later")"
    let effects = perform(
      .answerSuggestion(id: suggestion.id, answer: answer, until: until), message: message)
    clampSelections()
    return effects
  }

  mutating func markSelectedDeadlineDone() -> [Effect] {
    guard let entry = selectedAgendaEntry else {
      showMessage("no deadline selected")
      return []
    }
    let effects = perform(
      .markDone(deadlineID: entry.id, at: clock.now),
      message: "Done: \(entry.kind.displayName) of \(entry.recordName)")
    clampSelections()
    return effects
  }

  mutating func openSnoozePrompt() {
    if let suggestion = selectedSuggestion {
      guard refuseIfReadOnly() else { return }
      state.mode = .snoozePrompt(deadlineID: Self.suggestionMarker + suggestion.id)
      return
    }
    guard let entry = selectedAgendaEntry else {
      showMessage("no deadline selected")
      return
    }
    guard refuseIfReadOnly() else { return }
    state.mode = .snoozePrompt(deadlineID: entry.id)
  }

  /// Marks a snooze prompt opened over a suggestion rather than a deadline (a deadline id
  /// never starts with a space).
  static let suggestionMarker = " suggestion:"

  mutating func handleSnoozeKey(_ key: KeyPress) -> [Effect] {
    guard case .snoozePrompt(let id) = state.mode else { return [] }
    let days: Int
    switch key {
    case .character("d"): days = 1
    case .character("w"): days = 7
    case .escape, .character("q"):
      state.mode = .browsing
      showMessage("snooze cancelled")
      return []
    default:
      return []
    }
    state.mode = .browsing
    let until = state.today.adding(days: days)
    if id.hasPrefix(Self.suggestionMarker) { return answerSelectedSuggestion(.snoozed, until: until) }
    let name = selectedAgendaEntry.flatMap { $0.id == id ? $0 : nil }
      .map { "\($0.recordName) \($0.kind.displayName)" } ?? "the deadline"
    let effects = perform(.snooze(deadlineID: id, until: until),
                          message: "Snoozed \(name) to \(until.spokenDay(relativeToYear: state.today.year))")
    clampSelections()
    return effects
  }

}

extension Renderer {
  /// Kind, date (with the time of an event), days left, company, title; below 70 columns the
  /// date gives way.
  static func agendaColumns(width: Int) -> [TableColumn] {
    if width >= 70 {
      let flex = max(2, width - 16 - 16 - 9 - 4 * TableColumn.gap)
      let company = flex * 40 / 100
      return [TableColumn("Kind", width: 16), TableColumn("Date", width: 16),
              TableColumn("Left", width: 9, alignRight: true),
              TableColumn("Company", width: company), TableColumn("Title", width: flex - company)]
    }
    let flex = max(2, width - 10 - 7 - 3 * TableColumn.gap)
    let company = flex * 40 / 100
    return [TableColumn("Kind", width: 10), TableColumn("Left", width: 7, alignRight: true),
            TableColumn("Company", width: company), TableColumn("Title", width: flex - company)]
  }

  /// "2025-03-03 18:00": the day, and for a timed event its time in the user's zone.
  static func agendaWhen(_ entry: AgendaEntry, in zone: TimeZone) -> String {
    guard let date = entry.date else { return "" }
    guard let time = entry.time else { return date.description }
    return date.description + " " + time.clockTime(in: zone)
  }

  func drawAgenda(on screen: inout Screen, in area: Area) {
    let model = AgendaModel(state: state)
    let groups = model.grouped()
    if groups.isEmpty && model.suggestions().isEmpty {
      let filter = state.filters[.agenda] ?? ""
      screen.write(filter.isEmpty
        ? "No open deadlines. Add one with a posting (a) or import an ad (i)."
        : "No deadline matches '\(filter)'. Esc clears the filter.",
        row: area.top + 1, column: 1, style: .dim)
      return
    }
    // Headings and rows, scrolled so the selected row is visible. Only the lines on screen are
    // laid out: the agenda may hold 100,000 entries.
    let lines = model.lines(showing: state.agendaSelection, height: area.height)
    let selectedLine = lines.line(ofEntry: state.agendaSelection) ?? 0
    let columns = Renderer.agendaColumns(width: area.width - 1)
    let offset = max(0, selectedLine - area.height + 1)
    let shown = (offset..<min(lines.count, offset + area.height)).compactMap(lines.line(at:))
    for (position, line) in shown.enumerated() {
      let row = area.top + position
      switch line {
      case .heading(let text):
        screen.write(text, row: row, column: 0, style: .heading)
      case .suggestionHeading(let count):
        // The keys that answer a suggestion, as the keymap in force names them.
        let keys = [(AppCommand.acceptSuggestion, "accept"), (.snooze, "snooze"), (.archive, "dismiss")]
          .compactMap { command, word in
            state.keys.binding(for: command).flatMap { $0.keys.isEmpty ? nil : $0.keyLabel + " " + word }
          }
        screen.write("Suggestions (\(count))", row: row, column: 0, style: .heading)
        screen.write(Screen.truncated(keys.joined(separator: " · "), toWidth: max(1, area.width - 20)),
                     row: row, column: 18, style: .dim)
      case .suggestion(let suggestion, let index):
        let isSelected = index == state.agendaSelection
        let style: CellStyle = isSelected ? .selected : .plain
        if isSelected { screen.fill(row: row, style: style) }
        let text = "\(suggestion.company) · \(suggestion.title): \(suggestion.reason): "
          + "\(suggestion.proposal)?"
        screen.write(Screen.truncated(TerminalText.sanitized(text), toWidth: max(1, area.width - 2)),
                     row: row, column: 1, style: style)
      case .entry(let entry, let index):
        let isSelected = index == state.agendaSelection
        let style: CellStyle = isSelected ? .selected : .plain
        if isSelected { screen.fill(row: row, style: style) }
        let waiting = "waits for \(entry.pendingOn?.displayName ?? "its anchor")"
        // A cutoff that passed unapplied is missed, not merely late; one still ahead while the
        // application sits in `saved` says so, as it is the one thing to act on.
        let isMissed = entry.flags.contains(.missed)
        let left = isMissed ? "MISSED"
          : entry.flags.contains(.happened) ? "done?" : UrgencyBadge.relative(daysLeft: entry.daysLeft)
        // The marker is what to act on: the title gives way to it, never the other way round.
        let marker = entry.flags.contains(.notAppliedYet) && !isMissed ? " (not applied yet)" : ""
        let titleWidth = columns[columns.count - 1].width
        // The note follows the title, shortened; the detail (Enter) shows all of it.
        let titleAndNote = entry.event.shortNote(width: 40).map { entry.title + " · " + $0 }
          ?? entry.title
        let title = marker.isEmpty ? titleAndNote
          : Screen.truncated(
            TerminalText.sanitized(entry.title),
            toWidth: max(1, titleWidth - TerminalText.displayWidth(of: marker))) + marker
        let urgency = isSelected ? nil : UrgencyBadge.style(entry.urgency)
        let kind = TerminalText.sanitized(entry.event.title ?? entry.kind.displayName)
        if columns.count == 5 {
          if entry.date == nil {
            // Pending: what it waits for takes the date and days columns together.
            let merged = [columns[0], TableColumn("", width: 16 + 9 + TableColumn.gap),
                          columns[3], columns[4]]
            screen.writeTableRow([kind, waiting, entry.company, titleAndNote], columns: merged,
                                 row: row, column: 1, style: style)
          } else {
            screen.writeTableRow(
              [kind, Renderer.agendaWhen(entry, in: state.timeZone), left, entry.company, title],
              columns: columns, row: row, column: 1, style: style,
              styles: [nil, urgency, urgency])
          }
        } else {
          screen.writeTableRow(
            [kind, entry.date == nil ? "waits" : left, entry.company, title],
            columns: columns, row: row, column: 1, style: style, styles: [nil, urgency])
        }
      }
    }
  }
}

/// The agenda's lines (a heading per group, then its entries; then a "Suggestions" heading and
/// the suggestions) addressed by position, without building them all. Entries are selected by
/// their index in the flattened agenda; suggestions continue the count after the last entry.
struct AgendaLines {
  enum Line {
    case heading(String), entry(AgendaEntry, index: Int)
    case suggestionHeading(count: Int), suggestion(Suggestion, index: Int)
  }

  let groups: [AgendaModel.Group]
  let suggestions: [Suggestion]
  /// The line of each group's heading.
  private let headingLines: [Int]
  /// The line of the "Suggestions" heading (past the groups).
  private let suggestionHeadingLine: Int
  let count: Int
  let entryCount: Int

  init(groups: [AgendaModel.Group], suggestions: [Suggestion] = []) {
    self.groups = groups
    self.suggestions = suggestions
    var headingLines: [Int] = []
    var line = 0
    var entries = 0
    for group in groups {
      headingLines.append(line)
      line += 1 + group.entries.count
      entries += group.entries.count
    }
    self.headingLines = headingLines
    self.suggestionHeadingLine = line
    self.count = line + (suggestions.isEmpty ? 0 : 1 + suggestions.count)
    self.entryCount = entries
  }

  /// The suggestion selected at `index`, past the entries; nil on an entry.
  func suggestion(at index: Int) -> Suggestion? {
    let position = index - entryCount
    return suggestions.indices.contains(position) ? suggestions[position] : nil
  }

  /// Entry `index` of the flattened agenda; nil when there is none.
  func entry(at index: Int) -> AgendaEntry? {
    guard index >= 0 else { return nil }
    var first = 0
    for group in groups {
      if index < first + group.entries.count {
        return group.entries[group.entries.startIndex + index - first]
      }
      first += group.entries.count
    }
    return nil
  }

  /// The line showing entry `index` of the flattened agenda; nil when there is none.
  func line(ofEntry index: Int) -> Int? {
    guard index >= 0 else { return nil }
    if suggestion(at: index) != nil { return suggestionHeadingLine + 1 + index - entryCount }
    var first = 0
    for (group, heading) in zip(groups, headingLines) {
      if index < first + group.entries.count { return heading + 1 + index - first }
      first += group.entries.count
    }
    return nil
  }

  /// Nil past the last line.
  func line(at position: Int) -> Line? {
    var first = 0
    for (group, heading) in zip(groups, headingLines) {
      if position == heading { return .heading("\(group.title) (\(group.entries.count))") }
      let end = heading + 1 + group.entries.count
      if position < end {
        let offset = position - heading - 1
        return .entry(group.entries[group.entries.startIndex + offset], index: first + offset)
      }
      first += group.entries.count
    }
    guard !suggestions.isEmpty, position >= suggestionHeadingLine else { return nil }
    if position == suggestionHeadingLine { return .suggestionHeading(count: suggestions.count) }
    let offset = position - suggestionHeadingLine - 1
    guard suggestions.indices.contains(offset) else { return nil }
    return .suggestion(suggestions[offset], index: entryCount + offset)
  }
}
