import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTerminal

/// `remind --notify`: each reminder due that was not sent before becomes one desktop
/// notification, and is remembered (`SentReminderLog`) so that a timer running every 15
/// minutes never repeats it.
enum ReminderNotifying {
  /// A notification that could not be sent (no session bus, no notification service) is
  /// status 1, "the request cannot be done": neither the command line nor the store is wrong,
  /// the desktop is missing. The reminders sent before it stay recorded.
  static let cannotNotifyStatus = ExitStatus.userError

  /// The most notifications one run sends. More reminders at once (the first run on a store
  /// with a backlog) go out as that many less one, then one notification for the rest, so the
  /// desktop is not flooded; all are recorded as sent.
  static let maximumSeparate = 5

  static func notify(_ entries: [AgendaEntry], storeOptions: StoreOptions, clock: WallClock)
    throws
  {
    let environment = ProcessInfo.processInfo.environment
    do {
      try DesktopNotifier.checkSessionBus(environment: environment)
      let log = SentReminderLog(path: SentReminderLog.defaultPath(environment: environment))
      let storePath = storeOptions.path
      try log.update(store: absolutePath(storePath)) { sent in
        let plan = ReminderNotice.plan(entries: entries, sent: sent)
        sent = plan.stillDue
        guard !plan.toSend.isEmpty else { return }
        let separate = plan.toSend.count <= maximumSeparate
          ? plan.toSend[...] : plan.toSend.prefix(maximumSeparate - 1)
        for notice in separate {
          try DesktopNotifier.send(
            summary: ReminderNoticeText.summary(notice, in: clock.timeZone),
            body: ReminderNoticeText.body(notice, in: clock.timeZone),
            urgency: notice.isCritical ? .critical : .normal, environment: environment)
          sent.insert(notice.key)
        }
        let rest = plan.toSend.dropFirst(separate.count)
        guard !rest.isEmpty else { return }
        try DesktopNotifier.send(
          summary: ReminderNoticeText.groupSummary(count: rest.count),
          body: ReminderNoticeText.groupBody(Array(rest), in: clock.timeZone),
          urgency: rest.contains(where: \.isCritical) ? .critical : .normal,
          environment: environment)
        sent.formUnion(rest.map(\.key))
      }
    } catch let failure as DesktopNotifier.Failure {
      throw CommandFailure(message: "cannot send reminders: \(failure)",
                           exitCode: cannotNotifyStatus)
    } catch StoreError.locked(let lockPath, let waited)
      where lockPath.hasSuffix("/reminders-sent.json.lock")
    {
      throw CommandFailure(
        message: "another `jobdeck remind --notify` has been sending for \(Int(waited)) s"
          + " (\(lockPath) is locked); nothing was sent, the next run will",
        exitCode: cannotNotifyStatus)
    } catch let unreadable as SentReminderLog.Unreadable {
      throw CommandFailure(message: unreadable.description, exitCode: ExitStatus.storeProblem)
    }
  }

  static func absolutePath(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }
}
