import Foundation
import Glibc
import JobDeckTestSupport
import Testing

/// `kill -9` at random instants while a multi-megabyte store is being saved. After every kill the
/// store parses, equals one of the committed states (every acknowledged move is there, the killed
/// one may or may not be), and the next command leaves no temporary file behind.
///
/// `JOBDECK_RELIABILITY_ITERATIONS` scales the counts (default: 60 CLI kills, 12 UI kills; `=200` gives 200 and 40);
/// `JOBDECK_RELIABILITY_SEED` repeats a run.
@Suite("Reliability: kill -9 while saving", .serialized)
struct ReliabilityCrashTests {
  let workspace = CLIWorkspace()
  static let movedID = "sumup-ml-engineer"

  /// The store as a test compares it: the moved application's history, and everything else.
  struct Snapshot {
    var history: [[String: Any]]
    var rest: NSDictionary

    init(_ data: Data) throws {
      let object = try JSONSerialization.jsonObject(with: data)
      var root = try #require(object as? [String: Any])
      var applications = try #require(root["applications"] as? [[String: Any]])
      let index = try #require(applications.firstIndex {
        ($0["postingID"] as? String) == ReliabilityCrashTests.movedID
      })
      history = try #require(applications[index]["history"] as? [[String: Any]])
      // What a move changes on the record besides its history.
      applications[index]["history"] = nil
      applications[index]["stage"] = nil
      applications[index]["updatedAt"] = nil
      root["applications"] = applications
      // Derived deadlines (a follow-up while applied) follow the stage; they are checked by
      // the file parsing and by `jobdeck check` at the end.
      root["deadlines"] = nil
      rest = root as NSDictionary
    }

    var stages: [String] { history.compactMap { $0["to"] as? String } }
  }

  func makeBigStore(postings: Int) throws -> Data {
    try Reliability.growStore(of: workspace, postings: postings)
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    let applied = try workspace.jobdeck(["apply", "sumup", "--stage", "applied"])
    #expect(applied.exitCode == 0, "\(applied.standardError)")
    return try JournalFold.effectiveStoreBytes(of: workspace)
  }

  /// Checks the store after a kill against the last acknowledged state and returns the state to
  /// expect from now on (the killed move may have been committed).
  func verifyAfterKill(acknowledged: Snapshot, attempted stage: String, context: String) throws
    -> Snapshot
  {
    let current = try Snapshot(try JournalFold.effectiveStoreBytes(of: workspace))
    #expect(current.rest == acknowledged.rest, "records other than the moved one changed; \(context)")
    if current.stages == acknowledged.stages {
      return current
    }
    // The killed move made it: exactly one more history entry, to the stage it asked for.
    #expect(current.stages == acknowledged.stages + [stage], "\(context)")
    return current
  }

  @Test func cliMovesKilledAtRandomInstantsNeverCorruptOrLoseTheStore() async throws {
    try await Reliability.offThePool { try self.cliMovesKilledAtRandomInstantsNeverCorruptOrLoseTheStoreBody() }
  }

  func cliMovesKilledAtRandomInstantsNeverCorruptOrLoseTheStoreBody() throws {
    let seed = Reliability.seed()
    var generator = SeededGenerator(seed: seed)
    let kills = Reliability.iterations(default: Reliability.baseIterations)
    let original = try makeBigStore(postings: 1_200)
    #expect(original.count > 2_000_000, "the store should be a few MB; it is \(original.count)")
    let binary = try BuiltBinary.jobdeck().url.path
    var environment = Reliability.environment(for: workspace)
    // Kills aimed at the full rewrite: no journal here (`ReliabilityJournalCrashTests` kills
    // appends to it).
    environment["JOBDECK_JOURNAL_MINIMUM_BYTES"] = String(Int64.max)
    let directory = workspace.directory

    // How long a move takes here, and how long its save (temporary file to exit), so kills
    // can be aimed at the whole of it and at the save in particular.
    var moveDurations: [Double] = []
    var saveDurations: [Double] = []
    for stage in ["screening", "applied", "screening", "applied", "screening"] {
      let started = ContinuousClock.now
      let run = try Reliability.runKillingDuringSave(
        [binary, "move", Self.movedID, stage, "--store", workspace.storePath],
        environment: environment, directory: directory, delay: nil)
      #expect(run.ending == .exited(0))
      moveDurations.append((ContinuousClock.now - started).seconds)
      saveDurations.append(run.afterTemporary ?? 0.01)
    }
    // Medians: one slow run on a busy machine would otherwise aim most kills past the end.
    let moveDuration = moveDurations.sorted()[2]
    let saveDuration = saveDurations.sorted()[2]
    var acknowledged = try Snapshot(try JournalFold.effectiveStoreBytes(of: workspace))

    var killedMidSave = 0
    var killedCommitted = 0
    var completed = 0
    var cleanedByNextStart = 0
    let started = ContinuousClock.now
    for attempt in 0..<kills {
      let stage = acknowledged.stages.last == "screening" ? "interview" : "screening"
      let arguments = [binary, "move", Self.movedID, stage, "--store", workspace.storePath]
      let ending: Reliability.Ending
      let context: String
      if attempt % 4 == 0 {
        // Anywhere in the run: loading, deciding, saving or done.
        let delay = Double.random(in: 0...moveDuration * 1.1, using: &generator)
        ending = try Reliability.runKilling(arguments, environment: environment, after: delay)
        context = "kill \(attempt) \(delay) s after the start (seed \(seed))"
      } else {
        // Inside the save: after the temporary file appeared, before or after the rename.
        let delay = Double.random(in: 0...saveDuration, using: &generator)
        ending = try Reliability.runKillingDuringSave(arguments, environment: environment,
          directory: directory, delay: delay).ending
        context = "kill \(attempt) \(delay) s into the save (seed \(seed))"
      }
      let leftTemporary = !Reliability.temporaryFiles(in: directory).isEmpty
      if leftTemporary { killedMidSave += 1 }
      if ending == .exited(0) {
        completed += 1
        let current = try Snapshot(try JournalFold.effectiveStoreBytes(of: workspace))
        #expect(current.stages == acknowledged.stages + [stage], "acknowledged move lost; \(context)")
        acknowledged = current
      } else {
        #expect(ending == .signalled(SIGKILL), "\(ending); \(context)")
        let before = acknowledged.stages.count
        acknowledged = try verifyAfterKill(acknowledged: acknowledged, attempted: stage,
          context: context)
        if acknowledged.stages.count > before { killedCommitted += 1 }
      }
      // The next start of any command clears what the killed writer left.
      if leftTemporary || attempt % 10 == 0 {
        let shown = try workspace.jobdeck(["show", Self.movedID, "--json"])
        #expect(shown.exitCode == 0, "\(shown.standardError); \(context)")
        #expect(Reliability.temporaryFiles(in: directory).isEmpty,
          "temporary file survived the next start; \(context)")
        if leftTemporary { cleanedByNextStart += 1 }
      }
    }
    let elapsed = Int((ContinuousClock.now - started).seconds)
    // Some kills must have landed inside the save, or the test proved nothing.
    #expect(killedMidSave >= max(1, kills / 10), "only \(killedMidSave) kills landed during a save")
    print("crash consistency (CLI): \(kills) kill -9 in \(elapsed) s on a \(original.count)-byte"
      + " store: \(killedMidSave) left a temporary file (all removed by the next start:"
      + " \(cleanedByNextStart)), \(killedCommitted) had already renamed (move kept),"
      + " \(completed) finished first; acknowledged moves lost: 0; seed \(seed)")
    let check = try workspace.jobdeck(["check"])
    #expect(check.exitCode == 0, "\(check.standardError)")
  }

  @Test func theUIKilledWhileSavingAMoveNeverCorruptsOrLosesTheStore() async throws {
    try await Reliability.offThePool { try self.theUIKilledWhileSavingAMoveNeverCorruptsOrLosesTheStoreBody() }
  }

  func theUIKilledWhileSavingAMoveNeverCorruptsOrLosesTheStoreBody() throws {
    let seed = Reliability.seed()
    var generator = SeededGenerator(seed: seed)
    let kills = Reliability.iterations(default: 12)
    _ = try makeBigStore(postings: 1_000)
    let binary = try BuiltBinary.jobdeck()
    var acknowledged = try Snapshot(try JournalFold.effectiveStoreBytes(of: workspace))
    var savedBeforeKill = 0
    var killedMidSave = 0
    for attempt in 0..<kills {
      let ui = try TmuxSession(
        command: [binary.url.path, "--store", workspace.storePath],
        environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": ""],
        columns: 100, rows: 24)
      defer { ui.kill() }
      // Straight to the pipeline: of 1,200 postings only SumUp has an application.
      try ui.waitFor("postings", timeout: 30)
      try ui.sendKeys("2")
      try ui.waitFor(acknowledged.stages.last == "applied" ? "applied 1" : "screening 1",
        timeout: 10)
      let pid = try #require(pid_t(try ui.displayMessage("#{pane_pid}")))
      // The pipeline opens on the occupied column; L moves it one stage on (or, at the end of
      // the active stages, H moves it back).
      let stage = acknowledged.stages.last
      let key = stage == "applied" ? "L" : "H"
      let expected = stage == "applied" ? "screening" : "applied"
      try ui.sendKeys(key, "Enter")
      if attempt % 3 == 0 {
        usleep(UInt32(Double.random(in: 0...0.6, using: &generator) * 1_000_000))
      } else {
        // Aimed at the save: once its temporary file exists (or after 2 s at most).
        let deadline = ContinuousClock.now + .seconds(2)
        while Reliability.temporaryFiles(in: workspace.directory).isEmpty,
          ContinuousClock.now < deadline
        {
          usleep(300)
        }
        usleep(UInt32(Double.random(in: 0...0.02, using: &generator) * 1_000_000))
      }
      kill(pid, SIGKILL)
      _ = try ui.waitForExit(timeout: 10)
      let context = "UI kill \(attempt) (seed \(seed))"
      if !Reliability.temporaryFiles(in: workspace.directory).isEmpty { killedMidSave += 1 }
      let before = acknowledged.stages.count
      acknowledged = try verifyAfterKill(acknowledged: acknowledged, attempted: expected,
        context: context)
      if acknowledged.stages.count > before { savedBeforeKill += 1 }
      let shown = try workspace.jobdeck(["show", Self.movedID, "--json"])
      #expect(shown.exitCode == 0, "\(shown.standardError); \(context)")
      #expect(Reliability.temporaryFiles(in: workspace.directory).isEmpty, "\(context)")
    }
    print("crash consistency (UI): \(kills) kills, \(savedBeforeKill) saved before the kill,"
      + " \(killedMidSave) killed while a temporary file existed; seed \(seed)")
  }
}

