import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

/// The agenda of a store whose summary is missing or stale reads the store without what no row
/// shows (descriptions, a posting's URL, location, source and tags, an application's notes):
/// it must write the very summary a save writes from the whole deck, show the same rows (and,
/// for a small store, suggestions), and refuse a store that does not load with the same message.
@Suite("Agenda rebuilt from the store")
struct AgendaRebuildTests {
  private static let today = CivilDate(year: 2026, month: 3, day: 2) ?? CivilDate(dayNumber: 0)

  @Test(arguments: PropertySeeds.seeds(default: 60))
  func aRebuiltSummaryIsTheOneASaveWrites(seed: UInt64) throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    var generator = DeckGenerator(seed: seed, hostileText: true)
    let deck = generator.deck(maximumRecords: 8)
    try store.save(deck, ifUnchangedSince: nil)
    let written = try #require(Disk.bytes(store.summaryPath))
    try FileManager.default.removeItem(atPath: store.summaryPath)
    let clock = FixedWallClock(date: Self.today, timeZone: TimeZone(identifier: "UTC") ?? .current)
    let read = try store.loadAgendaRows(for: .everything, today: Self.today)
    #expect(Disk.bytes(store.summaryPath) == written, "seed \(seed)")
    #expect(read.rows == Agenda.rows(of: deck), "seed \(seed)")
    #expect(read.deadlineCount == deck.deadlines.count, "seed \(seed)")
    // A store that keeps a summary points to `jobdeck suggest`, whether or not it was rebuilt;
    // a small store, read the same way, offers the suggestions of the whole deck.
    let days = SuggestionDays()
    #expect(read.suggestions(clock: clock, days: days) == nil, "seed \(seed)")
    let small = StoreFile(path: directory.file("small.json"), journalPolicy: .never)
    try small.save(deck, ifUnchangedSince: nil)
    let smallRead = try small.loadAgendaRows(for: .everything, today: Self.today)
    #expect(smallRead.suggestions(clock: clock, days: days)
      == deck.suggestions(clock: clock, rules: days.rules(for: deck)), "seed \(seed)")
    // The store itself is untouched, descriptions and all.
    #expect(try store.load().deck == deck, "seed \(seed)")
  }

  @Test(arguments: [
    "bad \\x escape", "raw\u{01}control", "lone \\ud800 surrogate",
  ])
  func aStoreThatDoesNotLoadIsRefusedAlike(description: String) throws {
    try expectRefusedAlike(StoreLongTextTests.store(description: description),
      at: "postings[0].description")
  }

  /// `json` does not load, with a refusal at `path`, and its agenda is refused the same way.
  private func expectRefusedAlike(_ json: String, at path: String) throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
    try json.write(toFile: store.path, atomically: false, encoding: .utf8)
    var loadError: StoreError?
    do { _ = try store.load() } catch let error as StoreError { loadError = error }
    var agendaError: StoreError?
    do {
      _ = try store.loadAgendaRows(for: .everything, today: Self.today)
    } catch let error as StoreError {
      agendaError = error
    }
    let expected = try #require(loadError)
    guard case .malformed(_, _, _, let refusedAt, _) = expected else {
      Issue.record("not a positioned refusal: \(expected)")
      return
    }
    #expect(refusedAt == path)
    #expect(agendaError == expected)
  }

  /// Every input the store-load fuzzer kept (`Tests/Fuzz/corpus/store-load`, bytes of every
  /// kind): the agenda's read refuses exactly what a load refuses, with the same message, and
  /// otherwise shows the loaded deck's rows.
  @Test func theFuzzCorpusIsReadAlikeByTheAgenda() throws {
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/store-load")
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    #expect(names.count >= 100, "the corpus at \(corpus.path) seems incomplete")
    for name in names {
      let data = try Data(contentsOf: corpus.appendingPathComponent(name))
      let directory = try TemporaryDirectory()
      let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
      #expect(FileManager.default.createFile(atPath: store.path, contents: data))
      let loaded = Result { try store.load() }
      let agenda = Result { try store.loadAgendaRows(for: .everything, today: Self.today) }
      switch (loaded, agenda) {
      case (.success(let loaded), .success(let read)):
        if !loaded.isReadOnly { #expect(read.rows == Agenda.rows(of: loaded.deck), "\(name)") }
      case (.failure(let loadError), .failure(let agendaError)):
        #expect("\(agendaError)" == "\(loadError)", "\(name)")
      default:
        Issue.record("\(name): the load and the agenda's read disagree: \(loaded) / \(agenda)")
      }
    }
  }

  /// A store whose dropped details are bad in other ways than a description can be.
  private static func store(postingExtra: String = "", tags: String = "[]",
    notes: String = "\"\"") -> String
  {
    let stamps = "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\""
    return """
      {"schemaVersion":1,"postings":[{"id":"p","title":"T","company":"C","tags":\(tags),\
      \(postingExtra)\(stamps)}],"applications":[{"id":"a","postingID":"p","stage":"applied",\
      "history":[],"notes":\(notes),"contacts":[],"terms":{},\(stamps)}]}
      """
  }

  @Test(arguments: [
    (store(postingExtra: #""url":"bad \x escape","#), "postings[0].url"),
    (store(postingExtra: #""location":7,"#), "postings[0].location"),
    (store(postingExtra: #""source":"lone \ud800 surrogate","#), "postings[0].source"),
    (store(tags: #"["ok",3]"#), "postings[0].tags[1]"),
    (store(notes: "\"raw\u{01}control\""), "applications[0].notes"),
    (store(notes: "false"), "applications[0].notes"),
  ])
  func aBadDetailIsRefusedAlike(json: String, path: String) throws {
    try expectRefusedAlike(json, at: path)
  }
}
