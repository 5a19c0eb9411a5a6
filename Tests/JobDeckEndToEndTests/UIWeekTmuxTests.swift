import Foundation
import JobDeckTestSupport
import Testing

/// A week of a search lived only through the UI, in a real terminal: an ad pasted in, applied
/// to with a note, an interview with a time and a video link, rescheduled, a contact, the
/// title corrected in $EDITOR, the interview done, the offer with its terms and answer-by
/// date; one posting archived, another deleted and brought back. Then the CLI sees it all.
@Suite("A week of a search through the UI in a real terminal", .serialized)
struct UIWeekTmuxTests {
  let workspace = CLIWorkspace()

  static let ad = """
    Data Engineer (m/f/d)
    Quokka GmbH
    Location: Berlin

    We query data quickly. Apply by 2026-12-20.

    """

  /// An editor that corrects the posting's title line and nothing else, as a person would.
  func titleEditor() throws -> String {
    let script = workspace.directory + "/retitle"
    try writeExecutable("#!/bin/sh\nsed -i 's/^title: .*/title: Senior Data Engineer/' \"$1\"\n",
                        to: script)
    return script
  }

  func openUI() throws -> TmuxSession {
    let binary = try BuiltBinary.jobdeck()
    return try TmuxSession(
      command: [binary.url.path, "--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
                    "JOBDECK_NOW": workspace.now, "WAYLAND_DISPLAY": "", "VISUAL": "",
                    "EDITOR": try titleEditor()],
      columns: 100, rows: 30)
  }

  /// Puts the selection of the list on view `view` on the one row matching `text`.
  func select(_ text: String, onView view: String, in ui: TmuxSession) throws {
    try ui.sendKeys(view, "/")
    try ui.sendText(text)
    try ui.sendKeys("Enter")
    try ui.waitFor("filter: \(text)")
  }

  /// Waits for `message` in the status line and for the change to be on disk.
  func waitSaved(_ message: String, in ui: TmuxSession) throws {
    _ = try ui.waitUntil("\(message), saved") { screen in
      screen.contains(message) && screen.contains("│ saved")
    }
  }

  func pasteTheAd(in ui: TmuxSession) throws {
    try ui.sendKeys("i")
    try ui.waitFor("paste an ad")
    try ui.paste(UIWeekTmuxTests.ad)
    try ui.waitFor("Import a pasted ad")
    try ui.sendKeys("C-d")
    try ui.waitFor("Import preview")
    try ui.sendKeys("y")
    try waitSaved("imported Quokka GmbH", in: ui)
  }

  func applyAndScheduleTheInterview(in ui: TmuxSession) throws {
    try select("quokka", onView: "1", in: ui)
    try ui.sendKeys("A")
    try ui.waitFor("Apply to Quokka GmbH · Data Engineer")
    try ui.sendKeys("Tab", "Tab")
    try ui.sendText("referral from Mara")
    try ui.sendKeys("C-s")
    try waitSaved("Applied to Quokka GmbH · Data Engineer (m/f/d): applied", in: ui)
    try ui.sendKeys("Escape")

    try ui.sendKeys("2")
    try ui.waitFor("applied 1")
    try ui.sendKeys("t")
    try ui.waitFor("New event for Quokka GmbH")
    try ui.sendKeys("Tab")
    try ui.sendText("2026-11-25")
    try ui.sendKeys("Tab")
    try ui.sendText("14:30")
    try ui.sendKeys("Tab", "Tab")
    try ui.sendText("45min")
    try ui.sendKeys("Tab", "Tab")
    try ui.sendText("https://meet.example/quokka")
    try ui.sendKeys("C-s")
    try waitSaved("Added interview on Wed 25 Nov 14:30", in: ui)
  }

  /// `r` on the agenda row: the date and time typed over, the rest kept.
  func rescheduleTheInterview(in ui: TmuxSession) throws {
    try select("interview", onView: "3", in: ui)
    try ui.sendKeys("r")
    try ui.waitFor("Edit interview of Quokka GmbH")
    try ui.sendKeys("Tab", "C-u")
    try ui.sendText("2026-11-26")
    try ui.sendKeys("Tab", "C-u")
    try ui.sendText("10:00")
    try ui.sendKeys("C-s")
    try waitSaved("Updated interview", in: ui)
    try ui.waitFor("Thu 26 Nov 10:00")
    try ui.sendKeys("Escape")
  }

