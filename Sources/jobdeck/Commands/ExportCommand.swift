import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckImport
import JobDeckStore

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export deadlines to a calendar (ics), or everything to CSV or JSON.",
    discussion: """
      ics: one all-day event per pending deadline (interviews at their time), with a reminder \
      alarm per lead time (the ones `remind` uses: --lead, else $JOBDECK_REMIND_LEAD, else the \
      config file's [reminders], else each kind's own); deadlines of closed applications and \
      apply-by dates of postings applied to are left out unless --all; UIDs are stable, so \
      importing again updates events instead of duplicating them. csv: one row per posting, readable back by `jobdeck import`; a cell that \
      begins with =, +, -, @, a tab or a carriage return gets a leading ' so that spreadsheets \
      do not run it as a formula (importing the file takes it off again); --raw writes cells \
      as they are. json: the store's own format.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case ics, csv, json
  }

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "ics, csv or json.") var format: Format = .ics
  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.",
                                                  valueName: "file"))
  var output: String?
  @Flag(help: "csv: write cells as they are, without the ' that stops spreadsheets running formulas.")
  var raw = false
  @OptionGroup var closed: ClosedApplicationsOption
  @Option(help: ReminderLeadOption.help) var lead: String?

  func validate() throws {
    if raw && format != .csv { throw ValidationError("--raw applies to --format csv only") }
    if closed.all && format != .ics { throw ValidationError("--all applies to --format ics only") }
    if lead != nil && format != .ics { throw ValidationError("--lead applies to --format ics only") }
  }

  func run() throws {
    let clock = storeOptions.clock
    let deck = try storeOptions.session.open().deck
    let text: String
    switch format {
    case .ics:
      let leadTimes = try ReminderLeadOption.resolve(
        flag: lead, environment: ProcessInfo.processInfo.environment,
        configured: storeOptions.configOptions.configuration.reminderLeadTimes)
      text = ICSExporter.export(deck, now: clock.now, timeZone: clock.timeZone,
                                includingClosed: closed.all, leadTimes: leadTimes)
    case .csv:
      text = CSVExporter.export(deck, timeZone: clock.timeZone,
                                cells: raw ? .raw : .spreadsheetSafe)
    case .json: text = String(decoding: try StoreEncoder().encode(deck), as: UTF8.self)
    }
    try writeFile(text, to: output)
  }
}
