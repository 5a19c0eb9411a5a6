import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite("iCalendar export (RFC 5545, DOMAIN.md checklist)")
struct ICSExporterTests {
  let text = ICSExporter.export(ICSFixtures.deck, now: ICSFixtures.now, timeZone: ICSFixtures.berlin)

  /// Issue 15: what the agenda leaves out, the calendar leaves out; `--all` keeps it.
  @Test func closedApplicationsAndAppliedToCutoffsLeaveTheCalendarUnlessAll() throws {
    func uids(_ deck: Deck, all: Bool = false) -> [String] {
      ICSExporter.export(deck, now: ICSFixtures.now, timeZone: ICSFixtures.berlin,
                         includingClosed: all)
        .split(separator: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
    }
    var deck = ICSFixtures.deck
    let application = "soundcloud-ml-intern"
    try deck.move(applicationID: application, to: .applied, at: ICSFixtures.now)
    #expect(!uids(deck).contains("soundcloud-ml-intern/apply-by@jobdeck"))
    #expect(uids(deck).contains("soundcloud-ml-intern/interview@jobdeck"))
    try deck.move(applicationID: application, to: .rejected, at: ICSFixtures.now)
    #expect(uids(deck) == ["acme-tools/apply-by@jobdeck"])
    #expect(uids(deck, all: true).count == ICSFixtures.exportedIDs.count)
    try deck.move(applicationID: application, to: .interview, at: ICSFixtures.now)
    #expect(uids(deck).contains("soundcloud-ml-intern/interview@jobdeck"), "reopened")
  }

  /// Content lines after unfolding (RFC 5545 §3.1: CRLF followed by one space is removed).
  /// Works on octets, as RFC 5545 consumers do: a Swift `String` would see a space followed by
  /// an emoji modifier as one character and miss the fold.
  var unfolded: [String] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
        if index + 2 < bytes.count, bytes[index + 2] == 0x20 {
          index += 3
          continue
        }
        lines.append(current)
        current = []
        index += 2
        continue
      }
      current.append(bytes[index])
      index += 1
    }
    if !current.isEmpty { lines.append(current) }
    return lines.map { String(decoding: $0, as: UTF8.self) }
  }

  /// The unfolded lines of each VEVENT, in file order.
  var events: [[String]] {
    var result: [[String]] = []
    var current: [String]?
    for line in unfolded {
      if line == "BEGIN:VEVENT" { current = [] }
      current?.append(line)
      if line == "END:VEVENT", let event = current {
        result.append(event)
        current = nil
      }
    }
    return result
  }

  func value(_ name: String, in event: [String]) -> String? {
    event.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
  }

  @Test func calendarHasVersionProdidScaleAndMethod() {
    #expect(Array(unfolded.prefix(5)) == [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//JobDeck//JobDeck//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ])
    #expect(unfolded.last == "END:VCALENDAR")
  }

  @Test func everyLineEndsWithCRLFAndNoBareLineBreakOccurs() {
    let bytes = Array(text.utf8)
    for (index, byte) in bytes.enumerated() {
      if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at \(index)") }
      if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A) }
    }
    #expect(text.utf8.suffix(2).elementsEqual([0x0D, 0x0A]))
  }

  @Test func oneEventPerPendingDatedDeadline() {
    #expect(events.map { value("UID", in: $0) }
      == ICSFixtures.exportedIDs.map { $0 + "@jobdeck" })
  }

  @Test func allDayEventEndsOnTheNextDayExclusiveAndIsTransparent() {
    let cutoff = events[0]
    #expect(cutoff.contains("DTSTART;VALUE=DATE:20250404"))
    #expect(cutoff.contains("DTEND;VALUE=DATE:20250405"))
    #expect(cutoff.contains("TRANSP:TRANSPARENT"))
    #expect(events[1].contains("DTSTART;VALUE=DATE:20250430"))
    #expect(events[1].contains("DTEND;VALUE=DATE:20250501"))
  }

  @Test func timedInterviewIsInUTCAndLastsAnHour() {
    let interview = events[2]
    #expect(value("DTSTART", in: interview) == "20250408T120000Z")
    #expect(value("DTEND", in: interview) == "20250408T130000Z")
    #expect(!interview.contains("TRANSP:TRANSPARENT"))
    #expect(value("DESCRIPTION", in: interview)?.contains("At 14:00 Europe/Berlin") == true)
  }

  @Test func relativeDeadlineWithAKnownAnchorUsesTheLastDayOfTheTerm() {
    // Start 31 March + 6 months: probation ends 30 September (BGB §188(2)).
    #expect(events[3].contains("DTSTART;VALUE=DATE:20250930"))
  }

  @Test func summaryNamesKindTitleAndCompanyAndDescriptionHasPhraseAndURL() {
    let cutoff = events[0]
    #expect(value("SUMMARY", in: cutoff) == "Apply by: ML Intern at SoundCloud")
    #expect(value("DESCRIPTION", in: cutoff)
      == "Apply by: ML Intern at SoundCloud\\nFrom the ad: Applications close on 4 April 2025\\nhttps://jobs.example/sc/1")
    #expect(value("URL", in: cutoff) == "https://jobs.example/sc/1")
    #expect(value("URL", in: events[1]) == nil)
  }

  @Test func stampSequenceAndUIDOnEveryEvent() {
    for event in events {
      #expect(value("DTSTAMP", in: event) == "20250401T093320Z")
      #expect(value("UID", in: event)?.hasSuffix("@jobdeck") == true)
    }
    #expect(events.map { value("SEQUENCE", in: $0) } == ["2", "0", "0", "0"])
  }

  @Test func uidsAreStableAcrossExports() {
    let second = ICSExporter.export(ICSFixtures.deck, now: ICSFixtures.later, timeZone: .current)
    func uids(_ calendar: String) -> [String] {
      calendar.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    }
    #expect(uids(second) == uids(text))
    #expect(second != text)  // only DTSTAMP differs, and it must
  }

  @Test func unsafeIDCharactersArePercentEncodedInTheUID() {
    let deadline = Deadline(id: "café, ltd;x/apply by", kind: .followUp, due: .allDay(
      ICSFixtures.date("2025-01-01")), owner: .posting("x"))
    #expect(ICSExporter.uid(for: deadline) == "caf%C3%A9%2C%20ltd%3Bx/apply%20by@jobdeck")
  }

  @Test func oneAlarmPerLeadTime() {
    for (event, deadline) in zip(events, ICSFixtures.exportedIDs.compactMap {
      ICSFixtures.deck.deadline(withID: $0)
    }) {
      #expect(event.filter { $0 == "BEGIN:VALARM" }.count == deadline.effectiveLeadTimes.count)
      #expect(event.filter { $0 == "ACTION:DISPLAY" }.count == deadline.effectiveLeadTimes.count)
    }
    #expect(events[0].filter { $0.hasPrefix("TRIGGER:") }
      == ["TRIGGER:-P7D", "TRIGGER:-P2D", "TRIGGER:PT0S"])
  }

  @Test func triggersForEveryShapeOfLeadTime() {
    #expect(events[1].filter { $0.hasPrefix("TRIGGER:") }
      == ["TRIGGER:PT0S", "TRIGGER:-P1D", "TRIGGER:-P6W", "TRIGGER:-P31D", "TRIGGER:-PT2H"])
    let march31 = ICSFixtures.date("2025-03-31")
    #expect(ICSExporter.trigger(for: .months(1), before: march31) == "-P31D")  // from 28 Feb
    #expect(ICSExporter.trigger(for: Period(days: 1, hours: 2), before: march31) == "-P1DT2H")
    #expect(ICSExporter.trigger(for: Period(weeks: 1, days: 2), before: march31) == "-P9D")
  }

  @Test func textIsEscapedBackslashFirst() {
    #expect(ICSText.escaped("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
    #expect(ICSText.escaped("\\n") == "\\\\n")
    #expect(ICSText.escaped("x\r\ny") == "x\\ny")
  }

  @Test func controlCharactersAndBidiOverridesAreStripped() {
    #expect(ICSText.escaped("a\u{1B}[2Jb\u{7}c\u{202E}d\u{0}e\tf") == "a[2Jbcde f")
    #expect(value("DESCRIPTION", in: events[1])?.contains("Deadline: end of April\\n[2Jseead")
      == true)
  }

  @Test func companyWithSpecialCharactersIsEscapedInTheSummary() {
    #expect(value("SUMMARY", in: events[1]) == ICSText.escaped(
      "Apply by: \(ICSFixtures.wideTitle) at Acme; Tools, \\Inc"))
  }

  @Test func lineOfExactly75OctetsIsNotFoldedAnd76Is() {
    let exact = String(repeating: "x", count: 75)
    #expect(ICSText.folded(exact) == exact + "\r\n")
    let longer = exact + "y"
    #expect(ICSText.folded(longer) == exact + "\r\n y\r\n")
    let long = String(repeating: "z", count: 75 + 74 + 3)
    let lines = ICSText.folded(long).utf8.split(separator: 0x0D, omittingEmptySubsequences: false)
    #expect(lines.map(\.count) == [75, 76, 5, 1])  // later pieces start with LF (and a space)
  }

  @Test func foldingNeverSplitsAMultiByteCharacter() {
    // 74 ASCII octets, then a 3-octet character that would straddle octet 75.
    let line = String(repeating: "a", count: 74) + "日本"
    #expect(ICSText.folded(line) == String(repeating: "a", count: 74) + "\r\n 日本\r\n")
    let emoji = "SUMMARY:" + String(repeating: "🚀", count: 40)
    for physical in ICSText.folded(emoji).utf8.split(separator: 0x0D) {
      #expect(physical.count <= 76)  // 75 plus the LF of the previous CRLF
    }
    // An emoji and its skin-tone modifier stay on one line (a break between them would be
    // legal per RFC 5545 but trips grapheme-aware readers).
    let modified = String(repeating: "a", count: 73) + "👩🏽"
    #expect(ICSText.folded(modified) == String(repeating: "a", count: 73) + "\r\n 👩🏽\r\n")
  }

  @Test func everyPhysicalLineOfTheExportFitsAndIsValidUTF8OnItsOwn() {
    var bytes = Array(text.utf8)[...]
    var count = 0
    while let end = bytes.firstIndex(of: 0x0D) {
      let line = Array(bytes[bytes.startIndex..<end])
      #expect(line.count <= 75, "\(String(decoding: line, as: UTF8.self))")
      #expect(line.first.map { $0 & 0xC0 != 0x80 } ?? true)
      #expect(String(validating: line, as: UTF8.self) != nil)
      bytes = bytes[(end + 2)...]
      count += 1
    }
    #expect(count > 20)
    // The wide title is long enough to have been folded, and unfolds back intact.
    #expect(text.contains("\r\n "))
    #expect(unfolded.contains { $0.contains(ICSText.escaped(ICSFixtures.wideTitle)) })
  }

  @Test func emptyDeckIsAValidEmptyCalendar() {
    let empty = ICSExporter.export(Deck(), now: ICSFixtures.now, timeZone: .current)
    #expect(empty.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(empty.hasSuffix("END:VCALENDAR\r\n"))
    #expect(!empty.contains("VEVENT"))
  }
}
