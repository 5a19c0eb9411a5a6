import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// The export, read by the programs people will import it into.
@Suite("iCalendar export read by real consumers", .serialized)
struct ICSConsumerTests {
  let calendar = ICSExporter.export(ICSFixtures.deck, now: ICSFixtures.now, timeZone: ICSFixtures.berlin)

  /// What python-icalendar understood of each VEVENT.
  struct ParsedEvent: Decodable, Equatable {
    var uid: String
    var summary: String
    var start: String
    var end: String
    var allDay: Bool
    var sequence: Int
    var url: String?
    var description: String
    var triggers: [Double]
    var actions: [String]
  }

  static let pythonScript = """
    import json, sys, datetime
    import icalendar
    with open(sys.argv[1], 'rb') as f:
        cal = icalendar.Calendar.from_ical(f.read())
    assert str(cal['VERSION']) == '2.0', cal['VERSION']
    assert str(cal['PRODID']) == '-//JobDeck//JobDeck//EN'
    events = []
    for ev in cal.walk('VEVENT'):
        start = ev.decoded('DTSTART'); end = ev.decoded('DTEND')
        all_day = not isinstance(start, datetime.datetime)
        assert ev.decoded('DTSTAMP').tzinfo is not None
        alarms = ev.walk('VALARM')
        events.append({
            'uid': str(ev['UID']), 'summary': str(ev['SUMMARY']),
            'start': start.isoformat(), 'end': end.isoformat(), 'allDay': all_day,
            'sequence': int(ev['SEQUENCE']), 'url': str(ev['URL']) if 'URL' in ev else None,
            'description': str(ev['DESCRIPTION']),
            'triggers': [a.decoded('TRIGGER').total_seconds() for a in alarms],
            'actions': [str(a['ACTION']) for a in alarms],
        })
    print(json.dumps(events))
    """

  @Test func pythonIcalendarParsesEventsDatesAndAlarms() throws {
    guard ICSConsumerHarness.require("/usr/bin/python3", package: "python3") else { return }
    let harness = try ICSConsumerHarness()
    defer { harness.removeDirectory() }
    let probe = try harness.run("/usr/bin/python3", ["-c", "import icalendar"])
    guard probe.status == 0 else {
      Issue.record("/usr/bin/python3 cannot import icalendar: install the Debian package 'python3-icalendar' (apt-get install python3-icalendar); CI installs it. \(probe.errors)")
      return
    }
    let file = try harness.write(calendar, to: "deadlines.ics")
    let script = try harness.write(Self.pythonScript, to: "parse.py")
    let run = try harness.run("/usr/bin/python3", [script.path, file.path])
    try #require(run.status == 0, "python-icalendar rejected the file: \(run.errors)")
    let events = try JSONDecoder().decode([ParsedEvent].self, from: Data(run.output.utf8))

    #expect(events.map(\.uid) == ICSFixtures.exportedIDs.map { $0 + "@jobdeck" })
    #expect(events.map(\.start) == ["2025-04-04", "2025-04-30", "2025-04-08T12:00:00+00:00", "2025-09-30"])
    #expect(events.map(\.end) == ["2025-04-05", "2025-05-01", "2025-04-08T13:00:00+00:00", "2025-10-01"])
    #expect(events.map(\.allDay) == [true, true, false, true])
    #expect(events.map(\.sequence) == [2, 0, 0, 0])
    #expect(events[0].summary == "Apply by: ML Intern at SoundCloud")
    #expect(events[0].url == "https://jobs.example/sc/1")
    #expect(events[0].description.contains("From the ad: Applications close on 4 April 2025\nhttps://jobs.example/sc/1"))
    // The folded, escaped wide title comes back exactly.
    #expect(events[1].summary == "Apply by: \(ICSFixtures.wideTitle) at Acme; Tools, \\Inc")
    let day = 86_400.0
    #expect(events[0].triggers == [-7 * day, -2 * day, 0])
    #expect(events[1].triggers == [0, -day, -42 * day, -31 * day, -7_200])
    #expect(events[2].triggers == [-day, -7_200])
    #expect(events.allSatisfy { $0.actions.allSatisfy { $0 == "DISPLAY" } })
  }

