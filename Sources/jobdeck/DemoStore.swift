import Foundation
import JobDeckCore
import JobDeckResources
import JobDeckStore

/// The bundled demo store is a real store file dated as if today were `epoch`. Opening it moves
/// every date by the same number of days, so the demo's agenda is never empty or stale.
enum DemoStore {
  static let epoch = CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(dayNumber: 0)

  static func write(to path: String, today: CivilDate, now: Date) throws {
    var deck = try StoreDecoder().decode(Data(BundledResources.demoStore), path: "demo-store.json")
      .deck
    deck.shift(byDays: epoch.days(until: today))
    deck.refreshDerivedDeadlines()
    // A new store: the session saves over no file, so it never replaces one that is there.
    try StoreSession(file: StoreFile(path: path)).save(deck)
  }
}

extension Deck {
  /// Moves every date by whole days: civil dates by calendar days, timestamps by the same
  /// number of days in UTC, and timed deadlines by days on their own zone's wall clock, so an
  /// interview at 14:00 stays at 14:00 across a DST change.
  mutating func shift(byDays days: Int) {
    func moved(_ date: Date) -> Date {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
      return calendar.date(byAdding: .day, value: days, to: date) ?? date
    }
    for index in postings.indices {
      if let posted = postings[index].posted {
        postings[index].posted?.date = posted.date.adding(days: days)
      }
      postings[index].createdAt = moved(postings[index].createdAt)
      postings[index].updatedAt = moved(postings[index].updatedAt)
    }
    for index in applications.indices {
      applications[index].createdAt = moved(applications[index].createdAt)
      applications[index].updatedAt = moved(applications[index].updatedAt)
      for entry in applications[index].history.indices {
        applications[index].history[entry].at = moved(applications[index].history[entry].at)
      }
      var terms = applications[index].terms
      terms.offerResponseBy = terms.offerResponseBy?.adding(days: days)
      terms.startDate = terms.startDate?.adding(days: days)
      terms.contractEnd = terms.contractEnd?.adding(days: days)
      applications[index].terms = terms
    }
    for index in deadlines.indices {
      switch deadlines[index].due {
      case .allDay(let date):
        deadlines[index].due = .allDay(date.adding(days: days))
      case .timed(let instant, let zoneName):
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zoneName) ?? .current
        let shifted = calendar.date(byAdding: .day, value: days, to: instant) ?? instant
        deadlines[index].due = .timed(shifted, timeZone: zoneName)
      case .relative:
        break
      }
      deadlines[index].snoozedUntil = deadlines[index].snoozedUntil?.adding(days: days)
    }
  }
}
