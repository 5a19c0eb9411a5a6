import ArgumentParser
import Foundation
import JobDeckCore

struct SetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Record an offer's answer-by date, a start date, probation or a contract end.",
    discussion: """
      The deadlines that follow are derived and kept in step: an offer response; the start \
      date; probation review and end (BGB §188 month-end rule: 6 months from 31 March end on \
      30 September); the latest day to resign at your current job (with --notice, kept in \
      settings); a contract end. Legal dates are computed, not legal advice.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The application, or a posting with one application.") var id: String
  @Option(parsing: .unconditional, help: ArgumentHelp("Answer the offer by this date.", valueName: "date"))
  var offerResponse: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("First day of work.", valueName: "date"))
  var startDate: String?
  @Option(help: ArgumentHelp("Probation or initial term (6m, 90d).", valueName: "duration"))
  var probation: String?
  @Option(help: ArgumentHelp("Probation review after this long from the start (3m).", valueName: "duration"))
  var reviewAfter: String?
  @Option(parsing: .unconditional,
          help: ArgumentHelp("Last day of a fixed-term contract or internship.", valueName: "date"))
  var contractEnd: String?
  @Option(help: ArgumentHelp("Notice you must give at your current job (1m, 4w); applies to all applications.",
                             valueName: "duration"))
  var notice: String?

  func run() throws {
    let clock = storeOptions.clock
    let today = clock.today
    let offer = try offerResponse.map {
      try OptionValue.date($0, option: "--offer-response", today: today)
    }
    let start = try startDate.map { try OptionValue.date($0, option: "--start-date", today: today) }
    let end = try contractEnd.map { try OptionValue.date($0, option: "--contract-end", today: today) }
    let term = try probation.map { try OptionValue.duration($0, option: "--probation") }
    let review = try reviewAfter.map { try OptionValue.duration($0, option: "--review-after") }
    let noticePeriod = try notice.map { try OptionValue.duration($0, option: "--notice") }
    let now = clock.now
    let (applicationID, derived) = try storeOptions.file.update { deck -> (String, [Deadline]) in
      let applicationID = try deck.resolveApplication(id)
      if let noticePeriod { deck.settings.currentNoticePeriod = noticePeriod }
      try deck.setTerms(applicationID: applicationID, at: now) { terms in
        if let offer { terms.offerResponseBy = offer }
        if let start { terms.startDate = start }
        if let term { terms.probation = term }
        if let review { terms.probationReviewAfter = review }
        if let end { terms.contractEnd = end }
      }
      deck.refreshDerivedDeadlines()
      return (applicationID, deck.deadlines(ownedBy: .application(applicationID)))
    }
    say("Updated \(applicationID).")
    let deck = try storeOptions.file.load().deck
    for deadline in derived where deadline.status == .pending {
      say("  \(deadline.kind.displayName): " + DeadlineText.when(deadline, in: deck, clock: clock))
    }
  }
}
