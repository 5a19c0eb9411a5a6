import Foundation
import Glibc
import JobDeckTestSupport
import Testing

/// `kill -9` at random instants while `jobdeck move` saves into the journal of a multi-megabyte
/// store: every acknowledged move is there afterwards, the killed one may or may not be, nothing
/// else changes, and the store (file and journal) still passes `jobdeck check`.
@Suite("Reliability: kill -9 while appending to the journal", .serialized)
struct ReliabilityJournalCrashTests {
  @Test func cliMovesKilledAtRandomInstantsKeepEveryAcknowledgedMove() async throws {
    try await Reliability.offThePool { try self.body() }
  }

  func body() throws {
    let crash = ReliabilityCrashTests()
    let workspace = crash.workspace
    let seed = Reliability.seed()
    var generator = SeededGenerator(seed: seed)
    let kills = Reliability.iterations(default: 30)
    _ = try crash.makeBigStore(postings: 1_200)
    let binary = try BuiltBinary.jobdeck().url.path
    let environment = Reliability.environment(for: workspace)
    let arguments = { (stage: String) in
      [binary, "move", ReliabilityCrashTests.movedID, stage, "--store", workspace.storePath]
    }
    var durations: [Double] = []
    for stage in ["screening", "applied", "screening"] {
      let started = ContinuousClock.now
      let moved = try workspace.jobdeck(Array(arguments(stage).dropFirst().dropLast(2)))
      #expect(moved.exitCode == 0, "\(moved.standardError)")
      durations.append((ContinuousClock.now - started).seconds)
    }
    #expect(FileManager.default.fileExists(atPath: workspace.storePath + ".journal"))
    let moveDuration = durations.sorted()[1]
    var acknowledged = try ReliabilityCrashTests.Snapshot(
      try JournalFold.effectiveStoreBytes(of: workspace))
    var killed = 0
    var killedCommitted = 0
    for attempt in 0..<kills {
      let stage = acknowledged.stages.last == "screening" ? "interview" : "screening"
      // The save is at the end of the run, after loading and deciding.
      let delay = Double.random(in: (moveDuration * 0.5)...(moveDuration * 1.1),
        using: &generator)
      let context = "kill \(attempt) \(delay) s after the start (seed \(seed))"
      let ending = try Reliability.runKilling(arguments(stage), environment: environment,
        after: delay)
      if ending == .exited(0) {
        let current = try ReliabilityCrashTests.Snapshot(
          try JournalFold.effectiveStoreBytes(of: workspace))
        #expect(current.stages == acknowledged.stages + [stage], "acknowledged move lost; \(context)")
        acknowledged = current
      } else {
        #expect(ending == .signalled(SIGKILL), "\(ending); \(context)")
        killed += 1
        let before = acknowledged.stages.count
        acknowledged = try crash.verifyAfterKill(acknowledged: acknowledged, attempted: stage,
          context: context)
        if acknowledged.stages.count > before { killedCommitted += 1 }
      }
    }
    #expect(killed > 0, "no kill landed before the move finished")
    print("crash consistency (journal): \(kills) kill -9, \(killed) before the move finished,"
      + " \(killedCommitted) of them after its append; acknowledged moves lost: 0; seed \(seed)")
    let check = try workspace.jobdeck(["check"])
    #expect(check.exitCode == 0, "\(check.standardError)")
    let shown = try workspace.json(["show", ReliabilityCrashTests.movedID, "--json"])
    #expect(shown["stage"] as? String == acknowledged.stages.last)
  }
}
