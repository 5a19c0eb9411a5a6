import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// The Stats view (`4`): the numbers `jobdeck stats` prints, for the view's filter and period,
/// as plain-text snapshots at 80×24, 120×40 and 60×15.
@Suite("Stats view")
struct StatsViewTests {
  static let sizes = [(24, 80), (40, 120), (15, 60)]

  /// The fixture deck with histories spread over five weeks before Monday 3 March 2025, and
  /// where each job was found and how it was sent.
  static var deck: Deck {
    var deck = Fixtures.deck
    func at(_ date: String) -> Date { Fixtures.date(date).instant(hour: 10, in: Fixtures.zone) }
    let histories: [String: [(String, Stage)]] = [
      "soundcloud-ml-intern": [("2025-02-03", .saved), ("2025-02-04", .applied)],
      "mercari-engineer": [("2025-02-05", .applied), ("2025-02-12", .screening),
                           ("2025-02-20", .interview)],
      "evil-corp": [("2025-02-11", .applied), ("2025-02-25", .screening)],
      "acme-backend": [("2025-02-26", .saved)],
      "globex-platform": [("2025-02-18", .applied), ("2025-02-27", .rejected)],
    ]
    let sources: [String: ApplicationSource] = [
      "soundcloud-ml-intern": ApplicationSource(.linkedIn),
      "mercari-engineer": ApplicationSource(.referral),
      "evil-corp": ApplicationSource(.linkedIn),
      "globex-platform": ApplicationSource(.companySite),
    ]
    for index in deck.applications.indices {
      let id = deck.applications[index].id
      guard let moves = histories[id] else { continue }
      var history: [StageChange] = []
      for (date, stage) in moves {
        history.append(StageChange(from: history.last?.to, to: stage, at: at(date)))
      }
      deck.applications[index].history = history
      deck.applications[index].createdAt = history[0].at
      deck.applications[index].source = sources[id]
      deck.applications[index].method = id == "globex-platform" ? .post : .onlineForm
    }
    return deck
  }

  static let scenes: [(String, [KeyPress])] = [
    ("stats", [.character("4")]),
    ("stats-by-method-filtered", [.character("4"), .character("b"), .character("/")]
      + "linkedin".map { .character($0) } + [.enter]),
  ]

  @Test(arguments: scenes)
  func statsAtEachSize(_ scene: (String, [KeyPress])) {
    var screens: [(size: String, screen: Screen)] = []
    for (rows, columns) in StatsViewTests.sizes {
      var app = Fixtures.app(StatsViewTests.deck)
      app.press(.resize(TerminalSize(rows: rows, columns: columns)))
      for key in scene.1 { app.press(key) }
      screens.append(("\(columns)x\(rows)", app.view(size: TerminalSize(rows: rows, columns: columns))))
    }
    assertSnapshots(screens, scene: scene.0)
  }

  @Test func theViewShowsTheFunnelTheChartAndTheBreakdown() {
    var app = Fixtures.app(StatsViewTests.deck)
    app.press(.character("4"))
    let text = app.screenText(rows: 40, columns: 120)
    #expect(text.contains("4 Stats"))
    #expect(text.contains("applied       4   80%"))
    #expect(text.contains("Answers: 3 of 4 sent (75%)"))
    #expect(text.contains("2025-02-03 "))
    #expect(text.contains("LinkedIn"))
  }

  @Test func theFilterAndThePeriodNarrowTheNumbers() {
    var app = Fixtures.app(StatsViewTests.deck)
    app.press(.character("4"), .character("/"))
    app.type("linkedin")
    app.press(.enter)
    #expect(Renderer(state: app.state).statistics.applications == 2)
    app.press(.escape)
    #expect(Renderer(state: app.state).statistics.applications == 5)
    // The last 4 weeks start on 4 February: SoundCloud, saved on the 3rd, counts by the day
    // it was sent (the 4th), so all five are in.
    app.press(.character("p"))
    #expect(app.state.statsPeriod == .last4Weeks)
    #expect(Renderer(state: app.state).statistics.from == Fixtures.date("2025-02-04"))
    #expect(Renderer(state: app.state).statistics.applications == 5)
  }

  @Test func jAndKScrollASmallScreen() {
    var app = Fixtures.app(StatsViewTests.deck)
    app.press(.resize(TerminalSize(rows: 15, columns: 60)), .character("4"))
    app.press(.character("G"))
    #expect(app.state.statsScroll > 0)
    #expect(app.screenText(rows: 15, columns: 60).contains("Method: Kaplan–Meier"))
    app.press(.character("g"))
    #expect(app.state.statsScroll == 0)
  }
}
