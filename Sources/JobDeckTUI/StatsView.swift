import Foundation
import JobDeckCore

/// The Stats view (`4`): the funnel, the answers, applications sent per week and a breakdown,
/// for the applications the view's filter (`/`) matches in the period `p` chooses. The numbers
/// and their wording are Core's (`SearchStatistics`, `StatisticsText`), as `jobdeck stats`
/// prints them.
public enum StatsPeriod: CaseIterable, Sendable {
  case all, last4Weeks, last13Weeks, last52Weeks

  var title: String {
    switch self {
    case .all: return "all"
    case .last4Weeks: return "last 4 weeks"
    case .last13Weeks: return "last 13 weeks"
    case .last52Weeks: return "last 52 weeks"
    }
  }

  /// The period's first day: whole weeks back from today (today included).
  func start(today: CivilDate) -> CivilDate? {
    switch self {
    case .all: return nil
    case .last4Weeks: return today.adding(days: -27)
    case .last13Weeks: return today.adding(days: -90)
    case .last52Weeks: return today.adding(days: -363)
    }
  }
}

extension Renderer {
  /// Side by side from this width on: the summary left, the chart and breakdown right.
  static let statsTwoColumnWidth = 100

  var statistics: SearchStatistics {
    let clock = FixedWallClock(now: state.now, timeZone: state.timeZone)
    let needle = (state.filters[.stats] ?? "").lowercased()
    let deck = state.deck
    let postings = deck.postings
    return SearchStatistics(
      deck: deck, clock: clock, from: state.statsPeriod.start(today: state.today),
      groupedBy: state.statsGrouping,
      including: { application in
        guard !needle.isEmpty else { return true }
        let posting = application.postingID.flatMap { postings[id: $0] }
        let words = [posting?.company ?? application.company ?? "",
                     posting?.title ?? application.title ?? "",
                     application.source?.displayName ?? "", application.method?.displayName ?? ""]
          + (posting?.tags ?? [])
        return words.contains { $0.lowercased().contains(needle) }
      })
  }

  /// The view's lines: one column, or two on a wide terminal (then `right` is not empty).
  func statsColumns(width: Int, height: Int) -> (left: [String], right: [String]) {
    let statistics = self.statistics
    let filter = state.filters[.stats] ?? ""
    let heading = "Applications " + StatisticsText.period(statistics)
      + (filter.isEmpty ? "" : " matching '\(filter)'") + ": \(statistics.applications)"
      + " (p: \(state.statsPeriod.title))"
    let summary = StatisticsText.summary(statistics).dropFirst()
    let twoColumns = width >= Renderer.statsTwoColumnWidth
    let leftWidth = (twoColumns ? width / 2 - 1 : width) - 2
    let rightWidth = twoColumns ? width - width / 2 - 2 : width - 2
    let weeks = twoColumns ? max(4, height - 12) : max(4, min(12, height - 14))
    var chart = ["Sent per week"]
    chart += StatisticsText.weeklyChart(statistics.weeks, width: rightWidth,
                                        unicode: true, maximumWeeks: weeks)
    let breakdown = StatisticsText.breakdown(statistics)
      .map { Screen.truncated($0, toWidth: rightWidth) }
    var left = [heading]
    // Funnel and answers first: on a small screen they are what shows without scrolling.
    let times = summary.drop { !$0.hasPrefix("Times in days") }
    left += summary.prefix { !$0.hasPrefix("Times in days") }
    var right = chart + [""] + breakdown
    if twoColumns {
      left += times
    } else {
      left += right + [""] + times
      right = []
    }
    let wrap = { (lines: [String], width: Int) in
      lines.flatMap { TerminalText.wrapped($0, toWidth: width) }
    }
    return (wrap(left, leftWidth), right)
  }

  func drawStats(on screen: inout Screen, in area: Area) {
    let (left, right) = statsColumns(width: area.width, height: area.height)
    let scroll = min(state.statsScroll, maximumStatsScroll(left: left, right: right, height: area.height))
    let leftWidth = right.isEmpty ? area.width : area.width / 2 - 1
    let headings = ["Funnel", "Answers", "Times in days", "Sent per week", "By "]
    for (offset, line) in left.dropFirst(scroll).prefix(area.height).enumerated() {
      let style: CellStyle = offset + scroll == 0 || headings.contains(where: line.hasPrefix)
        ? .heading : .plain
      screen.write(line, row: area.top + offset, column: 1, width: leftWidth - 1, style: style)
    }
    for (offset, line) in right.dropFirst(scroll).prefix(area.height).enumerated() {
      let style: CellStyle = headings.contains(where: line.hasPrefix) ? .heading : .plain
      screen.write(line, row: area.top + offset, column: leftWidth + 2, style: style)
    }
  }

  func maximumStatsScroll(left: [String], right: [String], height: Int) -> Int {
    max(0, max(left.count, right.count) - height)
  }
}

extension App {
  var maximumStatsScroll: Int {
    let renderer = Renderer(state: state)
    let height = Renderer.contentHeight(rows: state.size.rows)
    let (left, right) = renderer.statsColumns(width: state.size.columns, height: height)
    return renderer.maximumStatsScroll(left: left, right: right, height: height)
  }
}
