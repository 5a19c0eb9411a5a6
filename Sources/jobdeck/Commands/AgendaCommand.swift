import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckStore

struct AgendaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agenda",
    abstract: "Upcoming deadlines, grouped by urgency.",
    discussion: """
      Groups: Overdue, Passed: what happened?, Today, This week, Next two weeks, Later, \
      Pending (dates that wait for \
      another, such as a review three months after a start date not yet known). An all-day \
      deadline is due until the end of its day. --before DATE and --by DATE select deadlines \
      due strictly before, or on or before, a date.

      --json prints an array of entries: id, kind, date (YYYY-MM-DD or null), time (ISO 8601 \
      UTC or null), timeZone, daysLeft, urgency, section, company, title, owner, ownerKind, \
      phrase, pendingOn, flags (notAppliedYet, missed, happened), leadTimes, reachedLeadTime, \
      eventTitle, duration (ISO 8601), endTime (time plus duration, 1 hour by default), place, \
      link, note (the deadline's own note).

      A task (apply by, take-home, offer response, follow-up, notice) stays overdue until done, \
      dismissed or snoozed. An event (interview, phone screen, call, assessment, start, \
      probation review, custom) is never overdue: once over it is listed under "Passed: what \
      happened?" (section passed, flag happened, urgency null) until you mark it done or \
      dismiss it, or for two weeks, and then it is history (`jobdeck show`). Closed \
      applications (rejected, withdrawn, no response) and apply-by dates of postings already \
      applied to are left out unless --all.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: ArgumentHelp("Only what is due within this long (14d, 2w, 1m); overdue always shows.",
                             valueName: "duration"))
  var within: String?
  @Option(parsing: .unconditional,
          help: ArgumentHelp("Start the window on this date instead of today (-7d).", valueName: "date"))
  var from: String?
  @Option(parsing: .unconditional,
          help: ArgumentHelp("Only what is due strictly before this date.", valueName: "date"))
  var before: String?
  @Option(parsing: .unconditional,
          help: ArgumentHelp("Only what is due on or before this date.", valueName: "date"))
  var by: String?
  @Flag(help: "Only overdue deadlines.") var overdue = false
  @Option(help: ArgumentHelp("Only deadlines of this kind; repeat for more.", valueName: "kind"))
  var kind: [DeadlineKind] = []
  @OptionGroup var closed: ClosedApplicationsOption
  @OptionGroup var suggestionOptions: SuggestionOptions
  @Flag(help: "Print JSON for scripts.") var json = false

  func validate() throws {
    if before != nil && by != nil { throw ValidationError("use --before or --by, not both") }
  }

  func run() throws {
    let clock = storeOptions.clock
    let today = clock.today
    var query = AgendaQuery()
    query.within = try within.map { try OptionValue.duration($0, option: "--within") }
    query.from = try from.map { try OptionValue.date($0, option: "--from", today: today) }
    if let before {
      query.until = try OptionValue.date(before, option: "--before", today: today)
      query.untilIsInclusive = false
    }
    if let by {
      query.until = try OptionValue.date(by, option: "--by", today: today)
      query.untilIsInclusive = true
    }
    if query.within != nil || query.until != nil { query.includePending = false }
    query.overdueOnly = overdue
    query.kinds = kind.isEmpty ? nil : Set(kind)
    // Printed while a summary made again is written; what was read is kept for the exit.
    let read = try storeOptions.file.withAgendaRows(
      for: query, today: today, includingClosed: closed.all
    ) { summary in
      try printAgenda(summary, query: query, clock: clock)
      return summary
    }
    withExtendedLifetime(read) { exitLeavingMemory() }
  }

  private func printAgenda(_ summary: SummaryRows, query: AgendaQuery, clock: WallClock) throws {
    let agenda = Agenda.build(rows: summary.rows, clock: clock, query: query)
    if json {
      sayRendered(try JSONOutput.encode(agenda.entries))
      return
    }
    let suggestions = try suggestionsSection(summary, clock: clock)
    guard !agenda.entries.isEmpty else {
      say(summary.deadlineCount == 0 ? "No deadlines yet." : "Nothing due in that window.")
      if let suggestions { sayRendered("\n" + suggestions) }
      return
    }
    sayRendered(AgendaText.render(agenda, in: clock.timeZone)
                + (suggestions.map { "\n\n" + $0 } ?? ""))
  }

  /// The "Suggestions" section of a small store or under `--all`; a large store (one that keeps
  /// a summary) points to `jobdeck suggest` instead, whether its summary was current or had to
  /// be made again. None under `--overdue` and `--kind`.
  /// A store read in full came with its rows (`Agenda.rows(of:)`, closed ones too under `--all`),
  /// so the suggestions take their entries from those rows instead of working them out again.
  private func suggestionsSection(_ summary: SummaryRows, clock: WallClock) throws -> String? {
    guard !overdue, kind.isEmpty else { return nil }
    guard summary.offersSuggestions else { return "Suggestions: see `jobdeck suggest`" }
    let days = try suggestionOptions.days(configuration: storeOptions.configOptions.configuration)
    let suggestions = summary.suggestions(clock: clock, days: days) ?? []
    return suggestions.isEmpty ? nil : SuggestionText.render(suggestions)
  }
}

struct RemindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remind",
    abstract: "Print only deadlines whose reminder time has come; silent otherwise.",
    discussion: """
      For a login shell or cron: each deadline has reminder lead times (an application cutoff: \
      7 days, 2 days and the day itself; a probation end: 30 and 7 days; set your own with \
      `jobdeck deadline add … --lead`). --lead, else $JOBDECK_REMIND_LEAD, else the config \
      file's [reminders] table replaces the kinds' own. Printing, it exits 0 either way.

      --notify sends each reminder as a desktop notification instead (the freedesktop \
      Notifications service on the D-Bus session bus, through notify-send), once per \
      deadline and lead time: what was sent is kept in \
      $XDG_STATE_HOME/jobdeck/reminders-sent.json, so running it every 15 minutes never \
      repeats one. Tasks due today or overdue are sent as critical. With no session bus or no \
      notification service it says so and exits 1.

      --install writes a systemd user service and timer running `remind --notify` every \
      15 minutes (--every) to $XDG_CONFIG_HOME/systemd/user and prints the systemctl line \
      that starts it; --install --cron prints a crontab line instead; --uninstall removes the \
      units it wrote.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var closed: ClosedApplicationsOption
  @Flag(help: "Print JSON for scripts.") var json = false
  @Option(help: ReminderLeadOption.help) var lead: String?
  @Flag(help: "Send each reminder once as a desktop notification instead of printing it.")
  var notify = false
  @Flag(help: "Write a systemd user timer that runs `remind --notify`.") var install = false
  @Option(help: ArgumentHelp("With --install: how often (default 15m; 1m to 24h).",
                             valueName: "interval"))
  var every: String?
  @Flag(help: "With --install: print a crontab line instead of writing a timer.") var cron = false
  @Flag(help: "Remove the timer --install wrote.") var uninstall = false

  func validate() throws {
    if install && uninstall { throw ValidationError("use --install or --uninstall, not both") }
    if notify && json {
      throw ValidationError("--notify prints nothing to read; use --json or --notify, not both")
    }
    if (install || uninstall) && (notify || json) {
      throw ValidationError("--install and --uninstall do not take --notify or --json")
    }
    if !install && (every != nil || cron) {
      throw ValidationError("--every and --cron go with --install")
    }
    if uninstall && lead != nil { throw ValidationError("--uninstall does not take --lead") }
  }

  func run() throws {
    let leadTimes = try ReminderLeadOption.resolve(
      flag: lead, environment: ProcessInfo.processInfo.environment,
      configured: storeOptions.configOptions.configuration.reminderLeadTimes)
    if install || uninstall { return try runInstallation() }
    let clock = storeOptions.clock
    let summary = try storeOptions.file.loadAgendaRows(
      for: AgendaQuery(includePending: false), today: clock.today, includingClosed: closed.all)
    let entries = Agenda.remindersDue(rows: summary.rows.map(leadTimes.applied(to:)), clock: clock)
    if notify {
      try ReminderNotifying.notify(entries, storeOptions: storeOptions, clock: clock)
    } else if json {
      sayRendered(try JSONOutput.encode(entries))
    } else if !entries.isEmpty {
      sayRendered(AgendaText.render(Agenda(today: clock.today, entries: entries), in: clock.timeZone))
    }
  }

  /// `--install` / `--uninstall`: the command the timer runs is this binary with the store,
  /// config and lead times given here (as options, or as the variables a systemd user manager
  /// or cron would not have), paths made absolute (a unit has no working directory).
  private func runInstallation() throws {
    let environment = ProcessInfo.processInfo.environment
    if uninstall { return say(try ReminderTimer.uninstall(environment: environment)) }
    let interval = try every.map(ReminderTimer.Interval.init(parsing:))
      ?? ReminderTimer.Interval(minutes: 15)
    func given(_ option: String?, _ variable: String) -> String? {
      option ?? environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }
    var command = [ReminderTimer.runningBinary(), "remind", "--notify"]
    if let store = given(storeOptions.store, "JOBDECK_STORE") {
      command += ["--store", ReminderNotifying.absolutePath(store)]
    }
    if let config = given(storeOptions.configOptions.config, "JOBDECK_CONFIG") {
      command += ["--config", ReminderNotifying.absolutePath(config)]
    }
    if let lead = given(lead, ReminderLeadOption.environmentName) { command += ["--lead", lead] }
    if cron {
      say(try ReminderTimer.cronLine(command: command, every: interval))
    } else {
      say(try ReminderTimer.install(command: command, every: interval, environment: environment))
    }
  }
}

