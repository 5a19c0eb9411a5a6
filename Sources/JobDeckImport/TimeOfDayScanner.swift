/// A clock time and zone stated beside a date: "5 pm EST", "23:59 CET", "12:00 Uhr".
struct StatedTime: Equatable {
  var hour: Int
  var minute: Int
  /// IANA identifier, nil when the ad names no zone.
  var timeZone: String?
}

enum TimeOfDayScanner {
  private static let twelveHour = TextPattern(
    #"\b(1[0-2]|0?[1-9])(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?"#)
  private static let twentyFourHour = TextPattern(
    #"\b([01]?\d|2[0-3])[:h]([0-5]\d)\b(?!\s*[-–]\s*\d)"#)
  private static let midnight = TextPattern(#"\b(?:midnight|mitternacht|minuit|medianoche)\b"#)
  private static let noon = TextPattern(#"\b(?:noon|midday|mittag|midi|mediodía)\b"#)
  private static let zone = TextPattern(
    #"\b(EST|EDT|ET|PST|PDT|PT|CST|CDT|CT|MST|MDT|MT|CET|CEST|MEZ|MESZ|GMT|BST|UTC|WET|WEST|EET|EEST|IST|AEST|AEDT|JST|SGT)\b|\b(Eastern|Pacific|Central|Mountain|UK|London|British|Irish|Dublin|Central European|CET|German|Berlin|Paris|French|Spanish|Madrid|Dutch|Amsterdam|Polish|Warsaw|Swiss|Zurich) [Tt]ime\b|\b((?:Europe|America|Asia|Australia|Africa|Pacific)/[A-Za-z_]+)\b"#,
    caseSensitive: true)

  /// Abbreviations mapped to the zone people mean by them: "EST" in July still means New York.
  private static let zones: [String: String] = [
    "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "Eastern": "America/New_York",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
    "Pacific": "America/Los_Angeles",
    "CST": "America/Chicago", "CDT": "America/Chicago", "CT": "America/Chicago",
    "Central": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "MT": "America/Denver",
    "Mountain": "America/Denver",
    "UK": "Europe/London", "London": "Europe/London", "British": "Europe/London",
    "Irish": "Europe/Dublin", "Dublin": "Europe/Dublin", "Central European": "Europe/Berlin",
    "German": "Europe/Berlin", "Berlin": "Europe/Berlin", "Paris": "Europe/Paris",
    "French": "Europe/Paris", "Spanish": "Europe/Madrid", "Madrid": "Europe/Madrid",
    "Dutch": "Europe/Amsterdam", "Amsterdam": "Europe/Amsterdam", "Polish": "Europe/Warsaw",
    "Warsaw": "Europe/Warsaw", "Swiss": "Europe/Zurich", "Zurich": "Europe/Zurich",
    "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin",
    "GMT": "Europe/London", "BST": "Europe/London", "UTC": "UTC",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "EET": "Europe/Athens",
    "EEST": "Europe/Athens", "IST": "Asia/Kolkata", "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney", "JST": "Asia/Tokyo", "SGT": "Asia/Singapore",
  ]

  static func time(in text: String) -> StatedTime? {
    var hour: Int?
    var minute = 0
    if let match = twelveHour.firstMatch(in: text), let value = match.group(0).flatMap({ Int($0) }) {
      minute = match.group(1).flatMap { Int($0) } ?? 0
      let pm = match.group(2)?.lowercased() == "p"
      hour = (value % 12) + (pm ? 12 : 0)
    } else if let match = twentyFourHour.firstMatch(in: text),
      let value = match.group(0).flatMap({ Int($0) })
    {
      hour = value
      minute = match.group(1).flatMap { Int($0) } ?? 0
    } else if midnight.isFound(in: text) {
      // "midnight on 3 March" in an ad means the end of that day, not its first minute.
      hour = 23
      minute = 59
    } else if noon.isFound(in: text) {
      hour = 12
    }
    guard let hour else { return nil }
    return StatedTime(hour: hour, minute: minute, timeZone: zoneIdentifier(in: text))
  }

  /// "midnight Pacific", "11:59 p.m. Eastern": an American zone's name right after a time
  /// needs no "Time".
  private static let zoneAfterTime = TextPattern(
    #"(?:\d|\b[ap]\.?\s?m\.?|\bmidnight|\bnoon)\s*,?\s*(Eastern|Pacific|Central|Mountain)\b(?!\s*/)"#,
    caseSensitive: true)

  static func zoneIdentifier(in text: String) -> String? {
    guard let match = zone.firstMatch(in: text) else {
      return zoneAfterTime.firstMatch(in: text)?.group(0).flatMap { zones[$0] }
    }
    if let iana = match.group(2) { return TimeZone(identifier: iana) != nil ? iana : nil }
    return (match.group(0) ?? match.group(1)).flatMap { zones[$0] }
  }
}

import Foundation
