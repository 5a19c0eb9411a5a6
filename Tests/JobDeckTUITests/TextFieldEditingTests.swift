import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// A text field edits where its cursor is: a typo at the start of a prefilled title is fixed
/// with Home and a few keys, not by retyping the title.
@Suite("Text field editing")
struct TextFieldEditingTests {
  func typed(_ start: String, _ keys: [KeyPress]) -> TextInput {
    var input = TextInput(start)
    for key in keys { input.handle(key) }
    return input
  }

  @Test func typingInsertsAtTheCursorAndTheCursorStartsAtTheEnd() {
    #expect(TextInput("Acme").cursor == 4)
    let input = typed("Backend Engineer", [.home, .character("S"), .character("r"), .character(".")]
      + [.character(" ")])
    #expect(input.text == "Sr. Backend Engineer")
    #expect(input.cursor == 4)
  }

  @Test func arrowsHomeAndEndMoveWithoutChangingTheText() {
    var input = TextInput("abc")
    #expect(input.handle(.left) == .moved)
    #expect(input.cursor == 2)
    #expect(input.handle(.home) == .moved)
    #expect(input.handle(.left) == .moved)
    #expect(input.cursor == 0)
    #expect(input.handle(.right) == .moved)
    #expect(input.cursor == 1)
    #expect(input.handle(.end) == .moved)
    #expect(input.handle(.right) == .moved)
    #expect(input.cursor == 3)
    #expect(input.handle(.control("a")) == .moved)
    #expect(input.cursor == 0)
    #expect(input.text == "abc")
  }

  @Test func deletingKeysActAroundTheCursor() {
    #expect(typed("abcd", [.left, .left, .backspace]).text == "acd")
    #expect(typed("abcd", [.left, .left, .delete]).text == "abd")
    #expect(typed("abcd", [.home, .backspace]).text == "abcd")
    #expect(typed("abcd", [.delete]).text == "abcd")
    let toStart = typed("abcd", [.left, .control("u")])
    #expect(toStart.text == "d")
    #expect(toStart.cursor == 0)
    let toEnd = typed("abcd", [.home, .right, .control("k")])
    #expect(toEnd.text == "a")
    #expect(toEnd.cursor == 1)
    #expect(typed("Senior Backend  Engineer", [.control("w")]).text == "Senior Backend  ")
    let word = typed("Senior Backend  Engineer", [.left, .left, .left, .left, .left, .left,
      .left, .left, .control("w")])
    #expect(word.text == "Senior Engineer")
    #expect(word.cursor == 7)
  }

  @Test func theCursorCountsWholeCharactersNotBytesOrScalars() {
    // "é" written as e + a combining accent, a flag, and a CJK character are one step each.
    let text = "Zu\u{0301}rich 🇨🇭 東京"
    var input = TextInput(text)
    for _ in 0..<4 { input.handle(.left) }
    input.handle(.backspace)
    #expect(input.text == "Zu\u{0301}rich🇨🇭 東京")
    input.handle(.home)
    input.handle(.right)
    input.handle(.right)
    input.handle(.backspace)
    #expect(input.text == "Zrich🇨🇭 東京")
    // An accent typed after a letter joins it: the cursor stays after that one character.
    var accent = TextInput("cafe")
    accent.handle(.character("\u{0301}"))
    #expect(accent.text == "cafe\u{0301}")
    #expect(accent.cursor == 4)
  }

  @Test func aPasteGoesInAtTheCursorAsOneLine() {
    var input = TextInput("Berlin")
    input.handle(.home)
    input.insert(pasted: "Remote\n")
    #expect(input.text == "Remote Berlin")
    #expect(input.cursor == 7)
  }

  @Test func controlCharactersAndUnknownKeysLeaveTheFieldAlone() {
    var input = TextInput("abc")
    #expect(input.handle(.character("\u{1B}")) == nil)
    #expect(input.handle(.pageDown) == nil)
    #expect(input.handle(.control("x")) == nil)
    #expect(input == TextInput("abc"))
  }

  // MARK: - In the UI

  @Test func theFieldFormFixesATypoAtTheStartOfAPrefilledTitle() throws {
    var app = Fixtures.app()
    app.press(.character("2"), .character("e"), .tab)
    guard case .fieldForm(let form) = app.state.mode else {
      Issue.record("no field form")
      return
    }
    #expect(form.fields[form.focus].label == "Title")
    app.press(.home)
    app.type("Senior ")
    app.press(.end)
    app.type(" II")
    app.press(.control("s"))
    #expect(app.state.deck.posting(withID: "acme-backend")?.title == "Senior Backend Engineer II")
  }

  @Test func theTerminalCursorSitsInsideTheFieldWhereTheTextCursorIs() throws {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Globex")
    app.press(.left, .left, .left)
    let screen = app.view(size: TerminalSize(rows: 24, columns: 80))
    let cursor = try #require(screen.cursor)
    let line = screen.text.split(separator: "\n", omittingEmptySubsequences: false)[cursor.row]
    let fieldStart = try #require(line.range(of: "Globex"))
    #expect(cursor.column == line.distance(from: line.startIndex, to: fieldStart.lowerBound) + 3)
  }

  @Test func aLongValueScrollsSoTheCursorShowsAtEitherEnd() {
    var screen = Screen(size: TerminalSize(rows: 1, columns: 20))
    var input = TextInput("https://jobs.example.com/engineering/42")
    let atEnd = screen.writeField(input, row: 0, column: 0, width: 10)
    #expect(screen.text.hasPrefix("eering/42"))
    #expect(atEnd == 9)
    input.handle(.home)
    screen = Screen(size: TerminalSize(rows: 1, columns: 20))
    let atStart = screen.writeField(input, row: 0, column: 0, width: 10)
    #expect(screen.text.hasPrefix("https://jo"))
    #expect(atStart == 0)
  }

  @Test func wideCharactersBeforeTheCursorCountTwoColumns() {
    var screen = Screen(size: TerminalSize(rows: 1, columns: 20))
    var input = TextInput("東京都")
    input.handle(.left)
    #expect(screen.writeField(input, row: 0, column: 2, width: 12) == 6)
  }

  @Test func theHelpAndTheREADMEListTheEditingKeys() throws {
    let help = Renderer.helpLines(width: 100).map(\.text).joined(separator: "\n")
    #expect(help.contains(TextEdit.helpTitle))
    #expect(help.contains("delete the word before the cursor"))
    #expect(help.contains("Home Ctrl-A"))
    let readme = try KeyMapTests.readme()
    #expect(readme.contains("| `Ctrl-K` | text fields | delete from the cursor to the end of the field |"))
  }
}
