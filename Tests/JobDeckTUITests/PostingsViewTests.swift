import JobDeckCore
import Testing

@testable import JobDeckTUI

@Suite("Postings view keys")
struct PostingsViewTests {
  func visibleIDs(_ app: App) -> [String] {
    Renderer(state: app.state).visiblePostings().map(\.id)
  }

  @Test func startsOnPostingsSortedByNearestDeadline() {
    let app = Fixtures.app()
    #expect(app.state.view == .postings)
    #expect(visibleIDs(app) == [
      "cafe-labs-data", "mercari-engineer", "soundcloud-ml-intern", "evil-corp", "acme-backend",
      "globex-platform",
    ])
  }

  @Test func jAndKMoveTheSelectionWithinBounds() {
    var app = Fixtures.app()
    app.press(.character("k"))
    #expect(app.state.postingSelection == 0)
    app.press(.character("j"), .down, .character("j"))
    #expect(app.state.postingSelection == 3)
    app.press(.character("j"), .character("j"), .character("j"))
    #expect(app.state.postingSelection == 5)
    app.press(.up)
    #expect(app.state.postingSelection == 4)
  }

  @Test func sCyclesDeadlinePostedCompany() {
    var app = Fixtures.app()
    app.press(.character("s"))
    #expect(app.state.postingSort == .posted)
    #expect(visibleIDs(app) == [
      "evil-corp", "mercari-engineer", "soundcloud-ml-intern", "cafe-labs-data", "acme-backend",
      "globex-platform",
    ])
    app.press(.character("s"))
    #expect(app.state.postingSort == .company)
    #expect(visibleIDs(app).prefix(3) == ["evil-corp", "acme-backend", "cafe-labs-data"])
    app.press(.character("s"))
    #expect(app.state.postingSort == .deadline)
  }

  @Test func slashFiltersIncrementallyOverTitleCompanyLocationTagsAndDescription() {
    var app = Fixtures.app()
    app.press(.character("/"))
    #expect(app.state.isEditingFilter)
    app.type("engineer")
    #expect(visibleIDs(app) == ["cafe-labs-data", "acme-backend", "globex-platform"])
    app.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace,
              .backspace, .backspace)
    app.type("東京")
    #expect(visibleIDs(app) == ["mercari-engineer"])
    app.press(.escape)
    app.press(.character("/"))
    app.type("python")  // a tag
    #expect(visibleIDs(app) == ["soundcloud-ml-intern"])
    app.press(.escape, .character("/"))
    app.type("PYTORCH")  // in the description, any case
    #expect(visibleIDs(app) == ["soundcloud-ml-intern"])
  }

  @Test func enterKeepsTheFilterAndEscClearsIt() {
    var app = Fixtures.app()
    app.press(.character("/"))
    app.type("engineer")
    app.press(.enter)
    #expect(!app.state.isEditingFilter)
    #expect(app.state.filter == "engineer")
    #expect(visibleIDs(app).count == 3)
    // Keys act on the table again, not the filter.
    app.press(.character("j"))
    #expect(app.state.postingSelection == 1)
    #expect(app.state.filter == "engineer")
    app.press(.escape)
    #expect(app.state.filter.isEmpty)
    #expect(visibleIDs(app).count == 6)
  }

  @Test func escWhileTypingClearsTheFilter() {
    var app = Fixtures.app()
    app.press(.character("/"))
    app.type("acme")
    app.press(.escape)
    #expect(!app.state.isEditingFilter)
    #expect(app.state.filter.isEmpty)
  }

  @Test func nAndShiftNCycleThroughMatches() {
    var app = Fixtures.app()
    app.press(.character("/"))
    app.type("engineer")
    app.press(.enter, .character("n"))
    #expect(app.state.postingSelection == 1)
    app.press(.character("n"), .character("n"))
    #expect(app.state.postingSelection == 0)
    app.press(.character("N"))
    #expect(app.state.postingSelection == 2)
  }

  @Test func enterOpensTheDetailOfTheSelectedPosting() {
    var app = Fixtures.app()
    app.press(.character("j"), .enter)
    #expect(app.state.mode == .detail(
      DetailState(postingID: "mercari-engineer", applicationID: "mercari-engineer")))
  }

  @Test func qQuitsFromATopView() {
    var app = Fixtures.app()
    #expect(app.press(.character("q")) == [.quit])
  }

  @Test func numberKeysAndTabSwitchViews() {
    var app = Fixtures.app()
    app.press(.character("2"))
    #expect(app.state.view == .pipeline)
    app.press(.character("3"))
    #expect(app.state.view == .agenda)
    app.press(.character("4"))
    #expect(app.state.view == .stats)
    app.press(.character("1"))
    #expect(app.state.view == .postings)
    app.press(.tab)
    #expect(app.state.view == .pipeline)
    app.press(.tab, .tab, .tab)
    #expect(app.state.view == .postings)
    app.press(.backTab)
    #expect(app.state.view == .stats)
  }

  @Test func questionMarkShowsTheKeysAndQEscOrQuestionMarkCloseThem() {
    var app = Fixtures.app()
    app.press(.character("?"))
    #expect(app.state.mode == .help)
    #expect(app.screenText().contains("undo the last change"))
    // Other letters scroll or do nothing: they never reach the view underneath.
    app.press(.character("x"), .character("L"))
    #expect(app.state.mode == .help)
    #expect(app.state.deck == Fixtures.deck)
    for key in [KeyPress.character("q"), .escape, .character("?")] {
      app.press(.character("?"))
      app.press(key)
      #expect(app.state.mode == .browsing)
    }
  }

  @Test func urgencyBadgesAreText() {
    let text = Fixtures.app().screenText(rows: 24, columns: 120)
    for badge in ["[OVERDUE]", "[TODAY]", "[2d]", "[13d]", "[58d]"] {
      #expect(text.contains(badge), "missing \(badge)")
    }
  }
}

