import JobDeckCore

/// A date written somewhere in a clause, before anyone has decided what it means.
struct DateMention {
  enum Reading {
    /// Year may still be missing ("3 March"); `day` nil when only a month is given ("Feb'26").
    case calendar(year: Int?, month: Int, day: Int?)
    /// "03/04/2025" with nothing in the text to say which number is the month.
    case ambiguous(first: Int, second: Int, year: Int)
  }

  var range: Range<String.Index>
  var reading: Reading
  var weekday: Int?
  /// Matches that are only dates when a label says so ("01.04.", "September 2025").
  var isWeak: Bool
  /// Set on the first mention of a "from … to …" pair: the index of its end in the list.
  var rangeEndIndex: Int?
  var isRangeEnd = false
}

/// Which number comes first in slash dates, decided from cues elsewhere in the ad.
enum NumericDateOrder: Equatable {
  case dayFirst, monthFirst
}

/// Finds written dates in one clause. Patterns run from the most specific to the least, and a
/// later pattern never claims text an earlier one matched.
enum DateMentionScanner {
  private static let month = "(\(DateVocabulary.monthAlternation))"
  private static let weekday = "(\(DateVocabulary.weekdayAlternation))"
  private static let ordinal = "(?:st|nd|rd|th|er|re|e|º|°|\\.)?"
  private static let rangeWord = "(?:-|–|—|to|till|until|through|thru|bis|au|al|tot|do|a|à)"

