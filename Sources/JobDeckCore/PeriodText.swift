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
