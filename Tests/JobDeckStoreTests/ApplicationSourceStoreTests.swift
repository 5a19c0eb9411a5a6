import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@_spi(Benchmark) @testable import JobDeckStore

/// An application's source, method and "sent to" (added after the first format): stores written
/// before them load unchanged, and every reader and writer of the store carries them.
@Suite("Store: application source and method")
struct ApplicationSourceStoreTests {
  static let fixture = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/stores/before-application-source.json")

  @Test func aStoreFromBeforeTheFieldsLoadsWithThemEmptyAndSavesBackByteForByte() throws {
    let original = try Data(contentsOf: Self.fixture)
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try original.write(to: URL(fileURLWithPath: path))
    let store = StoreFile(path: path)

    let loaded = try store.load()

    #expect(loaded.readOnlyReason == nil)
    #expect(loaded.deck.applications.map(\.id) == ["acme-data-analyst", "initech-analyst"])
    #expect(loaded.deck.applications.allSatisfy {
      $0.source == nil && $0.method == nil && $0.sentTo == nil
    })
    #expect(loaded.deck.applications[0].notes == "Sent CV and cover letter.")
    #expect(loaded.deck.applications[0].terms.contractType == .fullTime)
    #expect(try StoreEncoder().encode(loaded.deck) == original)
  }

  @Test func theFieldsSurviveAFullSaveAndTheJournal() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    var deck = try StoreDecoder().decode(Data(contentsOf: Self.fixture), path: "f").deck
    let fingerprint = try store.save(deck, ifUnchangedSince: nil)
    let before = deck
    deck.applications[0].source = ApplicationSource(.linkedIn)
    deck.applications[0].method = .onlineForm
    deck.applications[0].sentTo = "Jana Weber, HR\nAcme GmbH, Hauptstr. 1"
    deck.applications[1].source = ApplicationSource(parsing: "Berlin Startup Jobs newsletter")
    deck.applications[1].method = .post

    try store.save(deck, ifUnchangedSince: fingerprint, previous: before)

    #expect(try store.load().deck == deck)
    let text = try String(contentsOfFile: store.path, encoding: .utf8)
      + ((try? String(contentsOfFile: store.path + ".journal", encoding: .utf8)) ?? "")
    #expect(text.contains("\"method\":\"onlineForm\""))
    #expect(text.contains("\"source\":\"linkedIn\""))
    #expect(text.contains("\"source\":\"Berlin Startup Jobs newsletter\""))
  }

  @Test func theFieldsAreWrittenAndReadBack() throws {
    let deck = Fixtures.fullDeck()
    #expect(deck.applications[0].method != nil && deck.applications[0].source != nil)
    #expect(try StoreDecoder().decode(StoreEncoder().encode(deck), path: "p").deck == deck)
  }

  @Test func anUnknownMethodIsReportedWithTheAllowedValues() throws {
    let text = try String(contentsOf: Self.fixture, encoding: .utf8)
      .replacingOccurrences(of: "\"notes\":\"\"", with: "\"method\":\"pigeon\",\"notes\":\"\"")
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    do {
      _ = try StoreFile(path: path).load()
      Issue.record("a store with method \"pigeon\" loaded")
    } catch {
      let message = String(describing: error)
      #expect(message.contains("pigeon"), "\(message)")
      #expect(message.contains("onlineForm"), "\(message)")
    }
  }
}
