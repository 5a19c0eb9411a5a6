import Foundation
import JobDeckCore

/// `O`: an offer's terms, as `jobdeck set` records them: the salary (amount, currency,
/// period), start date, contract type, probation, notice and the date to answer by. The
/// answer-by and start dates go on the agenda; probation review and end follow from the start.
extension App {
  mutating func openOfferTermsForm() {
    guard let id = applicationInFocus, let application = state.deck.application(withID: id) else {
      showError("no application here: an offer belongs to an application (A applies)")
      return
    }
    guard refuseIfReadOnly() else { return }
    let terms = application.terms
    let (amount, currency, per) = App.salaryFields(terms.salary)
    state.mode = .fieldForm(FieldForm(
      purpose: .offerTerms(applicationID: id),
      heading: "Offer from \(state.recordName(of: application))",
      fields: [
        .init(label: "Salary", input: TextInput(amount), help: "52000, or a range 50000-60000"),
        .init(label: "Currency", input: TextInput(currency),
              help: "ISO 4217: EUR, USD, GBP"),
        .init(label: "Per", input: TextInput(per),
              help: "year, month or hour"),
        .init(label: "Start", input: TextInput(terms.startDate?.description ?? ""),
              help: "first day of work: 2026-01-05, +30d"),
        .init(label: "Contract", input: TextInput(terms.contractType?.displayName ?? ""),
              help: EmploymentType.allCases.map(\.displayName).joined(separator: ", ")),
        .init(label: "Probation", input: TextInput(terms.probation.map(App.durationText) ?? ""),
              help: "6m, 90d"),
        .init(label: "Notice", input: TextInput(terms.noticePeriod.map(App.durationText) ?? ""),
              help: "notice period in this job: 1m, 4w"),
        .init(label: "Answer by", input: TextInput(terms.offerResponseBy?.description ?? ""),
              help: "the date to answer the offer by"),
      ]))
  }

  /// The salary as the form's three fields show it.
  static func salaryFields(_ salary: Compensation?) -> (String, String, String) {
    guard let salary else { return ("", "", "") }
    var amount = ""
    if let minimum = salary.minimum {
      amount = App.plainNumber(minimum)
      if let maximum = salary.maximum, maximum != minimum {
        amount += "-" + App.plainNumber(maximum)
      }
    }
    return (amount, salary.currency ?? "", salary.period?.rawValue ?? "")
  }

  private static func plainNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// A period as `DurationInput` reads it back (ISO 8601).
  private static func durationText(_ period: Period) -> String { period.description }

  mutating func saveOfferTerms(_ form: FieldForm, applicationID: String) throws -> [Effect] {
    guard let application = state.deck.application(withID: applicationID) else { return [] }
    var terms = application.terms
    let typed = (form.value("Salary"), form.value("Currency"), form.value("Per"))
    if typed == App.salaryFields(terms.salary) {
      // Left as shown: the salary keeps its own wording ("€ 42K").
    } else if let amount = form.optional("Salary") {
      guard let currency = form.optional("Currency") else {
        throw DeckError.invalidValue(field: "currency", value: "",
                                     expected: "an ISO 4217 code with the salary: EUR, USD, GBP")
      }
      // The same text `jobdeck set --salary-amount --currency --period` builds.
      let text = "\(amount) \(currency)" + (form.optional("Per").map { "/\($0)" } ?? "")
      terms.salary = try SalaryInput.parse(text)
    } else {
      terms.salary = nil
    }
    let today = state.today
    terms.startDate = try form.optional("Start").map { try DateInput.parse($0, today: today) }
    terms.offerResponseBy = try form.optional("Answer by").map {
      try DateInput.parse($0, today: today)
    }
    terms.probation = try form.optional("Probation").map {
      try DurationInput.parse($0, field: "probation")
    }
    terms.noticePeriod = try form.optional("Notice").map {
      try DurationInput.parse($0, field: "notice")
    }
    if let contract = form.optional("Contract") {
      terms.contractType = try uniqueMatch(
        contract, in: EmploymentType.allCases.flatMap { [($0.displayName, $0), ($0.rawValue, $0)] }
      ).orThrow(DeckError.invalidValue(
        field: "contract", value: contract,
        expected: EmploymentType.allCases.map(\.displayName).joined(separator: ", ")))
    } else {
      terms.contractType = nil
    }
    state.mode = .browsing
    guard terms != application.terms else {
      showMessage("offer terms unchanged")
      return []
    }
    return perform(.setTerms(terms, applicationID: applicationID, at: clock.now),
                   message: "Recorded the offer of \(state.recordName(of: application))")
  }
}
