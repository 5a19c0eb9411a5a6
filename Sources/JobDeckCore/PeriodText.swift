extension Period {
  /// Words for people: "6 months", "2 weeks", "1 month 2 weeks", "same day", "2 hours before".
  public var spokenDescription: String {
    guard self != .zero else { return "same day" }
    let isNegative = [years, months, weeks, days, hours, minutes].allSatisfy { $0 <= 0 }
    let sign = isNegative ? -1 : 1
    let parts: [(Int, String)] = [
      (years, "year"), (months, "month"), (weeks, "week"), (days, "day"), (hours, "hour"),
      (minutes, "minute"),
    ]
    let words = parts.filter { $0.0 != 0 }.map { value, unit -> String in
      let count = value * sign
      return "\(count) \(unit)\(abs(count) == 1 ? "" : "s")"
    }
    let text = words.joined(separator: " ")
    return isNegative ? text + " before" : text
  }
}

extension Period {
  /// As a person types it and `DurationInput` reads it back: "7d", "2h", "6w", "0d"; a period
  /// of several units as ISO 8601 ("P1DT2H"), which it reads too.
  public var typedText: String {
    let parts: [(Int, String)] = [
      (years, "y"), (months, "m"), (weeks, "w"), (days, "d"), (hours, "h"), (minutes, "min"),
    ]
    let nonZero = parts.filter { $0.0 != 0 }
    guard !nonZero.isEmpty else { return "0d" }
    guard nonZero.count == 1, let (count, unit) = nonZero.first else { return description }
    return "\(count)\(unit)"
  }
}
