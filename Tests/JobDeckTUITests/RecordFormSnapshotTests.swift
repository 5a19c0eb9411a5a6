import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// The forms and prompts that record a search (apply, events, a move's note, a delete's
/// question) as plain text at 80×24, 120×40 and 60×15.
@Suite("Record form snapshots")
struct RecordFormSnapshotTests {
  static let sizes = [(24, 80), (40, 120), (15, 60)]

  static func typing(_ text: String) -> [KeyPress] { text.map { .character($0) } }

  static let scenes: [(String, [KeyPress])] = [
    ("apply-form", [.character("A"), .tab, .tab] + typing("referral from Mara")),
    ("event-form", [.character("2"), .character("t"), .tab] + typing("2025-03-10") + [.tab]
      + typing("14:30") + [.tab, .tab] + typing("45min") + [.tab, .tab]
      + typing("https://meet.example/abc")),
    ("event-form-error", [.character("2"), .character("t"), .tab] + typing("2025-03-10")
      + [.tab] + typing("25:00") + [.control("s")]),
    ("move-note", [.character("2"), .character("l"), .character("L")]
      + typing("recruiter called")),
    ("delete-confirm", [.character("D")]),
    ("offer-form", [.character("2"), .character("O")] + typing("52000") + [.tab]
      + typing("EUR") + [.tab] + typing("year") + [.tab] + typing("2025-04-01") + [.tab]
      + typing("full") + [.tab] + typing("6m") + [.tab] + typing("1m") + [.tab]
      + typing("2025-03-10")),
    ("field-form", [.character("2"), .character("e"), .tab, .control("u")]
      + typing("Senior Backend Engineer")),
    ("field-form-error", [.character("2"), .character("e")]
      + Array(repeating: KeyPress.tab, count: 8) + [.control("u")] + typing("2300-01-01")
      + [.control("s")]),
    ("contact-form", [.character("2"), .character("C"), .character("a")] + typing("Mara Köhler")
      + [.tab] + typing("recruiter") + [.tab] + typing("mara@example.com")),
  ]

  @Test(arguments: scenes)
  func formsAtEachSize(_ scene: (String, [KeyPress])) {
    var screens: [(size: String, screen: Screen)] = []
    for (rows, columns) in RecordFormSnapshotTests.sizes {
      var app = Fixtures.app()
      app.press(.resize(TerminalSize(rows: rows, columns: columns)))
      for key in scene.1 { app.press(key) }
      screens.append(("\(columns)x\(rows)", app.view(size: TerminalSize(rows: rows, columns: columns))))
    }
    assertSnapshots(screens, scene: scene.0)
  }

  @Test func offersSideBySide() {
    var screens: [(size: String, screen: Screen)] = []
    for (rows, columns) in RecordFormSnapshotTests.sizes {
      var app = Fixtures.app(OfferTermsTests.twoOffers)
      app.press(.resize(TerminalSize(rows: rows, columns: columns)), .character("2"),
                .character("="))
      screens.append(("\(columns)x\(rows)", app.view(size: TerminalSize(rows: rows, columns: columns))))
    }
    assertSnapshots(screens, scene: "offer-comparison")
  }
}
