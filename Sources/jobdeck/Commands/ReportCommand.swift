import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckImport
import JobDeckStore

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "A proof of your job search: every application sent in a period.",
    discussion: """
      One row per application sent in the period (by the day it was sent): date, company, \
      position, location, the contact or address it went to (--sent-to, else its first \
      contact), the method, the current status with its date and the stage history; your \
      name and the period on top, totals at the end. md prints Markdown; csv writes cells as \
      the CSV export does (a leading ' on formula-like cells); html is one self-contained \
      page made for printing or saving as PDF from a browser (--paper a4 or letter).
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case md, csv, html
  }

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var periodOptions: PeriodOptions
  @Option(help: "md, csv or html.") var format: Format = .md
  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.",
                                                  valueName: "file"))
  var output: String?
  @Option(help: ArgumentHelp("Your name for the header (default: the config file's `name`).",
                             valueName: "name"))
  var name: String?
  @Option(help: "html: a4 or letter.") var paper: ProofOfSearchExporter.Paper = .a4

  func run() throws {
    let clock = storeOptions.clock
    let period = try periodOptions.period(today: clock.today)
    let deck = try storeOptions.session.open().deck
    let person = (name ?? storeOptions.configOptions.configuration.name)
      .flatMap(OptionValue.nonBlank)
    let report = ProofOfSearch(deck: deck, clock: clock, from: period.from, to: period.to,
                               name: person)
    let text: String
    switch format {
    case .md: text = ProofOfSearchExporter.markdown(report)
    case .csv: text = ProofOfSearchExporter.csv(report)
    case .html: text = ProofOfSearchExporter.html(report, paper: paper)
    }
    try writeFile(text, to: output,
                  saying: "\(Plural.count(report.rows.count, "application")), \(report.periodText)")
  }
}

extension ProofOfSearchExporter.Paper: ExpressibleByArgument {}
