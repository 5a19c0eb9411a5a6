import Foundation
import JobDeckTestSupport
import Testing

/// Issue 12 §1's invariant, held end to end: whatever a save writes, the loader reads back.
/// Seeded random sequences of real `jobdeck` commands with extreme dates (huge offsets, the days
/// around 1900-01-01 and 2199-12-31, leap days, zones at UTC−12 and UTC+14, a clock near either
/// end of the range) run against one store; after every command `jobdeck check` must pass, a
/// refused command must have left the files as they were, and no command may trap.
/// `JOBDECK_PROPERTY_RUNS` asks for more sequences.
@Suite("Property: every saved store loads again")
struct PropertyDateCommandsTests {
  static let dates = [
    "1899-12-31", "1900-01-01", "1900-01-02", "2199-12-30", "2199-12-31", "2200-01-01",
    "2024-02-29", "2100-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "+9223372036854775807d",
    "-9223372036854775807d", "+2932896d", "+8000y", "+300y", "-300y", "+109572d", "-109572d",
    "-2d", "today", "tomorrow", "eom", "eow", "fri", "+1m", "-1y", "99999999999999999999d",
  ]
  static let durations = [
    "6m", "3m", "P300Y", "301y", "2562047788015215h", "+9223372036854775807d", "-3m", "0d", "12m",
    "90d", "1y", "P9223372036854775807D", "8784h", "300y",
  ]
  static let zones = [
    "Etc/GMT+12", "Etc/GMT-14", "Pacific/Kiritimati", "Europe/Berlin", "America/St_Johns", "UTC",
    "Asia/Kathmandu",
  ]
  static let clocks = [
    ("2026-11-22T12:00:00Z", "Europe/Berlin"), ("2199-12-30T12:00:00Z", "Pacific/Kiritimati"),
    ("1900-01-02T12:00:00Z", "Etc/GMT+12"), ("2024-02-29T23:30:00Z", "America/St_Johns"),
  ]
  static let stages = ["saved", "applied", "screening", "interview", "offer", "accepted", "rejected"]
  static let kinds = ["interview", "assessment", "offer-response", "start-date", "contract-end"]

  struct Sequence {
    var generator: SeededGenerator
    var postings: [String] = []
    var deadlines: [String] = []

    mutating func date() -> String {
      if generator.chance(0.25) {
        let unit = generator.pick(["d", "w", "m", "y"])
        let limit = ["d": 120_000, "w": 17_000, "m": 4_000, "y": 320][unit] ?? 1
        let sign = generator.pick(["+", "-", ""])
        return sign + String(Int.random(in: 0...limit, using: &generator)) + unit
      }
      return generator.pick(PropertyDateCommandsTests.dates)
    }

    mutating func lead() -> String {
      let count = Int.random(in: 0...10, using: &generator)
      return (0..<count).map { _ in
        generator.pick(["0d", "7d", "366d", "367d", "8784h", "8785h", "12m", "1y", "2y", "-1d",
                        "9223372036854775807d", "2h"])
      }.joined(separator: ",")
    }

    mutating func record() -> String { postings.isEmpty ? "nobody" : generator.pick(postings) }

    mutating func command() -> [String] {
      let owner = record()
      switch Int.random(in: 0..<9, using: &generator) {
      case 0:
        var arguments = ["add", "posting", "--company", "Co\(postings.count)", "--title",
                         "Role\(Int.random(in: 0...3, using: &generator))"]
        if generator.chance(0.7) { arguments += ["--deadline", date()] }
        return arguments
      case 1:
        return ["apply", owner, "--on", date()]
      case 2:
        return ["move", owner, generator.pick(PropertyDateCommandsTests.stages), "--on", date()]
      case 3:
        var arguments = ["deadline", "add", owner, generator.pick(PropertyDateCommandsTests.kinds),
                         date()]
        if generator.chance(0.6) {
          arguments += ["--at", generator.pick(["00:00", "23:59", "12:00", "11:59"]),
                        "--time-zone", generator.pick(PropertyDateCommandsTests.zones)]
        }
        if generator.chance(0.5) { arguments += ["--lead=" + lead()] }
        return arguments
      case 4:
        let deadline = deadlines.isEmpty ? owner : generator.pick(deadlines)
        return ["deadline", "move", deadline, "--", date()]
      case 5:
        let deadline = deadlines.isEmpty ? owner : generator.pick(deadlines)
        return ["deadline", "snooze", deadline, "--until", date()]
      case 6:
        var arguments = ["set", owner]
        let options: [(String, Bool)] = [
          ("--start-date", false), ("--contract-end", false), ("--offer-response", false),
          ("--probation", true), ("--review-after", true), ("--notice", true),
        ]
        for (option, isDuration) in options where generator.chance(0.4) {
          arguments += [option, isDuration ? generator.pick(PropertyDateCommandsTests.durations)
                                           : date()]
        }
        return arguments
      case 7:
        return ["agenda", "--within", generator.pick(PropertyDateCommandsTests.durations),
                "--from", date()]
      default:
        return ["move", owner, "accepted"]
      }
    }
  }

  func files(_ workspace: CLIWorkspace) -> [Data?] {
    ["", ".bak", ".journal"].map { FileManager.default.contents(atPath: workspace.storePath + $0) }
  }

  @Test(arguments: PropertySeeds.seeds(default: 4))
  func randomCommandsNeverLeaveAStoreThatDoesNotLoad(seed: UInt64) throws {
    let workspace = CLIWorkspace()
    var sequence = Sequence(generator: SeededGenerator(seed: seed))
    let (now, zone) = Self.clocks[Int(seed % UInt64(Self.clocks.count))]
    var environment = ["JOBDECK_NOW": now, "TZ": zone]
    // Half the sequences save through the journal, as a store of 1 MB or more does (the store
    // must be eight times the journal: hence a long description first).
    if seed % 2 == 1 {
      environment["JOBDECK_JOURNAL_MINIMUM_BYTES"] = "1"
      let big = try workspace.jobdeck(
        ["add", "posting", "--company", "Big", "--title", "Ad", "--description",
         String(repeating: "Long text. ", count: 6_000)], environment: environment)
      #expect(big.exitCode == 0, "\(big.standardError)")
    }
    var journaled = false
    for step in 0..<14 {
      let arguments = step == 0
        ? ["add", "posting", "--company", "Acme", "--title", "Engineer"] : sequence.command()
      let before = files(workspace)
      let result = try workspace.jobdeck(arguments, environment: environment)
      let context = "seed \(seed) step \(step): \(arguments) → \(result.exitCode) \(result.standardError)"
      #expect([0, 1, 64].contains(result.exitCode), "\(context)")
      #expect(!result.standardError.contains("Fatal error"), "\(context)")
      if result.exitCode != 0 {
        #expect(files(workspace) == before, "refused but wrote: \(context)")
      } else if arguments.prefix(2) == ["add", "posting"] {
        sequence.postings.append(result.standardOutput.split(separator: "\n").first.map(String.init) ?? "")
      } else if arguments.prefix(2) == ["deadline", "add"] {
        sequence.deadlines.append(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      if FileManager.default.fileExists(atPath: workspace.storePath + ".journal") { journaled = true }
      let check = try workspace.jobdeck(["check"], environment: environment)
      #expect(check.exitCode == 0, "after \(context): check says \(check.standardError)")
      if check.exitCode != 0 { return }
    }
    #expect(!sequence.postings.isEmpty)
    #expect(journaled == (seed % 2 == 1), "seed \(seed): the journal was \(journaled ? "" : "not ")used")
  }
}
