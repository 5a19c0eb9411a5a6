import Foundation
import Glibc
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Testing

/// The bad-input corpus in `Tests/Fixtures/bad-stores/`: every file there is a store someone
/// could end up with (a truncated copy, a hand edit gone wrong, a file from a newer JobDeck).
/// Each `NAME.json` has a `NAME.expected` beside it: the first line is what loading must give
/// (`error`; `read-only`; `check-problem`: it loads, and `jobdeck check` names the problem;
/// `loads`: it is accepted as it is), the other lines are fragments the message must contain.
///
/// Repeated keys are `check-problem` by design: `JSONDecoder` keeps one value and the file
/// loads; `check` reports the repeat with its position. A UTF-8 byte order mark before valid
/// JSON `loads` (RFC 8259 lets a parser ignore it; the next save simply leaves it out).
///
/// For each: loading never crashes, gives that message, and never writes; a save over it is
/// refused and leaves it byte for byte as it was. Nesting 100,000 deep and a 100 MB description
/// are made at test time rather than kept in the repository.
///
/// Schema versions: only version 1 has ever existed, so there is no historical version to
/// migrate; `older-schema-version.json` (version 0) checks that an unknown older version is
/// refused with a message rather than misread.
@Suite("Reliability: the bad-store corpus")
struct ReliabilityBadStoreTests {
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/bad-stores")

