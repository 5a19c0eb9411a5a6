import Foundation
import JobDeckCore
@_spi(Benchmark) @testable import JobDeckStore
import JobDeckTestSupport
import Testing

/// Answers to suggestions live in the store's settings: they survive a reload, both writers and
/// both readers agree on them, and a store written before them reads and writes as it did.
@Suite("Store: suggestion answers")
struct SuggestionAnswerStoreTests {
  private func answered() -> Deck {
    var deck = Fixtures.fullDeck()
    deck.answerSuggestion("sumup-ml-engineer/no-response", .dismissed)
    deck.answerSuggestion("sumup-ml-engineer/follow-up", .snoozed,
                          until: CivilDate("2026-12-01"))
    return deck
  }

  @Test func answersSurviveSaveAndLoad() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    try store.save(answered())
    #expect(try store.load().deck == answered())
  }

  @Test func answersAreWrittenInTheSettingsLineAndReadBack() throws {
    let fast = try StoreEncoder().encode(answered())
    let text = String(decoding: fast, as: UTF8.self)
    #expect(text.contains(#""suggestionAnswers":[{"answer":"dismissed","id":"sumup-ml-engineer/no-response"},{"answer":"snoozed","id":"sumup-ml-engineer/follow-up","until":"2026-12-01"}]"#))
    #expect(try StoreDecoder().decode(fast, path: "p.json").deck == answered())
  }

  @Test func aStoreWithoutAnswersIsWrittenBackByteForByte() throws {
    let old = try StoreEncoder().encode(Fixtures.fullDeck())
    #expect(!String(decoding: old, as: UTF8.self).contains("suggestionAnswers"))
    let loaded = try StoreDecoder().decode(old, path: "p.json").deck
    #expect(loaded.settings.suggestionAnswers.isEmpty)
    #expect(try StoreEncoder().encode(loaded) == old)
  }
}
