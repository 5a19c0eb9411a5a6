import Dispatch
import Foundation
@testable import jobdeck
import JobDeckTestSupport
import Synchronization
import Testing

/// The list of reminders `remind --notify` sent: per store, kept across runs, safe when runs
/// overlap, never half-written, and a file it cannot read is reported rather than overwritten.
@Suite("Sent reminders log")
struct SentReminderLogTests {
  @Test func itLivesUnderXDGStateHomeElseTheHomesLocalState() {
    #expect(SentReminderLog.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
      == "/s/jobdeck/reminders-sent.json")
    #expect(SentReminderLog.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
      == "/h/.local/state/jobdeck/reminders-sent.json")
  }

  @Test func keysAreKeptPerStoreAcrossRuns() throws {
    let directory = try TemporaryDirectory()
    let log = SentReminderLog(path: directory.file("state/jobdeck/reminders-sent.json"))
    try log.update(store: "/a.json") { $0.insert("one") }
    try log.update(store: "/b.json") { $0.insert("two") }
    var seen: Set<String> = []
    try log.update(store: "/a.json") { seen = $0 }
    #expect(seen == ["one"])
  }

  /// Two runs at once, each adding a key when it sees none: only one of them does.
  @Test func overlappingRunsSeeEachOthersKeys() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("reminders-sent.json")
    let sends = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      try? SentReminderLog(path: path).update(store: "/s.json") { keys in
        guard !keys.contains("interview") else { return }
        usleep(20_000)  // a notify-send call
        sends.withLock { $0 += 1 }
        keys.insert("interview")
      }
    }
    #expect(sends.withLock { $0 } == 1)
  }

  @Test func whatWasSentBeforeAFailureIsKept() throws {
    struct NoService: Error {}
    let directory = try TemporaryDirectory()
    let log = SentReminderLog(path: directory.file("reminders-sent.json"))
    #expect(throws: NoService.self) {
      try log.update(store: "/s.json") { keys in
        keys.insert("first")
        throw NoService()
      }
    }
    var seen: Set<String> = []
    try log.update(store: "/s.json") { seen = $0 }
    #expect(seen == ["first"])
  }

  @Test func anUnreadableFileIsReportedAndLeftAlone() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("reminders-sent.json")
    try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: SentReminderLog.Unreadable.self) {
      try SentReminderLog(path: path).update(store: "/s.json") { $0.insert("x") }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "not json")
  }
}
