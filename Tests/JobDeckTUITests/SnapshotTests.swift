import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// Every view as plain text at the three sizes people use. The fixtures live in `Snapshots/`,
/// one file per screen, so a reviewer reads exactly what the terminal shows.
@Suite("Screen snapshots")
struct SnapshotTests {
  static let sizes = [(24, 80), (40, 120), (12, 40)]

  static func typing(_ text: String) -> [KeyPress] { text.map { .character($0) } }

  static let scenes: [(String, [KeyPress])] = [
    ("postings", []),
    ("pipeline", [.character("2"), .character("l")]),
    ("agenda", [.character("3")]),
    ("detail-mercari", [.character("j"), .enter]),
    ("detail-hostile", [.character("j"), .character("j"), .character("j"), .enter]),
    ("add-form", [.character("a")] + typing("Zalando") + [.tab] + typing("データ分析 🧪 Analyst")
      + [.tab, .tab, .tab] + typing("2025-03-3")),
  ]

  @Test(arguments: scenes)
  func viewsAtEachSize(_ scene: (String, [KeyPress])) {
    var screens: [(size: String, screen: Screen)] = []
    for (rows, columns) in SnapshotTests.sizes {
      var app = Fixtures.app()
      app.press(.resize(TerminalSize(rows: rows, columns: columns)))
      for key in scene.1 { app.press(key) }
      screens.append(("\(columns)x\(rows)", app.view(size: TerminalSize(rows: rows, columns: columns))))
    }
    assertSnapshots(screens, scene: scene.0)
  }

  /// The keys' screens at the sizes the issue names, 60×15 among them.
  static let keySizes = [(24, 80), (40, 120), (15, 60), (12, 40)]

  static let keyScenes: [(String, [KeyPress])] = [
    ("keys-help", [.character("?")]),
    ("keys-help-end", [.character("?"), .end]),
    ("keys-palette", [.character("2"), .character(":")] + typing("mo")),
    ("keys-hints-agenda-filter", [.character("3"), .character("/")] + typing("xzdL")),
  ]

  @Test(arguments: keyScenes)
  func keysAtEachSize(_ scene: (String, [KeyPress])) {
    var screens: [(size: String, screen: Screen)] = []
    for (rows, columns) in SnapshotTests.keySizes {
      var app = Fixtures.app()
      app.press(.resize(TerminalSize(rows: rows, columns: columns)))
      for key in scene.1 { app.press(key) }
      screens.append(("\(columns)x\(rows)", app.view(size: TerminalSize(rows: rows, columns: columns))))
    }
    assertSnapshots(screens, scene: scene.0)
  }

  @Test func emptyStore() {
    let screen = Fixtures.app(Deck()).view(size: TerminalSize(rows: 24, columns: 80))
    assertSnapshots([("80x24", screen)], scene: "empty")
  }

  @Test func importPreview() {
    var app = Fixtures.app()
    app.send(.importFinished(AddFormTests.draft))
    assertSnapshots([("80x24", app.view(size: TerminalSize(rows: 24, columns: 80)))],
                    scene: "import-preview")
  }

  @Test func filteredPostingsWhileTyping() {
    var app = Fixtures.app()
    app.press(.character("/"))
    app.type("engineer")
    assertSnapshots([("80x24", app.view(size: TerminalSize(rows: 24, columns: 80)))],
                    scene: "postings-filter")
  }

  @Test func aFailedSaveInTheStatusBar() {
    var app = Fixtures.app()
    app.press(.character("2"), .character("l"), .character("L"), .enter)
    app.send(.saveFailed(message: "disk full"))
    assertSnapshots([("80x24", app.view(size: TerminalSize(rows: 24, columns: 80))),
                     ("40x12", app.view(size: TerminalSize(rows: 12, columns: 40)))],
                    scene: "save-failed")
  }
}

/// The recorded screens, by scene and size (`"80x24"`); each scene's literals are in its own
/// file under `Snapshots/`.
enum SnapshotFixtures {
  static var scenes: [String: [String: String]] {
    [
      "postings": postings, "pipeline": pipeline, "agenda": agenda,
      "detail-mercari": detailMercari, "detail-hostile": detailHostile, "add-form": addForm,
      "empty": empty, "import-preview": importPreview,
      "postings-filter": postingsFilter, "save-failed": saveFailed,
      "keys-help": keysHelp, "keys-help-end": keysHelpEnd, "keys-palette": keysPalette,
      "keys-hints-agenda-filter": keysHintsAgendaFilter,
      "apply-form": applyForm, "event-form": eventForm, "event-form-error": eventFormError,
      "move-note": moveNote, "delete-confirm": deleteConfirm, "contact-form": contactForm,
      "offer-form": offerForm, "offer-comparison": offerComparison,
      "pasted-ad": pastedAd, "duplicate-question": duplicateQuestion,
      "field-form": fieldForm, "field-form-error": fieldFormError,
      "agenda-suggestions": agendaSuggestions,
      "stats": stats, "stats-by-method-filtered": statsByMethodFiltered,
    ]
  }
}
