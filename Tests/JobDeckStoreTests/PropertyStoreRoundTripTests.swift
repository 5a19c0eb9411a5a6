import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// Property: whatever deck the model can hold, saving it and loading it back gives the same
/// deck. Decks come from `DeckGenerator` (hostile text, any finite number, dates from year 1 to
/// 9999, periods of either sign, timed deadlines in several zones); each seed is one case, so a
/// failure names the seed that reproduces it. `JOBDECK_PROPERTY_RUNS=5000` runs more.
@Suite("Property: the store round-trips any deck")
struct PropertyStoreRoundTripTests {
  @Test(arguments: PropertySeeds.seeds(default: 300))
  func encodingThenDecodingGivesTheSameDeck(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed)
    let deck = generator.deck()
    let data = try StoreEncoder().encode(deck)
    let loaded = try StoreDecoder().decode(data, path: "property.json")
    #expect(loaded.deck == deck, "seed \(seed)")
    #expect(loaded.readOnlyReason == nil)
    // The format promises a stable file: saving what was loaded writes the same bytes.
    #expect(try StoreEncoder().encode(loaded.deck) == data, "seed \(seed)")
  }

  @Test(arguments: PropertySeeds.seeds(default: 25))
  func savingToDiskThenLoadingGivesTheSameDeckAndACleanCheck(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed)
    let deck = generator.deck()
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    try store.save(deck)
    #expect(try store.load().deck == deck, "seed \(seed)")
    let report = try store.check()
    #expect(report.problems.isEmpty, "seed \(seed): \(report.problems)")
  }

  @Test func theGeneratorCoversWhatTheFormatMustCarry() {
    // Guards the property itself: a generator that never produced these would prove little.
    var sawTimed = false, sawRelative = false, sawControl = false, sawNegative = false
    for seed in PropertySeeds.seeds(default: 300) {
      var generator = DeckGenerator(seed: seed)
      let deck = generator.deck()
      for deadline in deck.deadlines {
        if case .timed = deadline.due { sawTimed = true }
        if case .relative(_, let offset) = deadline.due, offset.description.hasPrefix("-") {
          sawRelative = true
          sawNegative = true
        }
      }
      for posting in deck.postings where posting.title.unicodeScalars.contains(where: {
        $0.value == 0x1B || $0.value == 0x9B
      }) {
        sawControl = true
      }
    }
    #expect(sawTimed && sawRelative && sawControl && sawNegative)
  }

  @Test func theGeneratorCoversTheEventContactOfferAndArchiveFields() {
    var sawEvent = false, sawContact = false, sawOffer = false, sawArchived = false
    for seed in PropertySeeds.seeds(default: 300) {
      var generator = DeckGenerator(seed: seed)
      let deck = generator.deck()
      sawEvent = sawEvent || deck.deadlines.contains {
        $0.title != nil && $0.duration != nil && $0.place != nil && $0.link != nil
      }
      sawContact = sawContact || deck.applications.contains {
        $0.contacts.contains { $0.phone != nil && $0.note != nil }
      }
      sawOffer = sawOffer || deck.applications.contains {
        $0.terms.salary != nil && $0.terms.contractType != nil && $0.terms.noticePeriod != nil
      }
      sawArchived = sawArchived || (deck.postings.contains(where: \.isArchived)
        && deck.applications.contains(where: \.isArchived))
    }
    #expect(sawEvent && sawContact && sawOffer && sawArchived)
  }
}