@Suite("Postings view: jumping and paging")
struct PostingsJumpTests {
  @Test func homeEndAndGJumpToTheEnds() {
    var app = Fixtures.app()
    app.press(.end)
    #expect(app.state.postingSelection == 5)
    app.press(.home)
    #expect(app.state.postingSelection == 0)
    app.press(.character("G"))
    #expect(app.state.postingSelection == 5)
    app.press(.character("g"))
    #expect(app.state.postingSelection == 0)
  }

  @Test func pageKeysMoveByAScreenfulWithinBounds() {
    var app = Fixtures.app()
    // 8 rows: header, 4 of list (a heading and 3 postings), message, hints, status.
    app.press(.resize(TerminalSize(rows: 8, columns: 80)))
    app.press(.pageDown)
    #expect(app.state.postingSelection == 2)
    app.press(.pageDown, .pageDown)
    #expect(app.state.postingSelection == 5)
    app.press(.pageUp, .pageUp, .pageUp)
    #expect(app.state.postingSelection == 0)
  }

  @Test func theSelectionScrollsIntoViewOnASmallTerminal() {
    var deck = Fixtures.deck
    for number in 1...4 {
      deck.postings.append(Posting(id: "extra-\(number)", title: "Role \(number)",
                                   company: "Extra \(number)", createdAt: Fixtures.created))
    }
    var app = Fixtures.app(deck)
    app.press(.end)
    let text = app.screenText(rows: 10, columns: 80)
    #expect(text.contains("Extra 4"))
    #expect(!text.contains("Café"))
  }

  @Test func lettersTypedIntoAFormNeverActAsCommands() {
    var app = Fixtures.app()
    app.press(.character("a"))
    #expect(app.type("quit 123").isEmpty)
    #expect(app.state.view == .postings)
    guard case .addForm(let form) = app.state.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.value(.company) == "quit 123")
  }
}
