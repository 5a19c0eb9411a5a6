import Foundation
import JobDeckCore

/// The detail of one posting or application: every field, its deadlines with the phrases they
/// came from, the history as a timeline, notes and the wrapped description.
extension App {
  mutating func editNotes() -> [Effect] {
    guard case .detail(let detail) = state.mode else { return [] }
    guard let id = detail.applicationID, let application = state.deck.application(withID: id)
    else {
      showError("no application for this posting yet: notes belong to an application")
      return []
    }
    guard refuseIfReadOnly() else { return [] }
    return [.editText(application.notes, purpose: .applicationNotes(applicationID: id))]
  }

  mutating func openPostingURL() -> [Effect] {
    guard case .detail(let detail) = state.mode else { return [] }
    let posting = detail.postingID.flatMap { state.deck.posting(withID: $0) }
    guard let posting else {
      showError("this application has no posting, so no URL")
      return []
    }
    guard let url = posting.url, !url.isEmpty else {
      showError("\(state.recordName(of: posting)) has no URL")
      return []
    }
    let link: WebLink
    do {
      link = try WebLink(url)
    } catch {
      showError("not opened: the URL \(error)")
      return []
    }
    showMessage("opening \(TerminalText.sanitized(link.text)) …")
    return [.openURL(link.text)]
  }
}

/// A line of the detail, already fitted to the width.
struct StyledLine: Equatable {
  var text: String
  var style: CellStyle = .plain
  var indent = 0
}

extension Renderer {
  func drawDetail(_ detail: DetailState, on screen: inout Screen, in area: Area) {
    let lines = detailLines(detail, width: area.width)
    let maximum = max(0, lines.count - area.height)
    let scroll = max(0, min(detail.scroll, maximum))
    let needle = (state.filters[.detail] ?? "").lowercased()
    for (index, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
      let isHit = !needle.isEmpty && line.text.lowercased().contains(needle)
      screen.write(line.text, row: area.top + index, column: line.indent,
                   width: area.width - line.indent, style: isHit ? .selected : line.style)
    }
    if maximum > 0 {
      let position = "\(scroll + 1)–\(min(lines.count, scroll + area.height))/\(lines.count)"
      let width = TerminalText.displayWidth(of: position)
      screen.write(position, row: area.top, column: max(0, area.width - width), style: .dim)
    }
  }

  /// Orders the detail's deadlines: by the instant they fall (an all-day date at the start of
  /// its day in the user's zone), those still waiting for another date last.
  private func detailSortKey(_ due: ResolvedDue) -> Double {
    switch due {
    case .day(let day): return day.instant(hour: 0, in: state.timeZone).timeIntervalSince1970
    case .instant(let instant, _): return instant.timeIntervalSince1970
    case .pending: return .infinity
    }
  }

