import Foundation
import JobDeckTestSupport
import Testing

/// Issue 15 through the real binary: closed applications leave agenda, remind and the calendar
/// (and `--all` brings them back), notes reach every place a deadline is listed, and
/// suggestions are proposed, accepted, snoozed and dismissed, never acted on alone.
/// The workspace clock is Sunday 22 Nov 2026, 13:00 in Berlin.
@Suite("CLI: lifecycle, closed applications, notes, suggestions")
struct CLILifecycleTests {
  let workspace = CLIWorkspace()

  @discardableResult
  private func succeeds(_ arguments: [String], environment: [String: String] = [:]) throws
    -> String
  {
    let result = try workspace.jobdeck(arguments, environment: environment)
    #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  /// Two jobs: SumUp (applied, a take-home due tomorrow with a note, an apply-by date in three
  /// days) and Acme (applied, an interview in two days).
  private func twoJobs() throws {
    try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                  "--deadline", "2026-11-25"])
    try succeeds(["apply", "sumup"])
    try succeeds(["deadline", "add", "sumup", "take-home", "2026-11-23",
                  "--note", "Send the notebook as a PDF, not a link; cc the recruiter"])
    try succeeds(["add", "posting", "--company", "Acme", "--title", "Data Intern"])
    try succeeds(["apply", "acme"])
    try succeeds(["event", "add", "acme", "interview", "2026-11-24", "--at", "10:00"])
  }

  private func calendar(_ extra: [String] = []) throws -> String {
    try succeeds(["export", "--format", "ics"] + extra)
  }

  @Test func aClosedApplicationLeavesAgendaRemindAndCalendarUntilAllOrReopening() throws {
    try twoJobs()
    // The apply-by date of a posting applied to is history already.
    #expect(!(try succeeds(["agenda"])).contains("apply by"))
    #expect(!(try calendar()).contains("UID:sumup-ml-engineer/apply-by@jobdeck"))
    #expect(try calendar(["--all"]).contains("UID:sumup-ml-engineer/apply-by@jobdeck"))

    try succeeds(["move", "sumup", "withdrawn"])
    let agenda = try succeeds(["agenda"])
    #expect(!agenda.contains("SumUp"), "\(agenda)")
    #expect(agenda.contains("Acme"))
    #expect(!(try succeeds(["remind"])).contains("SumUp"))
    let ics = try calendar()
    #expect(!ics.contains("sumup"), "\(ics)")
    #expect(ics.contains("UID:acme-data-intern/interview@jobdeck"))

    let all = try succeeds(["agenda", "--all"])
    #expect(all.contains("take-home") && all.contains("apply by"), "\(all)")
    #expect(try succeeds(["remind", "--all"]).contains("take-home"))
    let allICS = try calendar(["--all"])
    #expect(allICS.contains("UID:sumup-ml-engineer/take-home@jobdeck"))
    #expect(allICS.contains("UID:sumup-ml-engineer/apply-by@jobdeck"))
    let json = try workspace.jsonArray(["agenda", "--all", "--json"])
    #expect(json.contains { $0["id"] as? String == "sumup-ml-engineer/take-home" })

    try succeeds(["move", "sumup", "applied", "--note", "They wrote back after all"])
    #expect(try succeeds(["agenda"]).contains("take-home"))
    #expect(try calendar().contains("UID:sumup-ml-engineer/take-home@jobdeck"))
  }

  @Test func everyClosedStageIsLeftOut() throws {
    try twoJobs()
    for stage in ["rejected", "ghosted", "withdrawn"] {
      try succeeds(["move", "acme", stage])
      #expect(!(try succeeds(["agenda"])).contains("Acme"), "\(stage)")
      #expect(!(try calendar()).contains("acme"), "\(stage)")
    }
  }

  @Test func aNoteShowsInShowAgendaRemindAndTheCalendar() throws {
    try twoJobs()
    let note = "Send the notebook as a PDF, not a link; cc the recruiter"
    #expect(try succeeds(["show", "sumup"]).contains(note))
    let agendaLine = try #require(
      try succeeds(["agenda"]).split(separator: "\n").first { $0.contains("take-home") })
    #expect(agendaLine.contains("Send the notebook as a PDF, not…"), "\(agendaLine)")
    #expect(!agendaLine.contains("recruiter"), "shortened on the agenda")
    let remind = try succeeds(["remind"])
    #expect(remind.contains("Send the notebook"), "\(remind)")
    let unfolded = try calendar().replacingOccurrences(of: "\r\n ", with: "")
    #expect(unfolded.contains("Send the notebook as a PDF\\, not a link\\; cc the recruiter"))
    let entry = try #require(try workspace.jsonArray(["agenda", "--json"])
      .first { $0["kind"] as? String == "takeHome" })
    #expect(entry["note"] as? String == note)
  }

  @Test func aPassedInterviewIsAskedAboutAndAcceptingMovesTheApplicationOn() throws {
    try twoJobs()
    let after = ["JOBDECK_NOW": "2026-11-24T12:00:00Z"]
    let agenda = try succeeds(["agenda"], environment: after)
    #expect(agenda.contains("Passed: what happened?\n  [done?]  interview"), "\(agenda)")
    #expect(agenda.contains("Suggestions"))
    #expect(agenda.contains("acme-data-intern/interview/next-stage"))
    let listed = try workspace.jobdeck(["suggest", "--json"], environment: after)
    let suggestions = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
    #expect(suggestions.map { $0["kind"] as? String } == ["nextStage"])
    #expect(suggestions.first?["proposedStage"] as? String == "screening")

    #expect(try succeeds(["suggest", "accept", "acme-data-intern/interview"], environment: after)
      .contains("moved acme-data-intern to screening"))
    let shown = try succeeds(["show", "acme"], environment: after)
    #expect(shown.contains("applied → screening"), "\(shown)")
    #expect(!(try succeeds(["agenda"], environment: after)).contains("Passed"))
    #expect(try succeeds(["suggest"], environment: after).contains("No suggestions."))
  }

  @Test func silenceProposesAFollowUpThenNoResponseAndNeverClosesAlone() throws {
    try succeeds(["add", "posting", "--company", "Quiet", "--title", "Analyst"])
    try succeeds(["apply", "quiet"])
    #expect(try succeeds(["suggest"]).contains("No suggestions."))
    let twoWeeks = ["JOBDECK_NOW": "2026-12-06T12:00:00Z"]
    let early = try succeeds(["suggest"], environment: twoWeeks)
    #expect(early.contains("quiet-analyst/follow-up"), "\(early)")
    #expect(!early.contains("no-response"))
    // No follow-up task was created behind the user's back: nothing is overdue.
    #expect(!(try succeeds(["agenda"], environment: twoWeeks)).contains("Overdue"))

    let month = ["JOBDECK_NOW": "2026-12-23T12:00:00Z"]
    #expect(try succeeds(["suggest"], environment: month).contains("quiet-analyst/no-response"))
    #expect(try succeeds(["list"], environment: month).contains("applied"))

    // Dismissed: never asked again, also after a reload; snoozed: back on its day.
    try succeeds(["suggest", "dismiss", "quiet-analyst/no"], environment: month)
    try succeeds(["suggest", "snooze", "quiet-analyst/follow-up", "--for", "3d"], environment: month)
    #expect(try succeeds(["suggest"], environment: month).contains("No suggestions."))
    let later = try succeeds(["suggest"], environment: ["JOBDECK_NOW": "2026-12-27T12:00:00Z"])
    #expect(later.contains("quiet-analyst/follow-up") && !later.contains("no-response"), "\(later)")

    try succeeds(["suggest", "accept", "quiet-analyst/follow-up"],
                 environment: ["JOBDECK_NOW": "2026-12-27T12:00:00Z"])
    let agenda = try succeeds(["agenda"], environment: ["JOBDECK_NOW": "2026-12-27T12:00:00Z"])
    #expect(agenda.contains("Today\n  [TODAY]  follow up"), "\(agenda)")
  }

  @Test func theFollowUpDaysComeFromTheOptionThenEnvironmentThenConfigThenStore() throws {
    try succeeds(["add", "posting", "--company", "Quiet", "--title", "Analyst"])
    try succeeds(["apply", "quiet"])
    let fiveDays = "2026-11-27T12:00:00Z"
    let config = workspace.directory + "/config.toml"
    try "[reminders]\nfollow_up_days = 5\n".write(toFile: config, atomically: true, encoding: .utf8)
    func proposes(_ extra: [String], _ environment: [String: String]) throws -> Bool {
      try succeeds(["suggest"] + extra, environment: ["JOBDECK_NOW": fiveDays]
        .merging(environment) { $1 }).contains("follow-up")
    }
    #expect(try !proposes([], [:]), "the store's 14 days")
    #expect(try proposes(["--config", config], [:]))
    #expect(try !proposes(["--config", config], ["JOBDECK_FOLLOW_UP_DAYS": "6"]))
    #expect(try proposes(["--config", config, "--follow-up-days", "5"],
                         ["JOBDECK_FOLLOW_UP_DAYS": "6"]))
    let bad = try workspace.jobdeck(["suggest", "--follow-up-days", "-1"])
    #expect(bad.exitCode == 64)
    #expect(bad.standardError.contains("--follow-up-days"))
    try "[reminders]\nfollow_up_days = \"soon\"\n".write(toFile: config, atomically: true,
                                                        encoding: .utf8)
    let badConfig = try workspace.jobdeck(["suggest", "--config", config])
    #expect(badConfig.exitCode == 2)
    #expect(badConfig.standardError.contains("reminders.follow_up_days"))
  }
}
