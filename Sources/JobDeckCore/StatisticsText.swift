import Foundation

/// `SearchStatistics` as terminal lines, for `jobdeck stats` and the UI's Stats view alike.
/// Plain text without escapes; the weekly chart uses Unicode block characters, or `#` when the
/// terminal's locale cannot show them.
public enum StatisticsText {
  /// The period, the funnel, the answers and the times.
  public static func summary(_ statistics: SearchStatistics) -> [String] {
    var lines = ["Applications " + period(statistics) + ": \(statistics.applications)"
      + " (archived ones included)"]
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
    lines += times(statistics)
    return lines
  }

  /// The times as a table in days: to the first answer, then in each stage. "ended" counts the
  /// answered (or moved on), "open" the censored.
  public static func times(_ statistics: SearchStatistics) -> [String] {
    var lines = ["Times in days        median  90th pct  ended  open"]
    func row(_ label: String, _ duration: SearchStatistics.Duration) -> String {
      "  " + pad(label, 17) + leftPad(quantile(duration.medianDays, duration), 8)
        + leftPad(quantile(duration.percentile90Days, duration), 10)
        + leftPad("\(duration.finished)", 7) + leftPad("\(duration.open)", 6)
    }
    lines.append(row("to first answer", statistics.timeToFirstAnswer))
    for stageTime in statistics.timeInStage where !stageTime.time.isEmpty {
      lines.append(row("in " + stageTime.stage.displayName, stageTime.time))
    }
    lines.append("Method: " + SearchStatistics.method)
    lines.append("\"> N\": not reached yet, N the longest wait so far.")
    return lines
  }

  /// A quantile in days ("9.0", "27"), "> 27" when the estimate does not reach it, "-" for no
  /// data.
  static func quantile(_ value: Double?, _ duration: SearchStatistics.Duration) -> String {
    guard !duration.isEmpty else { return "-" }
    if let value { return number(value) }
    return duration.longestObservedDays.map { "> " + number($0) } ?? "-"
  }

  /// Days below 10 with one decimal, else whole: "0.5", "3.0", "12".
  static func number(_ value: Double) -> String {
    value < 10 ? String(format: "%.1f", value) : String(Int(value.rounded()))
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
    let nameWidth = min(16, max(8, statistics.groups.map { TerminalText.displayWidth(of: $0.name) }.max() ?? 8))
    var lines = ["By \(grouping.rawValue) (answer: median days to the first answer)"]
    lines.append("  " + pad(grouping.rawValue, nameWidth) + " apps sent  answered intv offer  answer")
    for group in statistics.groups {
      let answered = group.answers.responseRate.map { "\(group.answers.answered) " + leftPad(percent($0), 4) }
        ?? "-"
      lines.append("  " + pad(truncated(group.name, nameWidth), nameWidth)
        + leftPad("\(group.applications)", 5) + leftPad("\(group.answers.sent)", 5)
        + leftPad(answered, 10) + leftPad("\(group.interviews)", 5)
        + leftPad("\(group.offers)", 6) + "  "
        + quantile(group.timeToFirstAnswer.medianDays, group.timeToFirstAnswer))
    }
    return lines
  }

  public static func period(_ statistics: SearchStatistics) -> String {
    statistics.from.map { "\($0) – \(statistics.to)" } ?? "up to \(statistics.to)"
  }

  public static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

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
