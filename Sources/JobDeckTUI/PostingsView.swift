import Foundation
import JobDeckCore

/// View 1: every posting in a table, sortable and filterable.
extension App {
  mutating func handlePostingsKey(_ key: KeyPress) -> [Effect] {
    let count = Renderer(state: state).visiblePostingIndices().count
    switch key {
    case .character("j"), .down:
      state.postingSelection = min(max(0, count - 1), state.postingSelection + 1)
    case .character("k"), .up:
      state.postingSelection = max(0, state.postingSelection - 1)
    case .home, .character("g"):
      state.postingSelection = 0
    case .end, .character("G"):
      state.postingSelection = max(0, count - 1)
    case .pageDown:
      state.postingSelection = min(max(0, count - 1), state.postingSelection + pageSize)
    case .pageUp:
      state.postingSelection = max(0, state.postingSelection - pageSize)
    case .character("s"):
      let all = PostingSort.allCases
      let index = all.firstIndex(of: state.postingSort) ?? 0
      state.postingSort = all[(index + 1) % all.count]
      showMessage("sorted by \(state.postingSort.title)")
    case .character("/"):
      state.isEditingFilter = true
      state.message = nil
    case .character("n"):
      if count > 0 { state.postingSelection = (state.postingSelection + 1) % count }
    case .character("N"):
      if count > 0 { state.postingSelection = (state.postingSelection + count - 1) % count }
    case .escape:
      state.filter = ""
      state.postingSelection = 0
      state.message = nil
    case .enter:
      guard let posting = selectedPosting else { return [] }
      let applicationID = state.deck.applications(forPosting: posting.id).first?.id
      state.mode = .detail(DetailState(postingID: posting.id, applicationID: applicationID))
    default:
      break
    }
    return []
  }

  /// Typing into the `/` filter: the table narrows with every key.
  mutating func handleFilterKey(_ key: KeyPress) -> [Effect] {
    switch key {
    case .enter:
      state.isEditingFilter = false
    case .escape:
      state.isEditingFilter = false
      state.filter = ""
    case .up, .down:
      state.isEditingFilter = false
      return handlePostingsKey(key)
    default:
      var input = TextInput(state.filter)
      guard input.handle(key) else { return [] }
      state.filter = input.text
    }
    state.postingSelection = 0
    return []
  }

  var selectedPosting: Posting? {
    let visible = Renderer(state: state).visiblePostingIndices()
    guard state.postingSelection >= 0, state.postingSelection < visible.count else { return nil }
    return state.deck.postings[visible[state.postingSelection]]
  }

  /// Rows a page key moves: the table's height at the last known size.
  var pageSize: Int { max(1, state.size.rows - 5) }
}

extension Renderer {
  /// The postings the table shows: filtered by the `/` text, in the chosen order.
  func visiblePostings() -> [Posting] {
    visiblePostingIndices().map { state.deck.postings[$0] }
  }

  /// Indices into `state.deck.postings` of what the table shows, filtered by the `/` text over
  /// title, company, location, tags and description (case-insensitive), in the chosen order.
  /// Cached in the state's `ViewCache` until the deck, the sort, the day or the filter changes.
  func visiblePostingIndices() -> [Int] {
    state.viewCache.cache.visiblePostingIndices(
      deck: state.deck, now: state.now, sort: state.postingSort, filter: state.filter,
      sortedOrder: sortedPostingIndices)
  }

  private func sortedPostingIndices() -> [Int] {
    let postings = state.deck.postings
    let indices = Array(postings.indices)
    switch state.postingSort {
    case .deadline:
      let nearest = AgendaModel(state: state).nearestByPosting()
      let dates = postings.map { nearest[$0.id]?.date }
      return indices.sorted { left, right in
        switch (dates[left], dates[right]) {
        case (let l?, let r?) where l != r: return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        default: return left < right
        }
      }
    case .posted:
      return indices.sorted { left, right in
        // Newest first; postings without a date last.
        switch (postings[left].posted?.date, postings[right].posted?.date) {
        case (let l?, let r?) where l != r: return l > r
        case (.some, nil): return true
        case (nil, .some): return false
        default: return left < right
        }
      }
    case .company:
      let companies = postings.map { $0.company.lowercased() }
      return indices.sorted { left, right in
        if companies[left] != companies[right] { return companies[left] < companies[right] }
        return left < right
      }
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
    let visible = visiblePostingIndices()
    let columns = Renderer.postingColumns(width: area.width)
    screen.writeTableRow(
      columns.map(\.title), columns: columns, row: area.top, style: .heading)
    if visible.isEmpty {
      screen.write("No posting matches '\(state.filter)'. Esc clears the filter.",
                   row: area.top + 2, column: 1, style: .dim)
      return
    }
    let nearestByPosting = AgendaModel(state: state).nearestByPosting()
    let visibleRows = max(1, area.height - 1)
    let offset = max(0, state.postingSelection - visibleRows + 1)
    for index in visible.indices.dropFirst(offset).prefix(visibleRows) {
      let posting = state.deck.postings[visible[index]]
      let row = area.top + 1 + index - offset
      let nearest = nearestByPosting[posting.id]
      let stage = state.viewCache.cache.stage(ofPosting: posting.id, in: state.deck)?
        .displayName ?? "—"
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