  func addTheRecruiter(in ui: TmuxSession) throws {
    try ui.sendKeys("2", "C")
    try ui.waitFor("add a contact")
    try ui.sendKeys("a")
    try ui.waitFor("New contact for Quokka GmbH")
    try ui.sendText("Mara Lind")
    try ui.sendKeys("Tab")
    try ui.sendText("recruiter")
    try ui.sendKeys("Tab")
    try ui.sendText("mara@quokka.example")
    try ui.sendKeys("C-s")
    try waitSaved("Added contact Mara Lind", in: ui)
    try ui.sendKeys("Escape")
    try ui.waitForAbsence(of: "add a contact")
  }

  func retitleInTheEditor(in ui: TmuxSession) throws {
    try ui.sendKeys("2", "E")
    try waitSaved("Updated Quokka GmbH · Senior Data Engineer", in: ui)
  }

  func markTheInterviewDone(in ui: TmuxSession) throws {
    try select("interview", onView: "3", in: ui)
    try ui.sendKeys("x")
    try waitSaved("Done: interview of Quokka GmbH", in: ui)
    try ui.sendKeys("Escape")
  }

  /// `m` opens the stage picker on the current stage (applied); three down is offer. Then the
  /// offer's terms with the date to answer by.
  func moveToOfferWithTerms(in ui: TmuxSession) throws {
    try ui.sendKeys("2", "m")
    try ui.waitFor("Move Quokka GmbH")
    try ui.sendKeys("j", "j", "j", "Enter")
    try ui.waitFor("Note for moving")
    try ui.sendKeys("Enter")
    try waitSaved("from applied to offer", in: ui)

    try ui.sendKeys("O")
    try ui.waitFor("Offer from Quokka GmbH")
    try ui.sendText("65000")
    try ui.sendKeys("Tab")
    try ui.sendText("EUR")
    try ui.sendKeys("Tab")
    try ui.sendText("year")
    try ui.sendKeys("Tab")
    try ui.sendText("2027-02-01")
    try ui.sendKeys("Tab", "Tab", "Tab", "Tab")
    try ui.sendText("2026-12-04")
    try ui.sendKeys("C-s")
    try waitSaved("Recorded the offer of Quokka GmbH", in: ui)
  }

  func archiveAcmeDeleteAndUndoZalando(in ui: TmuxSession) throws {
    try select("acme", onView: "1", in: ui)
    try ui.sendKeys("X")
    try waitSaved("Archived Acme · Backend Engineer", in: ui)
    try ui.sendKeys("Escape")
    try ui.waitForAbsence(of: "Backend Engineer")

    try select("zalando", onView: "1", in: ui)
    try ui.sendKeys("D")
    try ui.waitFor("Delete Zalando · Data Analyst")
    try ui.sendKeys("y")
    try waitSaved("Deleted Zalando · Data Analyst", in: ui)
    #expect(!(try workspace.jobdeck(["list"]).standardOutput.contains("Zalando")))
    try ui.sendKeys("u")
    try waitSaved("Undid: Deleted Zalando · Data Analyst", in: ui)
  }

