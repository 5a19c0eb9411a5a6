import Foundation

/// Where a search stands, computed from the deck and a clock alone: the funnel, how many
/// companies answered and how fast, how long applications sit in each stage, applications sent
/// per week, and the same broken down by source, method, type, tag or month.
///
/// Which applications count: those whose day (`ApplicationTimeline.day`: the day sent, else the
/// day saved) lies in the period. Times are estimated with Kaplan–Meier (`SurvivalEstimate`):
/// applications still open are censored, not left out and not counted as finished.
public struct SearchStatistics: Hashable, Sendable {
  /// What to break the numbers down by (`--by`).
  public enum Grouping: String, CaseIterable, Sendable {
    case source, method, type, tag, month
  }

  public struct FunnelStep: Hashable, Sendable {
    public var stage: Stage
    public var count: Int
    /// The share of the previous step that got here; nil for the first step or after zero.
    public var conversion: Double?
  }

  public struct Answers: Hashable, Sendable {
    /// Applications sent (reached `applied` or beyond).
    public var sent: Int
    /// Of those, the ones the company answered (a move past `applied`, or a rejection).
    public var answered: Int
    /// Sent, no answer, and marked "no response".
    public var markedNoResponse: Int
    /// Sent, no answer, withdrawn by the person.
    public var withdrawn: Int
    /// Sent, no answer yet, still open.
    public var waiting: Int

    public var responseRate: Double? { sent == 0 ? nil : Double(answered) / Double(sent) }
    public var noResponseRate: Double? {
      sent == 0 ? nil : Double(sent - answered) / Double(sent)
    }
  }

  /// A time in days, from a Kaplan–Meier estimate.
  public struct Duration: Hashable, Sendable {
    public var finished: Int
    public var open: Int
    /// Nil when too many are still open for the estimate to reach one half.
    public var medianDays: Double?
    public var percentile90Days: Double?
    /// The longest any was watched: "more than X days" when a quantile is not reached.
    public var longestObservedDays: Double?

    init(_ observations: [SurvivalEstimate.Observation]) {
      let estimate = SurvivalEstimate(observations)
      finished = estimate.finished
      open = estimate.open
      medianDays = estimate.quantile(0.5)
      percentile90Days = estimate.quantile(0.9)
      longestObservedDays = estimate.longestObserved
    }

    public var isEmpty: Bool { finished + open == 0 }
  }

  public struct StageTime: Hashable, Sendable {
    public var stage: Stage
    public var time: Duration
  }

  public struct Week: Hashable, Sendable {
    /// The Monday the week starts on.
    public var start: CivilDate
    public var sent: Int

    public init(start: CivilDate, sent: Int) {
      self.start = start
      self.sent = sent
    }
  }

  public struct Group: Hashable, Sendable {
    public var name: String
    public var applications: Int
    public var answers: Answers
    public var interviews: Int
    public var offers: Int
    public var timeToFirstAnswer: Duration
  }

  /// The estimator the times come from, named in every output.
  public static let method = "Kaplan–Meier (open applications are censored)"

  /// The period as asked; `from` nil: from the first application on file.
  public var from: CivilDate?
  public var to: CivilDate
  public var applications: Int
  public var funnel: [FunnelStep]
  public var answers: Answers
  public var timeToFirstAnswer: Duration
  public var timeInStage: [StageTime]
  public var weeks: [Week]
  public var grouping: Grouping?
  public var groups: [Group]

  /// The funnel's steps, in order.
  public static let funnelStages: [Stage] = Stage.active
  /// Stages whose stays are timed (`accepted` is where a search ends).
  public static let timedStages: [Stage] = [.saved, .applied, .screening, .interview, .offer]

  /// - Parameters:
  ///   - from, to: the period, both days included; `to` nil: today.
  ///   - including: a further filter (the UI's filter line).
  public init(deck: Deck, clock: some WallClock, from: CivilDate? = nil, to: CivilDate? = nil,
              groupedBy grouping: Grouping? = nil,
              including: (Application) -> Bool = { _ in true })
  {
    let zone = clock.timeZone
    let end = to ?? clock.today
    let timelines = deck.applications.lazy.filter(including)
      .map { ApplicationTimeline($0, now: clock.now) }
      .filter { timeline in
        let day = timeline.day(in: zone)
        return day <= end && from.map { day >= $0 } ?? true
      }
    let all = Array(timelines)
    self.from = from
    self.to = end
    applications = all.count
    funnel = Self.funnel(of: all)
    answers = Self.answers(of: all)
    timeToFirstAnswer = Duration(all.compactMap(\.timeToFirstAnswer))
    let stays = all.flatMap { $0.timesInStages() }
    timeInStage = Self.timedStages.map { stage in
      StageTime(stage: stage, time: Duration(stays.filter { $0.0 == stage }.map(\.1)))
    }
    weeks = Self.weeks(of: all, from: from, to: end, zone: zone)
    self.grouping = grouping
    groups = grouping.map { Self.groups(of: all, by: $0, in: deck, zone: zone) } ?? []
  }

