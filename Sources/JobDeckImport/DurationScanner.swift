import JobDeckCore

/// A length of time written in an ad: "10 weeks", "six-week", "12 - 24 weeks", "4 à 6 mois".
struct StatedDuration: Equatable {
  enum Unit: Equatable { case day, week, month, year }

  var minimum: Int
  /// Set for ranges ("12 - 24 weeks"); equal to `minimum` otherwise.
  var maximum: Int
  var unit: Unit
  var range: Range<String.Index>

  var isRange: Bool { minimum != maximum }

  func period(_ count: Int) -> Period {
    switch unit {
    case .day: return .days(count)
    case .week: return .weeks(count)
    case .month: return .months(count)
    case .year: return Period(years: count)
    }
  }

  /// The longest stated length: probation "3–6 months" may last 6.
  var longest: Period { period(maximum) }
}

enum DurationScanner {
  private static let number = #"(\d+|\#(DateVocabulary.numberWordAlternation))"#
  private static let pattern = TextPattern(
    #"\b"# + number + #"(?:\s*(?:-|–|—|to|or|à|a|bis|do|tot|o|ou|oder)\s*"# + number + #")?\+?(?:\s+|-|\s*-\s*)?(days?|tage?n?|jours?|d[ií]as?|dagen|dni|weeks?|wks?|wochen?|semaines?|semanas?|weken|tygodni[ea]?|tydzień|months?|monate?n?|monats|mois|meses|mes|maanden|maand|miesi[ąęa]c\w*|years?|yrs?|jahre?n?|jahres|ans?|años?|jaar|jaren|lat[a]?|rok|roku)\b"#)

  static func durations(in text: String) -> [StatedDuration] {
    pattern.matches(in: text).compactMap { match in
      guard let first = match.group(0).flatMap(DateVocabulary.number), first > 0,
        let unitWord = match.group(2)
      else { return nil }
      let second = match.group(1).flatMap(DateVocabulary.number) ?? first
      guard let unit = unit(unitWord), second >= first, second < 100 else { return nil }
      return StatedDuration(minimum: first, maximum: second, unit: unit, range: match.range)
    }
  }

  private static func unit(_ word: String) -> StatedDuration.Unit? {
    let word = word.folded
    if word.hasPrefix("d") || word.hasPrefix("tag") || word.hasPrefix("jour") { return .day }
    if word.hasPrefix("w") || word.hasPrefix("sem") || word.hasPrefix("ty") { return .week }
    if word.hasPrefix("mo") || word.hasPrefix("mes") || word.hasPrefix("maand")
      || word.hasPrefix("mies")
    {
      return .month
    }
    if word.hasPrefix("y") || word.hasPrefix("jahr") || word.hasPrefix("an")
      || word.hasPrefix("ja") || word.hasPrefix("lat") || word.hasPrefix("rok")
    {
      return .year
    }
    return nil
  }
}
