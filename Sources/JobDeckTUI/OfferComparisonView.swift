import Foundation
import JobDeckCore

/// `M` marks an application, `=` compares it with the one in focus; with nothing marked, `=`
/// compares every application at the offer stage.
extension App {
  /// The applications at the offer stage, in deck order (archived ones aside).
  func offerApplications() -> [Application] {
    Renderer(state: state).offerApplications()
  }

  /// The key of `command` as the user has it bound, for messages that say what to press.
  private func key(_ command: AppCommand) -> String { Renderer(state: state).keyName(command) }

  mutating func markForComparison() {
    guard let id = applicationInFocus, let application = state.deck.application(withID: id) else {
      showError("no application here to mark: apply first (A)")
      return
    }
    if state.markedForComparison == id {
      state.markedForComparison = nil
      showMessage("Unmarked \(state.recordName(of: application))")
    } else {
      state.markedForComparison = id
      showMessage("Marked \(state.recordName(of: application)) to compare: "
        + "select another application and press \(key(.compareOffers))")
    }
  }

  mutating func compareOffers() {
    var detail: DetailState?
    if case .detail(let shown) = state.mode { detail = shown }
    if let marked = state.markedForComparison, state.deck.application(withID: marked) == nil {
      state.markedForComparison = nil
    }
    if let marked = state.markedForComparison {
      guard let current = applicationInFocus, current != marked else {
        let name = state.deck.application(withID: marked).map(state.recordName(of:)) ?? marked
        showError("\(name) is marked: select another application to compare it with "
          + "(\(key(.markForComparison)) unmarks)")
        return
      }
      state.mode = .offerComparison(OfferComparison(applicationIDs: [marked, current],
                                                    detail: detail))
      return
    }
    let offers = offerApplications()
    guard offers.count >= 2 else {
      showError("comparing needs two applications at the offer stage ("
        + Plural.count(offers.count, "is", plural: "are") + " there), or mark one with "
        + key(.markForComparison))
      return
    }
    state.mode = .offerComparison(OfferComparison(applicationIDs: offers.map(\.id), detail: detail))
  }
}

extension Renderer {
  func offerApplications() -> [Application] {
    state.facts { $0.applications(in: .offer) }.map { state.deck.applications[$0] }
  }

  /// The offers in columns, one row per term, as many columns as fit (at least 24 wide).
  func drawOfferComparison(_ comparison: OfferComparison, on screen: inout Screen,
                           in area: Area) {
    let offers = comparison.applicationIDs.compactMap { state.deck.application(withID: $0) }
    let labelWidth = 14
    let columnCount = max(1, min(offers.count, (area.width - labelWidth) / 24))
    let shown = Array(offers.prefix(columnCount))
    let columnWidth = max(1, (area.width - labelWidth) / max(1, shown.count))
    var heading = "Offers side by side"
    if offers.count > shown.count {
      heading += " (\(shown.count) of \(offers.count); widen the terminal for more)"
    }
    screen.write(heading, row: area.top, column: 1, width: area.width - 1, style: .heading)
    let rows = OfferComparisonRows.rows(shown, in: state.deck)
    for (index, (label, values)) in rows.enumerated() {
      let row = area.top + 2 + index
      guard row < area.top + area.height else { break }
      screen.write(label, row: row, column: 1, width: labelWidth - 1, style: .dim)
      for (column, value) in values.enumerated() {
        let text = Screen.truncated(TerminalText.sanitized(value ?? "—"),
                                    toWidth: columnWidth - 1)
        screen.write(text, row: row, column: labelWidth + column * columnWidth,
                     width: columnWidth - 1, style: index < 2 ? .highlight : .plain)
      }
    }
  }
}
