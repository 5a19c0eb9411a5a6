import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

@Suite("URLs in the UI: only links are stored or opened")
struct HostileURLUITests {
  @Test func oRefusesAStoredURLThatIsNotALinkAndSaysWhy() {
    var deck = Fixtures.deck
    deck.postings[0].url = "--renderer-cmd-prefix=touch /tmp/x"
    var app = Fixtures.app(deck)
    app.press(.resize(TerminalSize(rows: 24, columns: 80)))
    app.press(.character("j"), .character("j"), .enter)
    #expect(app.press(.character("o")).isEmpty)
    #expect(app.state.messageIsError)
    #expect(app.state.message?.hasPrefix("not opened: the URL starts with '-'") == true,
            "\(app.state.message ?? "")")
  }

  @Test func theAddFormRefusesAURLThatIsNotALink() {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    app.press(.tab)
    app.type("Data Scientist")
    app.press(.tab, .tab)
    app.type("javascript:alert(1)")
    let before = app.state.deck
    app.press(.control("s"))
    guard case .addForm(let form) = app.state.mode else {
      Issue.record("the form was closed: \(app.state.mode)")
      return
    }
    #expect(form.error == "the URL is a 'javascript:' link: JobDeck keeps only http:// and"
      + " https:// links")
    #expect(app.state.deck == before)
  }

  @Test func theAddFormStoresALinkWithoutSurroundingSpaces() throws {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.type("Zalando")
    app.press(.tab)
    app.type("Data Scientist")
    app.press(.tab, .tab)
    app.type(" https://example.com/jobs/9 ")
    app.press(.control("s"))
    let posting = try #require(app.state.deck.postings.last)
    #expect(posting.company == "Zalando")
    #expect(posting.url == "https://example.com/jobs/9")
  }
}