  static func fixtureNames() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  }

  enum Outcome: String {
    case error
    case readOnly = "read-only"
    case checkProblem = "check-problem"
    case loads
  }

  struct Expectation {
    var outcome: Outcome
    var fragments: [String]
  }

  static func expectation(for name: String) throws -> Expectation {
    let text = try String(contentsOf: corpus.appendingPathComponent(name + ".expected"),
      encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    let outcome = try #require(lines.first.flatMap(Outcome.init(rawValue:)),
      "\(name).expected: the first line must be error, read-only, check-problem or loads")
    return Expectation(outcome: outcome, fragments: Array(lines.dropFirst()))
  }

  /// A copy of `data` as `store.json` in a fresh directory, so the corpus itself is never at
  /// risk and the directory can be checked for anything written.
  static func storeHolding(_ data: Data) throws -> (TemporaryDirectory, StoreFile) {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    #expect(FileManager.default.createFile(atPath: path, contents: data))
    return (directory, StoreFile(path: path, lockTimeout: 2))
  }

  /// Loads, then tries every kind of write; checks the message and that nothing was written.
  static func check(_ data: Data, name: String, expectation: Expectation) throws {
    let (directory, store) = try storeHolding(data)
    var message = ""
    do {
      let loaded = try store.load()
      switch expectation.outcome {
      case .error: Issue.record("\(name): loaded although an error was expected")
      case .readOnly:
        message = loaded.readOnlyReason ?? ""
        #expect(loaded.isReadOnly, "\(name): loaded writable")
      case .checkProblem:
        message = try store.check().problems.joined(separator: " | ")
      case .loads:
        #expect(!loaded.isReadOnly && loaded.deck.postings.count == 2, "\(name)")
      }
    } catch let error as StoreError {
      #expect(expectation.outcome == .error, "\(name): \(error)")
      message = error.description
    }
    for fragment in expectation.fragments {
      #expect(message.contains(fragment), "\(name): \(message)")
    }
    // The message is one line and safe to print: no raw bytes from the file reach a terminal.
    #expect(!message.contains("\n") && !message.unicodeScalars.contains { $0.value < 0x20 },
      "\(name): \(message)")
    #expect(FileManager.default.contents(atPath: store.path) == data, "\(name) was written")
    guard expectation.outcome == .error || expectation.outcome == .readOnly else { return }

    #expect(throws: StoreError.self, "\(name): update") {
      try store.update { $0.settings.followUpAfterDays = 3 }
    }
    #expect(throws: StoreError.self, "\(name): save") { try store.save(Deck()) }
    #expect(throws: StoreError.self, "\(name): conditional save") {
      try store.save(Deck(), ifUnchangedSince: store.fingerprint())
    }
    #expect(FileManager.default.contents(atPath: store.path) == data, "\(name) was written")
    let left = Set((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
    #expect(left.subtracting(["store.json", "store.json.lock"]).isEmpty, "\(name): \(left)")
  }

  @Test func everyFixtureHasItsExpectedMessage() throws {
    let names = Self.fixtureNames()
    #expect(names.count >= 20, "the corpus at \(Self.corpus.path) seems incomplete")
    for name in names {
      let data = try Data(contentsOf: Self.corpus.appendingPathComponent(name + ".json"))
      try Self.check(data, name: name, expectation: try Self.expectation(for: name))
    }
  }

  @Test func theReferenceStoreTheFixturesWereMadeFromIsValid() throws {
    let data = try Data(contentsOf: Self.corpus.appendingPathComponent("valid-reference.json.txt"))
    let (directory, store) = try Self.storeHolding(data)
    defer { withExtendedLifetime(directory) {} }
    let loaded = try store.load()
    #expect(loaded.deck.postings.count == 2)
    #expect(loaded.deck.applications.first?.stage == .applied)
    #expect(loaded.deck.deadlines.count == 1)
  }

  @Test func arraysNested100000DeepAreRefusedWithoutOverflowingTheStack() throws {
    let depth = 100_000
    let text = "{\"schemaVersion\":1,\"settings\":" + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "}\n"
    try Self.check(Data(text.utf8), name: "arrays 100,000 deep",
      expectation: Expectation(outcome: .error, fragments: ["store.json:1:"]))
  }

  @Test func objectsNested100000DeepAreRefusedWithoutOverflowingTheStack() throws {
    let depth = 100_000
    let text = "{\"schemaVersion\":1,\"postings\":" + String(repeating: "{\"a\":", count: depth)
      + "1" + String(repeating: "}", count: depth) + "}\n"
    try Self.check(Data(text.utf8), name: "objects 100,000 deep",
      expectation: Expectation(outcome: .error, fragments: ["store.json:1:"]))
  }

  @Test func nesting100000DeepInsideAFileThatIsOtherwiseLenientIsRefusedToo() throws {
    // A trailing comma sends the file to the positioned parser first, whatever its depth.
    let depth = 100_000
    let text = "{\"schemaVersion\":1,\"x\":[1,]," + "\"settings\":"
      + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}\n"
    try Self.check(Data(text.utf8), name: "lenient and deep",
      expectation: Expectation(outcome: .error, fragments: ["trailing comma"]))
  }

  /// Off the cooperative pool: twenty seconds of blocking there would stall the async tests
  /// running beside it.
  @Test func aDescriptionOf100MegabytesLoadsWithinReason() async throws {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      Thread.detachNewThread {
        continuation.resume(with: Result { try Self.loadA100MegabyteDescription() })
      }
    }
  }

  static func loadA100MegabyteDescription() throws {
    let megabytes = 100
    let reference = try Data(
      contentsOf: Self.corpus.appendingPathComponent("valid-reference.json.txt"))
    var text = String(decoding: reference, as: UTF8.self)
    let huge = String(repeating: "Responsibilities include everything. ", count:
      megabytes * 1_000_000 / 37)
    text = text.replacingOccurrences(of: "\"title\":\"Data Intern\"",
      with: "\"title\":\"Data Intern\",\"description\":\"\(huge)\"")
    let data = Data(text.utf8)
    #expect(data.count > megabytes * 1_000_000 - 100)
    let (directory, store) = try Self.storeHolding(data)
    defer { withExtendedLifetime(directory) {} }
    let before = Self.residentMegabytes()
    let started = Date()
    let loaded = try store.load()
    let seconds = Date().timeIntervalSince(started)
    let grown = Self.residentMegabytes() - before
    #expect(loaded.deck.postings.first?.description?.utf8.count == huge.utf8.count)
    // Within reason: a few copies of the file at most, and no pathological slowness.
    #expect(grown < 1_200, "loading grew the resident set by \(grown) MB")
    #expect(seconds < 60, "loading took \(seconds) s")
    print("100 MB description: loaded in \(String(format: "%.1f", seconds)) s,"
      + " resident set grew \(grown) MB")
  }

  /// The resident set size in MB, from /proc/self/statm.
  static func residentMegabytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
      let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
  }
}
