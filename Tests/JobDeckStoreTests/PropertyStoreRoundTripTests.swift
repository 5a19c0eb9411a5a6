import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// Property: whatever deck the model can hold, saving it and loading it back gives the same
/// deck. Decks come from `DeckGenerator` (hostile text, any finite number, dates anywhere in
/// 1900–2199, the range JobDeck accepts, periods of either sign, timed deadlines in several zones); each seed is one case, so a
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

  /// The generator's ids and URLs are hostile text, which JobDeck never makes itself: `check`
  /// reports each such id and URL (and nothing else), and the deck still loads whole.
  @Test(arguments: PropertySeeds.seeds(default: 25))
  func savingToDiskThenLoadingGivesTheSameDeckAndACheckThatFindsOnlyHostileIDsAndURLs(
    seed: UInt64
  ) throws {
    var generator = DeckGenerator(seed: seed)
    let deck = generator.deck()
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    try store.save(deck)
    #expect(try store.load().deck == deck, "seed \(seed)")
    let report = try store.check()
    let ids = deck.postings.map(\.id) + deck.applications.map(\.id) + deck.deadlines.map(\.id)
    let hostileIDs = ids.filter { id in
      id.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        || id.unicodeScalars.contains { scalar in
          let value = scalar.value
          return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028
            || value == 0x2029 || scalar.properties.generalCategory == .format
        }
    }
    let hostileURLs = deck.postings.compactMap(\.url).filter { written in
      let scalars = written.unicodeScalars
      let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
      let end = scalars.lastIndex { !$0.properties.isWhitespace }.map(scalars.index(after:))
        ?? scalars.endIndex
      let url = start < end ? String(scalars[start..<end]) : ""
      let lower = url.lowercased()
      return !(lower.hasPrefix("http://") || lower.hasPrefix("https://"))
        || url.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20
          || (0x7F...0x9F).contains($0.value) || $0.properties.generalCategory == .format }
        || url.unicodeScalars.count > WebLink.maximumLength
    }
    #expect(report.problems.count == hostileIDs.count + hostileURLs.count,
            "seed \(seed): \(report.problems)")
    #expect(report.problems.allSatisfy { $0.contains(" id ") || $0.contains(" has the URL ") },
            "seed \(seed): \(report.problems)")
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
