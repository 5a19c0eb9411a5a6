import Foundation

/// How long something takes when some cases have not finished yet: the Kaplan–Meier
/// product-limit estimate. An open application ("still waiting for an answer after 12 days") is
/// censored: it says the time is longer than 12 days, not that it was 12. Leaving such cases out
/// makes companies look faster than they are; counting them as finished, likewise.
///
/// At each time `t` at which something finished, the share still unfinished is multiplied by
/// `1 - finished(t) / atRisk(t)`, where `atRisk(t)` counts every case observed for at least `t`
/// (a case censored at `t` is still at risk at `t`, the usual convention).
public struct SurvivalEstimate: Hashable, Sendable {
  /// One case: how long it was watched, and whether it finished then (false: still open).
  public struct Observation: Hashable, Sendable {
    public var days: Double
    public var finished: Bool

    public init(days: Double, finished: Bool) {
      self.days = days
      self.finished = finished
    }
  }

  /// The estimate as steps: after `days`, this share was still unfinished.
  public struct Step: Hashable, Sendable {
    public var days: Double
    public var remaining: Double
  }

  public let steps: [Step]
  public let finished: Int
  public let open: Int
  /// The longest time any case was watched: what "more than X days" says when the estimate
  /// never falls far enough for a quantile.
  public let longestObserved: Double?

  public init(_ observations: [Observation]) {
    let sorted = observations.sorted { $0.days < $1.days }
    var steps: [Step] = []
    var remaining = 1.0
    var index = 0
    while index < sorted.count {
      let time = sorted[index].days
      let atRisk = sorted.count - index
      var finishedNow = 0
      while index < sorted.count, sorted[index].days == time {
        if sorted[index].finished { finishedNow += 1 }
        index += 1
      }
      if finishedNow > 0 {
        remaining *= 1 - Double(finishedNow) / Double(atRisk)
        steps.append(Step(days: time, remaining: remaining))
      }
    }
    self.steps = steps
    finished = observations.filter(\.finished).count
    open = observations.count - finished
    longestObserved = sorted.last?.days
  }

  /// The time by which the share `fraction` (0.5: the median; 0.9: the 90th percentile) has
  /// finished; nil when the estimate never gets there (too many still open).
  public func quantile(_ fraction: Double) -> Double? {
    // A small tolerance: 1 - 1/2 must count as reaching one half.
    steps.first { $0.remaining <= 1 - fraction + 1e-12 }?.days
  }
}
