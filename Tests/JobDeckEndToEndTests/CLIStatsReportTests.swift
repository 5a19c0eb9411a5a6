import Foundation
import JobDeckTestSupport
import Testing

/// `jobdeck stats` and `jobdeck report` on a small search recorded through the CLI. The
/// workspace clock is Sunday 22 November 2026 in Berlin.
@Suite("CLI: stats and report")
struct CLIStatsReportTests {
  let workspace = CLIWorkspace()

  private func succeeds(_ arguments: [String], environment: [String: String] = [:]) throws
    -> String
  {
    let result = try workspace.jobdeck(arguments, environment: environment)
    #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  /// Acme (LinkedIn, online form) answered after 4 days; Initech (referral, e-mail) rejected
  /// after 14; Globex (post) waiting for 12 days.
  private func search() throws {
    for (company, title) in [("Acme", "Data Analyst"), ("Initech", "Analyst"), ("Globex", "BI")] {
      _ = try succeeds(["add", "posting", "--company", company, "--title", title])
    }
    _ = try succeeds(["apply", "acme", "--on", "2026-11-02", "--source", "linkedin",
                      "--method", "online-form"])
    _ = try succeeds(["apply", "initech", "--on", "2026-11-04", "--source", "referral",
                      "--method", "e-mail", "--sent-to", "Jana Weber"])
    _ = try succeeds(["apply", "globex", "--on", "2026-11-10", "--method", "post"])
    _ = try succeeds(["move", "acme", "screening", "--on", "2026-11-06"])
    _ = try succeeds(["move", "initech", "rejected", "--on", "2026-11-18"])
  }

  @Test func statsPrintsTheFunnelTheTimesAndAChartAndJSONTheSameNumbers() throws {
    try search()
    let text = try succeeds(["stats", "--by", "source"], environment: ["LANG": "C.UTF-8"])
    #expect(text.contains("  applied       3  100%"))
    #expect(text.contains("  screening     1   33%"))
    #expect(text.contains("Answers: 2 of 3 sent (67%)"))
    #expect(text.contains("  to first answer        14        14      2     1"))
    #expect(text.contains("Method: Kaplan–Meier"))
    #expect(text.contains("  2026-11-02 ████"))
    #expect(text.contains("  LinkedIn     1    1    1 100%"))
    let ascii = try succeeds(["stats"], environment: ["LANG": "C", "LC_ALL": ""])
    #expect(ascii.contains("  2026-11-02 ####"))
    #expect(!ascii.contains("█"))

    let json = try workspace.json(["stats", "--json", "--by", "method"])
    let answers = try #require(json["answers"] as? [String: Any])
    #expect(answers["sent"] as? Int == 3)
    #expect(answers["answered"] as? Int == 2)
    #expect(json["method"] as? String == "kaplan-meier")
    let first = try #require(json["timeToFirstAnswer"] as? [String: Any])
    #expect(first["medianDays"] as? Double == 14)
    let weeks = try #require(json["weeks"] as? [[String: Any]])
    #expect(weeks.map { $0["sent"] as? Int } == [2, 1, 0])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(Set(groups.compactMap { $0["name"] as? String }) == ["online form", "e-mail", "post"])
  }

  @Test func aPeriodBackwardsOrAnUnknownBreakdownIsACommandLineMistake() throws {
    let backwards = try workspace.jobdeck(["stats", "--from", "2026-11-30", "--to", "2026-11-01"])
    #expect(backwards.exitCode == 64)
    #expect(backwards.standardError.contains("--from 2026-11-30 is after --to 2026-11-01"))
    let unknown = try workspace.jobdeck(["stats", "--by", "colour"])
    #expect(unknown.exitCode == 64)
    #expect(unknown.standardError.contains("'source', 'method', 'type', 'tag' or 'month'"))
  }

  @Test func theReportHasEveryApplicationInThePeriodAndTheNameFromTheConfig() throws {
    try search()
    let config = workspace.directory + "/config.toml"
    try Data("name = \"Mara Köhler\"\n".utf8).write(to: URL(fileURLWithPath: config))
    let markdown = try succeeds(["report", "--from", "2026-11-03", "--config", config])
    #expect(markdown.hasPrefix("# Job applications of Mara Köhler\n\nPeriod: 2026-11-03 to 2026-11-22\n"))
    #expect(markdown.contains("| 2026-11-04 | Initech | Analyst |  | Jana Weber | e-mail | rejected | 2026-11-18 |"))
    #expect(markdown.contains("| 2026-11-10 | Globex |"))
    #expect(!markdown.contains("| Acme |"))
    #expect(markdown.contains("- Applications: 2"))

    let file = workspace.directory + "/report.html"
    let written = try workspace.jobdeck(["report", "--format", "html", "-o", file,
                                         "--name", "M. K.", "--paper", "letter"])
    #expect(written.exitCode == 0, "\(written.standardError)")
    #expect(written.standardError.contains("Wrote \(file): 3 applications"))
    let html = try String(contentsOfFile: file, encoding: .utf8)
    #expect(html.contains("<h1>Job applications of M. K.</h1>"))
    #expect(html.contains("size: letter;"))
  }
}
