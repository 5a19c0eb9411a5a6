import Foundation
import JobDeckTestSupport
import Testing

/// Issue 12 §1 and §5: a date JobDeck accepts is a date JobDeck can load. Each case was accepted
/// before and left a store that no longer loaded, or trapped; now it is refused with the option
/// (or file:line:column) and the range named, exit 64 (2 for the store file), and the store's
/// bytes, its backup and its journal are exactly as they were.
@Suite("Hostile dates")
struct HostileDateTests {
  let workspace = CLIWorkspace()
  static let range = "1900-01-01 … 2199-12-31"

  /// A posting and its application (`acme-engineer`), and one manual deadline, saved twice so
  /// that a backup exists too.
  @discardableResult
  func storeAnApplication() throws -> String {
    try workspace.jobdeck(["add", "posting", "--company", "Acme", "--title", "Engineer"])
    try workspace.jobdeck(["apply", "acme"])
    let added = try workspace.jobdeck(["deadline", "add", "acme", "assessment", "2026-12-01"])
    #expect(added.exitCode == 0, "\(added.standardError)")
    return added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The store, its backup and its journal, byte for byte (nil for a file that is absent).
  func filesOnDisk() -> [Data?] {
    ["", ".bak", ".journal"].map { FileManager.default.contents(atPath: workspace.storePath + $0) }
  }

  /// Runs `arguments`, expects `exitCode` and every piece of `message` on standard error, and
  /// that nothing on disk changed; then that the store still loads.
  func expectRefused(
    _ arguments: [String], exitCode: Int32 = 64, message: [String],
    environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = filesOnDisk()
    let result = try workspace.jobdeck(arguments, environment: environment)
    #expect(result.exitCode == exitCode, "\(arguments): \(result.standardError)",
            sourceLocation: sourceLocation)
    for piece in message {
      #expect(result.standardError.contains(piece),
              "\(arguments): \(result.standardError) lacks \(piece)", sourceLocation: sourceLocation)
    }
    #expect(filesOnDisk() == before, "\(arguments) changed the files", sourceLocation: sourceLocation)
    let check = try workspace.jobdeck(["check"])
    #expect(check.exitCode == 0 || exitCode == 2, "\(check.standardError)",
            sourceLocation: sourceLocation)
  }

  // MARK: - Known crashers

  @Test func aHugeDayOffsetInAddPostingIsRefusedNotATrap() throws {
    try storeAnApplication()
    try expectRefused(
      ["add", "posting", "--company", "X", "--title", "Y", "--deadline", "+9223372036854775807d"],
      message: ["invalid --deadline '+9223372036854775807d'", Self.range])
  }

  @Test func aHugeDayOffsetInMoveIsRefusedNotATrap() throws {
    try storeAnApplication()
    try expectRefused(["move", "acme", "interview", "--on", "+9223372036854775807d"],
                      message: ["invalid --on '+9223372036854775807d'", Self.range])
  }

  @Test func aHugeWithinIsRefusedNotWrapped() throws {
    try storeAnApplication()
    try expectRefused(["agenda", "--within", "2562047788015215h"],
                      message: ["invalid --within '2562047788015215h'", "at most 2629800 hours"])
  }

  // MARK: - Known store-breakers

  @Test func aDeadlineBeyondTheRangeIsRefused() throws {
    try storeAnApplication()
    for offset in ["+2932896d", "+8000y", "+400y"] {
      try expectRefused(["add", "posting", "--company", "X", "--title", "Y", "--deadline", offset],
                        message: ["invalid --deadline '\(offset)'", Self.range])
    }
  }

  @Test func aMoveOnYearOneIsRefused() throws {
    try storeAnApplication()
    for stage in ["applied", "interview"] {
      try expectRefused(["move", "acme", stage, "--on", "0001-01-01"],
                        message: ["invalid --on '0001-01-01'", Self.range, "(it would be 0001-01-01)"])
    }
  }

  @Test func aTimedDeadlineAtTheEndOfYear9999IsRefused() throws {
    try storeAnApplication()
    try expectRefused(
      ["deadline", "add", "acme", "interview", "9999-12-31", "--at", "23:59", "--time-zone",
       "Etc/GMT+12"],
      message: ["invalid date '9999-12-31'", Self.range])
  }

  @Test func aTimeThatIsInRangeOnlyInSomeZonesIsRefused() throws {
    try storeAnApplication()
    try expectRefused(
      ["deadline", "add", "acme", "interview", "2199-12-31", "--at", "23:59", "--time-zone",
       "Etc/GMT+12"],
      message: ["invalid --at '2199-12-31 23:59': 23:59 on 2199-12-31 in Etc/GMT+12 is"
                + " 2200-01-01T11:59:00Z", "1900-01-01T12:00:00Z … 2199-12-31T09:59:59Z", Self.range])
  }

  @Test func aSnoozeBeyondTheRangeIsRefused() throws {
    let deadline = try storeAnApplication()
    try expectRefused(["deadline", "snooze", deadline, "--until", "+9000y"],
                      message: ["invalid --until '+9000y'", Self.range])
  }

  @Test func aContractEndBeyondTheRangeIsRefusedAndNothingIsWritten() throws {
    try storeAnApplication()
    try expectRefused(["set", "acme", "--contract-end", "+9000y"],
                      message: ["invalid --contract-end '+9000y'", Self.range])
  }

  @Test func everyDateOptionNamesItselfWhenOutOfRange() throws {
    let deadline = try storeAnApplication()
    let cases: [([String], String)] = [
      (["apply", "acme", "--on", "1899-12-31"], "--on"),
      (["set", "acme", "--offer-response", "2200-01-01"], "--offer-response"),
      (["set", "acme", "--start-date", "2200-01-01"], "--start-date"),
      (["agenda", "--from", "1899-12-31"], "--from"),
      (["agenda", "--before", "2200-01-01"], "--before"),
      (["agenda", "--by", "2200-01-01"], "--by"),
      (["deadline", "move", deadline, "2200-01-01"], "date"),
      (["deadline", "add", "acme", "interview", "1899-12-31"], "date"),
    ]
    for (arguments, option) in cases {
      try expectRefused(arguments, message: ["invalid \(option) '", Self.range])
    }
  }

  @Test func theFirstAndLastDaysOfTheRangeAreAccepted() throws {
    let deadline = try storeAnApplication()
    for arguments in [["deadline", "move", deadline, "2199-12-31"],
                      ["deadline", "move", deadline, "1900-01-01"],
                      ["deadline", "snooze", deadline, "--until", "2199-12-31"]] {
      let result = try workspace.jobdeck(arguments)
      #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
      #expect(try workspace.jobdeck(["check"]).exitCode == 0)
    }
  }

  // MARK: - Derived dates

  @Test func aStartDateWhoseProbationEndsAfter2199IsRefused() throws {
    try storeAnApplication()
    try workspace.jobdeck(["move", "acme", "accepted"])
    try expectRefused(["set", "acme", "--start-date", "2199-10-01", "--probation", "6m"],
                      message: ["refused: deadline 'acme-engineer/probation-", "2200-0",
                                Self.range, "nothing was saved"])
  }

  @Test func aMoveLateIn2199DerivesNoFollowUpBeyondTheRange() throws {
    // Follow-ups are suggested, not derived (issue 15), so a late move no longer makes a date
    // past 2199 that would be refused.
    try storeAnApplication()
    try workspace.jobdeck(["move", "acme", "interview"])
    let moved = try workspace.jobdeck(["move", "acme", "applied", "--on", "2199-12-25"])
    #expect(moved.exitCode == 0, "\(moved.standardError)")
    #expect(try workspace.jobdeck(["check"]).exitCode == 0)
  }

  @Test func aDerivedDateIsRefusedOnTheJournalPathToo() throws {
    try storeAnApplication()
    // Saves of this store go to the journal, as for a store of 1 MB or more: the store must be
    // eight times the journal, hence a long description.
    try workspace.jobdeck(["add", "posting", "--company", "Big", "--title", "Ad", "--description",
                           String(repeating: "Long text. ", count: 6_000)])
    let journaled = ["JOBDECK_JOURNAL_MINIMUM_BYTES": "1"]
    let note = try workspace.jobdeck(["note", "acme", "first"], environment: journaled)
    #expect(note.exitCode == 0)
    #expect(FileManager.default.fileExists(atPath: workspace.storePath + ".journal"))
    try workspace.jobdeck(["move", "acme", "accepted"], environment: journaled)
    try expectRefused(["set", "acme", "--start-date", "2199-10-01", "--probation", "6m"],
                      message: ["refused: deadline 'acme-engineer/probation-", "2200-0",
                                "nothing was saved"],
                      environment: journaled)
  }

  // MARK: - Lead times (§5)

  @Test func absurdLeadTimesAreRefused() throws {
    try storeAnApplication()
    let limit = "1 to 8 lead times, each from 0d to 366d (or 8784h)"
    for lead in ["367d", "8785h", "2y", "-1d", "1d,1d,1d,1d,1d,1d,1d,1d,1d", "1d,,2d"] {
      try expectRefused(["deadline", "add", "acme", "interview", "2026-12-20", "--lead=\(lead)"],
                        message: ["invalid --lead '\(lead)'"])
    }
    try expectRefused(["deadline", "add", "acme", "interview", "2026-12-20", "--lead", "400d"],
                      message: ["invalid --lead '400d': expected \(limit)"])
    // Past the general 300-year bound of a period, the message is still the lead-time rule.
    for lead in ["99999999999999999999d", "1000y"] {
      try expectRefused(["deadline", "add", "acme", "interview", "2026-12-20", "--lead", lead],
                        message: ["invalid --lead '\(lead)': expected \(limit)"])
    }
  }

  @Test func eightLeadTimesWithinAYearAreAccepted() throws {
    try storeAnApplication()
    let result = try workspace.jobdeck(["deadline", "add", "acme", "interview", "2026-12-20",
                                        "--lead", "366d,8784h,52w,12m,1y,2d,2h,0d"])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(try workspace.jobdeck(["check"]).exitCode == 0)
  }

  // MARK: - Negative offsets as separate arguments (§5)

  @Test func aNegativeOffsetWorksAsASeparateArgument() throws {
    let deadline = try storeAnApplication()
    let moved = try workspace.jobdeck(["move", "acme", "interview", "--on", "-2d"])
    #expect(moved.exitCode == 0, "\(moved.standardError)")
    let shown = try workspace.json(["show", "acme-engineer", "--json"])
    let history = try #require(shown["history"] as? [[String: Any]])
    // Noon in Berlin two days before 2026-11-22.
    #expect(history.last?["at"] as? String == "2026-11-20T11:00:00Z")
    for arguments in [["agenda", "--from", "-7d"], ["agenda", "--by", "-1d"],
                      ["deadline", "snooze", deadline, "--until", "-1d"],
                      ["apply", "acme", "--on", "-3d"]] {
      let result = try workspace.jobdeck(arguments)
      #expect(!result.standardError.contains("Missing value"), "\(arguments): \(result.standardError)")
      #expect(!result.standardError.contains("Unknown option"), "\(arguments): \(result.standardError)")
    }
  }

  // MARK: - The store loader

  @Test func aStoreWithADateOutsideTheRangeStopsWithItsPositionAndExit2() throws {
    try workspace.writeStore("""
      {
        "schemaVersion": 1,
        "settings": {"followUpAfterDays":14},
        "postings": [
          {"company":"A","createdAt":"2026-12-06T10:00:00Z","id":"a-b","posted":{"date":"2200-01-01","precision":"exact"},"source":"cli","tags":[],"title":"B","updatedAt":"2026-12-06T10:00:00Z"}
        ],
        "applications": [],
        "deadlines": []
      }

      """)
    try expectRefused(["list"], exitCode: 2, message: [
      "store.json:5:83: at postings[0].posted.date: 2200-01-01 is outside the dates JobDeck"
        + " works with (\(Self.range))",
    ])
    try expectRefused(["add", "posting", "--company", "C", "--title", "D"], exitCode: 2,
                      message: ["store.json:5:83"])
  }

  @Test func aStoreWithAnInstantOutsideTheRangeStopsWithItsPosition() throws {
    try workspace.writeStore("""
      {
        "schemaVersion": 1,
        "settings": {"followUpAfterDays":14},
        "postings": [],
        "applications": [],
        "deadlines": [
          {"due":{"dateTime":"10000-01-01T11:59:00Z","timeZone":"Etc/GMT+12"},"id":"x/i","kind":"interview","origin":"manual","owner":{"postingID":"x"},"revision":0,"status":"pending"}
        ]
      }

      """)
    try expectRefused(["agenda"], exitCode: 2, message: ["store.json:7:"])
    try workspace.writeStore("""
      {
        "schemaVersion": 1,
        "deadlines": [
          {"due":{"dateTime":"2199-12-31T23:00:00Z","timeZone":"Etc/GMT+12"},"id":"x/i","kind":"interview","origin":"manual","owner":{"postingID":"x"},"revision":0,"status":"pending"}
        ]
      }

      """)
    try expectRefused(["agenda"], exitCode: 2, message: [
      "store.json:4:24: at deadlines[0].due.dateTime: 2199-12-31T23:00:00Z is outside the times",
      Self.range,
    ])
  }

  @Test func aStoreWithAnAbsurdLeadTimeStopsWithItsPosition() throws {
    try workspace.writeStore("""
      {
        "schemaVersion": 1,
        "deadlines": [
          {"due":{"date":"2026-12-01"},"id":"x/i","kind":"interview","leadTimes":["P9223372036854775807D"],"origin":"manual","owner":{"postingID":"x"},"revision":0,"status":"pending"}
        ]
      }

      """)
    try expectRefused(["export", "--format", "ics"], exitCode: 2,
                      message: ["at deadlines[0].leadTimes[0]", "at most 300 years"])
  }

  // MARK: - Imports

  @Test func anAdsOutOfRangeDatesAreLeftOutWithARemark() throws {
    let page = workspace.directory + "/ad.html"
    try Data("""
      <html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Data \
      Engineer","hiringOrganization":{"name":"Acme"},"datePosted":"1850-01-01",\
      "validThrough":"9999-12-31T23:59:00Z","description":"Great job."}</script></head>\
      <body><p>x</p><div>y</div></body></html>
      """.utf8).write(to: URL(fileURLWithPath: page))
    let result = try workspace.jobdeck(["import", page])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains(
      "The posted date 1850-01-01 was left out: it is outside the dates JobDeck works with"))
    #expect(result.standardOutput.contains("The apply by date 9999-12-31"))
    #expect(try workspace.jobdeck(["check"]).exitCode == 0)
  }

  @Test func aCSVCellOutsideTheRangeIsARowErrorAndNothingIsImported() throws {
    try storeAnApplication()
    let file = workspace.directory + "/old.csv"
    try Data("company,title,deadline\nBeta,Analyst,2026-03-01\nGamma,Dev,31.12.9999\n".utf8)
      .write(to: URL(fileURLWithPath: file))
    try expectRefused(["import", file], exitCode: 1, message: [
      "row 3, column 'deadline': '31.12.9999' is 9999-12-31, outside the dates JobDeck works"
        + " with (\(Self.range))",
    ])
  }
}
