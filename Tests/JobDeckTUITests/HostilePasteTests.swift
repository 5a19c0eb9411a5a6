import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// Pasted text written to take over the terminal or the UI: shown defused, never run.
@Suite("Hostile pastes")
struct HostilePasteTests {
  static let hostile = "Evil\u{07}\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J Corp\r\nq D x \u{202E}exe.pdf\u{0}"

  @Test func aHostilePasteInTheImportBoxIsShownWithoutRawControls() {
    var app = Fixtures.app()
    app.press(.character("i"))
    app.send(.paste(HostilePasteTests.hostile + "\n"))
    for (rows, columns) in [(24, 80), (15, 60)] {
      let screen = app.screenText(rows: rows, columns: columns)
      #expect(!screen.unicodeScalars.contains {
        ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0 == "\u{202E}"
      }, "\(screen.debugDescription)")
      #expect(screen.contains("Import a pasted ad"))
    }
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func aHostilePasteIntoTheFilterLineKeepsNoControlCharacter() {
    var app = Fixtures.app()
    app.press(.character("/"))
    app.send(.paste(HostilePasteTests.hostile))
    #expect(!app.state.filter.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    #expect(app.state.deck == Fixtures.deck)
  }
}
