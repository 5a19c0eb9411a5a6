import Foundation
import JobDeckCore

/// View 1: every posting in a table, sortable and filterable.
extension App {
  var selectedPosting: Posting? {
    guard state.postingSelection >= 0,
      let index = Renderer(state: state).visiblePostingIndices(
        state.postingSelection..<state.postingSelection + 1).first
    else { return nil }
    return state.deck.postings[index]
  }
}

extension Renderer {
  /// The postings the table shows: filtered by the `/` text, in the chosen order.
  func visiblePostings() -> [Posting] {
    visiblePostingIndices().map { state.deck.postings[$0] }
  }

  /// Indices into `state.deck.postings` of what the table shows, filtered by the `/` text over
  /// title, company, location, tags and description (case-insensitive), in the chosen order.
  /// All of them: with a filter this reads every posting; the table asks for a range instead.
  func visiblePostingIndices() -> [Int] {
    withVisiblePostings { order, scan in
      guard let scan else { return order }
      _ = scan.count
      return scan.matches
    }
  }

  /// The visible postings at positions `range` of the table (fewer at its end).
  func visiblePostingIndices(_ range: Range<Int>) -> [Int] {
    withVisiblePostings { order, scan in
      let list: [Int]
      if let scan {
        scan.extend(toAtLeast: range.upperBound)
        list = scan.matches
      } else {
        list = order
      }
      let clamped = range.clamped(to: 0..<list.count)
      return Array(list[clamped])
    }
  }

  /// `min(visiblePostingIndices().count, limit)`, reading no further than that.
  func visiblePostingCount(upTo limit: Int) -> Int {
    withVisiblePostings { order, scan in
      scan.map { $0.count(upTo: limit) } ?? min(order.count, limit)
    }
  }

  /// The sorted order and, when a filter is typed, its scan, cached per deck, sort and day.
  private func withVisiblePostings<T>(_ body: ([Int], PostingFilterScan?) -> T) -> T {
    state.facts { facts in
      let order = facts.order(state.postingSort, now: state.now, timeZone: state.timeZone)
      let needle = state.filter.lowercased()
      guard !needle.isEmpty else { return body(order, nil) }
      let scan = facts.filterScan(
        needle: needle, sort: state.postingSort, now: state.now, timeZone: state.timeZone)
      return body(order, scan)
    }
  }

  static func postingColumns(width: Int) -> [TableColumn] {
    let badge = TableColumn("Due", width: 9)
    let stage = TableColumn("Stage", width: 11)
    let posted = TableColumn("Posted", width: 11)
    if width >= 80 {
      let flex = width - 9 - 11 - 11 - 5 * TableColumn.gap
      let company = flex * 28 / 100
      let location = flex * 27 / 100
      return [badge, TableColumn("Company", width: company),
              TableColumn("Title", width: flex - company - location),
              TableColumn("Location", width: location), stage, posted]
    }
    if width >= 60 {
      let flex = width - 9 - 11 - 11 - 4 * TableColumn.gap
      let company = flex * 40 / 100
      return [badge, TableColumn("Company", width: company),
              TableColumn("Title", width: flex - company), stage, posted]
    }
    let flex = max(2, width - 9 - 11 - 3 * TableColumn.gap)
    let company = flex * 40 / 100
    return [badge, TableColumn("Company", width: company),
            TableColumn("Title", width: flex - company), stage]
  }

  func drawPostings(on screen: inout Screen, in area: Area) {
    let columns = Renderer.postingColumns(width: area.width)
    screen.writeTableRow(
      columns.map(\.title), columns: columns, row: area.top, style: .heading)
    let visibleRows = max(1, area.height - 1)
    let offset = max(0, state.postingSelection - visibleRows + 1)
    let shownIndices = visiblePostingIndices(offset..<offset + visibleRows)
    if shownIndices.isEmpty, visiblePostingCount(upTo: 1) == 0 {
      screen.write("No posting matches '\(state.filter)'. Esc clears the filter.",
                   row: area.top + 2, column: 1, style: .dim)
      return
    }
    let agenda = AgendaModel(state: state)
    for (position, postingIndex) in shownIndices.enumerated() {
      let index = offset + position
      let posting = state.deck.postings[postingIndex]
      let row = area.top + 1 + index - offset
      let nearest = agenda.nearestEntry(ofPostingAt: postingIndex)
      let stage = state.facts { $0.stage(ofPosting: posting.id) }?.displayName ?? "—"
      let posted = posting.posted.map {
        ($0.precision == .onOrBefore ? "≤" : "") + $0.date.description
      } ?? ""
      let values = [UrgencyBadge.text(for: nearest), posting.company,
                    posting.title, posting.location ?? "", stage, posted]
      let shown = columns.count == 6 ? values : columns.count == 5
        ? [values[0], values[1], values[2], values[4], values[5]]
        : [values[0], values[1], values[2], values[4]]
      let isSelected = index == state.postingSelection
      if isSelected { screen.fill(row: row, style: .selected) }
      screen.writeTableRow(
        shown, columns: columns, row: row, style: isSelected ? .selected : .plain,
        styles: [isSelected ? nil : UrgencyBadge.style(nearest?.urgency)])
    }
  }
}
