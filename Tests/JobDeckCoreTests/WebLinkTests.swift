import Testing

@testable import JobDeckCore

@Suite("What JobDeck keeps as a link")
struct WebLinkTests {
  @Test(arguments: [
    "https://example.com/jobs/1", "http://example.com", "HTTPS://EXAMPLE.COM/a?b=c#d",
    "https://user@example.com:8443/x", "https://例え.jp/求人", "https://example.com/-x",
  ])
  func webPagesAreKept(_ text: String) throws {
    #expect(try WebLink(text).text == text)
  }

  @Test func surroundingWhitespaceIsDropped() throws {
    #expect(try WebLink("\t https://example.com/a \n").text == "https://example.com/a")
  }

  @Test(arguments: [
    ("--renderer-cmd-prefix=x", WebLink.Refusal.startsWithDash),
    (" -x", .startsWithDash),
    ("javascript:alert(1)", .schemeNotAllowed("javascript", .webPage)),
    ("JavaScript:alert(1)", .schemeNotAllowed("JavaScript", .webPage)),
    ("file:///etc/passwd", .schemeNotAllowed("file", .webPage)),
    ("data:text/html,x", .schemeNotAllowed("data", .webPage)),
    ("mailto:a@example.com", .schemeNotAllowed("mailto", .webPage)),
    ("example.com", .noScheme(.webPage)),
    ("://example.com", .noScheme(.webPage)),
    ("1http://example.com", .noScheme(.webPage)),
    ("https://", .noHost),
    ("https:example.com", .noHost),
    ("https://@/x", .noHost),
    ("https://example.com/a b", .invisibleOrSpace),
    ("https://example.com/\u{1B}[2J", .invisibleOrSpace),
    ("https://exa\u{202E}mple.com", .invisibleOrSpace),
    ("https://example.com/\u{85}x", .invisibleOrSpace),
    ("", .empty),
    ("   ", .empty),
  ])
  func otherTextIsRefusedWithItsReason(_ text: String, _ refusal: WebLink.Refusal) {
    #expect(WebLink.refusal(of: text) == refusal)
    #expect(WebLink.validated(text) == nil)
  }

  @Test func aVeryLongTextIsNotALink() {
    let text = "https://example.com/" + String(repeating: "a", count: 5000)
    #expect(WebLink.refusal(of: text) == .tooLong(5020))
  }

  @Test func contactsMayAlsoBeMailAndTelephoneLinks() throws {
    #expect(try WebLink("mailto:hr@example.com", for: .contact).scheme == "mailto")
    #expect(try WebLink("tel:+49301234567", for: .contact).scheme == "tel")
    #expect(WebLink.refusal(of: "mailto:", for: .contact) == .noHost)
    #expect(WebLink.refusal(of: "file:///x", for: .contact) == .schemeNotAllowed("file", .contact))
  }
}

@Suite("Input quoted in messages")
struct QuotedExcerptTests {
  @Test func shortTextIsQuotedWhole() {
    #expect(QuotedExcerpt.quoted("abc") == "'abc'")
    #expect(QuotedExcerpt.quoted(String(repeating: "a", count: 80))
      == "'" + String(repeating: "a", count: 80) + "'")
  }

  @Test func longTextIsCutToEightyColumnsAndSaysHowLongItWas() {
    let quoted = QuotedExcerpt.quoted(String(repeating: "x", count: 1_000_000))
    #expect(quoted == "'" + String(repeating: "x", count: 79)
      + "…' (the first 80 columns of 1000000 characters)")
  }

  @Test func controlsAreShownNotSent() {
    #expect(QuotedExcerpt.quoted("a\u{1B}[2Jb") == "'a^[[2Jb'")
    let wide = QuotedExcerpt.quoted(String(repeating: "漢", count: 100))
    #expect(TerminalText.displayWidth(of: wide) < 140)
  }
}

@Suite("Ids")
struct IdentifierMakerTests {
  @Test func idsComeFromCompanyAndTitleEvenWhenOneIsAFillerWord() {
    #expect(IdentifierMaker.slug(company: "A", title: "B") == "a-b")
    #expect(IdentifierMaker.slug(company: "The Co", title: "An") == "the-co-an")
    #expect(IdentifierMaker.slug(company: "SumUp", title: "ML Engineer") == "sumup-ml-engineer")
    #expect(IdentifierMaker.slug(company: "Acme GmbH", title: "Intern (m/f/d)") == "acme-intern")
    #expect(IdentifierMaker.slug(company: "\u{1B}[2J", title: "") == "2j")
    #expect(IdentifierMaker.slug(company: "", title: "\u{202E}") == "job")
  }
}