  static func funnel(of timelines: [ApplicationTimeline]) -> [FunnelStep] {
    var steps: [FunnelStep] = []
    for stage in funnelStages {
      let count = timelines.filter { $0.furthestStage >= stage }.count
      let previous = steps.last?.count
      let conversion = previous.flatMap { $0 == 0 ? nil : Double(count) / Double($0) }
      steps.append(FunnelStep(stage: stage, count: count, conversion: conversion))
    }
    return steps
  }

  static func answers(of timelines: [ApplicationTimeline]) -> Answers {
    var answers = Answers(sent: 0, answered: 0, markedNoResponse: 0, withdrawn: 0, waiting: 0)
    for timeline in timelines where timeline.wasSent {
      answers.sent += 1
      if timeline.hasAnswer {
        answers.answered += 1
      } else {
        switch timeline.application.stage {
        case .ghosted: answers.markedNoResponse += 1
        case .withdrawn: answers.withdrawn += 1
        default: answers.waiting += 1
        }
      }
    }
    return answers
  }

  /// Every week from the period's first to its last (empty ones included), Monday first.
  static func weeks(of timelines: [ApplicationTimeline], from: CivilDate?, to: CivilDate,
                    zone: TimeZone) -> [Week]
  {
    let sentDays = timelines.compactMap { $0.appliedAt.map { CivilDate(containing: $0, in: zone) } }
    guard let first = from ?? sentDays.min(), first <= to else { return [] }
    let firstMonday = first.adding(days: 1 - first.isoWeekday)
    var counts: [Int: Int] = [:]
    for day in sentDays { counts[firstMonday.days(until: day) / 7, default: 0] += 1 }
    let weekCount = firstMonday.days(until: to) / 7 + 1
    return (0..<weekCount).map { index in
      Week(start: firstMonday.adding(days: index * 7), sent: counts[index] ?? 0)
    }
  }

  static func groups(of timelines: [ApplicationTimeline], by grouping: Grouping, in deck: Deck,
                     zone: TimeZone) -> [Group]
  {
    let postings = deck.postings
    var members: [String: [ApplicationTimeline]] = [:]
    var order: [String] = []
    for timeline in timelines {
      for name in groupNames(timeline, by: grouping, postings: postings, zone: zone) {
        if members[name] == nil { order.append(name) }
        members[name, default: []].append(timeline)
      }
    }
    let groups = order.map { name -> Group in
      let list = members[name] ?? []
      return Group(
        name: name, applications: list.count, answers: answers(of: list),
        interviews: list.filter { $0.furthestStage >= .interview }.count,
        offers: list.filter { $0.furthestStage >= .offer }.count,
        timeToFirstAnswer: Duration(list.compactMap(\.timeToFirstAnswer)))
    }
    if grouping == .month { return groups.sorted { $0.name < $1.name } }
    return groups.sorted {
      $0.applications != $1.applications ? $0.applications > $1.applications : $0.name < $1.name
    }
  }

  /// Not set: "(not set)"; an application with several tags counts under each.
  static func groupNames(_ timeline: ApplicationTimeline, by grouping: Grouping,
                         postings: RecordList<Posting>, zone: TimeZone) -> [String]
  {
    let application = timeline.application
    let posting = application.postingID.flatMap { postings[id: $0] }
    let unset = "(not set)"
    switch grouping {
    case .source: return [application.source?.displayName ?? unset]
    case .method: return [application.method?.displayName ?? unset]
    case .type:
      return [(application.terms.contractType ?? posting?.employmentType)?.displayName ?? unset]
    case .tag:
      let tags = posting?.tags ?? []
      return tags.isEmpty ? ["(no tag)"] : Array(Set(tags)).sorted()
    case .month:
      let day = timeline.day(in: zone)
      return [String(format: "%04d-%02d", day.year, day.month)]
    }
  }
}