  private static let iso = TextPattern(
    #"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"#)
  private static let yearFirstSlash = TextPattern(#"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"#)
  /// "18 y 19 de febrero", "10. und 11. März": two days of one month, read as a pair.
  private static let dayPairWord = "(?:and|und|et|y|e|en|i|&)"
  private static let dayRange = TextPattern(
    #"\b(\d{1,2})"# + ordinal + #"\s*"# + "(?:" + rangeWord + "|" + dayPairWord + ")"
      + #"\s*(\d{1,2})"# + ordinal
      + #"\s*(?:of\s+|de\s+)?"# + month + #"\b\.?(?:,?\s*(?:de\s+)?(\d{4}))?"#)
  private static let monthFirstDayRange = TextPattern(
    month + #"\b\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|until)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[:.]\d)(?:,?\s*(\d{4}))?"#)
  private static let dayFirst = TextPattern(
    "(?:\\b" + weekday + #"\b\.?,?\s+(?:the\s+|den\s+|le\s+|el\s+)?)?\b(\d{1,2})"# + ordinal
      + #"(?:\s*of\s+|\s*de\s+|\s+|-)"# + month + #"\b\.?(?:(?:\s*,?\s*|-)(?:de\s+)?(\d{4}|['’]\d{2})\b)?"#)
  private static let monthFirst = TextPattern(
    "(?:\\b" + weekday + #"\b\.?,?\s+)?\b"# + month
      + #"\b\.?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|[:.]\d|h\b|hours?|uhr|years?|months?|weeks?|days?|jahre|monate))(?:\s*,?\s*(\d{4})\b)?"#)
  private static let numeric = TextPattern(
    "(?:\\b" + weekday + #"\b\.?,?\s+)?\b(\d{1,2})([./-])(\d{1,2})\3(\d{4}|\d{2})\b(?![./-]\d)"#)
  private static let numericWithoutYear = TextPattern(#"\b(\d{1,2})\.(\d{1,2})\.(?![\d])"#)
  /// "June – August 2025", "de abril a septiembre de 2025", "lipiec – wrzesień 2025": whole
  /// months, the year written once at the end.
  private static let monthRange = TextPattern(
    month + #"\b\.?\s*(?:-|–|—|to|till|until|through|bis|au|à|a|al|tot|do)\s*"# + month
      + #"\b\.?,?\s*(?:de\s+|del\s+)?(\d{4})\b"#)
  private static let monthYear = TextPattern(
    month + #"\b\.?\s*(?:['’]\s?(\d{2})\b|(\d{4})\b)"#)

  static func scan(_ text: String, order: NumericDateOrder?) -> [DateMention] {
    // Every pattern needs a digit (`\d`, any decimal digit); most clauses of an ad have none.
    guard containsDecimalDigit(text) else { return [] }
    var found: [DateMention] = []
    func claim(_ mention: DateMention) {
      guard !found.contains(where: { $0.range.overlaps(mention.range) }) else { return }
      found.append(mention)
    }
    for match in iso.matches(in: text) {
      if let year = int(match.group(0)), let month = int(match.group(1)),
        let day = int(match.group(2)), CivilDate(year: year, month: month, day: day) != nil
      {
        claim(DateMention(range: match.range, reading: .calendar(year: year, month: month, day: day),
                          isWeak: false))
      }
    }
    for match in yearFirstSlash.matches(in: text) {
      if let year = int(match.group(0)), let month = int(match.group(1)),
        let day = int(match.group(2)), CivilDate(year: year, month: month, day: day) != nil
      {
        claim(DateMention(range: match.range, reading: .calendar(year: year, month: month, day: day),
                          isWeak: false))
      }
    }
    scanDayRanges(text, into: &found)
    for match in monthRange.matches(in: text) {
      guard let first = match.group(0).flatMap(DateVocabulary.month),
        let second = match.group(1).flatMap(DateVocabulary.month),
        let year = match.group(2).flatMap(parseYear), first != second,
        let firstEnd = match.groups[0]?.upperBound, let split = match.groups[1]?.lowerBound
      else { continue }
      let whole = match.range
      guard !found.contains(where: { $0.range.overlaps(whole) }) else { continue }
      found.append(DateMention(range: match.range.lowerBound..<firstEnd,
                               reading: .calendar(year: first > second ? year - 1 : year,
                                                  month: first, day: nil),
                               isWeak: true))
      found.append(DateMention(range: split..<match.range.upperBound,
                               reading: .calendar(year: year, month: second, day: nil),
                               isWeak: true))
    }
    for match in dayFirst.matches(in: text) {
      guard let day = int(match.group(1)), let month = match.group(2).flatMap(DateVocabulary.month)
      else { continue }
      let year = match.group(3).flatMap(parseYear)
      guard isPlausible(year: year, month: month, day: day) else { continue }
      claim(DateMention(range: match.range, reading: .calendar(year: year, month: month, day: day),
                        weekday: match.group(0).flatMap(DateVocabulary.weekday), isWeak: false))
    }
    for match in monthFirst.matches(in: text) {
      guard let month = match.group(1).flatMap(DateVocabulary.month), let day = int(match.group(2))
      else { continue }
      let year = match.group(3).flatMap(parseYear)
      guard isPlausible(year: year, month: month, day: day) else { continue }
      claim(DateMention(range: match.range, reading: .calendar(year: year, month: month, day: day),
                        weekday: match.group(0).flatMap(DateVocabulary.weekday), isWeak: false))
    }
    for match in numeric.matches(in: text) {
      guard let first = int(match.group(1)), let separator = match.group(2),
        let second = int(match.group(3)), let year = match.group(4).flatMap(parseYear)
      else { continue }
      let weekday = match.group(0).flatMap(DateVocabulary.weekday)
      if let reading = numericReading(first: first, second: second, year: year,
                                      dotted: separator == ".", order: order) {
        claim(DateMention(range: match.range, reading: reading, weekday: weekday, isWeak: false))
      }
    }
    for match in numericWithoutYear.matches(in: text) {
      guard let day = int(match.group(0)), let month = int(match.group(1)),
        isPlausible(year: nil, month: month, day: day)
      else { continue }
      claim(DateMention(range: match.range, reading: .calendar(year: nil, month: month, day: day),
                        isWeak: true))
    }
    for match in monthYear.matches(in: text) {
      guard let month = match.group(0).flatMap(DateVocabulary.month),
        let year = (match.group(1) ?? match.group(2)).flatMap(parseYear)
      else { continue }
      claim(DateMention(range: match.range, reading: .calendar(year: year, month: month, day: nil),
                        isWeak: true))
    }
    found.sort { $0.range.lowerBound < $1.range.lowerBound }
    linkRanges(in: text, &found)
    return found
  }

  /// "3 - 7 June 2025" and "June 2-8, 2025": two dates sharing one month (and year).
  private static func scanDayRanges(_ text: String, into found: inout [DateMention]) {
    for match in dayRange.matches(in: text) {
      guard let first = int(match.group(0)), let second = int(match.group(1)),
        let month = match.group(2).flatMap(DateVocabulary.month), first < second
      else { continue }
      let year = match.group(3).flatMap(parseYear)
      guard isPlausible(year: year, month: month, day: first),
        isPlausible(year: year, month: month, day: second),
        let firstEnd = match.groups[0]?.upperBound, let split = match.groups[1]?.lowerBound
      else { continue }
      appendPair(&found, match.range.lowerBound..<firstEnd, split..<match.range.upperBound,
                 year: year, month: month, days: (first, second))
    }
    for match in monthFirstDayRange.matches(in: text) {
      guard let month = match.group(0).flatMap(DateVocabulary.month),
        let first = int(match.group(1)), let second = int(match.group(2)), first < second
      else { continue }
      let year = match.group(3).flatMap(parseYear)
      guard isPlausible(year: year, month: month, day: first),
        isPlausible(year: year, month: month, day: second),
        let firstEnd = match.groups[1]?.upperBound, let split = match.groups[2]?.lowerBound
      else { continue }
      appendPair(&found, match.range.lowerBound..<firstEnd, split..<match.range.upperBound,
                 year: year, month: month, days: (first, second))
    }
  }

  private static func appendPair(
    _ found: inout [DateMention], _ firstRange: Range<String.Index>,
    _ secondRange: Range<String.Index>, year: Int?, month: Int, days: (Int, Int)
  ) {
    let whole = firstRange.lowerBound..<secondRange.upperBound
    guard !found.contains(where: { $0.range.overlaps(whole) }) else { return }
    found.append(DateMention(range: firstRange,
                             reading: .calendar(year: year, month: month, day: days.0),
                             isWeak: false))
    found.append(DateMention(range: secondRange,
                             reading: .calendar(year: year, month: month, day: days.1),
                             isWeak: false))
  }

  private static let connector = TextPattern(
    #"^\s*,?\s*(?:-|–|—|to|till|until|through|thru|bis(?:\s+(?:zum|zur|einschließlich))?|au|à|a|al|hasta(?:\s+el)?|tot(?:\s+en\s+met)?|t/m|do|and|und|et|y|en|i|jusqu'au)\s*(?:the\s+)?$"#)

  /// Pairs neighbours joined by "to", "–", "bis", "au", "do", … and lets a range end lend its
  /// year to its start ("from 2 June to 8 August 2025").
  private static func linkRanges(in text: String, _ found: inout [DateMention]) {
    guard found.count >= 2 else { return }
    for index in 0..<(found.count - 1) where !found[index].isRangeEnd {
      let gap = String(text[found[index].range.upperBound..<found[index + 1].range.lowerBound])
      guard gap.count <= 16, connector.isFound(in: gap),
        case .calendar(let firstYear, let firstMonth, let firstDay) = found[index].reading,
        case .calendar(let secondYear, let secondMonth, let secondDay) = found[index + 1].reading
      else { continue }
      let firstComesLater = (firstMonth, firstDay ?? 1) > (secondMonth, secondDay ?? 1)
      if firstYear == nil, let secondYear {
        found[index].reading = .calendar(
          year: firstComesLater ? secondYear - 1 : secondYear, month: firstMonth, day: firstDay)
      } else if let firstYear, secondYear == nil {
        found[index + 1].reading = .calendar(
          year: firstComesLater ? firstYear + 1 : firstYear, month: secondMonth, day: secondDay)
      }
      found[index].rangeEndIndex = index + 1
      found[index + 1].isRangeEnd = true
    }
  }

  private static func numericReading(first: Int, second: Int, year: Int, dotted: Bool,
                                     order: NumericDateOrder?) -> DateMention.Reading? {
    let dayFirstValid = CivilDate(year: year, month: second, day: first) != nil
    let monthFirstValid = CivilDate(year: year, month: first, day: second) != nil
    // Dots are day-first wherever they are used (German, Polish, Dutch, Scandinavian).
    if dotted || first == second || !monthFirstValid {
      return dayFirstValid ? .calendar(year: year, month: second, day: first) : nil
    }
    if !dayFirstValid { return .calendar(year: year, month: first, day: second) }
    switch order {
    case .dayFirst: return .calendar(year: year, month: second, day: first)
    case .monthFirst: return .calendar(year: year, month: first, day: second)
    case nil: return .ambiguous(first: first, second: second, year: year)
    }
  }

  private static func isPlausible(year: Int?, month: Int, day: Int) -> Bool {
    CivilDate(year: year ?? 2024, month: month, day: day) != nil
  }

  private static func int(_ text: String?) -> Int? { text.flatMap { Int($0) } }

  /// Whether `text` has a character `\d` matches (ICU: general category Nd, "0"–"9" and the
  /// digits of other scripts).
  static func containsDecimalDigit(_ text: String) -> Bool {
    var ascii = true
    for byte in text.utf8 {
      if byte >= 0x30 && byte <= 0x39 { return true }
      if byte >= 0x80 { ascii = false }
    }
    return !ascii && text.unicodeScalars.contains { $0.properties.generalCategory == .decimalNumber }
  }

  /// "2025", "25", "'26", "’26".
  private static func parseYear(_ text: String) -> Int? {
    let digits = text.filter(\.isNumber)
    guard let value = Int(digits) else { return nil }
    switch digits.count {
    case 2: return 2000 + value
    case 4: return (1990...2100).contains(value) ? value : nil
    default: return nil
    }
  }
}