  /// A typo inside a prefilled title is fixed where it is: Home, →, the missing letter, End and
  /// more text, with the terminal's cursor drawn where the next letter goes.
  @Test func aTypoInsideAFieldIsFixedInPlace() throws {
    try workspace.jobdeck(["add", "posting", "--company", "Acme", "--title", "Bakend Engineer"])
    let ui = try openUI()
    try ui.waitFor("Bakend Engineer")
    try select("acme", onView: "1", in: ui)
    try ui.sendKeys("e")
    try ui.waitFor("Edit Acme · Bakend Engineer")
    try ui.sendKeys("Tab", "Home", "Right", "Right")
    // Nothing on screen changes while the cursor moves: wait for the terminal's cursor itself.
    _ = try ui.waitUntil("the cursor on the k of Bakend") { screen in
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      guard let row = lines.firstIndex(where: { $0.contains("Title") && $0.contains("Bakend") }),
        let typo = lines[row].range(of: "kend Engineer")
      else { return false }
      let column = lines[row].distance(from: lines[row].startIndex, to: typo.lowerBound)
      return (try? ui.displayMessage("#{cursor_y},#{cursor_x}")) == "\(row),\(column)"
    }
    try ui.sendText("c")
    try ui.sendKeys("End")
    try ui.sendText(" II")
    try ui.waitFor("Backend Engineer II")
    try ui.sendKeys("C-s")
    try waitSaved("Updated Acme · Backend Engineer II: title", in: ui)
    try ui.sendKeys("Escape", "q")
    try ui.waitForExit(timeout: 10)
    let shown = try workspace.json(["show", "acme", "--json"])
    #expect(shown["title"] as? String == "Backend Engineer II")
  }

  /// `e` on a pipeline card: the posting's and the application's fields in one form; a bad
  /// date is named with its range and nothing is saved until it is fixed; then `M` and `=`
  /// compare this application with another chosen one.
  @Test func fieldsEditedInTheFormReachTheStore() throws {
    try workspace.jobdeck(["add", "posting", "--company", "Acme", "--title", "Backend Engineer",
                           "--deadline", "2026-12-10"])
    try workspace.jobdeck(["apply", "acme"])
    try workspace.jobdeck(["add", "application", "--company", "Zalando", "--title", "Data Analyst"])
    let ui = try openUI()
    try ui.waitFor("Backend Engineer")
    try select("acme", onView: "2", in: ui)
    try ui.sendKeys("e")
    try ui.waitFor("Edit Acme · Backend Engineer")
    try ui.sendKeys("Tab", "C-u")
    try ui.sendText("Staff Backend Engineer")
    try ui.sendKeys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
    try ui.sendText("70k-80k EUR/year")
    try ui.sendKeys("Tab")
    try ui.sendText("2300-01-01")
    try ui.sendKeys("C-s")
    try ui.waitFor("Posted: invalid posted '2300-01-01'")
    #expect(!(try workspace.jobdeck(["list"]).standardOutput.contains("Staff")))
    try ui.sendKeys("C-u")
    try ui.sendText("2026-11-20")
    try ui.sendKeys("Tab", "C-u")
    try ui.sendText("2026-12-31")
    // Start, end, then where the job was found.
    try ui.sendKeys("Tab", "Tab", "Tab")
    try ui.sendText("company site")
    // Method, sent to, stage date, then the stage's note.
    try ui.sendKeys("Tab", "Tab", "Tab", "Tab")
    try ui.sendText("found on the company site")
    try ui.sendKeys("C-s")
    try waitSaved(
      "Updated Acme · Staff Backend Engineer: title, salary, posted, apply by, found via, stage note",
      in: ui)

    try ui.sendKeys("M")
    try ui.waitFor("Marked Acme · Staff Backend Engineer to compare")
    try ui.sendKeys("Escape")
    try ui.waitForAbsence(of: "filter: acme")
    try select("zalando", onView: "2", in: ui)
    try ui.sendKeys("=")
    _ = try ui.waitUntil("the two applications side by side") { screen in
      screen.contains("Acme") && screen.contains("Zalando") && screen.contains("salary")
        && screen.contains("70000-80000 EUR/year")
    }
    try ui.sendKeys("Escape", "q")
    try ui.waitForExit(timeout: 10)

    let shown = try workspace.json(["show", "acme", "--json"])
    let posting = try #require(shown["posting"] as? [String: Any])
    #expect(posting["title"] as? String == "Staff Backend Engineer")
    #expect((posting["compensation"] as? [String: Any])?["minimum"] as? Double == 70_000)
    #expect((posting["posted"] as? [String: Any])?["date"] as? String == "2026-11-20")
    let deadlines = try #require(shown["deadlines"] as? [[String: Any]])
    let cutoff = try #require(deadlines.first { $0["kind"] as? String == "applicationCutoff" })
    #expect((cutoff["due"] as? [String: Any])?["date"] as? String == "2026-12-31")
    let history = try #require(shown["history"] as? [[String: Any]])
    #expect(history.last?["note"] as? String == "found on the company site")
    #expect(shown["source"] as? String == "company site", "\(shown)")
  }

