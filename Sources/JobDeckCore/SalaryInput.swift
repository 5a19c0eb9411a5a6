import Foundation

/// Pay as typed on the command line and in the edit document: `52000 EUR/year`,
/// `50k-60k EUR/year`, `3466 EUR/month`, `25 GBP/hour`, `52000 EUR` (no period).
public enum SalaryInput {
  public static let acceptedForms =
    "an amount or a range, a currency code and optionally a period, such as 52000 EUR/year, "
    + "50k-60k EUR/year or 25 GBP/hour (periods: year, month, hour)"

  public static func parse(_ text: String) throws -> Compensation {
    let input = text.trimmingCharacters(in: .whitespaces)
    let fail = DeckError.invalidValue(field: "salary", value: text, expected: acceptedForms)
    let words = input.split(separator: " ", omittingEmptySubsequences: true)
    guard words.count == 2 else { throw fail }
    let range = words[0].split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(range.count) else { throw fail }
    let amounts = try range.map { part -> Double in
      guard let amount = amount(String(part)) else { throw fail }
      return amount
    }
    let unit = words[1].split(separator: "/", omittingEmptySubsequences: false)
    guard (1...2).contains(unit.count) else { throw fail }
    let currency = unit[0].uppercased()
    guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) else {
      throw fail
    }
    var period: Compensation.Period?
    if unit.count == 2 {
      guard let known = Compensation.Period(rawValue: unit[1].lowercased()) else { throw fail }
      period = known
    }
    guard amounts.count == 1 || amounts[0] <= amounts[1] else { throw fail }
    return Compensation(
      text: input, minimum: amounts[0], maximum: amounts.count == 2 ? amounts[1] : amounts[0],
      currency: currency, period: period)
  }

  /// The canonical way to type a compensation back: "52000 EUR/year"; its text when the parts
  /// are unknown.
  public static func text(_ compensation: Compensation) -> String {
    guard let minimum = compensation.minimum, let currency = compensation.currency else {
      return compensation.text
    }
    var amount = number(minimum)
    if let maximum = compensation.maximum, maximum != minimum { amount += "-" + number(maximum) }
    return amount + " " + currency + (compensation.period.map { "/" + $0.rawValue } ?? "")
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// `52000`, `52,000`, `52.5k`, `52k`.
  private static func amount(_ text: String) -> Double? {
    var digits = text.lowercased().replacingOccurrences(of: ",", with: "")
    var factor = 1.0
    if digits.hasSuffix("k") {
      digits.removeLast()
      factor = 1000
    }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let value = Double(digits), value.isFinite
    else { return nil }
    return value * factor
  }
}
