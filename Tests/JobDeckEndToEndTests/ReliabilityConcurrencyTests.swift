import Foundation
import JobDeckTestSupport
import Synchronization
import Testing

/// Several writers on one store at once: processes each moving their own application while all
/// of them add notes to a shared one, and the UI moving while the CLI moves. Nothing is lost:
/// every move is in its history, every note in the notes.
///
/// `JOBDECK_RELIABILITY_ITERATIONS` scales the counts (default: 4 processes × 100 moves, plus
/// 4 × 25 notes; the UI test: 20 CLI moves against 10 UI moves).
@Suite("Reliability: concurrent writers lose nothing", .serialized)
struct ReliabilityConcurrencyTests {
  let workspace = CLIWorkspace()

  /// Runs `body(worker)` on `count` threads of their own (the cooperative pool has as few
  /// threads as cores, which would serialize blocking process runs) and waits for all.
  static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for worker in 0..<count {
      group.enter()
      Thread.detachNewThread {
        body(worker)
        group.leave()
      }
    }
    group.wait()
  }

  @Test func fourProcessesMovingAndNotingAtOnceLoseNothing() async throws {
    try await Reliability.offThePool { try self.fourProcessesMovingAndNotingAtOnceLoseNothingBody() }
  }

  func fourProcessesMovingAndNotingAtOnceLoseNothingBody() throws {
    let workers = 4
    let moves = Reliability.iterations(default: 100)
    let notes = max(1, moves / 4)
    let companies = ["Alpha", "Beta", "Gamma", "Delta"]
    for company in companies + ["Shared"] {
      try workspace.jobdeck(["add", "posting", "--company", company, "--title", "Engineer"])
      let applied = try workspace.jobdeck(["apply", company.lowercased()])
      #expect(applied.exitCode == 0, "\(applied.standardError)")
    }
    let failures = Mutex<[String]>([])
    let workspace = self.workspace
    let started = Date()
    Self.onThreads(workers) { worker in
      let id = companies[worker].lowercased() + "-engineer"
      var movesMade = 0
      for index in 0..<moves {
        var arguments = ["note", "shared-engineer", "w\(worker) note \(index)"]
        if index % (moves / notes) != 0 {
          // Alternating, so every move is a real change and lands in the history.
          let stage = movesMade % 2 == 0 ? "screening" : "applied"
          arguments = ["move", id, stage, "--note", "w\(worker) move \(index)"]
          movesMade += 1
        }
        do {
          let result = try workspace.jobdeck(arguments)
          if result.exitCode != 0 {
            failures.withLock { $0.append("\(arguments): \(result.standardError)") }
          }
        } catch {
          failures.withLock { $0.append("\(arguments): \(error)") }
        }
      }
    }
    let elapsed = Date().timeIntervalSince(started)
    #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")

    var movesFound = 0
    for (worker, company) in companies.enumerated() {
      let shown = try workspace.json(["show", company.lowercased() + "-engineer", "--json"])
      let history = try #require(shown["history"] as? [[String: Any]])
      let expected = (0..<moves).filter { $0 % (moves / notes) != 0 }.map { "w\(worker) move \($0)" }
      // In order, each once: no move lost, none applied twice.
      #expect(history.dropFirst().compactMap { $0["note"] as? String } == expected, "\(company)")
      movesFound += history.count - 1
    }
    let shared = try workspace.json(["show", "shared-engineer", "--json"])
    let sharedNotes = try #require(shared["notes"] as? String)
    var notesFound = 0
    for worker in 0..<workers {
      for index in stride(from: 0, to: moves, by: moves / notes) {
        if sharedNotes.contains("w\(worker) note \(index)") {
          notesFound += 1
        } else {
          Issue.record("note w\(worker) note \(index) lost")
        }
      }
    }
    #expect(try workspace.jobdeck(["check"]).exitCode == 0)
    print("concurrency: \(workers) processes × \(moves) commands in \(Int(elapsed)) s:"
      + " \(movesFound) moves and \(notesFound) notes found, none lost")
  }

  @Test func theUIMovingWhileTheCLIMovesLosesNeitherSide() async throws {
    try await Reliability.offThePool { try self.theUIMovingWhileTheCLIMovesLosesNeitherSideBody() }
  }

  func theUIMovingWhileTheCLIMovesLosesNeitherSideBody() throws {
    let cliMoves = Reliability.iterations(default: 20)
    let uiMoves = Reliability.iterations(default: 10)
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["add", "posting", "--company", "DeepL", "--title", "Research Intern"])
    try workspace.jobdeck(["apply", "sumup", "--stage", "interview"])
    try workspace.jobdeck(["apply", "deepl", "--stage", "applied"])
    let binary = try BuiltBinary.jobdeck()
    let ui = try TmuxSession(
      command: [binary.url.path, "--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": ""],
      columns: 120, rows: 24)
    try ui.waitFor("Research Intern")
    try ui.sendKeys("2")
    try ui.waitFor("applied 1")

    let failures = Mutex<[String]>([])
    let workspace = self.workspace
    let cliDone = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      for index in 0..<cliMoves {
        let stage = index % 2 == 0 ? "offer" : "interview"
        do {
          let result = try workspace.jobdeck(["move", "sumup", stage, "--note", "cli \(index)"])
          if result.exitCode != 0 { failures.withLock { $0.append(result.standardError) } }
        } catch {
          failures.withLock { $0.append("\(error)") }
        }
        usleep(100_000)
      }
      cliDone.signal()
    }
    // The cursor follows the moved application, so L and H alternate it between two columns.
    for index in 0..<uiMoves {
      let forward = index % 2 == 0
      try ui.sendKeys(forward ? "L" : "H", "Enter")
      // DeepL is alone in those two columns (the CLI moves SumUp between interview and offer);
      // messages come and go with reloads, the columns' counts stay.
      try ui.waitUntil("DeepL in \(forward ? "screening" : "applied")", timeout: 15) { screen in
        screen.contains(forward ? "applied 0" : "applied 1")
          && screen.contains(forward ? "screening 1" : "screening 0")
      }
      usleep(150_000)
    }
    cliDone.wait()
    #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
    // Let the UI see the last CLI write and finish any retried save, then quit.
    try ui.waitUntil("the UI to have saved everything", timeout: 20) { screen in
      screen.contains("saved") && !screen.contains("NOT SAVED") && !screen.contains("saving")
    }
    usleep(1_600_000)
    try ui.waitUntil("the UI to have saved everything", timeout: 20) { screen in
      screen.contains("saved") && !screen.contains("NOT SAVED") && !screen.contains("saving")
    }
    try ui.sendKeys("q")
    #expect(try ui.waitForExit(timeout: 10) == 0)

    let cliHistory = try #require(
      try workspace.json(["show", "sumup", "--json"])["history"] as? [[String: Any]])
    #expect(cliHistory.dropFirst().compactMap { $0["note"] as? String }
      == (0..<cliMoves).map { "cli \($0)" })
    let uiHistory = try #require(
      try workspace.json(["show", "deepl", "--json"])["history"] as? [[String: Any]])
    #expect(uiHistory.count == uiMoves + 1, "\(uiHistory)")
    #expect(uiHistory.dropFirst().compactMap { $0["to"] as? String }
      == (0..<uiMoves).map { $0 % 2 == 0 ? "screening" : "applied" })
    print("concurrency (UI + CLI): \(cliMoves) CLI moves and \(uiMoves) UI moves, none lost")
  }
}
