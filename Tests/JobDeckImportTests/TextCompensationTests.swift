import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite struct TextCompensationTests {
  @Test(arguments: [
    ("Salary: € 42K", 42_000.0, 42_000.0, "EUR", Compensation.Period.year),
    ("Compensation: 3466€ per month gross", 3466, 3466, "EUR", .month),
    ("Pay: $120,000 - $150,000 a year", 120_000, 150_000, "USD", .year),
    ("Pay: £25/hour", 25, 25, "GBP", .hour),
    ("Gehalt: 45.000 - 55.000 € brutto jährlich", 45_000, 55_000, "EUR", .year),
    ("Salary: $90k–$110k", 90_000, 110_000, "USD", .year),
    ("Salary: 40-50k EUR", 40_000, 50_000, "EUR", .year),
    ("Rémunération : 1 200 € par mois", 1200, 1200, "EUR", .month),
    ("Vergütung: 3.466,50 € monatlich", 3466.5, 3466.5, "EUR", .month),
    ("Wynagrodzenie: 4500 zł brutto miesięcznie", 4500, 4500, "PLN", .month),
    ("Salaris: € 3.100 per maand", 3100, 3100, "EUR", .month),
    ("Stipend of USD 2,500 per month", 2500, 2500, "USD", .month),
    ("Salario: 28.000 € al año", 28_000, 28_000, "EUR", .year),
    ("Gehalt: 3.500,- € brutto im Monat", 3500, 3500, "EUR", .month),
    ("Salary: CHF 100'000 per year", 100_000, 100_000, "CHF", .year),
    ("Pay: $25-$30/hr", 25, 30, "USD", .hour),
  ])
  func parsesPayVariants(text: String, minimum: Double, maximum: Double, currency: String,
                         period: Compensation.Period) {
    let pay = CompensationParser.compensation(in: Clauses.split(text))
    #expect(pay?.minimum == minimum, "\(text)")
    #expect(pay?.maximum == maximum, "\(text)")
    #expect(pay?.currency == currency, "\(text)")
    #expect(pay?.period == period, "\(text)")
  }

  @Test func keepsThePayAsWritten() {
    let pay = CompensationParser.compensation(in: Clauses.split("We offer 3466€ per month gross and a laptop."))
    #expect(pay?.text == "3466€ per month gross")
    let labelled = CompensationParser.compensation(in: Clauses.split("Salary: € 42K"))
    #expect(labelled?.text == "€ 42K")
  }

  @Test func fundingRoundsAndHeadcountsAreNotPay() {
    let text = "We raised $20M last year and serve 4,000 customers. Benefits: 30 days off."
    #expect(CompensationParser.compensation(in: Clauses.split(text)) == nil)
  }
}
