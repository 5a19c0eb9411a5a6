import Foundation
import JobDeckCore

/// Dates as spreadsheet cells hold them.
///
/// Accepted: ISO `2025-03-04` (also `2025/03/04`, and with a time after a space or `T`, which is
/// ignored); German `04.03.2025`; and slashed `04/03/2025`. A slashed date is day-first or
/// month-first depending on the locale that wrote the file, so the order is settled once per
/// column: day-first when any value in the column has a first part above 12, month-first when
/// any has a second part above 12. A column with no such value takes the order other date
/// columns of the same file settled on; when the file gives no evidence (or contradicts itself),
/// a slashed date whose parts could be read both ways is a row error rather than a guess.
enum CSVDateOrder: Hashable, Sendable {
  case dayFirst, monthFirst

  /// The order the values of one column imply, or nil when they imply none or both.
  static func settled(by values: [String]) -> CSVDateOrder? {
    var evidence = Evidence()
    for value in values { evidence.note(value) }
    return evidence.order
  }

  /// What the values of a column seen so far say about its order (`settled(by:)` a value at a
  /// time, for a file read a record at a time).
  struct Evidence: Sendable {
    var dayFirst = false
    var monthFirst = false

    mutating func note(_ value: String) {
      guard let parts = CSVDateParser.slashedParts(value) else { return }
      if parts.0 > 12 { dayFirst = true }
      if parts.1 > 12 { monthFirst = true }
    }

    var order: CSVDateOrder? {
      switch (dayFirst, monthFirst) {
      case (true, false): return .dayFirst
      case (false, true): return .monthFirst
      default: return nil
      }
    }
  }
}

enum CSVDateParser {
  enum Failure: Error, Equatable {
    case unparsable
    case ambiguous
    /// A real date, but not one JobDeck works with (`SupportedDates`): the row is refused.
    case outsideSupportedRange(CivilDate)
  }

  /// A cell read as far as it can be without knowing its column's order: a date or failure,
  /// or a slashed date whose reading depends on the order.
  enum Reading {
    case settled(Result<CivilDate, Failure>)
    case slashed(first: Int, second: Int, year: Int)

    func date(order: CSVDateOrder?) -> Result<CivilDate, Failure> {
      switch self {
      case .settled(let result): return result
      case .slashed(let first, let second, let year):
        return CSVDateParser.slashed(first: first, second: second, year: year, order: order)
      }
    }
  }

  static func parse(_ raw: String, order: CSVDateOrder?) -> Result<CivilDate, Failure> {
    read(raw).date(order: order)
  }

  static func read(_ raw: String) -> Reading {
    var writtenDates = WrittenDates()
    return read(raw, writtenDates: &writtenDates)
  }

  /// Cells whose date is written out, read already: reading one takes the ad reader's patterns
  /// (tens of microseconds), and a tracker repeats its dates. Bounded, as a file of 100,000
  /// different texts must not keep them all.
  struct WrittenDates {
    fileprivate var readings: [String: Reading] = [:]
    fileprivate static let capacity = 4_096
  }

  /// `read(_:)`, remembering the cells written out in `writtenDates` for the next rows.
  static func read(_ raw: String, writtenDates: inout WrittenDates) -> Reading {
    if let (year, month, day) = isoParts(raw) {
      return .settled(date(year: year, month: month, day: day))
    }
    let text = raw.trimmingCharacters(in: .whitespaces)
    let datePart = String(text.split(whereSeparator: { $0 == " " || $0 == "T" }).first ?? "")
    if let numbers = numbers(datePart, separator: "-") ?? numbers(datePart, separator: "/"),
      numbers.count == 3, numbers[0].count == 4
    {
      return .settled(date(year: numbers[0], month: numbers[1], day: numbers[2]))
    }
    guard datePart == text else { return written(text, remembering: &writtenDates) }
    if let numbers = numbers(text, separator: "."), numbers.count == 3, numbers[2].count == 4 {
      return .settled(date(year: numbers[2], month: numbers[1], day: numbers[0]))
    }
    guard let parts = slashedParts(text) else { return written(text, remembering: &writtenDates) }
    let (first, second, year) = parts
    if first == second { return .settled(date(year: year, month: first, day: first)) }
    return .slashed(first: first, second: second, year: year)
  }

