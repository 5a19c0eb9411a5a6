import Foundation
import JobDeckCore
import Testing

/// Statistics on hand-built searches whose answers can be worked out on paper. Every move is at
/// noon UTC; the clock is noon UTC on Sunday 22 November 2026.
@Suite("Search statistics")
struct SearchStatisticsTests {
  let now = clock("2026-11-22", in: utc)

  /// An application whose history is `moves` ("2026-11-02": .applied, …), in order.
  func application(_ id: String, _ moves: [(String, Stage)], source: ApplicationSource? = nil,
                   method: ApplicationMethod? = nil, archivedOn: String? = nil) -> Application
  {
    var history: [StageChange] = []
    for (date, stage) in moves {
      history.append(StageChange(from: history.last?.to, to: stage, at: noonUTC(date)))
    }
    return Application(
      id: id, postingID: nil, company: id, title: "Analyst", stage: history.last?.to ?? .saved,
      history: history, createdAt: history.first?.at ?? noonUTC("2026-11-01"),
      archivedAt: archivedOn.map(noonUTC), source: source, method: method)
  }

  /// A: answered after 3 days, interviewed, rejected. B: no answer, marked no response on day 17.
  /// C: only saved. D: answered (interview) after 3 days, offer, accepted. E: sent 6 days ago,
  /// waiting. F: imported straight into interview (sending time not on file).
  var search: Deck {
    Deck(applications: [
      application("a", [("2026-11-02", .applied), ("2026-11-05", .screening),
                        ("2026-11-10", .interview), ("2026-11-12", .rejected)],
                  source: ApplicationSource(.linkedIn), method: .onlineForm),
      application("b", [("2026-11-03", .applied), ("2026-11-20", .ghosted)],
                  source: ApplicationSource(.linkedIn), method: .email),
      application("c", [("2026-11-01", .saved)]),
      application("d", [("2026-11-09", .applied), ("2026-11-12", .interview),
                        ("2026-11-16", .offer), ("2026-11-20", .accepted)],
                  source: ApplicationSource(.referral), method: .email),
      application("e", [("2026-11-16", .applied)]),
      application("f", [("2026-11-04", .interview)], source: ApplicationSource(rawValue: "meetup")),
    ])
  }

  // MARK: Kaplan–Meier

  @Test func kaplanMeierOnATextbookSampleWithCensoring() {
    // Finished at 1, 2 and 4 days; still open at 3 and 5. Naively the median of the finished
    // is 2 days; with the open ones at risk the estimate falls 0.8, 0.6, 0.3.
    let estimate = SurvivalEstimate([
      .init(days: 1, finished: true), .init(days: 2, finished: true),
      .init(days: 3, finished: false), .init(days: 4, finished: true),
      .init(days: 5, finished: false),
    ])
    #expect(estimate.steps.map(\.days) == [1, 2, 4])
    #expect(estimate.steps.map { ($0.remaining * 1000).rounded() / 1000 } == [0.8, 0.6, 0.3])
    #expect(estimate.quantile(0.5) == 4)
    #expect(estimate.quantile(0.9) == nil)
    #expect(estimate.longestObserved == 5)
    #expect(estimate.finished == 3 && estimate.open == 2)
  }

  @Test func withNothingOpenTheEstimateIsTheEmpiricalOne() {
    let estimate = SurvivalEstimate([2, 4, 6, 8].map { .init(days: $0, finished: true) })
    #expect(estimate.quantile(0.5) == 4)
    #expect(estimate.quantile(0.9) == 8)
  }

  @Test func whenEverythingIsOpenThereIsNoMedianOnlyTheLongestWait() {
    let estimate = SurvivalEstimate([.init(days: 9, finished: false), .init(days: 3, finished: false)])
    #expect(estimate.quantile(0.5) == nil)
    #expect(estimate.longestObserved == 9)
  }

  // MARK: Funnel and answers

