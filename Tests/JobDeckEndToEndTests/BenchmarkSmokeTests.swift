import Foundation
import JobDeckTestSupport
import Testing

/// CI runs the benchmark at its smallest size so that it keeps working; timings are not
/// asserted (they depend on the machine and on the debug build).
@Suite struct BenchmarkSmokeTests {
  @Test func benchmarkAtOneThousandPostingsPrintsEveryFigureOfItsTable() throws {
    let bench = try BuiltBinary.product(named: "jobdeck-bench")
    let jobdeck = try BuiltBinary.jobdeck()
    let directory = try TemporaryDirectory(prefix: "jobdeck-bench-smoke")
    let result = try bench.run(
      ["--sizes", "1000", "--runs", "1", "--data", directory.path, "--jobdeck", jobdeck.url.path],
      timeout: 600)
    #expect(result.exitCode == 0, "\(result.standardError)")
    let rows = result.standardOutput.split(separator: "\n").map(String.init)
    #expect(rows.first == "| figure | size | JobDeck | reference | ratio | target | met |")
    let figures = [
      "open to first screen", "keystroke p99 (next frame)", "full-text search, common word",
      "full-text search, no match", "agenda --within 14d", "agenda, first after a move",
      "agenda, summary rebuilt", "save one stage move", "import CSV", "peak RSS, open",
      "peak RSS, keystrokes", "peak RSS, agenda", "peak RSS, agenda after changes",
      "peak RSS, save (jobdeck move)", "peak RSS, import",
    ]
    for figure in figures {
      let row = rows.first { $0.hasPrefix("| \(figure) | 1000 | ") }
      #expect(row != nil, "no row for \(figure)")
      // JobDeck's own figure is always measured; only a missing reference tool may be absent.
      #expect(row?.contains("| failed |") == false, "\(figure) failed: \(row ?? "")")
    }
    let sizeIndependent = [
      "| import of a 2 MB ad | 2 MB ad | ", "| 6 GB of stdin, stopped at the 10 MB cap | 6 GB stdin | ",
      "| peak RSS, 6 GB of stdin | 6 GB stdin | ",
    ]
    for prefix in sizeIndependent {
      let row = rows.first { $0.hasPrefix(prefix) }
      #expect(row != nil, "no row \(prefix)")
      #expect(row?.contains("| failed |") == false, "failed: \(row ?? "")")
    }
  }
}