  /// A date written out, as the ad reader reads it ("15. Februar 2027", "Feb 15, 2027",
  /// "15 de febrero de 2027"): the cell must hold one whole date with its year and nothing else.
  private static func written(_ text: String, remembering known: inout WrittenDates) -> Reading {
    if let reading = known.readings[text] { return reading }
    let reading = written(text)
    if known.readings.count < WrittenDates.capacity { known.readings[text] = reading }
    return reading
  }

  private static func written(_ text: String) -> Reading {
    // A month's name, and a year of four digits: "04.03.25" stays a near miss.
    guard text.contains(where: \.isLetter) else { return .settled(.failure(.unparsable)) }
    let mentions = DateMentionScanner.scan(text, order: nil)
    guard mentions.count == 1, let mention = mentions.first, !mention.isWeak,
      text[mention.range].contains(/\d{4}/),
      case .calendar(let year?, let month, let day?) = mention.reading,
      text[..<mention.range.lowerBound].allSatisfy(\.isWhitespace),
      text[mention.range.upperBound...].allSatisfy({ $0.isWhitespace || $0 == "." })
    else { return .settled(.failure(.unparsable)) }
    return .settled(date(year: year, month: month, day: day))
  }

  /// `first/second/year` in the column's order.
  static func slashed(first: Int, second: Int, year: Int, order: CSVDateOrder?)
    -> Result<CivilDate, Failure>
  {
    if first == second {
      return date(year: year, month: first, day: first)
    }
    switch order {
    case .dayFirst: return date(year: year, month: second, day: first)
    case .monthFirst: return date(year: year, month: first, day: second)
    case nil:
      // One reading is impossible (13/02/2025) even without evidence from the column.
      if first > 12 { return date(year: year, month: second, day: first) }
      if second > 12 { return date(year: year, month: first, day: second) }
      return .failure(.ambiguous)
    }
  }

  /// Exactly `yyyy-mm-dd` (what most files hold) as numbers, read from the bytes; `parse` reads
  /// it the same way by its general route, which costs far more per cell.
  private static func isoParts(_ text: String) -> (Int, Int, Int)? {
    text.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int, Int)? in
      guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
      else { return nil }
      func number(_ positions: Range<Int>) -> Int? {
        var value = 0
        for byte in bytes[positions] {
          guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
          value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
      }
      guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
      else { return nil }
      return (year, month, day)
    } ?? nil
  }

  /// `a/b/yyyy` as numbers, or nil for anything else.
  static func slashedParts(_ text: String) -> (Int, Int, Int)? {
    // Without two slashes there are not three parts: say so before trimming, which is costly.
    var bytes = text
    let slashes = bytes.withUTF8 { $0.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
    guard slashes == 2 else { return nil }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let numbers = numbers(trimmed, separator: "/"), numbers.count == 3,
      numbers[2].count == 4, numbers[0].count <= 2, numbers[1].count <= 2,
      let first = Int(numbers[0]), let second = Int(numbers[1]), let year = Int(numbers[2])
    else { return nil }
    return (first, second, year)
  }

  private static func numbers(_ text: String, separator: Character) -> [String]? {
    let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) })
    else { return nil }
    return parts
  }

  private static func date(year: String, month: String, day: String)
    -> Result<CivilDate, Failure>
  {
    guard let year = Int(year), let month = Int(month), let day = Int(day) else {
      return .failure(.unparsable)
    }
    return date(year: year, month: month, day: day)
  }

  private static func date(year: Int, month: Int, day: Int) -> Result<CivilDate, Failure> {
    guard year >= 1000, let date = CivilDate(year: year, month: month, day: day) else {
      return .failure(.unparsable)
    }
    guard SupportedDates.contains(date) else { return .failure(.outsideSupportedRange(date)) }
    return .success(date)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
