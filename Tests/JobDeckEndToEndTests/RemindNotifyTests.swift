import Foundation
import JobDeckTestSupport
import Synchronization
import Testing

/// `remind --notify` against a real notification server: a private D-Bus session bus with
/// dunst on it (under Xvfb), printing what it receives (`NotificationDesktop`). The clock moves
/// with `JOBDECK_NOW` across lead-time boundaries; each reminder must arrive exactly once.
@Suite("Remind: desktop notifications", .enabled(if: NotificationDesktop.isAvailable))
struct RemindNotifyTests {
  let workspace = CLIWorkspace()
  let leads = ["--lead", "7d,1d,2h"]

  /// SumUp · ML Engineer, applied, with an interview tomorrow (Mon 23 Nov, 14:00 Berlin), a
  /// take-home due in a week (29 Nov) and a follow-up two days overdue (20 Nov). The workspace
  /// clock is Sunday 22 Nov 2026, 13:00 in Berlin.
  /// Returns the follow-up's id.
  @discardableResult
  private func storeWithDeadlines() throws -> String {
    try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try succeeds(["apply", "sumup"])
    try succeeds(["event", "add", "sumup", "interview", "2026-11-23", "--at", "14:00",
                  "--place", "Room 4", "--note", "bring the portfolio"])
    try succeeds(["deadline", "add", "sumup", "take-home", "2026-11-29"])
    return try succeeds(["deadline", "add", "sumup", "follow-up", "2026-11-20"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @discardableResult
  private func succeeds(_ arguments: [String], environment: [String: String] = [:]) throws
    -> String
  {
    let result = try workspace.jobdeck(arguments, environment: environment)
    #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  private func environment(_ desktop: NotificationDesktop, now: String) -> [String: String] {
    ["DBUS_SESSION_BUS_ADDRESS": desktop.busAddress, "XDG_STATE_HOME": workspace.directory
      + "/state", "JOBDECK_NOW": now]
  }

  private func notify(_ desktop: NotificationDesktop, at now: String) throws -> ProcessResult {
    try workspace.jobdeck(["remind", "--notify"] + leads,
                          environment: environment(desktop, now: now))
  }

  private let job = "SumUp · ML Engineer: "

  @Test func eachReminderArrivesOnceAtEachLeadTime() throws {
    let followUp = try storeWithDeadlines()
    let desktop = try NotificationDesktop()
    try desktop.startNotificationDaemon()

    // Two overlapping runs at 13:00: the reminders due are sent once between them.
    let runs = Mutex<[ProcessResult]>([])
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      if let result = try? notify(desktop, at: "2026-11-22T12:00:00Z") {
        runs.withLock { $0.append(result) }
      }
    }
    let results = runs.withLock { $0 }
    #expect(results.count == 2)
    for result in results {
      #expect(result.exitCode == 0, "\(result.standardError)")
      #expect(result.standardOutput.isEmpty)
    }
    let afterFirst = desktop.waitForNotifications(count: 3)
    #expect(afterFirst.map(\.summary).sorted() == [
      job + "follow up – 2 days overdue",
      job + "interview tomorrow at 14:00",
      job + "take-home – due in 7 days",
    ])
    let interview = try #require(afterFirst.first { $0.summary.contains("interview") })
    #expect(interview.body == "Mon 2026-11-23 14:00 · Room 4\nbring the portfolio")
    #expect(interview.appName == "JobDeck")
    #expect(afterFirst.first { $0.summary.contains("follow up") }?.urgency == "CRITICAL")
    #expect(afterFirst.filter { $0.urgency == "NORMAL" }.count == 2)

    // Fifteen minutes later nothing is new; at 14:30 the interview's 1-day lead has passed.
    #expect(try notify(desktop, at: "2026-11-22T12:15:00Z").exitCode == 0)
    #expect(try notify(desktop, at: "2026-11-22T13:30:00Z").exitCode == 0)
    let afterSecond = desktop.waitForNotifications(count: 4)
    #expect(afterSecond.count == 4)
    #expect(afterSecond.last?.summary == job + "interview tomorrow at 14:00")

    // Saturday: the take-home's 1-day lead; the follow-up, moved, is a new reminder.
    try succeeds(["deadline", "move", followUp, "2026-11-27"])
    #expect(try notify(desktop, at: "2026-11-28T08:00:00Z").exitCode == 0)
    #expect(try notify(desktop, at: "2026-11-28T08:15:00Z").exitCode == 0)

    desktop.stopNotificationDaemon()
    let all = desktop.notifications()
    #expect(all.count == 6, "\(all)")
    #expect(all.dropFirst(4).map(\.summary).sorted() == [
      job + "follow up – 1 day overdue", job + "take-home – due tomorrow",
    ])
    #expect(all.dropFirst(4).first { $0.summary.contains("follow up") }?.urgency == "CRITICAL")
    let state = try String(contentsOfFile: workspace.directory + "/state/jobdeck/reminders-sent.json",
                           encoding: .utf8)
    #expect(state.contains(workspace.storePath))
  }

  /// A first run on a store with a backlog: four separate notifications and one for the rest,
  /// all recorded, so the next run sends nothing.
  @Test func aBacklogArrivesAsFourNotificationsAndOneForTheRest() throws {
    try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try succeeds(["apply", "sumup"])
    for day in 10...16 {
      try succeeds(["deadline", "add", "sumup", "follow-up", "2026-11-\(day)"])
    }
    let desktop = try NotificationDesktop()
    try desktop.startNotificationDaemon()
    #expect(try notify(desktop, at: "2026-11-22T12:00:00Z").exitCode == 0)
    #expect(try notify(desktop, at: "2026-11-22T12:15:00Z").exitCode == 0)
    desktop.stopNotificationDaemon()
    let all = desktop.notifications()
    #expect(all.map(\.summary) == [
      job + "follow up – 12 days overdue", job + "follow up – 11 days overdue",
      job + "follow up – 10 days overdue", job + "follow up – 9 days overdue",
      "JobDeck: 3 more reminders",
    ])
    #expect(all.last?.body == [
      job + "follow up – 8 days overdue", job + "follow up – 7 days overdue",
      job + "follow up – 6 days overdue", "jobdeck agenda shows them all",
    ].joined(separator: "\n"))
    #expect(all.allSatisfy { $0.urgency == "CRITICAL" })
  }

  @Test func withoutANotificationServiceItFailsAndSendsOnceOneIsThere() throws {
    try storeWithDeadlines()
    let desktop = try NotificationDesktop()
    let refused = try notify(desktop, at: "2026-11-22T12:00:00Z")
    #expect(refused.exitCode == 1)
    #expect(refused.standardError.contains("no notification service on the session bus"),
            "\(refused.standardError)")

    // Nothing was recorded as sent: with a server, all three arrive.
    try desktop.startNotificationDaemon()
    #expect(try notify(desktop, at: "2026-11-22T12:00:00Z").exitCode == 0)
    desktop.stopNotificationDaemon()
    #expect(desktop.notifications().count == 3, "\(desktop.notifications())")
  }

  @Test func withoutASessionBusItSaysSoAndPlainRemindStillPrints() throws {
    try storeWithDeadlines()
    let noBus = ["DBUS_SESSION_BUS_ADDRESS": "", "XDG_RUNTIME_DIR": workspace.directory,
                 "XDG_STATE_HOME": workspace.directory + "/state"]
    let refused = try workspace.jobdeck(["remind", "--notify"], environment: noBus)
    #expect(refused.exitCode == 1)
    #expect(refused.standardError.contains("no D-Bus session bus"), "\(refused.standardError)")
    #expect(!FileManager.default.fileExists(
      atPath: workspace.directory + "/state/jobdeck/reminders-sent.json"))

    let printed = try workspace.jobdeck(["remind"] + leads, environment: noBus)
    #expect(printed.exitCode == 0)
    #expect(printed.standardOutput.contains("take-home"))
    #expect(printed.standardOutput.contains("interview"))
  }
}
