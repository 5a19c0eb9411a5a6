import Foundation

/// What an application's stage history says about it, read once for the statistics and the
/// proof-of-search report: when it was sent, how far it got, when the company first answered,
/// and how long it sat in each stage.
public struct ApplicationTimeline: Sendable {
  public let application: Application
  /// When it was sent: its first move to `applied`. When the history skips `applied` (an
  /// import straight into `interview`), the first move past it stands in for the date, and
  /// `appliedTimeIsKnown` is false: the answer's timing is then unknown.
  public let appliedAt: Date?
  public let appliedTimeIsKnown: Bool
  /// The furthest active stage it ever reached (`saved` for one never sent). The funnel counts
  /// it for every step up to this one: an interview means it was sent and screened.
  public let furthestStage: Stage
  /// The first sign of an answer after sending: a move to screening or beyond, or a rejection.
  public let firstAnswerAt: Date?
  /// Whether the company answered at all (also true when the time of the answer is unknown).
  public let hasAnswer: Bool
  /// Every stay in an active stage before `accepted`, oldest first.
  public let stays: [Stay]
  /// Where an open stay's clock stops: the archive time for an archived application, else now.
  public let watchedUntil: Date

  /// One stay in a stage: `end` nil while it lasts (then it is censored at `watchedUntil`).
  public struct Stay: Hashable, Sendable {
    public var stage: Stage
    public var start: Date
    public var end: Date?
  }

  public init(_ application: Application, now: Date) {
    self.application = application
    let history = application.history.isEmpty
      ? [StageChange(from: nil, to: application.stage, at: application.createdAt)]
      : application.history
    watchedUntil = min(application.archivedAt ?? now, now)

    let pastSaved: Set<Stage> = [.screening, .interview, .offer, .accepted]
    let appliedIndex = history.firstIndex { $0.to == .applied }
    let skippedIndex = history.firstIndex { pastSaved.contains($0.to) }
    if let appliedIndex, skippedIndex.map({ appliedIndex < $0 }) ?? true {
      appliedAt = history[appliedIndex].at
      appliedTimeIsKnown = true
    } else {
      appliedAt = skippedIndex.map { history[$0].at }
      appliedTimeIsKnown = false
    }

    let reached = history.map(\.to).filter(\.isActive) + (application.stage.isActive ? [application.stage] : [])
    furthestStage = reached.max() ?? .saved

    let answers: Set<Stage> = pastSaved.union([.rejected])
    if let start = appliedIndex, appliedTimeIsKnown {
      firstAnswerAt = history[(start + 1)...].first { answers.contains($0.to) }?.at
      hasAnswer = firstAnswerAt != nil
    } else {
      firstAnswerAt = nil
      // Sent straight into a later stage: the company answered, at a time not on file.
      hasAnswer = appliedAt != nil
    }

    var stays: [Stay] = []
    for (index, change) in history.enumerated()
    where change.to.isActive && change.to != .accepted {
      let end = index + 1 < history.count ? history[index + 1].at : nil
      stays.append(Stay(stage: change.to, start: change.at, end: end))
    }
    self.stays = stays
  }

  /// The day it counts on for a period: the day it was sent, else the day it was first saved.
  public func day(in zone: TimeZone) -> CivilDate {
    CivilDate(containing: appliedAt ?? application.history.first?.at ?? application.createdAt,
              in: zone)
  }

  /// Whether it went out (reached `applied` or beyond).
  public var wasSent: Bool { appliedAt != nil }

  /// Time from sending to the first answer: finished when answered, open while waiting (or
  /// when it was closed without an answer: withdrawn, marked "no response"). Nil when the
  /// sending time is not on file or it was never sent.
  public var timeToFirstAnswer: SurvivalEstimate.Observation? {
    guard let appliedAt, appliedTimeIsKnown else { return nil }
    if let firstAnswerAt {
      return .init(days: Self.days(from: appliedAt, to: firstAnswerAt), finished: true)
    }
    let closed = application.history.first { $0.at >= appliedAt && $0.to.isClosed }?.at
    return .init(days: Self.days(from: appliedAt, to: closed ?? watchedUntil), finished: false)
  }

  /// Each stay as an observation: finished when it moved on, open while it lasts.
  public func timesInStages() -> [(Stage, SurvivalEstimate.Observation)] {
    stays.map { stay in
      (stay.stage, SurvivalEstimate.Observation(
        days: Self.days(from: stay.start, to: stay.end ?? watchedUntil), finished: stay.end != nil))
    }
  }

  /// Elapsed days (fractional), never negative (a hand-edited history may run backwards).
  static func days(from start: Date, to end: Date) -> Double {
    max(0, end.timeIntervalSince(start) / 86_400)
  }
}
