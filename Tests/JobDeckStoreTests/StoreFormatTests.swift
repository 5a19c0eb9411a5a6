import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

@Suite("Store format")
struct StoreFormatTests {
  @Test func aDeckWithEveryFieldFilledSurvivesSaveAndLoad() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    let deck = Fixtures.fullDeck()

    try store.save(deck)
    let loaded = try store.load()

    #expect(loaded.deck == deck)
    #expect(loaded.readOnlyReason == nil)
  }

  @Test func membersComeInFixedOrderWithOneRecordPerLineAndATrailingNewline() throws {
    let text = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    #expect(text.hasSuffix("}\n"))
    #expect(lines[0] == "{")
    #expect(lines[1] == "  \"schemaVersion\": 1,")
    #expect(lines[2] == "  \"settings\": {\"currentNoticePeriod\":\"P4W\",\"followUpAfterDays\":10},")
    #expect(lines[3] == "  \"postings\": [")
    #expect(lines[4].hasPrefix("    {\"company\":\"SumUp\","))
    #expect(lines[4].hasSuffix("},"))
    #expect(lines[5].hasPrefix("    {\"company\":\"SoundCloud\","))
    #expect(lines[5].hasSuffix("}"))
    #expect(lines[6] == "  ],")
    #expect(lines[7] == "  \"applications\": [")
    #expect(lines[8].hasPrefix("    {\"company\":\"SumUp GmbH\","))
    #expect(lines[9] == "  ],")
    #expect(lines[10] == "  \"deadlines\": [")
    #expect(lines[11...13].allSatisfy { $0.hasPrefix("    {\"due\":") })
    #expect(lines[14] == "  ]")
    #expect(lines[15] == "}")
    #expect(lines[16] == "")
  }

  @Test func keysAreSortedAtEveryLevelOfEveryRecord() throws {
    let bytes = [UInt8](try StoreEncoder().encode(Fixtures.fullDeck()))
    var unsorted: [[String]] = []
    func visit(_ reader: inout StoreReader, isRoot: Bool) throws(StoreReadError) {
      reader.skipSpace()
      switch reader.bytes[reader.index] {
      case UInt8(ascii: "{"):
        var keys: [String] = []
        try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
          keys.append(String(decoding: key, as: UTF8.self))
          try visit(&reader, isRoot: false)
          return 0
        }
        if !isRoot && keys != keys.sorted() { unsorted.append(keys) }
      case UInt8(ascii: "["):
        try reader.readArray { (reader) throws(StoreReadError) in
          try visit(&reader, isRoot: false)
        }
      default:
        try reader.skipValue()
      }
    }
    let read = bytes.withUnsafeBytes { raw -> Bool in
      var reader = StoreReader(raw)
      return (try? visit(&reader, isRoot: true)) != nil
    }
    #expect(read)
    #expect(unsorted.isEmpty)
  }

  @Test func instantsAreUTCWithWholeSecondsAndSlashesAreNotEscaped() throws {
    let text = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)

    #expect(text.contains("\"createdAt\":\"2026-11-28T10:00:00Z\""))
    #expect(text.contains("\"url\":\"https://jobs.example/sumup/ml?id=7\""))
    #expect(text.contains("\"date\":\"2026-12-01\""))
    #expect(text.contains("\"offset\":\"P3M\""))
  }

  @Test func handTypedInstantsWithOffsetsAndFractionsAreRead() throws {
    #expect(StoreDateFormat.date(from: "2026-11-22T11:00:00+01:00")
      == StoreDateFormat.date(from: "2026-11-22T10:00:00Z"))
    #expect(StoreDateFormat.date(from: "2026-11-22T10:00:00.5Z")?.timeIntervalSince1970
      == 1_795_860_000 - 6 * 86_400 + 0.5)
    #expect(StoreDateFormat.date(from: "2026-11-22 10:00:00Z") == nil)
    #expect(StoreDateFormat.date(from: "2026-02-30T10:00:00Z") == nil)
    #expect(StoreDateFormat.date(from: "2026-11-22T24:00:00Z") == nil)
    #expect(StoreDateFormat.string(from: Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    #expect(StoreDateFormat.string(from: Date(timeIntervalSince1970: 1_795_860_000.9))
      == "2026-11-28T10:00:00Z")
  }

  @Test func newlinesInsideTextStayOnTheRecordsLine() throws {
    let text = String(decoding: try StoreEncoder().encode(Fixtures.fullDeck()), as: UTF8.self)

    #expect(text.contains(#""description":"Line one.\nLine two with \"quotes\" and a tab\t.""#))
    #expect(text.split(separator: "\n").count == 16)
  }

  @Test func emptyCollectionsAreWrittenOnOneLine() throws {
    let text = String(decoding: try StoreEncoder().encode(Deck()), as: UTF8.self)

    #expect(text == """
      {
        "schemaVersion": 1,
        "settings": {"followUpAfterDays":14},
        "postings": [],
        "applications": [],
        "deadlines": []
      }

      """)
  }

  @Test func movingOneApplicationChangesExactlyOneLine() throws {
    var deck = Fixtures.threeApplications()
    let before = String(decoding: try StoreEncoder().encode(deck), as: UTF8.self)
    try deck.move(applicationID: deck.applications[1].id, to: .interview, at: Fixtures.later)
    let after = String(decoding: try StoreEncoder().encode(deck), as: UTF8.self)

    let beforeLines = before.split(separator: "\n", omittingEmptySubsequences: false)
    let afterLines = after.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(beforeLines.count == afterLines.count)
    let changed = zip(beforeLines, afterLines).enumerated().filter { $0.element.0 != $0.element.1 }
    #expect(changed.map(\.offset) == [10])
    #expect(afterLines[10].contains("\"stage\":\"interview\""))
  }

  @Test func theHandWrittenFixtureLoads() throws {
    let loaded = try StoreDecoder().decode(Data(Fixtures.handWritten.utf8), path: "fixture.json")

    #expect(loaded.deck.postings.map(\.company) == ["Müller & Söhne", "SumUp"])
    #expect(loaded.deck.applications.first?.stage == .applied)
  }

  @Test func aStoreWithOnlyItsVersionIsAnEmptyDeck() throws {
    let loaded = try StoreDecoder().decode(Data(#"{"schemaVersion": 1}"#.utf8), path: "x.json")

    #expect(loaded.deck == Deck())
  }

  @Test func aMissingFileLoadsAsAnEmptyDeckAndIsNotCreated() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("absent/store.json")

    let loaded = try StoreFile(path: path).load()

    #expect(loaded.deck == Deck())
    #expect(loaded.fingerprint == nil)
    #expect(Disk.bytes(path) == nil)
  }
}
