import ArgumentParser
import Foundation
import JobDeckCore

struct SetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Record an offer's terms: salary, contract type, answer-by date, start date, probation, notice.",
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
  @Option(help: ArgumentHelp("The salary offered: 52000 EUR/year, 50k-60k EUR/year, 25 GBP/hour.",
                             valueName: "pay"))
  var salary: String?
  @Option(help: ArgumentHelp("The salary offered as a number (with --currency and --period).",
                             valueName: "amount"))
  var salaryAmount: String?
  @Option(help: ArgumentHelp("ISO 4217 currency of --salary-amount (EUR, USD, GBP).",
                             valueName: "code"))
  var currency: String?
  @Option(help: ArgumentHelp("year, month or hour, for --salary-amount.", valueName: "period"))
  var period: String?
  @Option(help: ArgumentHelp("The contract offered: full-time, part-time, contract, internship …",
                             valueName: "type"))
  var contractType: EmploymentType?
  @Option(help: ArgumentHelp("Notice period in the offered job (1m, 4w).", valueName: "duration"))
  var offerNotice: String?

  func validate() throws {
    if salary != nil, salaryAmount != nil || currency != nil || period != nil {
      throw ValidationError("use --salary or --salary-amount/--currency/--period, not both")
    }
    if salaryAmount == nil, currency != nil || period != nil {
      throw ValidationError("--currency and --period go with --salary-amount")
    }
  }

  /// The salary from `--salary`, or from `--salary-amount` with `--currency` and `--period`.
  private func offeredSalary() throws -> Compensation? {
    let text: String
    if let salary {
      text = salary
    } else if let salaryAmount {
      guard let currency else {
        throw CommandFailure.usage("--salary-amount needs --currency (EUR, USD, GBP …)")
      }
      text = "\(salaryAmount) \(currency)" + (period.map { "/\($0)" } ?? "")
    } else {
      return nil
    }
    do {
      return try SalaryInput.parse(text)
    } catch let error as DeckError {
      throw CommandFailure.usage((salary != nil ? "--salary: " : "--salary-amount/--currency/--period: ") + error.description)
    }
  }

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
    let pay = try offeredSalary()
    let offeredNotice = try offerNotice.map { try OptionValue.duration($0, option: "--offer-notice") }
    let now = clock.now
    let (applicationID, derived) = try storeOptions.session.update { deck -> (String, [Deadline]) in
      let applicationID = try deck.resolveApplication(id)
      if let noticePeriod { deck.settings.currentNoticePeriod = noticePeriod }
      try deck.setTerms(applicationID: applicationID, at: now) { terms in
        if let offer { terms.offerResponseBy = offer }
        if let start { terms.startDate = start }
        if let term { terms.probation = term }
        if let review { terms.probationReviewAfter = review }
        if let end { terms.contractEnd = end }
        if let pay { terms.salary = pay }
        if let contractType { terms.contractType = contractType }
        if let offeredNotice { terms.noticePeriod = offeredNotice }
      }
      deck.refreshDerivedDeadlines()
      return (applicationID, deck.deadlines(ownedBy: .application(applicationID)))
    }
    say("Updated \(applicationID).")
    let deck = try storeOptions.session.open().deck
    for deadline in derived where deadline.status == .pending {
      say("  \(deadline.kind.displayName): " + DeadlineText.when(deadline, in: deck, clock: clock))
    }
  }
}
