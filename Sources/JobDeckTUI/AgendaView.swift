import Foundation
import JobDeckCore

/// View 3: deadlines by how soon they fall. "Today" follows the latest tick, so the groups
/// roll over when the UI is left open past midnight.
extension App {
  var selectedAgendaEntry: AgendaEntry? {
    AgendaLines(groups: AgendaModel(state: state).grouped()).entry(at: state.agendaSelection)
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
    guard let entry = selectedAgendaEntry else {
      showMessage("no deadline selected")
      return
    }
    guard refuseIfReadOnly() else { return }
    state.mode = .snoozePrompt(deadlineID: entry.id)
  }

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
    let name = selectedAgendaEntry.flatMap { $0.id == id ? $0 : nil }
      .map { "\($0.recordName) \($0.kind.displayName)" } ?? "the deadline"
    let effects = perform(.snooze(deadlineID: id, until: until),
                          message: "Snoozed \(name) to \(until.spokenDay(relativeToYear: state.today.year))")
    clampSelections()
    return effects
  }

}

extension Renderer {
  /// Every shown entry, in the order of the groups on screen (the selection's index space).
  func agendaEntries() -> [AgendaEntry] {
    AgendaModel(state: state).flattened()
  }

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
    let groups = AgendaModel(state: state).grouped()
    if groups.isEmpty {
      let filter = state.filters[.agenda] ?? ""
      screen.write(filter.isEmpty
        ? "No open deadlines. Add one with a posting (a) or import an ad (i)."
        : "No deadline matches '\(filter)'. Esc clears the filter.",
        row: area.top + 1, column: 1, style: .dim)
      return
    }
    // Headings and rows, scrolled so the selected row is visible. Only the lines on screen are
    // laid out: the agenda may hold 100,000 entries.
    let lines = AgendaLines(groups: groups)
    let selectedLine = lines.line(ofEntry: state.agendaSelection) ?? 0
    let columns = Renderer.agendaColumns(width: area.width - 1)
    let offset = max(0, selectedLine - area.height + 1)
    let shown = (offset..<min(lines.count, offset + area.height)).compactMap(lines.line(at:))
    for (position, line) in shown.enumerated() {
      let row = area.top + position
      switch line {
      case .heading(let text):
        screen.write(text, row: row, column: 0, style: .heading)
      case .entry(let entry, let index):
        let isSelected = index == state.agendaSelection
        let style: CellStyle = isSelected ? .selected : .plain
        if isSelected { screen.fill(row: row, style: style) }
        let waiting = "waits for \(entry.pendingOn?.displayName ?? "its anchor")"
        // A cutoff that passed unapplied is missed, not merely late; one still ahead while the
        // application sits in `saved` says so, as it is the one thing to act on.
        let isMissed = entry.flags.contains(.missed)
        let left = isMissed ? "MISSED" : UrgencyBadge.relative(daysLeft: entry.daysLeft)
        // The marker is what to act on: the title gives way to it, never the other way round.
        let marker = entry.flags.contains(.notAppliedYet) && !isMissed ? " (not applied yet)" : ""
        let titleWidth = columns[columns.count - 1].width
        let title = marker.isEmpty ? entry.title
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
            screen.writeTableRow([kind, waiting, entry.company, entry.title], columns: merged,
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

/// The agenda's lines (a heading per group, then its entries) addressed by position, without
/// building them all.
struct AgendaLines {
  enum Line { case heading(String), entry(AgendaEntry, index: Int) }

  let groups: [AgendaGroup]
  /// The line of each group's heading.
  private let headingLines: [Int]
  let count: Int

  init(groups: [AgendaGroup]) {
    self.groups = groups
    var headingLines: [Int] = []
    var line = 0
    for group in groups {
      headingLines.append(line)
      line += 1 + group.entries.count
    }
    self.headingLines = headingLines
    self.count = line
  }

  var entryCount: Int { groups.reduce(0) { $0 + $1.entries.count } }

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
    return nil
  }
}
