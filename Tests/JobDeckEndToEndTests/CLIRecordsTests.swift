import Foundation
import JobDeckTestSupport
import Testing

/// Recording what a search produces from the command line: events with times, contacts, offer
/// terms, edits, archiving and duplicates. The workspace clock is Sunday 22 Nov 2026, 13:00 in
/// Berlin.
@Suite("CLI: events, contacts, offers, edits, archive, duplicates")
struct CLIRecordsTests {
  let workspace = CLIWorkspace()

  /// A posting and an application to it: `sumup-ml-engineer`.
  private func applied() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--location", "Berlin", "--url", "https://jobs.example/sumup/1"])
    try workspace.jobdeck(["apply", "sumup"])
  }

  private func succeeds(_ arguments: [String], stdin: String = "",
                        environment: [String: String] = [:]) throws -> String {
    let result = try workspace.jobdeck(arguments, stdin: stdin, environment: environment)
    #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  private func interview() throws -> String {
    try succeeds(["event", "add", "sumup", "interview", "2026-11-24", "--at", "14:00",
                  "--duration", "1h", "--place", "Room 4", "--link",
                  "https://meet.example.com/abc", "--note", "bring the portfolio"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  // MARK: Events

  @Test func anEventsTimeEndPlaceAndLinkShowInAgendaAndShow() throws {
    try applied()
    #expect(try interview() == "sumup-ml-engineer/interview")
    let agenda = try succeeds(["agenda"])
    let line = try #require(agenda.split(separator: "\n").first { $0.contains("interview") })
    #expect(line.contains("Tue 2026-11-24 14:00–15:00"))
    #expect(line.contains("SumUp"))
    #expect(line.contains("Room 4 · meet.example.com/abc"))
    let shown = try succeeds(["show", "sumup"])
    #expect(shown.contains("interview: 2026-11-24 14:00–15:00 Europe/Berlin (in 2 days)"))
    #expect(shown.contains("at Room 4"))
    #expect(shown.contains("https://meet.example.com/abc"))
    #expect(shown.contains("note: bring the portfolio"))
    let entries = try workspace.jsonArray(["agenda", "--json"])
    let entry = try #require(entries.first { $0["kind"] as? String == "interview" })
    #expect(entry["time"] as? String == "2026-11-24T13:00:00Z")
    #expect(entry["endTime"] as? String == "2026-11-24T14:00:00Z")
    #expect(entry["duration"] as? String == "PT1H")
    #expect(entry["place"] as? String == "Room 4")
    #expect(entry["link"] as? String == "https://meet.example.com/abc")
  }

  @Test func showListsDeadlinesAndEventsInDateOrder() throws {
    try applied()
    _ = try succeeds(["event", "add", "sumup", "call", "2026-11-30", "--at", "09:30"])
    _ = try interview()
    _ = try succeeds(["event", "add", "sumup", "take-home", "2026-11-26"])
    let shown = try succeeds(["show", "sumup"])
    let order = ["interview:", "take-home:", "call:"].map { label in
      shown.range(of: "  " + label)?.lowerBound
    }
    let positions = order.compactMap { $0 }
    #expect(positions.count == 3, "\(shown)")
    #expect(positions == positions.sorted())
  }

  @Test func remindShowsTheEventWithItsTimeOnceALeadIsReached() throws {
    try applied()
    _ = try interview()
    let early = try workspace.jobdeck(["remind"])
    #expect(early.standardOutput.isEmpty)
    let dayBefore = try workspace.jobdeck(["remind"], environment: ["JOBDECK_NOW": "2026-11-23T14:00:00Z"])
    #expect(dayBefore.standardOutput.contains("Tue 2026-11-24 14:00–15:00"), "\(dayBefore.standardOutput)")
  }

  @Test func anEventThatHappenedThisMorningIsPassedAndNotOverdue() throws {
    try applied()
    _ = try succeeds(["event", "add", "sumup", "phone-screen", "today", "--at", "09:00"])
    let agenda = try succeeds(["agenda"])
    #expect(!agenda.contains("Overdue"), "\(agenda)")
    #expect(!agenda.contains("[TODAY]"))
    #expect(agenda.contains("Passed: what happened?\n  [done?]  phone screen  Sun 2026-11-22 09:00"),
            "\(agenda)")
    let nextDay = try workspace.jobdeck(["agenda"], environment: ["JOBDECK_NOW": "2026-11-23T12:00:00Z"])
    #expect(nextDay.standardOutput.contains("Passed: what happened?\n  [done?]  phone screen"))
    // Unanswered for more than two weeks, it is history.
    let later = try workspace.jobdeck(["agenda"], environment: ["JOBDECK_NOW": "2026-12-08T12:00:00Z"])
    #expect(!later.standardOutput.contains("phone screen"))
    #expect(try succeeds(["show", "sumup"]).contains("phone screen: 2026-11-22 09:00"))
  }

  @Test func editReschedulesKeepingTheTimeAndBumpsTheRevision() throws {
    try applied()
    let id = try interview()
    #expect(try succeeds(["event", "edit", id, "--date", "2026-11-25"]).contains("updated"))
    var shown = try workspace.json(["show", id, "--json"])
    #expect((shown["due"] as? [String: Any])?["dateTime"] as? String == "2026-11-25T13:00:00Z")
    #expect(shown["revision"] as? Int == 1)
    _ = try succeeds(["event", "edit", id, "--at", "10:30", "--place", "", "--duration", "90min"])
    shown = try workspace.json(["show", id, "--json"])
    #expect((shown["due"] as? [String: Any])?["dateTime"] as? String == "2026-11-25T09:30:00Z")
    #expect(shown["place"] == nil)
    #expect(shown["duration"] as? String == "PT90M")
    #expect(shown["revision"] as? Int == 2)
  }

  @Test func doneDismissAndRemoveTakeAnEventOffTheAgenda() throws {
    try applied()
    let id = try interview()
    #expect(try succeeds(["event", "done", id]) == "\(id): done\n")
    #expect(!(try succeeds(["agenda"])).contains("interview"))
    _ = try succeeds(["event", "edit", id, "--date", "2026-11-26"])
    #expect(try succeeds(["agenda"]).contains("interview"), "a reschedule brings it back")
    #expect(try succeeds(["event", "dismiss", id]) == "\(id): dismissed\n")
    #expect(try succeeds(["event", "rm", id]) == "\(id): removed\n")
    let missing = try workspace.jobdeck(["show", id])
    #expect(missing.exitCode == 1)
  }

  @Test func aCustomEventIsListedByItsTitle() throws {
    try applied()
    let refused = try workspace.jobdeck(["event", "add", "sumup", "custom", "2026-11-27"])
    #expect(refused.exitCode == 64)
    #expect(refused.standardError.contains("a custom event needs --title"))
    let id = try succeeds(["event", "add", "sumup", "custom", "2026-11-27", "--title",
                           "Team lunch", "--at", "12:00"])
    #expect(id == "sumup-ml-engineer/team-lunch\n")
    #expect(try succeeds(["agenda"]).contains("Team lunch  Fri 2026-11-27 12:00"))
  }

  @Test func theCalendarExportHasTheEventsStartEndLocationAndLink() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
      Issue.record("/usr/bin/python3 is missing: install python3 and python3-icalendar")
      return
    }
    try applied()
    _ = try interview()
    let file = workspace.directory + "/deadlines.ics"
    _ = try succeeds(["export", "--format", "ics", "--output", file])
    let script = """
      import sys, icalendar
      cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
      for ev in cal.walk('VEVENT'):
          if 'Interview' in str(ev['SUMMARY']):
              print(ev.decoded('DTSTART').isoformat(), ev.decoded('DTEND').isoformat(),
                    str(ev['LOCATION']), str(ev['URL']), sep='|')
      """
    let result = try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/python3")).run(
      ["-c", script, file], environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    guard result.exitCode == 0 else {
      Issue.record("python3 icalendar failed (install python3-icalendar): \(result.standardError)")
      return
    }
    #expect(result.standardOutput == "2026-11-24T13:00:00+00:00|2026-11-24T14:00:00+00:00|Room 4|https://meet.example.com/abc\n")
  }

  // MARK: Contacts

  @Test func contactsAreAddedEditedAndRemovedByNumberOrName() throws {
    try applied()
    #expect(try succeeds(["contact", "add", "sumup", "--name", "Mara Köhler", "--role", "recruiter",
                          "--email", "mara@example.com", "--phone", "+49 30 1234-567"])
            == "sumup-ml-engineer: contact 1 Mara Köhler\n")
    _ = try succeeds(["contact", "add", "sumup", "--name", "Jon Doe"])
    _ = try succeeds(["contact", "edit", "sumup", "mara", "--note", "prefers mornings",
                      "--role", "lead recruiter"])
    var contacts = try #require(try workspace.json(["show", "sumup", "--json"])["contacts"] as? [[String: Any]])
    #expect(contacts.count == 2)
    #expect(contacts[0]["phone"] as? String == "+49 30 1234-567")
    #expect(contacts[0]["note"] as? String == "prefers mornings")
    #expect(contacts[0]["role"] as? String == "lead recruiter")
    #expect(try succeeds(["show", "sumup"]).contains(
      "Contact 1:   Mara Köhler (lead recruiter) · mara@example.com · +49 30 1234-567"))
    #expect(try succeeds(["contact", "rm", "sumup", "2"]) == "sumup-ml-engineer: removed contact Jon Doe\n")
    contacts = try #require(try workspace.json(["show", "sumup", "--json"])["contacts"] as? [[String: Any]])
    #expect(contacts.map { $0["name"] as? String } == ["Mara Köhler"])
  }

  // MARK: Offers

  @Test func offerTermsAreRecordedAndTheAnswerByDateIsOnTheAgenda() throws {
    try applied()
    _ = try succeeds(["move", "sumup", "offer"])
    _ = try succeeds(["set", "sumup", "--salary", "52000 EUR/year", "--contract-type", "full-time",
                      "--offer-response", "2026-11-30", "--start-date", "2027-01-04",
                      "--probation", "6m", "--offer-notice", "4w"])
    let terms = try #require(try workspace.json(["show", "sumup", "--json"])["terms"] as? [String: Any])
    let salary = try #require(terms["salary"] as? [String: Any])
    #expect(salary["minimum"] as? Double == 52_000)
    #expect(salary["currency"] as? String == "EUR")
    #expect(salary["period"] as? String == "year")
    #expect(terms["contractType"] as? String == "fullTime")
    #expect(terms["noticePeriod"] as? String == "P4W")
    #expect(try succeeds(["agenda"]).contains("offer response  2026-11-30"))
    _ = try succeeds(["move", "sumup", "accepted"])
    let agenda = try succeeds(["agenda"])
    #expect(agenda.contains("start") && agenda.contains("2027-01-04"))
    #expect(agenda.contains("probation ends") && agenda.contains("2027-07-03"))
  }

  @Test func twoOffersAreComparedSideBySide() throws {
    try applied()
    try workspace.jobdeck(["add", "application", "--company", "Zalando", "--title", "Data Scientist",
                           "--stage", "offer"])
    _ = try succeeds(["set", "sumup", "--salary-amount", "52000", "--currency", "eur",
                      "--period", "year", "--probation", "6m"])
    _ = try succeeds(["set", "zalando", "--salary", "4500 EUR/month", "--start-date", "2027-02-01"])
    let table = try succeeds(["offers", "compare", "sumup", "zalando"])
    let lines = table.split(separator: "\n").map(String.init)
    #expect(lines.first?.contains("sumup-ml-engineer") == true)
    #expect(lines.first?.contains("zalando-data-scientist") == true)
    let salary = try #require(lines.first { $0.hasPrefix("Salary") })
    #expect(salary.contains("52000 EUR/year") && salary.contains("4500 EUR/month"))
    let start = try #require(lines.first { $0.hasPrefix("Start") })
    #expect(start.contains("—") && start.contains("2027-02-01"))
  }

  @Test func offersCompareTakesTheTwoApplicationsNamed() throws {
    try applied()
    try workspace.jobdeck(["add", "application", "--company", "Zalando", "--title", "Data Scientist"])
    _ = try succeeds(["set", "zalando", "--salary", "4500 EUR/month"])
    let table = try succeeds(["offers", "compare", "zalando", "sumup"])
    let header = try #require(table.split(separator: "\n").first)
    #expect(header.contains("zalando-data-scientist"))
    #expect(header.range(of: "zalando")!.lowerBound < header.range(of: "sumup")!.lowerBound)
    let unknown = try workspace.jobdeck(["offers", "compare", "sumup", "nosuchjob"])
    #expect(unknown.exitCode == 1)
    #expect(unknown.standardError.contains("'nosuchjob'"))
    #expect(unknown.standardOutput.isEmpty)
    let one = try workspace.jobdeck(["offers", "compare", "sumup"])
    #expect(one.exitCode == 64)
    #expect(one.standardError.contains("name at least two applications to compare"))
    let twice = try workspace.jobdeck(["offers", "compare", "sumup", "sumup-ml-engineer"])
    #expect(twice.exitCode == 64)
    #expect(twice.standardError.contains("'sumup-ml-engineer' is named twice"))
  }

  // MARK: Edit

  @Test func editSetsThePostingsDatesAndTheStagesDayAndNote() throws {
    try applied()
    _ = try succeeds(["edit", "sumup", "--apply-by", "2026-12-15", "--stage-date", "yesterday",
                      "--stage-note", "recruiter e-mailed"])
    let shown = try workspace.json(["show", "sumup-ml-engineer", "--json"])
    let history = try #require(shown["history"] as? [[String: Any]])
    #expect(history.last?["note"] as? String == "recruiter e-mailed")
    #expect((history.last?["at"] as? String)?.hasPrefix("2026-11-21") == true)
    let deadlines = try #require(shown["deadlines"] as? [[String: Any]])
    let cutoff = try #require(deadlines.first { $0["kind"] as? String == "applicationCutoff" })
    #expect((cutoff["due"] as? [String: Any])?["date"] as? String == "2026-12-15")
    let refused = try workspace.jobdeck(["edit", "sumup", "--stage-date", "tomorrow"])
    #expect(refused.exitCode == 64)
    #expect(refused.standardError.contains(
      "--stage-date: invalid stage-date 'tomorrow': expected a day from 1900-01-01 to 2026-11-22"))
  }

  @Test func editChangesTheFieldsGivenAndNothingElse() throws {
    try applied()
    _ = try succeeds(["edit", "sumup-ml-engineer", "--title", "Senior ML Engineer", "--tag", "ml",
                      "--tag", "python", "--salary", "60k-70k EUR/year", "--workplace", "hybrid",
                      "--location", ""])
    _ = try succeeds(["edit", "sumup-ml-engineer", "--remove-tag", "python"])
    let posting = try #require(try workspace.json(["show", "sumup", "--json"])["posting"] as? [String: Any])
    #expect(posting["title"] as? String == "Senior ML Engineer")
    #expect(posting["company"] as? String == "SumUp")
    #expect(posting["tags"] as? [String] == ["ml"])
    #expect(posting["workplace"] as? String == "hybrid")
    #expect(posting["location"] == nil)
    #expect((posting["compensation"] as? [String: Any])?["maximum"] as? Double == 70_000)
  }

  @Test func editWithoutFieldsTakesTheEditorsDocument() throws {
    try applied()
    let script = workspace.directory + "/editor.sh"
    try Data("""
      #!/bin/sh
      sed -i -e 's/^title: .*/title: Staff ML Engineer/' -e 's/^tags: .*/tags: ml, go/' "$1"
      printf 'Rewritten description.\\n' >> "$1"
      """.utf8).write(to: URL(fileURLWithPath: script))
    let output = try succeeds(["edit", "sumup-ml-engineer"], environment: ["EDITOR": "sh " + script, "VISUAL": ""])
    #expect(output.contains("updated"))
    let posting = try #require(try workspace.json(["show", "sumup", "--json"])["posting"] as? [String: Any])
    #expect(posting["title"] as? String == "Staff ML Engineer")
    #expect(posting["tags"] as? [String] == ["ml", "go"])
    #expect(posting["description"] as? String == "Rewritten description.")
  }

  @Test func notesGoToTheApplicationAndTheJobsFieldsToItsPosting() throws {
    try applied()
    _ = try succeeds(["edit", "sumup-ml-engineer", "--notes", "Referred by Ana", "--type", "contract"])
    let shown = try workspace.json(["show", "sumup-ml-engineer", "--json"])
    #expect(shown["notes"] as? String == "Referred by Ana")
    #expect((shown["posting"] as? [String: Any])?["employmentType"] as? String == "contract")
    try workspace.jobdeck(["add", "application", "--company", "Zalando", "--title", "Data Scientist"])
    let refused = try workspace.jobdeck(["edit", "zalando", "--type", "contract"])
    #expect(refused.exitCode == 1)
    #expect(refused.standardError.contains("has no posting: only --company, --title, --notes, --stage-date, --stage-note, --source, --method and --sent-to apply"))
    _ = try succeeds(["edit", "zalando", "--notes", "Call back", "--title", "Senior Data Scientist"])
    let standalone = try workspace.json(["show", "zalando", "--json"])
    #expect(standalone["notes"] as? String == "Call back")
    #expect(standalone["title"] as? String == "Senior Data Scientist")
  }

  // MARK: Archive

  @Test func archivedRecordsLeaveListsAndTheAgendaUntilUnarchived() throws {
    try applied()
    _ = try interview()
    try workspace.jobdeck(["add", "posting", "--company", "Zalando", "--title", "Data Scientist"])
    #expect(try succeeds(["archive", "sumup-ml-engineer"]).contains("archived"))
    let listed = try succeeds(["list"])
    #expect(!listed.contains("sumup") && listed.contains("zalando"))
    #expect(try succeeds(["list", "--archived"]).contains("sumup-ml-engineer"))
    #expect(!(try succeeds(["list", "--archived"])).contains("zalando"))
    #expect(try succeeds(["list", "--all"]).contains("zalando"))
    #expect(!(try succeeds(["list", "applications"])).contains("sumup"),
            "an application is put away with its posting")
    #expect(try succeeds(["list", "applications", "--archived"]).contains("sumup-ml-engineer"))
    #expect(!(try succeeds(["agenda"])).contains("interview"))
    #expect(try succeeds(["show", "sumup"]).contains("Archived:"))
    _ = try succeeds(["unarchive", "sumup-ml-engineer"])
    #expect(try succeeds(["agenda"]).contains("interview"))
    #expect(try succeeds(["list"]).contains("sumup"))
  }

  @Test func removingWithoutATerminalNamesTheRecord() throws {
    try applied()
    let refused = try workspace.jobdeck(["rm", "sumup-ml-engineer"])
    #expect(refused.exitCode == 1)
    #expect(refused.standardError.contains("'sumup-ml-engineer' (SumUp · ML Engineer)"))
  }

  // MARK: Duplicates

  @Test func aDuplicatePostingIsRefusedWithoutATerminalNamingTheOneOnFile() throws {
    try applied()
    let before = try workspace.storeBytes()
    let refused = try workspace.jobdeck(["add", "posting", "--company", "sumup", "--title",
                                         "ML  engineer", "--location", "berlin"])
    #expect(refused.exitCode == 1)
    #expect(refused.standardError.contains("already on file as sumup-ml-engineer (SumUp · ML Engineer · Berlin)"))
    #expect(refused.standardError.contains("--update") && refused.standardError.contains("--add-anyway"))
    #expect(try workspace.storeBytes() == before)
    let sameURL = try workspace.jobdeck(["add", "posting", "--company", "Other", "--title", "Other",
                                         "--url", "https://jobs.example/sumup/1/"])
    #expect(sameURL.exitCode == 1)
  }

  @Test func updateAndAddAnywaySayWhatToDoWithADuplicate() throws {
    try applied()
    #expect(try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                          "--location", "Berlin", "--tag", "ml", "--update"]) == "sumup-ml-engineer\n")
    let posting = try #require(try workspace.json(["show", "sumup-ml-engineer", "--json"])["posting"] as? [String: Any])
    #expect(posting["tags"] as? [String] == ["ml"])
    #expect(try succeeds(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                          "--location", "Berlin", "--add-anyway"]) == "sumup-ml-engineer-2\n")
  }
}