  func detailLines(_ detail: DetailState, width: Int) -> [StyledLine] {
    let deck = state.deck
    // Lookups through the cached index: the deck's own scan 100,000 records per question.
    let index = state.facts(\.index)
    let posting = detail.postingID.flatMap(index.posting(withID:))
    let application = detail.applicationID.flatMap(index.application(withID:))
    var lines: [StyledLine] = []

    func add(_ text: String, _ style: CellStyle = .plain, indent: Int = 0) {
      for line in TerminalText.sanitizedLines(text) {
        for piece in TerminalText.wrapped(line, toWidth: max(1, width - indent)) {
          lines.append(StyledLine(text: piece, style: style, indent: indent))
        }
      }
    }
    func field(_ label: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      add(TerminalText.padded(label, toWidth: 10) + TerminalText.sanitized(value), indent: 2)
    }

    let company = posting?.company
      ?? application.map { app in state.facts { $0.company(of: app) } } ?? ""
    let title = posting?.title ?? application.map { app in state.facts { $0.title(of: app) } } ?? ""
    add("\(company) — \(title)", .heading)
    field("id", posting?.id ?? application?.id)
    if let posting {
      field("location", posting.location)
      field("workplace", posting.workplace?.displayName)
      field("type", posting.employmentType?.displayName)
      field("url", posting.url)
      field("source", posting.source)
      field("posted", posting.posted.map {
        ($0.precision == .onOrBefore ? "on or before " : "") + $0.date.description
      })
      field("pay", posting.compensation?.text)
      field("tags", posting.tags.isEmpty ? nil : posting.tags.joined(separator: ", "))
    }
    if let application {
      field("stage", application.stage.displayName)
      field("found via", application.source?.displayName)
      field("method", application.method?.displayName)
      field("sent to", application.sentTo.map {
        $0.split(whereSeparator: \.isNewline).joined(separator: "; ")
      })
    }

    let clock = AgendaModel(state: state).clock
    var owners: [DeadlineOwner] = []
    if let posting { owners.append(.posting(posting.id)) }
    if let application { owners.append(.application(application.id)) }
    // In date order, timed ones at their instant; those waiting for another date last.
    let deadlines = state.facts { $0.deadlines(ownedBy: owners) }
      .map { ($0, index.resolvedDue(of: $0)) }.enumerated().sorted { left, right in
      let leftKey = detailSortKey(left.element.1), rightKey = detailSortKey(right.element.1)
      return leftKey != rightKey ? leftKey < rightKey : left.offset < right.offset
    }.map(\.element)
    lines.append(StyledLine(text: ""))
    add("Deadlines and events", .heading)
    if deadlines.isEmpty { add("none", .dim, indent: 2) }
    for (deadline, resolved) in deadlines {
      var when: String
      switch resolved {
      case .day(let date):
        when = date.description
      case .instant(let instant, let zone):
        // The time in the user's zone, and in the event's own zone when that differs.
        when = Renderer.timestamp(instant, in: state.timeZone)
        if zone.identifier != state.timeZone.identifier {
          when += " (\(Renderer.timestamp(instant, in: zone)) \(zone.identifier))"
        }
      case .pending(let anchor):
        when = "waits for \(anchor.displayName)"
      }
      var text = TerminalText.padded(TerminalText.sanitized(deadline.displayName), toWidth: 16)
        + " " + when
      let entry = Agenda.entry(for: deadline, in: deck, index: index, clock: clock)
      if deadline.status != .pending {
        text += "  (\(deadline.status.rawValue))"
      } else if let until = deadline.snoozedUntil, until > clock.today {
        text += "  (snoozed until \(until))"
      } else if let entry, entry.date != nil {
        text += "  " + UrgencyBadge.text(for: entry)
      }
      add(text, entry.map { UrgencyBadge.style($0.urgency) } ?? .dim, indent: 2)
      if let phrase = deadline.phrase, !phrase.isEmpty {
        add("“\(phrase)”", .dim, indent: 4)
      }
      let details = [
        deadline.duration.map { "lasts " + $0.spokenDescription },
        deadline.place, deadline.link, deadline.note,
      ].compactMap { $0 }.filter { !$0.isEmpty }
      for detail in details { add(detail, .dim, indent: 4) }
    }

    if let application, application.terms != EmploymentTerms() {
      let terms = application.terms
      lines.append(StyledLine(text: ""))
      add("Offer (\(keyName(.offerTerms)) to change)", .heading)
      field("salary", terms.salary.map { TerminalText.sanitized(SalaryInput.text($0)) })
      field("start", terms.startDate?.description)
      field("contract", terms.contractType?.displayName)
      field("probation", terms.probation?.spokenDescription)
      field("notice", terms.noticePeriod?.spokenDescription)
      field("answer by", terms.offerResponseBy?.description)
    }

    if let application, !application.contacts.isEmpty {
      lines.append(StyledLine(text: ""))
      add("Contacts (\(keyName(.contacts)) to change)", .heading)
      for contact in application.contacts {
        add(contact.summary, indent: 2)
        if let note = contact.note, !note.isEmpty { add(note, .dim, indent: 4) }
      }
    }

    if let application {
      lines.append(StyledLine(text: ""))
      add("History", .heading)
      for change in application.history {
        let from = change.from.map { "\($0.displayName) → " } ?? ""
        var text = Renderer.timestamp(change.at, in: state.timeZone) + "  " + from
          + change.to.displayName
        if let note = change.note, !note.isEmpty { text += " — " + note }
        add(text, indent: 2)
      }
      lines.append(StyledLine(text: ""))
      add("Notes (\(keyName(.editNotes)) to edit)", .heading)
      if application.notes.isEmpty {
        add("none", .dim, indent: 2)
      } else {
        add(application.notes, indent: 2)
      }
    } else if posting != nil {
      lines.append(StyledLine(text: ""))
      add("Not applied yet (no application on file).", .dim)
    }

    if let description = posting?.description, !description.isEmpty {
      lines.append(StyledLine(text: ""))
      add("Description", .heading)
      add(description, indent: 2)
    }
    return lines
  }

  /// `2025-03-03 14:05` in the user's zone.
  static func timestamp(_ date: Date, in timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    let day = CivilDate(containing: date, in: timeZone)
    return "\(day) \(String(format2: parts.hour ?? 0)):\(String(format2: parts.minute ?? 0))"
  }
}

extension String {
  init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}

extension Renderer {
  /// The key that runs `command` now (the user's rebinding, if any), as the help writes it.
  func keyName(_ command: AppCommand) -> String {
    state.keys.binding(for: command)?.keys.first.map(KeyMap.label) ?? command.rawValue
  }
}
