import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

@Suite("Screen drawing")
struct ScreenDrawingTests {
  @Test func aWideGraphemeTakesACellAndAContinuation() {
    var screen = Screen(size: TerminalSize(rows: 1, columns: 6))
    let used = screen.write("東a", row: 0, column: 0)
    #expect(used == 3)
    #expect(screen[0, 0].text == "東")
    #expect(screen[0, 1].isContinuation)
    #expect(screen[0, 2].text == "a")
  }

  @Test func aWideGraphemeThatDoesNotFitBecomesASpace() {
    var screen = Screen(size: TerminalSize(rows: 1, columns: 3))
    screen.write("ab東", row: 0, column: 0)
    #expect(screen.rows == ["ab"])
    #expect(screen[0, 2] == Cell(text: " "))
    #expect(!screen.cells.contains { $0.text == "東" })
  }

  @Test func writingIsClippedToTheGivenWidth() {
    var screen = Screen(size: TerminalSize(rows: 1, columns: 10))
    screen.write("abcdefgh", row: 0, column: 2, width: 3)
    #expect(screen.rows == ["  abc"])
  }

  @Test func writingSanitizes() {
    var screen = Screen(size: TerminalSize(rows: 1, columns: 20))
    screen.write("\u{1B}[2Jx\r", row: 0, column: 0)
    #expect(screen.rows == ["^[[2Jx^M"])
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var screen = Screen(size: TerminalSize(rows: 1, columns: 4))
    screen.write("東京", row: 0, column: 0)
    screen.write("x", row: 0, column: 1)
    #expect(screen.rows == [" x京"])
    #expect(!screen[0, 1].isContinuation)
  }

  @Test func writesOutsideTheScreenAreIgnored() {
    var screen = Screen(size: TerminalSize(rows: 1, columns: 2))
    #expect(screen.write("x", row: 5, column: 0) == 0)
    #expect(screen.write("x", row: 0, column: 9) == 0)
    #expect(screen.write("x", row: -1, column: -1) == 0)
  }
}

@Suite("Every view at every size")
struct ScreenSizeTests {
  /// The app in each view and mode the user can reach.
  static var apps: [App] {
    var result: [App] = []
    for keys: [KeyPress] in [
      [], [.character("2")], [.character("2"), .character("c")], [.character("3")],
      [.enter], [.character("a")], [.character("i")], [.character("?")],
      [.character("2"), .character("l"), .character("m")], [.character("3"), .character("z")],
      [.character("/")],
    ] {
      var app = Fixtures.app()
      for key in keys { app.press(key) }
      result.append(app)
    }
    var preview = Fixtures.app()
    preview.send(.importFinished(AddFormTests.draft))
    result.append(preview)
    result.append(Fixtures.app(Deck()))
    return result
  }

  @Test func everySizeFromOneByOneToFiftyByFifteenRendersWithoutTrapping() {
    for app in ScreenSizeTests.apps {
      for rows in 1...15 {
        for columns in 1...50 {
          let screen = app.view(size: TerminalSize(rows: rows, columns: columns))
          #expect(screen.cells.count == rows * columns)
          if let cursor = screen.cursor {
            #expect(cursor.row >= 0 && cursor.row < rows && cursor.column >= 0
              && cursor.column < columns)
          }
        }
      }
    }
  }

  @Test func belowTheMinimumItSaysTheTerminalIsTooSmall() {
    let app = Fixtures.app()
    #expect(app.screenText(rows: 9, columns: 80).contains("terminal too small"))
    #expect(app.screenText(rows: 24, columns: 39).contains("terminal too small"))
    #expect(!app.screenText(rows: 10, columns: 40).contains("terminal too small"))
  }

  @Test func noCellEverHoldsAControlCharacter() {
    for app in ScreenSizeTests.apps {
      for size in [TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 40, columns: 120),
                   TerminalSize(rows: 12, columns: 40)] {
        let screen = app.view(size: size)
        for cell in screen.cells {
          #expect(!cell.text.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
              || (0x202A...0x202E).contains($0.value) || $0.value == 0x200B
          }, "control in \(cell.text.unicodeScalars.map { $0.value })")
        }
      }
    }
  }

  @Test func theHostilePostingShowsItsEscapesVisiblyInTheDetail() {
    var app = Fixtures.app()
    app.press(.character("j"), .character("j"), .character("j"), .enter)
    let text = app.screenText(rows: 40, columns: 120)
    #expect(text.contains("^[[2JEvil^[]52;c;aGk=^GCorp"))
    #expect(text.contains("Title^M^H^[[31mgnp.exe"))
  }
}

@Suite("Columns stay aligned with CJK and emoji")
struct AlignmentTests {
  /// The terminal column where `text` starts on `row`, counting continuation cells.
  func startColumn(of text: String, in screen: Screen, row: Int) -> Int? {
    let first = String(text.first ?? " ")
    for column in 0..<screen.size.columns where screen[row, column].text == first {
      var matched = ""
      var position = column
      while position < screen.size.columns, matched.count < text.count {
        if !screen[row, position].isContinuation { matched += screen[row, position].text }
        position += 1
      }
      if matched == text { return column }
    }
    return nil
  }

  @Test func theLocationColumnStartsAtTheSameTerminalColumnInEveryPostingRow() throws {
    let screen = Fixtures.app().view(size: TerminalSize(rows: 40, columns: 120))
    let locations = ["Zürich", "東京", "Berlin", "Nowhere", "Remote"]
    var starts: [Int] = []
    for (index, location) in locations.enumerated() {
      starts.append(try #require(startColumn(of: location, in: screen, row: 2 + index)))
    }
    #expect(Set(starts).count == 1, "location starts at \(starts)")
    let stageStarts = try ["applied", "interview", "screening", "saved"].map { stage in
      try #require((2...6).lazy.compactMap { self.startColumn(of: stage, in: screen, row: $0) }
        .first)
    }
    #expect(Set(stageStarts).count == 1, "stage starts at \(stageStarts)")
  }

  @Test func theAgendaCompanyColumnIsAlignedAfterWideTitles() throws {
    var app = Fixtures.app()
    app.press(.character("3"))
    let screen = app.view(size: TerminalSize(rows: 40, columns: 120))
    let rows = screen.rows
    let companyRows = rows.indices.filter { row in
      ["apply by", "interview", "assessment"].contains { rows[row].hasPrefix(" " + $0) }
    }
    #expect(companyRows.count == 5)
    let starts = companyRows.compactMap { row in
      ["SoundCloud", "株式会社メルカリ", "Café 🍰 Labs", "Acme", "^[[2JEvil"].lazy
        .compactMap { self.startColumn(of: $0, in: screen, row: row) }.first
    }
    #expect(starts.count == companyRows.count)
    #expect(Set(starts).count == 1, "company starts at \(starts)")
  }
}