/// `--all` of `agenda`, `remind` and `export`: one rule of what a closed application shows.
struct ClosedApplicationsOption: ParsableArguments {
  @Flag(help: """
    Also the deadlines of closed applications (rejected, withdrawn, no response) and the \
    apply-by dates of postings already applied to, which are otherwise left out.
    """)
  var all = false
}

/// The agenda as text: a heading per group, one aligned line per deadline.
enum AgendaText {
  /// Times are shown in `zone`, the user's.
  static func render(_ agenda: Agenda, in zone: TimeZone) -> String {
    // Positions per section rather than `agenda.groups`, which copies every entry.
    var members: [AgendaSection: [Int]] = [:]
    for (position, entry) in agenda.entries.enumerated() {
      members[entry.section, default: []].append(position)
    }
    var blocks: [String] = []
    for section in AgendaSection.allCases {
      guard let positions = members[section] else { continue }
      let hasWhere = positions.contains { !DeadlineText.whereText(agenda.entries[$0].event).isEmpty }
      let hasNote = positions.contains { agenda.entries[$0].event.note != nil }
      let columns = 6 + (hasWhere ? 1 : 0) + (hasNote ? 1 : 0)
      var table = TextTable(header: Array(repeating: "", count: columns),
                            maximumWidths: Array([10, 16, 28, 22, 36, 40, 40, 40].prefix(columns)))
      table.rows.reserveCapacity(positions.count)
      for position in positions {
        let entry = agenda.entries[position]
        var row = [
          "[\(DeadlineText.badge(entry))]", entry.event.title ?? entry.kind.displayName,
          DeadlineText.agendaWhen(entry, in: zone),
          entry.company, entry.title, entry.flags.contains(.notAppliedYet) ? "not applied yet" : entry.id,
        ]
        if hasWhere { row.append(DeadlineText.whereText(entry.event)) }
        if hasNote { row.append(entry.event.shortNote(width: DeadlineText.agendaNoteWidth) ?? "") }
        table.append(row)
      }
      blocks.append(section.title + "\n" + table.render(includingHeader: false, indent: "  "))
    }
    return blocks.joined(separator: "\n\n")
  }
}
