import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// A store that does not parse names the line, column and value, and is never overwritten.
@Suite("Bad store files")
struct StoreDiagnosticsTests {
  struct Position: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var jsonPath: String?
    var description: String { "\(line):\(column) \(jsonPath ?? "-")" }
  }

  /// Writes `text` as the store, tries to load and to save, and returns the load error after
  /// checking that neither attempt changed a byte.
  func failingLoadAndSave(_ text: String) throws -> (error: StoreError, position: Position?) {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(text, to: path)
    let store = StoreFile(path: path)

    let loadError = #expect(throws: StoreError.self) { try store.load() }
    #expect(throws: StoreError.self) { try store.save(Fixtures.fullDeck()) }
    #expect(throws: StoreError.self) {
      try store.update { $0.settings.followUpAfterDays = 3 }
    }

    #expect(Disk.bytes(path) == Array(text.utf8))
    #expect(Disk.temporaryNames(in: directory.path).isEmpty)
    #expect(Disk.bytes(path + ".bak") == nil)
    let error = try #require(loadError)
    guard case .malformed(let errorPath, let line, let column, let jsonPath, _) = error else {
      return (error, nil)
    }
    #expect(errorPath == path)
    return (error, Position(line: line, column: column, jsonPath: jsonPath))
  }

  func replacing(_ old: String, with new: String) -> String {
    Fixtures.handWritten.replacingOccurrences(of: old, with: new)
  }

  @Test func aTruncatedFileIsReportedWhereItEnds() throws {
    let text = Fixtures.handWritten
    let cut = try #require(text.range(of: #""tags":["ml"],"#)).upperBound
    let (error, position) = try failingLoadAndSave(String(text[..<cut]))

    #expect(position == Position(line: 6, column: 149, jsonPath: "postings[1]"))
    #expect(error.description.contains("truncated"))
  }

  @Test func aTrailingCommaIsReportedAtTheComma() throws {
    let text = replacing(#""updatedAt":"2026-11-24T08:00:00Z"}"#,
      with: #""updatedAt":"2026-11-24T08:00:00Z"},"#)
    let (error, position) = try failingLoadAndSave(text)

    #expect(position == Position(line: 9, column: 244, jsonPath: "applications"))
    #expect(error.description.contains("trailing comma"))
  }

  @Test func aWrongTypeIsReportedAtTheValueCountingCharactersNotBytes() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""tags":[]"#, with: #""tags":"none""#))

    #expect(position == Position(line: 5, column: 101, jsonPath: "postings[0].tags"))
    #expect(error.description.contains("expected an array, found a string \"none\""))
  }

  @Test func aWrongTypeInTheSettingsIsReported() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""followUpAfterDays":14"#, with: #""followUpAfterDays":"14""#))

    #expect(position == Position(line: 3, column: 36, jsonPath: "settings.followUpAfterDays"))
    #expect(error.description.contains("\"14\""))
  }

  @Test func anUnknownStageIsReportedWithTheStagesThatExist() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""stage":"applied""#, with: #""stage":"interviewing""#))

    #expect(position == Position(line: 9, column: 188, jsonPath: "applications[0].stage"))
    #expect(error.description.contains("unknown stage \"interviewing\""))
    #expect(error.description.contains("saved, applied, screening"))
  }

  @Test func anImpossibleDateIsReported() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""date":"2026-11-20""#, with: #""date":"2025-02-30""#))

    #expect(position == Position(line: 6, column: 101, jsonPath: "postings[1].posted.date"))
    #expect(error.description.contains("2025-02-30"))
  }

  @Test func aDateAndTimeThatIsNotOneIsReportedAtItsKey() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""createdAt":"2026-11-23T09:30:00Z""#, with: #""createdAt":"yesterday""#))

    #expect(position == Position(line: 6, column: 36, jsonPath: "postings[1].createdAt"))
    #expect(error.description.contains("\"yesterday\" is not a date and time"))
  }

  @Test func aMissingKeyIsReportedAtItsObject() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""title":"Data Intern","#, with: ""))

    #expect(position == Position(line: 5, column: 5, jsonPath: "postings[0]"))
    #expect(error.description.contains("\"title\" is missing"))
  }

  @Test func aRequiredKeyWrittenAsNullIsReportedAtTheNull() throws {
    let text = replacing(#""title":"Data Intern","#, with: #""title":null,"#)
    let (error, position) = try failingLoadAndSave(text)

    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let lineIndex = try #require(lines.firstIndex { $0.contains(#""title":null"#) })
    let line = lines[lineIndex]
    let nullStart = try #require(line.range(of: #""title":null"#)).upperBound
    let column = line.distance(from: line.startIndex, to: nullStart) - 4 + 1
    #expect(position == Position(line: lineIndex + 1, column: column,
      jsonPath: "postings[0].title"))
    #expect(error.description.contains("\"title\" is null"))
  }

  @Test func anUnknownDeadlineKindIsReported() throws {
    let deadline = #"{"due":{"date":"2026-12-01"},"id":"d","kind":"party","origin":"manual","#
      + #""owner":{"postingID":"sumup-ml-engineer"},"revision":0,"status":"pending"}"#
    let (error, position) = try failingLoadAndSave(
      replacing(#""deadlines": []"#, with: "\"deadlines\": [\n    \(deadline)\n  ]"))

    #expect(position == Position(line: 12, column: 50, jsonPath: "deadlines[0].kind"))
    #expect(error.description.contains("unknown deadline kind \"party\""))
  }

  @Test func aMissingSchemaVersionIsReported() throws {
    let (error, position) = try failingLoadAndSave(
      replacing("  \"schemaVersion\": 1,\n", with: ""))

    #expect(position == Position(line: 1, column: 1, jsonPath: nil))
    #expect(error.description.contains("\"schemaVersion\" is missing"))
  }

  @Test func aFractionalSchemaVersionIsReported() throws {
    let (_, position) = try failingLoadAndSave(
      replacing(#""schemaVersion": 1,"#, with: #""schemaVersion": 1.5,"#))

    #expect(position == Position(line: 2, column: 20, jsonPath: "schemaVersion"))
  }

  @Test func aSchemaVersionOlderThanAnyKnownIsReported() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""schemaVersion": 1,"#, with: #""schemaVersion": 0,"#))

    #expect(position == Position(line: 2, column: 20, jsonPath: "schemaVersion"))
    #expect(error.description.contains("schemaVersion 0 is older"))
  }

  @Test func aRawNewlineInsideAStringIsReportedThoughFoundationWouldAcceptIt() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""title":"Data Intern""#, with: "\"title\":\"Data\nIntern\""))

    #expect(position == Position(line: 5, column: 117, jsonPath: "postings[0].title"))
    #expect(error.description.contains("must be escaped"))
  }

  @Test func anUnknownEscapeIsReported() throws {
    let (_, position) = try failingLoadAndSave(
      replacing(#""title":"Data Intern""#, with: #""title":"Data\xIntern""#))

    #expect(position == Position(line: 5, column: 117, jsonPath: "postings[0].title"))
  }

  @Test func bytesThatAreNotUTF8AreReportedRatherThanSilentlyChanged() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    var bytes = Array(Fixtures.handWritten.utf8)
    let index = try #require(bytes.firstIndex(of: UInt8(ascii: "&")))
    bytes[index] = 0xFF
    try Data(bytes).write(to: URL(fileURLWithPath: path))

    #expect(throws: StoreError.malformed(path: path, line: 5, column: 24, jsonPath: "postings[0].company",
      problem: "the text is not valid UTF-8")
    ) {
      try StoreFile(path: path).load()
    }
    #expect(throws: StoreError.self) { try StoreFile(path: path).save(Deck()) }
    #expect(Disk.bytes(path) == bytes)
  }

  @Test func aFractionWhereAWholeNumberBelongsIsReported() throws {
    let (error, position) = try failingLoadAndSave(
      replacing(#""followUpAfterDays":14"#, with: #""followUpAfterDays":14.5"#))

    #expect(position == Position(line: 3, column: 36, jsonPath: "settings.followUpAfterDays"))
    #expect(error.description.contains("expected a whole number, found 14.5"))
  }

  @Test func anEmptyFileIsAnErrorNotAnEmptyStore() throws {
    let (error, position) = try failingLoadAndSave("")

    #expect(position == Position(line: 1, column: 1, jsonPath: nil))
    #expect(error.description.contains("empty"))
  }

  @Test func theMessageReadsLikeACompilerDiagnostic() throws {
    let (error, _) = try failingLoadAndSave(
      replacing(#""stage":"applied""#, with: #""stage":"interviewing""#))

    #expect(error.description.contains("/store.json:9:188: at applications[0].stage: unknown stage"))
    #expect(error.description.contains("jobdeck check --restore-backup"))
  }

  @Test func checkReportsDanglingReferencesAndRepeatedKeys() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(
      replacing(#""postingID":"sumup-ml-engineer""#, with: #""postingID":"gone","notes":"x""#),
      to: path)

    let report = try StoreFile(path: path).check()

    #expect(report.applicationCount == 1)
    #expect(report.problems.contains {
      $0.contains("application 'sumup-ml-engineer' is for posting 'gone'")
    })
    #expect(report.problems.contains { $0.contains(":9:") && $0.contains("\"notes\" occurs") })
  }

  @Test func checkThrowsThePositionedErrorForAFileThatDoesNotParse() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try Disk.write(replacing(#""stage":"applied""#, with: #""stage":7"#), to: path)

    #expect(throws: StoreError.malformed(
      path: path, line: 9, column: 188, jsonPath: "applications[0].stage",
      problem: "expected a string, found a number 7")
    ) {
      try StoreFile(path: path).check()
    }
  }
}
