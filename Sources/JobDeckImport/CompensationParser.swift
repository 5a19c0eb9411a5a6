import JobDeckCore

/// Pay as an ad writes it ("€ 42K", "3466€ per month gross", "$120,000 - $150,000 a year",
/// "£25/hour", "45.000 - 55.000 € brutto jährlich"), kept as written and parsed where it can be.
enum CompensationParser {
  private static let currency =
    #"(?:US\$|USD|C\$|CAD|A\$|AUD|NZ\$|\$|€|EUR|£|GBP|CHF|Fr\.|PLN|zł|zl|SEK|NOK|DKK|kr|INR|₹|¥|JPY)"#
  private static let amount = #"(\d{1,3}(?:[.,' \u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)(\s?[kK]\b)?(?:,[-–])?"#
  private static let pattern = TextPattern(
    "(" + currency + #")?\s?"# + amount + #"\s?("# + currency + #")?(?:\s?/\s?(?:yr|year|hr|hour|h|mo|month|an|jahr|mois|mes|maand|mies\.?)\b)?(?:\s*(?:-|–|—|to|bis|à|a|do|tot|and|und|en|et|y|i)\s*("#
      + currency + #")?\s?"# + amount + #"\s?("# + currency + #")?)?"#, caseSensitive: true)
  private static let salaryWords = TextPattern(
    #"\b(?:salary|salaries|compensation|pay|paid|base|stipend|wage|remuneration|OTE|gehalt\w*|vergütung|verdienst|lohn|entgelt|brutto|salaire|rémunération|gratification|rémunéré|salario|sueldo|retribuci[oó]n|remuneraci[oó]n|salaris|beloning|vergoeding|wynagrodzeni\w*|pensja|stypendium|per (?:year|annum|month|hour)|a year|an hour|a month)\b"#)
  private static let yearWords = TextPattern(
    #"(?:per (?:year|annum)|a year|/\s?(?:yr|year|y|a|annum|jahr|an|año|jaar|rok)\b|annual\w*|yearly|p\.\s?a\.|\bpa\b|jährlich|pro jahr|im jahr|jahresgehalt|par an|annuel\w*|brut annuel|al año|anual\w*|por año|per jaar|jaarlijks|rocznie|na rok)"#)
  private static let monthWords = TextPattern(
    #"(?:per month|a month|/\s?(?:mo|month|monat|mois|mes|maand|mies|m)\b|monthly|monatlich|pro monat|im monat|monatsgehalt|par mois|mensuel\w*|al mes|mensual\w*|por mes|per maand|maandelijks|miesięcznie|na miesiąc|mc)"#)
  private static let hourWords = TextPattern(
    #"(?:per hour|an hour|/\s?(?:h|hr|hour|std|stunde|heure|hora|uur|godz)\b|hourly|stündlich|pro stunde|de l'heure|par heure|por hora|per uur|za godzinę)"#)
  /// Day rates ("£550 per day", "TJM 600 €"): recognised as pay, but the model has no daily
  /// period, so the period stays empty rather than being guessed from the size.
  private static let dayWords = TextPattern(
    #"(?:per day|a day|/\s?(?:day|tag|jour|d[ií]a|dag|dzień)\b|daily rate|day rate|tagessatz|par jour|\bTJM\b|por d[ií]a|per dag|dziennie|za dzień)"#)
  /// "Between €3,400 and €4,200": "and" joins a range only after "between".
  private static let between = TextPattern(
    #"\b(?:between|tussen|zwischen|entre|pomiędzy|między)\s*$"#)
  private static let andWord = TextPattern(#"^\s*(?:and|und|en|et|y|i)\s*$"#)
  private static let upTo = TextPattern(
    #"\b(?:up to|upto|max(?:imum)?\.?|bis zu|maximal|jusqu'à|jusqu’à|hasta|tot maximaal|maximaal|do)\s*$"#)
  private static let from = TextPattern(
    #"\b(?:from|starting (?:at|from)|min(?:imum)?\.?|at least|ab|mindestens|à partir de|dès|desde|a partir de|vanaf|minimaal|od)\s*$"#)
  private static let largeUnits = TextPattern(#"^\s*(?:m\b|mm\b|million|mio|billion|bn|mrd|milliard)"#)

  static func compensation(in clauses: [Clause]) -> Compensation? {
    var previous: Clause?
    for clause in clauses {
      defer { previous = clause }
      // "Compensation" alone on a line, the amount on the next (job boards' fact boxes).
      let labelledAbove = previous.map {
        $0.lineIndex == clause.lineIndex - 1 && $0.text.count <= 25 && salaryWords.isFound(in: $0.text)
      } ?? false
      guard labelledAbove || salaryWords.isFound(in: clause.text) || hasPeriodWord(clause.text)
      else { continue }
      if let found = parse(clause.text) { return found }
    }
    // "• £85,000 – £100,000 + equity", "Full-time · €70k–€90k": a range of money, or an amount
    // in the header lines, is pay even without a word saying so; budgets and funding are not.
    for clause in clauses where !notPay.isFound(in: clause.text) {
      guard let found = parse(clause.text), let minimum = found.minimum else { continue }
      let isRange = (found.maximum ?? minimum) > minimum
      if minimum >= 1000 || found.period == .hour, isRange || clause.lineIndex < 8 {
        return found
      }
    }
    return nil
  }

  private static let notPay = TextPattern(
    #"\b(?:raised|funding|funded|series [a-e]|seed|revenue|ARR|valuation|budget|bonus|allowance|relocation|sign-on|signing|referral|grant|investment|invest\w*|customers|users|turnover|umsatz|chiffre d'affaires|facturación|omzet|przychód|million|millions|mio|bn|billion)\b"#)

  /// Parses the first amount with a currency in `text`.
  static func parse(_ text: String) -> Compensation? {
    for match in pattern.matches(in: text) {
      let codes = [match.group(0), match.group(3), match.group(4), match.group(7)].compactMap { $0 }
      let known = codes.compactMap(isoCode)
      // "$28–$32 CAD/hour": the written code says which dollar.
      let stated = codes.contains("$") ? known.first { $0 != "USD" } ?? known.first : known.first
      guard let code = stated,
        let low = value(match.group(1), thousands: match.group(2) != nil)
      else { continue }
      let rest = String(text[match.range.upperBound...])
      if largeUnits.isFound(in: rest) { continue }
      var high = match.group(5).flatMap {
        value($0, thousands: match.group(6) != nil || match.group(2) != nil && low >= 1000)
      }
      if high != nil, let firstEnd = (match.groups[3] ?? match.groups[2] ?? match.groups[1]),
        let secondStart = match.groups[4] ?? match.groups[5],
        andWord.isFound(in: String(text[firstEnd.upperBound..<secondStart.lowerBound])),
        !between.isFound(in: String(text[..<match.range.lowerBound].suffix(30)))
      {
        high = nil
      }
      // "€ 42K": the K of the range's end applies to its start too ("40-50k").
      let minimum = (high != nil && match.group(2) == nil && match.group(6) != nil && low < 1000)
        ? low * 1000 : low
      // "€42K / €3,466 a month": a period word after the next amount is that amount's.
      let next = pattern.matches(in: text).first {
        $0.range.lowerBound >= match.range.upperBound && $0.group(1) != nil
          && ($0.group(0) != nil || $0.group(3) != nil)
      }
      let windowEnd = next.map { min($0.range.lowerBound, text.index(match.range.lowerBound,
        offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex) }
        ?? (text.index(match.range.lowerBound, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex)
      let window = String(text[match.range.lowerBound..<windowEnd])
      let daily = dayWords.isFound(in: window) && statedPeriod(window) == nil
      let period = daily ? nil : statedPeriod(window) ?? (next == nil ? statedPeriod(text) : nil)
        ?? impliedPeriod(minimum)
      // "Up to £45k" states only a ceiling, "from €50,000" only a floor.
      let before = String(text[..<match.range.lowerBound].suffix(20))
      let ceilingOnly = high == nil && upTo.isFound(in: before)
      let floorOnly = high == nil && !ceilingOnly && from.isFound(in: before)
      return Compensation(
        text: writtenText(text, match: match), minimum: ceilingOnly ? nil : minimum,
        maximum: floorOnly ? nil : high ?? minimum, currency: code, period: period)
    }
    return nil
  }

  private static func hasPeriodWord(_ text: String) -> Bool {
    yearWords.isFound(in: text) || monthWords.isFound(in: text) || hourWords.isFound(in: text)
      || dayWords.isFound(in: text)
  }

  private static func statedPeriod(_ text: String) -> Compensation.Period? {
    if hourWords.isFound(in: text) { return .hour }
    if monthWords.isFound(in: text) { return .month }
    if yearWords.isFound(in: text) { return .year }
    return nil
  }

  /// Without words, the size says it: nobody is paid €25 a year or €45,000 an hour.
  private static func impliedPeriod(_ amount: Double) -> Compensation.Period {
    if amount < 200 { return .hour }
    if amount < 15_000 { return .month }
    return .year
  }

  /// The pay as written: the rest of a "Salary: …" line, else the matched amount with the words
  /// that qualify it ("per month gross").
  private static func writtenText(_ text: String, match: TextPattern.Match) -> String {
    if text.count <= 120, let colon = text.firstIndex(of: ":"), colon < match.range.lowerBound,
      salaryWords.isFound(in: String(text[..<colon]))
    {
      return String(text[text.index(after: colon)...]).collapsingWhitespace
    }
    let tail = String(text[match.range.upperBound...])
    let qualifier = TextPattern(
      #"^(?:\s*(?:(?:(?:per|a|an|pro|par|al|por|na|im)\s+|/\s?)(?:year|annum|month|hour|week|day|jahr|monat|stunde|an|mois|heure|año|mes|hora|jaar|maand|uur|rok|miesiąc|godzinę|yr|mo|hr|h|y)\b|gross|brutto|brutos?|brut|net|netto|netos?|annually|anuales|anual|annuels?|jaarlijks|monthly|hourly|yearly|jährlich|monatlich|miesięcznie|rocznie|p\.\s?a\.|annuel\w*|mensuel\w*|\+\s?bonus|OTE))+"#)
    let extra = qualifier.firstMatch(in: tail)?.value ?? ""
    return (String(text[match.range]) + extra).collapsingWhitespace
  }

  private static func isoCode(_ symbol: String) -> String? {
    switch symbol {
    case "$", "US$", "USD": return "USD"
    case "C$", "CAD": return "CAD"
    case "A$", "AUD": return "AUD"
    case "NZ$": return "NZD"
    case "€", "EUR": return "EUR"
    case "£", "GBP": return "GBP"
    case "CHF", "Fr.": return "CHF"
    case "PLN", "zł", "zl": return "PLN"
    case "SEK": return "SEK"
    case "NOK": return "NOK"
    case "DKK": return "DKK"
    case "kr": return nil
    case "INR", "₹": return "INR"
    case "¥", "JPY": return "JPY"
    default: return nil
    }
  }

  /// "120,000", "45.000", "3.466,50", "3 466", "42.5" with an optional K.
  static func value(_ written: String?, thousands: Bool) -> Double? {
    guard let written else { return nil }
    let separators: Set<Character> = [".", ",", "'", " ", "\u{00A0}", "\u{202F}"]
    var digits = ""
    let characters = Array(written)
    for (index, character) in characters.enumerated() {
      if character.isNumber {
        digits.append(character)
      } else if separators.contains(character) {
        let following = characters[(index + 1)...].prefix { $0.isNumber }.count
        let isLastSeparator = !characters[(index + 1)...].contains { separators.contains($0) }
        // A separator followed by exactly three digits groups thousands; otherwise it is the
        // decimal mark (1–2 digits at the end: "3.466,50", "42.5k").
        if (character == "." || character == ","), isLastSeparator, following != 3 {
          digits.append(".")
        }
      }
    }
    guard var value = Double(digits) else { return nil }
    if thousands { value *= 1000 }
    // Hundreds of digits parse as infinity, which JSON cannot hold: the store could not be saved.
    return value.isFinite ? value : nil
  }
}

import Foundation
