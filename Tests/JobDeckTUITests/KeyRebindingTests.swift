import JobDeckCore
import Testing

@testable import JobDeckTUI

/// A rebinding from the config file reaches every place a key is named or read: the `?` help,
/// the hint bar, the palette and the dispatcher.
@Suite("Key rebinding")
struct KeyRebindingTests {
  static func app(_ overrides: [AppCommand: [KeyPress]]) throws -> App {
    App(deck: Fixtures.deck, storePath: "/home/user/store.json", clock: Fixtures.clock,
        readOnlyReason: nil, keys: try KeyTable(overriding: overrides))
  }

  @Test func theHelpOpensWithTheNewKeyAndShowsIt() throws {
    var app = try Self.app([.help: [.function(1)], .addPosting: ["+"]])
    app.press("?")
    #expect(app.state.mode != .help)
    app.press(.function(1))
    #expect(app.state.mode == .help)
    let help = Renderer.helpLines(width: 100, keys: app.state.keys).map(\.text)
    #expect(help.contains { $0.contains("F1") && $0.contains("show every key") })
    #expect(help.contains { $0.contains("+") && $0.contains("add a posting by hand") })
    #expect(!help.contains { $0.contains("a   ") && $0.contains("add a posting by hand") })
    let screen = app.screenText(rows: 40, columns: 100)
    #expect(screen.contains("F1"), "\(screen)")
  }

  @Test func theHintBarAndPaletteShowTheNewKey() throws {
    var app = try Self.app([.help: [.function(1)]])
    #expect(app.screenText(columns: 120).contains("F1 help"))
    app.press(":")
    app.type("every key")
    #expect(app.screenText(columns: 120).contains("F1"))
  }

  @Test func theOldKeyNoLongerRunsTheCommand() throws {
    var app = try Self.app([.addPosting: ["+"]])
    app.press("a")
    #expect(app.state.mode == .browsing)
    app.press("+")
    #expect(app.state.mode != .browsing)
  }

  @Test func aClashInOneViewIsRefused() {
    #expect(throws: KeyBindingClash.self) {
      try KeyTable(overriding: [.markDone: ["z"]])
    }
  }
}
