import Foundation
import JobDeckTestSupport
import Testing

/// `remind --lead`, the config file's `[reminders]`, and `remind --install / --cron /
/// --uninstall`. The workspace clock is Sunday 22 Nov 2026, 13:00 in Berlin.
@Suite("CLI: remind lead times and timer")
struct CLIRemindTests {
  let workspace = CLIWorkspace()

  @discardableResult
  private func succeeds(_ arguments: [String], environment: [String: String] = [:],
                        useStoreOption: Bool = true) throws -> String
  {
    let result = try workspace.jobdeck(arguments, useStoreOption: useStoreOption,
                                       environment: environment)
    #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  /// An offer response due in 5 days: its own lead times (2 days, the day) are not reached.
  private func offerDueInFiveDays() throws {
    try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try succeeds(["apply", "sumup"])
    try succeeds(["deadline", "add", "sumup", "offer-response", "2026-11-27"])
  }

  private func writeConfig(_ text: String) throws -> String {
    let path = workspace.directory + "/config.toml"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  // MARK: Lead times

  @Test func leadTimesComeFromTheFlagElseTheEnvironmentElseTheConfigFile() throws {
    try offerDueInFiveDays()
    #expect(try succeeds(["remind"]).isEmpty)
    #expect(try succeeds(["remind", "--lead", "7d,1d,2h"]).contains("offer response"))
    #expect(try succeeds(["remind"], environment: ["JOBDECK_REMIND_LEAD": "5d"])
      .contains("offer response"))
    let config = try writeConfig("[reminders.lead_times_by_kind]\noffer-response = [\"6d\"]\n")
    let fromFile = ["JOBDECK_CONFIG": config]
    #expect(try succeeds(["remind"], environment: fromFile).contains("offer response"))
    // The flag and the environment beat the file.
    #expect(try succeeds(["remind", "--lead", "1d"], environment: fromFile).isEmpty)
    #expect(try succeeds(["remind"], environment: fromFile.merging(["JOBDECK_REMIND_LEAD": "2d"]) { $1 })
      .isEmpty)
    let json = try succeeds(["remind", "--json", "--lead", "7d,1d,2h"])
    #expect(json.contains("\"reachedLeadTime\" : \"P7D\""))
  }

  /// Issue 15: the calendar's alarms are at the lead times `remind` reminds at.
  @Test func theCalendarExportsAlarmsAtTheLeadTimesRemindUses() throws {
    try offerDueInFiveDays()
    func triggers(_ arguments: [String] = [], environment: [String: String] = [:]) throws
      -> [Substring]
    {
      try succeeds(["export", "--format", "ics"] + arguments, environment: environment)
        .split(separator: "\r\n").filter { $0.hasPrefix("TRIGGER:") }
    }
    #expect(try triggers() == ["TRIGGER:-P2D", "TRIGGER:PT0S"])
    let config = try writeConfig("[reminders.lead_times_by_kind]\noffer-response = [\"6d\", \"3h\"]\n")
    #expect(try triggers(environment: ["JOBDECK_CONFIG": config]) == ["TRIGGER:-P6D", "TRIGGER:-PT3H"])
    #expect(try triggers(["--lead", "1w"], environment: ["JOBDECK_CONFIG": config]) == ["TRIGGER:-P1W"])
    let misplaced = try workspace.jobdeck(["export", "--format", "csv", "--lead", "1d"])
    #expect(misplaced.exitCode == 64)
    #expect(misplaced.standardError.contains("--lead applies to --format ics only"))
  }

  @Test func aBadLeadTimeIsAUsageErrorNamingTheUnitsAndRange() throws {
    for lead in ["3x", "400d", "-1d", "1d,,2d", "1d,2d,3d,4d,5d,6d,7d,8d,9d"] {
      let result = try workspace.jobdeck(["remind", "--lead=\(lead)"])
      #expect(result.exitCode == 64, "\(lead)")
      #expect(result.standardError.contains("invalid --lead '\(lead)'"), "\(result.standardError)")
      #expect(result.standardError.contains("units min, h, d, w, m (months) or y"))
      #expect(result.standardError.contains("each from 0d to 366d"))
    }
    let fromEnvironment = try workspace.jobdeck(["remind"],
                                                environment: ["JOBDECK_REMIND_LEAD": "soon"])
    #expect(fromEnvironment.exitCode == 64)
    #expect(fromEnvironment.standardError.contains("$JOBDECK_REMIND_LEAD 'soon'"))
  }

