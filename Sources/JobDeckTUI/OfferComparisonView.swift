import Foundation
import JobDeckCore

extension App {
  /// The applications at the offer stage, in deck order (archived ones aside).
  func offerApplications() -> [Application] {
    Renderer(state: state).offerApplications()
  }
}

extension Renderer {
  func offerApplications() -> [Application] {
    state.facts { $0.applications(in: .offer) }.map { state.deck.applications[$0] }
  }

  /// The offers in columns, one row per term, as many columns as fit (at least 24 wide).
  func drawOfferComparison(on screen: inout Screen, in area: Area) {
    let offers = offerApplications()
    let labelWidth = 12
    let columnCount = max(1, min(offers.count, (area.width - labelWidth) / 24))
    let shown = Array(offers.prefix(columnCount))
    let columnWidth = max(1, (area.width - labelWidth) / max(1, shown.count))
    var heading = "Offers side by side"
    if offers.count > shown.count {
      heading += " (\(shown.count) of \(offers.count); widen the terminal for more)"
    }
    screen.write(heading, row: area.top, column: 1, width: area.width - 1, style: .heading)
    let rows: [(String, (Application) -> String)] = [
      ("company", { app in state.facts { $0.company(of: app) } }),
      ("title", { app in state.facts { $0.title(of: app) } }),
      ("salary", { $0.terms.salary.map(SalaryInput.text) ?? "—" }),
      ("start", { $0.terms.startDate?.description ?? "—" }),
      ("contract", { $0.terms.contractType?.displayName ?? "—" }),
      ("probation", { $0.terms.probation?.spokenDescription ?? "—" }),
      ("notice", { $0.terms.noticePeriod?.spokenDescription ?? "—" }),
      ("answer by", { $0.terms.offerResponseBy?.description ?? "—" }),
    ]
    for (index, (label, value)) in rows.enumerated() {
      let row = area.top + 2 + index
      guard row < area.top + area.height else { break }
      screen.write(label, row: row, column: 1, width: labelWidth - 1, style: .dim)
      for (column, application) in shown.enumerated() {
        let text = Screen.truncated(TerminalText.sanitized(value(application)),
                                    toWidth: columnWidth - 1)
        screen.write(text, row: row, column: labelWidth + column * columnWidth,
                     width: columnWidth - 1, style: index < 2 ? .highlight : .plain)
      }
    }
  }
}
