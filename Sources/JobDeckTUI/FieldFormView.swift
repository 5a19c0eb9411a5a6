import Foundation
import JobDeckCore

extension Renderer {
  /// A field form: one row per field with its help under the focused one, the mistake that
  /// stopped the last save, and the keys.
  func drawFieldForm(_ form: FieldForm, on screen: inout Screen, in area: Area) {
    screen.write(TerminalText.sanitized(form.heading), row: area.top, column: 1,
                 width: area.width - 1, style: .heading)
    let labelWidth = form.fields.map { TerminalText.displayWidth(of: $0.label) }.max() ?? 8
    let left = labelWidth + 3
    let inputWidth = max(1, min(60, area.width - left - 1))
    let bottom = area.top + area.height
    // The error and the keys line stay in view; the fields scroll to keep the focus shown.
    // The mistake wraps (it names the field and the allowed range, which must be read whole).
    let errorLines = form.error.map {
      Array(TerminalText.wrapped(TerminalText.sanitized($0), toWidth: max(1, area.width - 2))
        .prefix(3))
    } ?? []
    let footer = 1 + errorLines.count
    let rowsForFields = max(1, area.height - 2 - footer)
    let firstField = max(0, min(form.focus - (rowsForFields - 2), form.fields.count - rowsForFields))
    var row = area.top + 2
    var cursor: (Int, Int)?
    for (index, field) in form.fields.enumerated().dropFirst(firstField) {
      guard row < bottom - footer else { break }
      let isFocused = index == form.focus
      screen.write(field.label, row: row, column: 1, width: labelWidth,
                   style: isFocused ? .highlight : .plain)
      screen.fill(row: row, column: left, width: inputWidth, style: .inputField)
      let fieldCursor = screen.writeField(field.input, row: row, column: left, width: inputWidth)
      if isFocused { cursor = (row, fieldCursor) }
      row += 1
      if isFocused, row < bottom - footer {
        screen.write(field.help, row: row, column: left, width: area.width - left, style: .dim)
        row += 1
      }
    }
    var footerRow = min(row + 1, bottom - footer)
    for line in errorLines {
      screen.write(line, row: footerRow, column: 1, width: area.width - 1, style: .error)
      footerRow += 1
    }
    var keys = "Enter on the last field or Ctrl-S saves · Esc cancels"
    if case .editFields(let reference) = form.purpose {
      let longText: String
      if case .application = reference { longText = "notes" } else { longText = "description" }
      keys = "Ctrl-S saves · Ctrl-E: save, then \(longText) in $EDITOR · Esc cancels"
    }
    screen.write(keys,
                 row: footerRow, column: 1, width: area.width - 1, style: .dim)
    if let cursor { screen.cursor = cursor }
  }

  /// "Tue 24 Nov 14:00" in the user's zone (with the event's own zone when it differs), or
  /// the day of an all-day date.
  static func dueText(_ due: DeadlineDue, in zone: TimeZone) -> String {
    switch due {
    case .allDay(let day): return day.spokenDay()
    case .timed(let instant, let zoneName):
      let own = TimeZone(identifier: zoneName) ?? zone
      var text = CivilDate(containing: instant, in: zone).spokenDay() + " "
        + instant.clockTime(in: zone)
      if own.identifier != zone.identifier {
        text += " (\(instant.clockTime(in: own)) \(own.identifier))"
      }
      return text
    case .relative(let anchor, let offset):
      return "\(offset.spokenDescription) after \(anchor.displayName)"
    }
  }
}
