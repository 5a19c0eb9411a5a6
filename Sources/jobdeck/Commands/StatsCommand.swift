import ArgumentParser
import Foundation
import JobDeckCore

struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Where the search stands: funnel, answers, times, applications per week.",
    discussion: """
      An application counts in the period by the day it was sent (else the day it was saved), \
      and in the funnel for every stage it reached. The answer rate counts any reply from the \
      company (a move past applied, or a rejection). Times are Kaplan–Meier estimates: \
      applications still open count as "longer than so far", not as finished and not left \
      out; a median no estimate reaches is shown as "more than" the longest time watched.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var periodOptions: PeriodOptions
  @Option(help: ArgumentHelp("Break the numbers down: source, method, type, tag or month.",
                             valueName: "key"))
  var by: SearchStatistics.Grouping?
  @Flag(help: "The same numbers as JSON.") var json = false

  func run() throws {
    let clock = storeOptions.clock
    let period = try periodOptions.period(today: clock.today)
    let deck = try storeOptions.session.open().deck
    let statistics = SearchStatistics(deck: deck, clock: clock, from: period.from, to: period.to,
                                      groupedBy: by)
    if json {
      sayRendered(try JSONOutput.encode(StatisticsJSON(statistics)))
      return
    }
    var lines = StatisticsText.summary(statistics)
    lines += ["", "Sent per week (weeks start on Monday)"]
    lines += StatisticsText.weeklyChart(statistics.weeks, width: 72,
                                        unicode: TerminalLocale.isUTF8, maximumWeeks: 52)
    let breakdown = StatisticsText.breakdown(statistics)
    if !breakdown.isEmpty { lines += [""] + breakdown }
    say(lines.joined(separator: "\n"))
  }
}

extension SearchStatistics.Grouping: ExpressibleByArgument {}

/// `--from` and `--to` of `stats` and `report`: dates as every command reads them, in order.
struct PeriodOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: ArgumentHelp("The first day of the period.", valueName: "date"))
  var from: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("The last day of the period (default: today).",
                                                      valueName: "date"))
  var to: String?

  func period(today: CivilDate) throws -> (from: CivilDate?, to: CivilDate?) {
    let start = try from.map { try OptionValue.date($0, option: "--from", today: today) }
    let end = try to.map { try OptionValue.date($0, option: "--to", today: today) }
    if let start, let end, start > end {
      throw CommandFailure.usage("--from \(start) is after --to \(end): the period would be empty")
    }
    return (start, end)
  }
}

/// Whether the terminal's locale shows UTF-8 (block characters); else the chart is ASCII. The
/// first of LC_ALL, LC_CTYPE, LANG that is set decides, as the C library does.
enum TerminalLocale {
  static var isUTF8: Bool {
    let environment = ProcessInfo.processInfo.environment
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }
      .first { !$0.isEmpty } ?? ""
    let lowered = locale.lowercased()
    return lowered.contains("utf-8") || lowered.contains("utf8")
  }
}

/// The JSON of `stats --json`: days as numbers, rates as fractions (0–1), null where there is
/// nothing to divide or the estimate does not reach a quantile.
struct StatisticsJSON: Encodable {
  let statistics: SearchStatistics

  init(_ statistics: SearchStatistics) { self.statistics = statistics }

  private enum Keys: String, CodingKey {
    case from, to, applications, funnel, answers, timeToFirstAnswer, timeInStage, weeks, by,
      groups, method
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(statistics.from?.description, forKey: .from)
    try container.encode(statistics.to.description, forKey: .to)
    try container.encode(statistics.applications, forKey: .applications)
    try container.encode(statistics.funnel.map(FunnelJSON.init), forKey: .funnel)
    try container.encode(AnswersJSON(statistics.answers), forKey: .answers)
    try container.encode(DurationJSON(statistics.timeToFirstAnswer), forKey: .timeToFirstAnswer)
    try container.encode(
      Dictionary(uniqueKeysWithValues: statistics.timeInStage.map {
        ($0.stage.rawValue, DurationJSON($0.time))
      }), forKey: .timeInStage)
    try container.encode(statistics.weeks.map(WeekJSON.init), forKey: .weeks)
    try container.encode(statistics.grouping?.rawValue, forKey: .by)
    try container.encode(statistics.groups.map(GroupJSON.init), forKey: .groups)
    try container.encode("kaplan-meier", forKey: .method)
  }

  struct FunnelJSON: Encodable {
    let stage: String
    let count: Int
    let conversion: Double?
    init(_ step: SearchStatistics.FunnelStep) {
      stage = step.stage.rawValue
      count = step.count
      conversion = step.conversion
    }
    private enum CodingKeys: String, CodingKey { case stage, count, conversion }
    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(stage, forKey: .stage)
      try container.encode(count, forKey: .count)
      try container.encode(conversion, forKey: .conversion)
    }
  }

  struct AnswersJSON: Encodable {
    let answers: SearchStatistics.Answers
    init(_ answers: SearchStatistics.Answers) { self.answers = answers }
    private enum CodingKeys: String, CodingKey {
      case sent, answered, markedNoResponse, withdrawn, waiting, responseRate, noResponseRate
    }
    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(answers.sent, forKey: .sent)
      try container.encode(answers.answered, forKey: .answered)
      try container.encode(answers.markedNoResponse, forKey: .markedNoResponse)
      try container.encode(answers.withdrawn, forKey: .withdrawn)
      try container.encode(answers.waiting, forKey: .waiting)
      try container.encode(answers.responseRate, forKey: .responseRate)
      try container.encode(answers.noResponseRate, forKey: .noResponseRate)
    }
  }

  struct DurationJSON: Encodable {
    let duration: SearchStatistics.Duration
    init(_ duration: SearchStatistics.Duration) { self.duration = duration }
    private enum CodingKeys: String, CodingKey {
      case finished, open, medianDays, percentile90Days, longestObservedDays
    }
    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(duration.finished, forKey: .finished)
      try container.encode(duration.open, forKey: .open)
      try container.encode(duration.medianDays, forKey: .medianDays)
      try container.encode(duration.percentile90Days, forKey: .percentile90Days)
      try container.encode(duration.longestObservedDays, forKey: .longestObservedDays)
    }
  }

  struct WeekJSON: Encodable {
    let start: String
    let sent: Int
    init(_ week: SearchStatistics.Week) {
      start = week.start.description
      sent = week.sent
    }
  }

  struct GroupJSON: Encodable {
    let name: String
    let applications: Int
    let answers: AnswersJSON
    let interviews: Int
    let offers: Int
    let timeToFirstAnswer: DurationJSON
    init(_ group: SearchStatistics.Group) {
      name = group.name
      applications = group.applications
      answers = AnswersJSON(group.answers)
      interviews = group.interviews
      offers = group.offers
      timeToFirstAnswer = DurationJSON(group.timeToFirstAnswer)
    }
  }
}
