import Foundation
import Glibc
import JobDeckTestSupport
import Testing

/// `kill -9` at random instants while `jobdeck check --repair` sets a bad journal line aside on
/// a multi-megabyte store: after every kill the journal is either the damaged one (the load
/// stops with the line's position, and repair can run again) or the repaired one; no other save
/// is ever lost, and the store file is never touched.
@Suite("Reliability: kill -9 while repairing the journal", .serialized)
struct ReliabilityJournalRepairCrashTests {
  @Test func repairsKilledAtRandomInstantsLoseNoSave() async throws {
    try await Reliability.offThePool { try self.body() }
  }

  func body() throws {
    let crash = ReliabilityCrashTests()
    let workspace = crash.workspace
    let seed = Reliability.seed()
    var generator = SeededGenerator(seed: seed)
    let kills = Reliability.iterations(default: 20)
    _ = try crash.makeBigStore(postings: 1_200)
    try workspace.jobdeck(["add", "posting", "--company", "Beta", "--title", "Developer"])
    try workspace.jobdeck(["apply", "beta"])
    try workspace.jobdeck(["compact"])
    for (id, stage) in [("sumup", "screening"), ("beta", "interview"), ("sumup", "interview")] {
      let moved = try workspace.jobdeck(["move", id, stage])
      #expect(moved.exitCode == 0, "\(moved.standardError)")
    }
    let journalPath = workspace.storePath + ".journal"
    var lines = try String(contentsOfFile: journalPath, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    try #require(lines.count == 4)
    lines[2] = lines[2].replacingOccurrences(of: #""stage":"interview""#,
      with: #""stage":"interviewing""#)
    let damaged = Data((lines.joined(separator: "\n") + "\n").utf8)
    let repaired = Data(([lines[0], lines[1], lines[3]].joined(separator: "\n") + "\n").utf8)
    let store = try workspace.storeBytes()
    let binary = try BuiltBinary.jobdeck().url.path
    let environment = Reliability.environment(for: workspace)
    let arguments = [binary, "check", "--repair", "--store", workspace.storePath]

    func reset() throws {
      try damaged.write(to: URL(fileURLWithPath: journalPath))
      for name in try FileManager.default.contentsOfDirectory(atPath: workspace.directory)
      where name.hasPrefix("store.json.journal.rejected-") {
        try FileManager.default.removeItem(atPath: workspace.directory + "/" + name)
      }
    }
    try reset()
    let started = ContinuousClock.now
    let measured = try workspace.jobdeck(["check", "--repair"])
    let duration = (ContinuousClock.now - started).seconds
    #expect(measured.exitCode == 0, "\(measured.standardError)")
    var interrupted = 0
    var finished = 0
    var killedInside = 0
    for attempt in 0..<kills {
      try reset()
      let ending: Reliability.Ending
      let context: String
      if attempt.isMultiple(of: 2) {
        // Aimed inside the repair: its first temporary file (the lines set aside) has appeared.
        let delay = Double.random(in: 0...0.01, using: &generator)
        context = "kill \(attempt) \(delay) s after the first temporary file (seed \(seed))"
        let run = try Reliability.runKillingDuringSave(arguments, environment: environment,
          directory: workspace.directory, delay: delay)
        ending = run.ending
        if run.afterTemporary != nil, ending == .signalled(SIGKILL) { killedInside += 1 }
      } else {
        // Anywhere; the repair comes early in the run (checking the whole store after it is
        // most of it).
        let delay = Double.random(in: (duration * 0.02)...(duration * 0.7), using: &generator)
        context = "kill \(attempt) \(delay) s after the start (seed \(seed))"
        ending = try Reliability.runKilling(arguments, environment: environment, after: delay)
      }
      let journal = FileManager.default.contents(atPath: journalPath)
      #expect(journal == damaged || journal == repaired, "\(context)")
      if journal == damaged { interrupted += 1 } else { finished += 1 }
      if ending == .exited(0) { #expect(journal == repaired, "\(context)") }
      // Whatever the kill left, repair finishes the job and every other save is there.
      let again = try workspace.jobdeck(["check", "--repair"])
      #expect(again.exitCode == 0, "\(again.standardError); \(context)")
      #expect(FileManager.default.contents(atPath: journalPath) == repaired, "\(context)")
      #expect(try workspace.storeBytes() == store, "\(context)")
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.directory)
        .filter { $0.hasPrefix(".store.json.") }
      #expect(leftovers.isEmpty, "\(leftovers); \(context)")
      #expect(try workspace.json(["show", "sumup-ml-engineer", "--json"])["stage"] as? String
        == "interview", "\(context)")
      #expect(try workspace.json(["show", "beta-developer", "--json"])["stage"] as? String
        == "applied", "\(context)")
    }
    #expect(killedInside > 0, "no kill landed inside the repair")
    print("crash consistency (journal repair): \(kills) kill -9 of check --repair"
      + " (\(String(format: "%.2f", duration)) s each), \(killedInside) aimed inside the repair"
      + " landed there; \(interrupted) left the damaged journal, \(finished) the repaired one;"
      + " saves lost: 0; seed \(seed)")
  }
}
