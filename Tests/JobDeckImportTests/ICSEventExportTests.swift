import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// Events in the calendar: their end after their duration, their place and their link.
@Suite("iCalendar export of events")
struct ICSEventExportTests {
  private let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current
  private let now = Date(timeIntervalSince1970: 1_795_000_000)

  private func lines(of deadline: Deadline) -> [String] {
    var deck = Deck()
    deck.add(Posting(id: "", title: "ML Engineer", company: "SumUp",
                     url: "https://jobs.example/1", createdAt: now))
    var deadline = deadline
    deadline.owner = .posting("sumup-ml-engineer")
    deck.add(deadline)
    let text = ICSExporter.export(deck, now: now, timeZone: berlin)
    return text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
  }

  private func at(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
    (CivilDate(day) ?? CivilDate(dayNumber: 0)).instant(hour: hour, minute: minute, in: berlin)
  }

  @Test func aTimedEventEndsAfterItsDurationAndCarriesPlaceAndLink() {
    let lines = lines(of: Deadline(
      id: "", kind: .interview, due: .timed(at("2026-12-09", 14), timeZone: "Europe/Berlin"),
      owner: .posting(""), duration: Period(minutes: 90), place: "Room 4; 2nd floor, east",
      link: "https://meet.example.com/abc"))
    #expect(lines.contains("DTSTART:20261209T130000Z"))
    #expect(lines.contains("DTEND:20261209T143000Z"))
    #expect(lines.contains("LOCATION:Room 4\\; 2nd floor\\, east"))
    #expect(lines.contains("URL:https://meet.example.com/abc"), "the event's link, not the ad's")
  }

  @Test func aTimedEventWithoutDurationLastsAnHour() {
    let lines = lines(of: Deadline(
      id: "", kind: .call, due: .timed(at("2026-12-09", 9, 30), timeZone: "Europe/Berlin"),
      owner: .posting("")))
    #expect(lines.contains("DTEND:20261209T093000Z"))
    #expect(lines.contains("URL:https://jobs.example/1"))
    #expect(!lines.contains { $0.hasPrefix("LOCATION") })
  }

  @Test func aCustomEventIsSummarisedByItsTitle() {
    let lines = lines(of: Deadline(
      id: "", kind: .custom, due: .allDay(CivilDate(year: 2026, month: 12, day: 10) ?? CivilDate(dayNumber: 0)),
      owner: .posting(""), title: "Assessment centre", duration: .days(2)))
    #expect(lines.contains("SUMMARY:Assessment centre: ML Engineer at SumUp"))
    #expect(lines.contains("DTSTART;VALUE=DATE:20261210"))
    #expect(lines.contains("DTEND;VALUE=DATE:20261212"), "two days, the end exclusive")
  }

  @Test func anArchivedPostingsDeadlinesAreLeftOut() throws {
    var deck = Deck()
    let id = deck.add(Posting(id: "", title: "ML Engineer", company: "SumUp", createdAt: now))
    deck.add(Deadline(id: "", kind: .applicationCutoff,
                      due: .allDay(CivilDate(year: 2026, month: 12, day: 10) ?? CivilDate(dayNumber: 0)),
                      owner: .posting(id)))
    try deck.setArchived(true, .posting(id), at: now)
    #expect(!ICSExporter.export(deck, now: now, timeZone: berlin).contains("BEGIN:VEVENT"))
  }
}