  @Test func theFunnelCountsEachApplicationForEveryStageItReached() {
    let statistics = SearchStatistics(deck: search, clock: now)
    #expect(statistics.applications == 6)
    #expect(statistics.funnel.map(\.stage) == Stage.active)
    #expect(statistics.funnel.map(\.count) == [6, 5, 3, 3, 1, 1])
    #expect(statistics.funnel.map { $0.conversion.map { ($0 * 100).rounded() } }
      == [nil, 83, 60, 100, 33, 100])
  }

  @Test func answersCountAnyReplyAndSplitTheRest() {
    let answers = SearchStatistics(deck: search, clock: now).answers
    #expect(answers.sent == 5)
    #expect(answers.answered == 3)
    #expect(answers.markedNoResponse == 1)
    #expect(answers.withdrawn == 0)
    #expect(answers.waiting == 1)
    #expect(answers.responseRate == 0.6)
    #expect(answers.noResponseRate == 0.4)
  }

  @Test func timeToFirstAnswerTreatsTheUnansweredAsOpen() {
    let time = SearchStatistics(deck: search, clock: now).timeToFirstAnswer
    // Answered after 3 and 3 days; open after 17 (marked no response) and 6 (waiting); F's
    // sending time is not on file. At 3 days two of four answered: the median is 3 days; the
    // estimate never reaches 90%, so that is "more than 17 days".
    #expect(time.finished == 2 && time.open == 2)
    #expect(time.medianDays == 3)
    #expect(time.percentile90Days == nil)
    #expect(time.longestObservedDays == 17)
    let table = StatisticsText.times(SearchStatistics(deck: search, clock: now))
    #expect(table[0] == "Times in days        median  90th pct  ended  open")
    #expect(table[1] == "  to first answer       3.0      > 17      2     2")
  }

  @Test func timeInAStageCountsEveryStayAndCensorsTheCurrentOne() {
    let statistics = SearchStatistics(deck: search, clock: now)
    let applied = statistics.timeInStage.first { $0.stage == .applied }?.time
    // Stays in applied: 3, 17 and 3 days (moved on), and E's 6 days so far.
    #expect(applied?.finished == 3 && applied?.open == 1)
    #expect(applied?.medianDays == 3)
    #expect(applied?.percentile90Days == 17)
    let saved = statistics.timeInStage.first { $0.stage == .saved }?.time
    #expect(saved?.finished == 0 && saved?.open == 1)
    #expect(saved?.longestObservedDays == 21)
  }

  @Test func anArchivedApplicationStopsItsClockWhenArchived() {
    let deck = Deck(applications: [
      application("old", [("2026-11-02", .applied)], archivedOn: "2026-11-07"),
    ])
    let time = SearchStatistics(deck: deck, clock: now).timeToFirstAnswer
    #expect(time.open == 1)
    #expect(time.longestObservedDays == 5)
  }

  // MARK: Periods and weeks

  @Test func anApplicationCountsInThePeriodByTheDayItWasSent() {
    let statistics = SearchStatistics(deck: search, clock: now, from: day("2026-11-09"),
                                      to: day("2026-11-15"))
    #expect(statistics.applications == 1)
    #expect(statistics.funnel.last?.count == 1)
    #expect(statistics.weeks.map(\.sent) == [1])
  }

  @Test func anEmptyPeriodHasZerosNoRatesAndEmptyWeeks() {
    let statistics = SearchStatistics(deck: search, clock: now, from: day("2026-12-01"),
                                      to: day("2026-12-14"), groupedBy: .source)
    #expect(statistics.applications == 0)
    #expect(statistics.funnel.map(\.count) == [0, 0, 0, 0, 0, 0])
    #expect(statistics.funnel.allSatisfy { $0.conversion == nil })
    #expect(statistics.answers.responseRate == nil)
    #expect(statistics.timeToFirstAnswer.isEmpty)
    #expect(statistics.timeToFirstAnswer.medianDays == nil)
    // Monday 30 November to Sunday 13 December, and the week of the 14th.
    #expect(statistics.weeks.map(\.start) == [day("2026-11-30"), day("2026-12-07"), day("2026-12-14")])
    #expect(statistics.weeks.allSatisfy { $0.sent == 0 })
    #expect(statistics.groups.isEmpty)
    #expect(StatisticsText.summary(statistics).contains("Answers: none sent yet"))
  }

  @Test func weeksStartOnMondayAndEmptyOnesAreShown() {
    let statistics = SearchStatistics(deck: search, clock: now)
    // Sent on Mon 2, Tue 3, Wed 4 (F), Mon 9 and Mon 16 November; today is Sunday the 22nd.
    #expect(statistics.weeks.map(\.start) == [day("2026-11-02"), day("2026-11-09"), day("2026-11-16")])
    #expect(statistics.weeks.map(\.sent) == [3, 1, 1])
  }

  // MARK: Breakdown

  @Test func theBreakdownBySourceGroupsKnownChannelsAndFreeText() {
    let statistics = SearchStatistics(deck: search, clock: now, groupedBy: .source)
    #expect(statistics.groups.map(\.name) == ["(not set)", "LinkedIn", "meetup", "referral"])
    let linkedIn = statistics.groups[1]
    #expect(linkedIn.applications == 2)
    #expect(linkedIn.answers.sent == 2 && linkedIn.answers.answered == 1)
    #expect(linkedIn.interviews == 1 && linkedIn.offers == 0)
    let referral = statistics.groups[3]
    #expect(referral.offers == 1)
  }

  @Test func theBreakdownByMethodAndByMonth() {
    let byMethod = SearchStatistics(deck: search, clock: now, groupedBy: .method)
    #expect(byMethod.groups.map(\.name) == ["(not set)", "e-mail", "online form"])
    #expect(byMethod.groups.map(\.applications) == [3, 2, 1])
    let byMonth = SearchStatistics(deck: search, clock: now, groupedBy: .month)
    #expect(byMonth.groups.map(\.name) == ["2026-11"])
  }

  // MARK: Chart

  @Test func barsUseEighthBlocksOrHashesAndEmptyWeeksHaveNone() {
    let weeks = [
      SearchStatistics.Week(start: day("2026-11-02"), sent: 3),
      SearchStatistics.Week(start: day("2026-11-09"), sent: 1),
      SearchStatistics.Week(start: day("2026-11-16"), sent: 0),
    ]
    // 40 columns: "  2026-11-02 " + 25-cell bar + " " + count.
    let unicode = StatisticsText.weeklyChart(weeks, width: 40, unicode: true)
    #expect(unicode[0] == "  2026-11-02 " + String(repeating: "█", count: 25) + " 3")
    // One third of 25 cells is 8⅓ cells: 8 full blocks and ⅜ (67 eighths).
    #expect(unicode[1].hasPrefix("  2026-11-09 " + String(repeating: "█", count: 8) + "▍ "))
    #expect(unicode[2] == "  2026-11-16 " + String(repeating: " ", count: 25) + " 0")
    let ascii = StatisticsText.weeklyChart(weeks, width: 40, unicode: false)
    let hashes = String(repeating: "#", count: 8)
    let gap = String(repeating: " ", count: 17)
    #expect(ascii[1] == "  2026-11-09 \(hashes)\(gap) 1")
    let allASCII = ascii.allSatisfy { line in line.unicodeScalars.allSatisfy { $0.isASCII } }
    #expect(allASCII)
  }
}
