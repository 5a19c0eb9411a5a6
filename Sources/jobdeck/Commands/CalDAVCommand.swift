import ArgumentParser
import Foundation
import JobDeckImport
import JobDeckStore

/// `jobdeck caldav`: the deadlines on a calendar server, for a phone's calendar.
struct CalDAVCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "caldav",
    abstract: "Publish deadlines and events to a CalDAV calendar (Nextcloud, Radicale, …).",
    subcommands: [CalDAVPushCommand.self]
  )
}

struct CalDAVPushCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "push",
    abstract: "Publish the upcoming deadlines and events (those `export` writes) to a calendar.",
    discussion: """
      One calendar resource per deadline or event; only what changed since the last push is \
      sent, and what is done, dismissed or closed is removed. An event edited on the server \
      since the last push is reported and left as it is there (exit status 1). The calendar: \
      --calendar, else $JOBDECK_CALDAV_URL, else url in the config's [caldav]; the user: \
      $JOBDECK_CALDAV_USERNAME or username; the password: $JOBDECK_CALDAV_PASSWORD or the \
      output of password_command (e.g. "pass show caldav"). https:// is required except to \
      localhost. What was published is kept beside the store in STORE.caldav-state.json.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: ArgumentHelp("The calendar collection's address.", valueName: "URL"))
  var calendar: String?

  func run() throws {
    let account = try CalDAVAccount.resolve(
      calendar: calendar, settings: storeOptions.configOptions.configuration.caldav,
      environment: ProcessInfo.processInfo.environment)
    let file = storeOptions.file
    let clock = storeOptions.clock
    let deck = try storeOptions.session.open().deck
    // The alarms at the lead times `remind` and `export --format ics` use.
    let leadTimes = try ReminderLeadOption.resolve(
      flag: nil, environment: ProcessInfo.processInfo.environment,
      configured: storeOptions.configOptions.configuration.reminderLeadTimes)
    let items = ICSExporter.eventCalendars(deck, now: clock.now, timeZone: clock.timeZone,
                                           leadTimes: leadTimes)
    let key = account.collection.absoluteString
    let push = CalDAVPush(account: account)
    var outcome = CalDAVPush.Outcome()
    do {
      try CalDAVState.update(at: CalDAVState.path(besideStore: file.path)) { state in
        var published = state.calendars[key] ?? [:]
        let steps = CalDAVPush.plan(items: items, collectionPath: account.collectionPath,
                                    published: published)
        try push.checkCollection()
        guard !steps.isEmpty else {
          say("nothing to publish: \(items.count) event\(items.count == 1 ? "" : "s") up to"
            + " date on \(key)")
          return
        }
        outcome = push.run(steps, published: &published)
        state.calendars[key] = published.isEmpty ? nil : published
      }
    } catch let unreadable as CalDAVState.Unreadable {
      throw CommandFailure(message: unreadable.description, exitCode: ExitStatus.storeProblem)
    } catch let refused as CalDAVPush.Refused {
      throw CommandFailure.user(refused.message + "; nothing was published")
    } catch let unusable as CalDAVPush.Unusable {
      throw CommandFailure.user(unusable.message + "; nothing was published")
    }
    for line in outcome.lines { say(line) }
    var problems = outcome.failures
    for address in outcome.conflicts {
      problems.append("changed on the server since the last push: \(address); not overwritten")
    }
    if !problems.isEmpty {
      throw CommandFailure.user(problems.joined(separator: "\n"))
    }
  }
}