  /// Issue 15: the alarms follow the lead times `remind` uses (config, `--lead`); a deadline's
  /// own lead times stay its own.
  @Test func pythonIcalendarReadsTheConfiguredLeadTimesAsTriggers() throws {
    guard ICSConsumerHarness.require("/usr/bin/python3", package: "python3") else { return }
    let harness = try ICSConsumerHarness()
    defer { harness.removeDirectory() }
    let configured = ReminderLeadTimes(general: [.days(3)], byKind: [.interview: [.hours(1), .zero]])
    let text = ICSExporter.export(ICSFixtures.deck, now: ICSFixtures.now,
                                  timeZone: ICSFixtures.berlin, leadTimes: configured)
    let file = try harness.write(text, to: "deadlines.ics")
    let script = try harness.write(Self.pythonScript, to: "parse.py")
    let run = try harness.run("/usr/bin/python3", [script.path, file.path])
    try #require(run.status == 0, "python-icalendar rejected the file: \(run.errors)")
    let events = try JSONDecoder().decode([ParsedEvent].self, from: Data(run.output.utf8))
    let day = 86_400.0
    #expect(events.map(\.triggers) == [
      [-3 * day], [0, -day, -42 * day, -31 * day, -7_200], [-3_600, 0], [-3 * day],
    ])
  }

  @Test func calcurseImportsEveryDeadlineOnItsDate() throws {
    guard ICSConsumerHarness.require("/usr/bin/calcurse", package: "calcurse") else { return }
    let harness = try ICSConsumerHarness()
    defer { harness.removeDirectory() }
    let file = try harness.write(calendar, to: "deadlines.ics")
    let data = harness.directory.appendingPathComponent("calcurse").path

    let imported = try harness.run("/usr/bin/calcurse", ["-D", data, "-i", file.path])
    try #require(imported.status == 0, "calcurse -i failed: \(imported.errors)")
    // 3 all-day events, 1 timed appointment, nothing skipped.
    #expect(imported.output.contains("1 app / 3 events / 0 todos / 0 skipped"), "\(imported.output)")

    let query = try harness.run(
      "/usr/bin/calcurse", ["-D", data, "-Q", "--from", "04/01/2025", "--days", "183"])
    try #require(query.status == 0, "calcurse -Q failed: \(query.errors)")
    let days = Self.days(in: query.output)
    #expect(days["04/04/25"] == [" * Apply by: ML Intern at SoundCloud"])
    #expect(days["04/30/25"] == [" * Apply by: \(ICSFixtures.wideTitle) at Acme; Tools, \\Inc"])
    #expect(days["04/08/25"] == [" - 12:00 -> 13:00", "\tInterview: ML Intern at SoundCloud"])
    #expect(days["09/30/25"] == [" * Probation ends: ML Intern at SoundCloud"])
    #expect(days.count == 4, "\(query.output)")
  }

  @Test func calcurseReimportOfANewerExportKeepsOneEventPerDeadline() throws {
    guard ICSConsumerHarness.require("/usr/bin/calcurse", package: "calcurse") else { return }
    let harness = try ICSConsumerHarness()
    defer { harness.removeDirectory() }
    // calcurse has no UID-based update: it is enough that each file alone imports cleanly and
    // that the UIDs (what khal and other clients merge on) are the same in both.
    let second = ICSExporter.export(ICSFixtures.deck, now: ICSFixtures.later, timeZone: .current)
    let file = try harness.write(second, to: "second.ics")
    let data = harness.directory.appendingPathComponent("calcurse").path
    let imported = try harness.run("/usr/bin/calcurse", ["-D", data, "-i", file.path])
    #expect(imported.status == 0)
    #expect(imported.output.contains("0 skipped"))
    func uids(_ text: String) -> [Substring] {
      text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }
    }
    #expect(uids(second) == uids(calendar))
  }

  /// khal (through its own `import --batch`, into a calendar of a throwaway config): every
  /// deadline on its day, the timed interview at its UTC time, the UIDs kept.
  @Test func khalImportsEveryDeadlineWithItsTimeAndUID() throws {
    guard ICSConsumerHarness.require("/usr/bin/khal", package: "khal") else { return }
    let harness = try ICSConsumerHarness()
    defer { harness.removeDirectory() }
    let calendarDirectory = harness.directory.appendingPathComponent("khal-calendar")
    try FileManager.default.createDirectory(at: calendarDirectory, withIntermediateDirectories: true)
    let config = try harness.write("""
      [calendars]
      [[jobdeck]]
      path = \(calendarDirectory.path)
      type = calendar
      [locale]
      timeformat = %H:%M
      dateformat = %Y-%m-%d
      longdateformat = %Y-%m-%d
      datetimeformat = %Y-%m-%d %H:%M
      longdatetimeformat = %Y-%m-%d %H:%M
      default_timezone = UTC
      local_timezone = UTC
      [sqlite]
      path = \(harness.directory.path)/khal.db

      """, to: "khal.conf")
    let file = try harness.write(calendar, to: "deadlines.ics")
    let imported = try harness.run(
      "/usr/bin/khal", ["-c", config.path, "import", "--batch", "-a", "jobdeck", file.path])
    try #require(imported.status == 0, "khal import failed: \(imported.errors)")
    let listed = try harness.run(
      "/usr/bin/khal", ["-c", config.path, "list", "--format", "{start} {end} | {uid}",
                        "2025-04-01", "200d"])
    try #require(listed.status == 0, "khal list failed: \(listed.errors)")
    let events = listed.output.split(separator: "\n").filter { $0.contains(" | ") }
    // khal lists by day; the file is in the deck's order.
    #expect(Set(events.map { String($0.split(separator: "|").last ?? "").trimmingCharacters(in: .whitespaces) })
      == Set(ICSFixtures.exportedIDs.map { $0 + "@jobdeck" }), "\(listed.output)")
    #expect(events.count == ICSFixtures.exportedIDs.count)
    #expect(events.contains { $0.hasPrefix("2025-04-08 12:00 2025-04-08 13:00 |") }, "\(listed.output)")
    #expect(events.contains { $0.hasPrefix("2025-04-04 2025-04-04 |") })
  }

  /// `calcurse -Q` output: a `MM/DD/YY:` line, then the day's items, then a blank line.
  static func days(in output: String) -> [String: [String]] {
    var days: [String: [String]] = [:]
    var current: String?
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasSuffix(":"), line.count == 9, !line.hasPrefix(" ") {
        current = String(line.dropLast())
        days[current ?? ""] = []
      } else if line.isEmpty {
        current = nil
      } else if let day = current {
        days[day, default: []].append(String(line))
      }
    }
    return days
  }
}