  @Test func aWeekOfASearchOnlyThroughTheUI() throws {
    try workspace.jobdeck(["add", "posting", "--company", "Acme", "--title", "Backend Engineer"])
    try workspace.jobdeck(["add", "posting", "--company", "Zalando", "--title", "Data Analyst",
                           "--deadline", "2026-12-10"])
    let ui = try openUI()
    try ui.waitFor("Backend Engineer")
    try pasteTheAd(in: ui)
    try applyAndScheduleTheInterview(in: ui)
    try rescheduleTheInterview(in: ui)
    try addTheRecruiter(in: ui)
    try retitleInTheEditor(in: ui)
    try markTheInterviewDone(in: ui)
    try moveToOfferWithTerms(in: ui)
    try archiveAcmeDeleteAndUndoZalando(in: ui)
    try ui.sendKeys("q")
    try ui.waitForExit(timeout: 10)

    let listed = try workspace.jsonArray(["list", "--json"])
    let quokka = try #require(listed.first { $0["company"] as? String == "Quokka GmbH" })
    let id = try #require(quokka["id"] as? String)
    let shown = try workspace.json(["show", id, "--json"])
    #expect(shown["title"] as? String == "Senior Data Engineer")
    #expect(shown["stage"] as? String == "offer")
    let history = try #require(shown["history"] as? [[String: Any]])
    #expect(history.map { $0["to"] as? String } == ["applied", "offer"])
    #expect(history.first?["note"] as? String == "referral from Mara")
    #expect(history.allSatisfy { $0["at"] as? String == workspace.now })

    let deadlines = try #require(shown["deadlines"] as? [[String: Any]])
    let interview = try #require(deadlines.first { $0["kind"] as? String == "interview" })
    let due = try #require(interview["due"] as? [String: Any])
    #expect(due["dateTime"] as? String == "2026-11-26T09:00:00Z", "10:00 in Berlin")
    #expect(due["timeZone"] as? String == "Europe/Berlin")
    #expect(interview["link"] as? String == "https://meet.example/quokka")
    #expect(interview["duration"] as? String == "PT45M", "the reschedule kept the duration")
    #expect(interview["status"] as? String == "done")

    let contacts = try #require(shown["contacts"] as? [[String: Any]])
    #expect(contacts.count == 1)
    #expect(contacts.first?["name"] as? String == "Mara Lind")
    #expect(contacts.first?["role"] as? String == "recruiter")
    #expect(contacts.first?["email"] as? String == "mara@quokka.example")

    let terms = try #require(shown["terms"] as? [String: Any])
    #expect(terms["offerResponseBy"] as? String == "2026-12-04")
    #expect(terms["startDate"] as? String == "2027-02-01")
    let salary = try #require(terms["salary"] as? [String: Any])
    #expect(salary["minimum"] as? Double == 65000)
    #expect(salary["currency"] as? String == "EUR")
    #expect(salary["period"] as? String == "year")

    let agenda = try workspace.jobdeck(["agenda"]).standardOutput
    let answerBy = agenda.split(separator: "\n").first { $0.contains("offer response") }
    #expect(answerBy?.contains("2026-12-04") == true, "\(agenda)")
    #expect(answerBy?.contains("Quokka GmbH") == true, "\(agenda)")
    #expect(!agenda.contains("interview"), "the interview marked done left the agenda: \(agenda)")
    #expect(agenda.contains("Zalando"), "the undone delete brings Zalando's deadline back")

    let archived = try workspace.jobdeck(["list", "--archived"]).standardOutput
    #expect(archived.contains("Acme"))
    let listedAfter = try workspace.jobdeck(["list"]).standardOutput
    #expect(!listedAfter.contains("Acme"))
    #expect(listedAfter.contains("Zalando"))
    #expect(listed.count == 2, "Acme archived, Quokka and Zalando listed: \(listed)")
  }
}
