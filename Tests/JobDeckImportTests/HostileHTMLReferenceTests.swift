import JobDeckCore
import Testing

@testable import JobDeckImport

/// Numeric character references in web pages, read as the HTML standard says: found while
/// feeding the importer hostile pages, where `&#0;` put a NUL into a title and `&#150;` a C1
/// control (shown as `^[V`) where the page meant an en dash.
@Suite("HTML numeric references")
struct HostileHTMLReferenceTests {
  @Test func nulSurrogatesAndValuesBeyondUnicodeBecomeTheReplacementCharacter() {
    #expect(HTMLText.decodeEntities("a&#0;b&#xD800;c&#99999999;d&#x110000;e")
            == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
  }

  @Test func referencesInTheC1RangeAreTheWindows1252CharactersPagesMean() {
    #expect(HTMLText.decodeEntities("It&#146;s &#150; &#x93;new&#x94; &#128;50") == "It’s – “new” €50")
  }

  @Test func ordinaryReferencesAreUnchanged() {
    #expect(HTMLText.decodeEntities("&#233;t&#xE9; &amp; &#x1F600;") == "été & 😀")
  }

  @Test func aPageTitleWithTheseReferencesHasNoControlCharacter() {
    let html = "<html><body><h1>Data&#150;Intern&#0;</h1><p>Company: Acme</p></body></html>"
    let draft = HTMLPostingReader.draft(
      fromHTML: html, importDate: CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(dayNumber: 0),
      source: "test")
    #expect(draft.posting.title == "Data–Intern\u{FFFD}")
  }
}
