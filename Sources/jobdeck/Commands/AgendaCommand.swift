import ArgumentParser
import Foundation
import JobDeckCore

struct AgendaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agenda",
    abstract: "Upcoming deadlines, grouped by urgency.",
    discussion: """
      Groups: Overdue, Today, This week, Next two weeks, Later, Pending (dates that wait for \
      another, such as a review three months after a start date not yet known). An all-day \
      deadline is due until the end of its day. --before DATE and --by DATE select deadlines \
      due strictly before, or on or before, a date.

      --json prints an array of entries: id, kind, date (YYYY-MM-DD or null), time (ISO 8601 \
      UTC or null), timeZone, daysLeft, urgency, section, company, title, owner, ownerKind, \
      phrase, pendingOn, flags (notAppliedYet, missed), leadTimes, reachedLeadTime.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: ArgumentHelp("Only what is due within this long (14d, 2w, 1m); overdue always shows.",
                             valueName: "duration"))
  var within: String?
  @Option(help: ArgumentHelp("Start the window on this date instead of today.", valueName: "date"))
  var from: String?
  @Option(help: ArgumentHelp("Only what is due strictly before this date.", valueName: "date"))
  var before: String?
  @Option(help: ArgumentHelp("Only what is due on or before this date.", valueName: "date"))
  var by: String?
  @Flag(help: "Only overdue deadlines.") var overdue = false
  @Option(help: ArgumentHelp("Only deadlines of this kind; repeat for more.", valueName: "kind"))
  var kind: [DeadlineKind] = []
  @Flag(help: "Print JSON for scripts.") var json = false

  func validate() throws {
    if before != nil && by != nil { throw ValidationError("use --before or --by, not both") }
  }

  func run() throws {
    let clock = storeOptions.clock
    let today = clock.today
    var query = AgendaQuery()
    query.within = try within.map(DurationInput.parse)
    query.from = try from.map { try DateInput.parse($0, today: today) }
    if let before {
      query.until = try DateInput.parse(before, today: today)
      query.untilIsInclusive = false
    }
    if let by {
      query.until = try DateInput.parse(by, today: today)
      query.untilIsInclusive = true
    }
    if query.within != nil || query.until != nil { query.includePending = false }
    query.overdueOnly = overdue
    query.kinds = kind.isEmpty ? nil : Set(kind)
    let summary = try storeOptions.file.loadAgendaRows(for: query, today: today)
    let agenda = Agenda.build(rows: summary.rows, clock: clock, query: query)
    if json {
      sayRendered(try JSONOutput.encode(agenda.entries))
      return
    }
    guard !agenda.entries.isEmpty else {
      say(summary.deadlineCount == 0 ? "No deadlines yet." : "Nothing due in that window.")
      return
    }
    sayRendered(AgendaText.render(agenda))
  }
}

struct RemindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remind",
    abstract: "Print only deadlines whose reminder time has come; silent otherwise.",
    discussion: """
      For a login shell or cron: each deadline has reminder lead times (an application cutoff: \
      7 days, 2 days and the day itself; a probation end: 30 and 7 days; set your own with \
      `jobdeck deadline add … --lead`). Exits 0 either way.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let clock = storeOptions.clock
    let summary = try storeOptions.file.loadAgendaRows(
      for: AgendaQuery(includePending: false), today: clock.today)
    let entries = Agenda.remindersDue(rows: summary.rows, clock: clock)
    if json {
      sayRendered(try JSONOutput.encode(entries))
    } else if !entries.isEmpty {
      sayRendered(AgendaText.render(Agenda(today: clock.today, entries: entries)))
    }
  }
}

/// The agenda as text: a heading per group, one aligned line per deadline.
enum AgendaText {
  static func render(_ agenda: Agenda) -> String {
    // Positions per section rather than `agenda.groups`, which copies every entry.
    var members: [AgendaSection: [Int]] = [:]
    for (position, entry) in agenda.entries.enumerated() {
      members[entry.section, default: []].append(position)
    }
    var blocks: [String] = []
    for section in AgendaSection.allCases {
      guard let positions = members[section] else { continue }
      var table = TextTable(header: ["", "", "", "", "", ""], maximumWidths: [10, 16, 16, 22, 36, 40])
      table.rows.reserveCapacity(positions.count)
      for position in positions {
        let entry = agenda.entries[position]
        table.append([
          "[\(DeadlineText.badge(entry))]", entry.kind.displayName,
          entry.date.map { $0.description } ?? "waits for \(entry.pendingOn.map(DeadlineText.anchorName) ?? "?")",
          entry.company, entry.title, entry.flags.contains(.notAppliedYet) ? "not applied yet" : entry.id,
        ])
      }
      blocks.append(section.title + "\n" + table.render(includingHeader: false, indent: "  "))
    }
    return blocks.joined(separator: "\n\n")
  }
}