  @Test func aBadLeadTimeInTheConfigFileStopsWithItsPosition() throws {
    let config = try writeConfig("mouse = false\n\n[reminders]\nlead_times = [\"1d\", \"2 fortnights\"]\n")
    let result = try workspace.jobdeck(["remind"], environment: ["JOBDECK_CONFIG": config])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("\(config):4:14: reminders.lead_times: lead times"),
            "\(result.standardError)")
  }

  // MARK: Timer

  private var unitDirectory: String { workspace.directory + "/config/systemd/user" }
  private var installEnvironment: [String: String] {
    ["XDG_CONFIG_HOME": workspace.directory + "/config"]
  }

  @Test func installWritesAServiceAndTimerThatRunThisBinaryOnThisStore() throws {
    let output = try succeeds(["remind", "--install", "--every", "30m", "--lead", "1d,2h"],
                              environment: installEnvironment)
    #expect(output.contains("systemctl --user enable --now jobdeck-remind.timer"))
    let service = try String(contentsOfFile: unitDirectory + "/jobdeck-remind.service",
                             encoding: .utf8)
    let binary = try BuiltBinary.jobdeck().url.resolvingSymlinksInPath().path
    #expect(service.contains("ExecStart=\(binary) remind --notify --store \(workspace.storePath)"
      + " --lead 1d,2h\n"), "\(service)")
    let timer = try String(contentsOfFile: unitDirectory + "/jobdeck-remind.timer",
                           encoding: .utf8)
    #expect(timer.contains("OnUnitActiveSec=30min\n"))
    #expect(timer.contains("WantedBy=timers.target\n"))
    try expectSystemdAccepts()

    // Once enabled (the link systemctl makes), uninstall takes the units and the link away.
    let wants = unitDirectory + "/timers.target.wants"
    try FileManager.default.createDirectory(atPath: wants, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: wants + "/jobdeck-remind.timer", withDestinationPath: unitDirectory + "/jobdeck-remind.timer")
    let removed = try succeeds(["remind", "--uninstall"], environment: installEnvironment)
    #expect(removed.contains("Removed \(unitDirectory)/jobdeck-remind.service"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: unitDirectory) == ["timers.target.wants"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: wants).isEmpty)
  }

  /// `systemd-analyze verify` where it exists (it checks the unit syntax, that ExecStart's
  /// program exists and that timers.target does); skipped with the reason printed otherwise.
  private func expectSystemdAccepts() throws {
    let analyzer = "/usr/bin/systemd-analyze"
    guard FileManager.default.isExecutableFile(atPath: analyzer) else {
      print("skipped systemd-analyze verify: \(analyzer) is not installed")
      return
    }
    let result = try BuiltBinary(url: URL(fileURLWithPath: analyzer)).run(
      ["verify", "--man=no", unitDirectory + "/jobdeck-remind.service",
       unitDirectory + "/jobdeck-remind.timer"], timeout: 60)
    #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)")
    #expect(result.standardError.isEmpty, "\(result.standardError)")
  }

  /// The timer runs without the shell's variables, so the store and lead times they name go
  /// into the unit as options.
  @Test func installTurnsTheStoreAndLeadVariablesIntoOptions() throws {
    let store = workspace.directory + "/elsewhere.json"
    try succeeds(["remind", "--install"], environment: installEnvironment.merging(
      ["JOBDECK_STORE": store, "JOBDECK_REMIND_LEAD": "3d"]) { $1 }, useStoreOption: false)
    let service = try String(contentsOfFile: unitDirectory + "/jobdeck-remind.service",
                             encoding: .utf8)
    #expect(service.contains(" remind --notify --store \(store) --lead 3d\n"), "\(service)")
  }

  @Test func uninstallLeavesAUnitTheUserWrote() throws {
    try FileManager.default.createDirectory(atPath: unitDirectory, withIntermediateDirectories: true)
    let mine = "[Unit]\nDescription=my own\n"
    try Data(mine.utf8).write(to: URL(fileURLWithPath: unitDirectory + "/jobdeck-remind.timer"))
    let refused = try workspace.jobdeck(["remind", "--install"], environment: installEnvironment)
    #expect(refused.exitCode == 1)
    #expect(refused.standardError.contains("was not written by jobdeck"))
    let output = try succeeds(["remind", "--uninstall"], environment: installEnvironment)
    #expect(output.contains("Nothing to remove"))
    #expect(try String(contentsOfFile: unitDirectory + "/jobdeck-remind.timer", encoding: .utf8)
      == mine)
  }

  @Test func cronPrintsALineAndWritesNothing() throws {
    let line = try succeeds(["remind", "--install", "--cron", "--every", "2h"],
                            environment: installEnvironment)
    #expect(line.hasPrefix("0 */2 * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/"))
    #expect(line.contains("' 'remind' '--notify' '--store' '\(workspace.storePath)'\n"))
    #expect(!FileManager.default.fileExists(atPath: unitDirectory))
    let uneven = try workspace.jobdeck(["remind", "--install", "--cron", "--every", "7m"])
    #expect(uneven.exitCode == 64)
    #expect(uneven.standardError.contains("cannot be written as a crontab schedule"))
  }

  @Test func aBadIntervalOrCombinationIsAUsageError() throws {
    for every in ["0m", "25h", "15", "1d", "fast"] {
      let result = try workspace.jobdeck(["remind", "--install", "--every", every],
                                         environment: installEnvironment)
      #expect(result.exitCode == 64, "\(every)")
      #expect(result.standardError.contains("from 1m to 24h"), "\(result.standardError)")
    }
    #expect(try workspace.jobdeck(["remind", "--every", "15m"]).exitCode == 64)
    #expect(try workspace.jobdeck(["remind", "--install", "--notify"]).exitCode == 64)
    #expect(try workspace.jobdeck(["remind", "--notify", "--json"]).exitCode == 64)
    #expect(!FileManager.default.fileExists(atPath: unitDirectory))
  }
}
