import Foundation

/// `SearchStatistics` as terminal lines, for `jobdeck stats` and the UI's Stats view alike.
/// Plain text without escapes; the weekly chart uses Unicode block characters, or `#` when the
/// terminal's locale cannot show them.
public enum StatisticsText {
  /// The period, the funnel, the answers and the times.
  public static func summary(_ statistics: SearchStatistics) -> [String] {
    var lines = ["Applications " + period(statistics) + ": \(statistics.applications)"]
    lines.append("")
    lines.append("Funnel (each counts for every stage it reached)")
    for step in statistics.funnel {
      var line = "  " + pad(step.stage.displayName, 10) + leftPad("\(step.count)", 5)
      if let conversion = step.conversion { line += "  " + leftPad(percent(conversion), 4) }
      lines.append(line)
    }
    lines.append("")
    lines.append(answersLine(statistics.answers))
    lines.append("")
    lines.append("Time to first answer: " + durationText(statistics.timeToFirstAnswer,
                                                         finished: "answered"))
    lines.append("Time in stage:")
    for stageTime in statistics.timeInStage where !stageTime.time.isEmpty {
      lines.append("  " + pad(stageTime.stage.displayName, 10)
        + durationText(stageTime.time, finished: "moved on"))
    }
    lines.append("Times: " + SearchStatistics.method + ".")
    return lines
  }

  static func answersLine(_ answers: SearchStatistics.Answers) -> String {
    guard let rate = answers.responseRate, let none = answers.noResponseRate else {
      return "Answers: none sent yet"
    }
    return "Answers: \(answers.answered) of \(answers.sent) sent (\(percent(rate)));"
      + " no answer \(answers.sent - answers.answered) (\(percent(none))):"
      + " \(answers.markedNoResponse) marked no response, \(answers.withdrawn) withdrawn,"
      + " \(answers.waiting) waiting"
  }

  /// "median 6 days, 90th percentile 14 days (5 answered, 2 open)"; a quantile the estimate does
  /// not reach is "more than" the longest time watched.
  public static func durationText(_ duration: SearchStatistics.Duration, finished: String)
    -> String
  {
    guard !duration.isEmpty else { return "no data" }
    let longest = duration.longestObservedDays.map { "more than " + days($0) } ?? "unknown"
    return "median " + (duration.medianDays.map(days) ?? longest)
      + ", 90th percentile " + (duration.percentile90Days.map(days) ?? longest)
      + " (\(duration.finished) \(finished), \(duration.open) open)"
  }

  /// The weekly bar chart: a line per week, the latest `maximumWeeks` weeks.
  public static func weeklyChart(_ weeks: [SearchStatistics.Week], width: Int, unicode: Bool,
                                 maximumWeeks: Int = 26) -> [String]
  {
    let shown = weeks.suffix(max(1, maximumWeeks))
    guard !shown.isEmpty else { return ["  no applications sent in this period"] }
    let peak = shown.map(\.sent).max() ?? 0
    let countWidth = max(1, String(peak).count)
    // "  2026-11-02 " + bar + " " + count
    let barWidth = max(1, width - 2 - 10 - 1 - 1 - countWidth)
    var lines: [String] = []
    if weeks.count > shown.count {
      lines.append("  (the last \(shown.count) of \(weeks.count) weeks)")
    }
    for week in shown {
      let bar = self.bar(week.sent, of: peak, width: barWidth, unicode: unicode)
      lines.append("  \(week.start) " + pad(bar, barWidth) + " " + leftPad("\(week.sent)", countWidth))
    }
    return lines
  }

  /// A bar `value / peak` of `width` cells: eighth blocks (▏ … █) in Unicode, `#` in ASCII.
  static func bar(_ value: Int, of peak: Int, width: Int, unicode: Bool) -> String {
    guard peak > 0, value > 0 else { return "" }
    if !unicode {
      let cells = max(1, Int((Double(value) / Double(peak) * Double(width)).rounded()))
      return String(repeating: "#", count: cells)
    }
    let eighths = max(1, Int((Double(value) / Double(peak) * Double(width * 8)).rounded()))
    let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
  }

  /// The breakdown as a table: one row per group.
  public static func breakdown(_ statistics: SearchStatistics) -> [String] {
    guard let grouping = statistics.grouping else { return [] }
    guard !statistics.groups.isEmpty else { return ["By \(grouping.rawValue): no applications"] }
    let nameWidth = min(24, max(8, statistics.groups.map { TerminalText.displayWidth(of: $0.name) }.max() ?? 8))
    var lines = ["By \(grouping.rawValue):"]
    lines.append("  " + pad(grouping.rawValue, nameWidth) + "  apps  sent  answered  interview  offer  median answer")
    for group in statistics.groups {
      let answered = group.answers.responseRate.map { "\(group.answers.answered) " + leftPad(percent($0), 4) }
        ?? "-"
      let median = group.timeToFirstAnswer.isEmpty ? "-"
        : group.timeToFirstAnswer.medianDays.map(days)
          ?? group.timeToFirstAnswer.longestObservedDays.map { "> " + days($0) } ?? "-"
      lines.append("  " + pad(truncated(group.name, nameWidth), nameWidth)
        + leftPad("\(group.applications)", 6) + leftPad("\(group.answers.sent)", 6)
        + leftPad(answered, 10) + leftPad("\(group.interviews)", 11)
        + leftPad("\(group.offers)", 7) + "  " + median)
    }
    return lines
  }

  public static func period(_ statistics: SearchStatistics) -> String {
    (statistics.from.map(\.description) ?? "(all)") + " – " + statistics.to.description
  }

  public static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

  /// Whole days below 10 are shown with one decimal: "0.5 days", "3.5 days", "12 days".
  public static func days(_ value: Double) -> String {
    let text = value < 10 ? String(format: "%.1f", value) : String(Int(value.rounded()))
    return text + (text == "1.0" ? " day" : " days")
  }

  static func pad(_ text: String, _ width: Int) -> String {
    TerminalText.padded(text, toWidth: width)
  }

  static func leftPad(_ text: String, _ width: Int) -> String {
    let columns = TerminalText.displayWidth(of: text)
    return columns >= width ? text : String(repeating: " ", count: width - columns) + text
  }

  static func truncated(_ text: String, _ width: Int) -> String {
    TerminalText.truncated(text, toWidth: width)
  }
}
