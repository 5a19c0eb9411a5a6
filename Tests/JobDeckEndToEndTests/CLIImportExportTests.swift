import Foundation
import JobDeckTestSupport
import Testing

/// The heart of JobDeck end to end: a pasted ad becomes deadlines on the agenda, in a calendar
/// file, and in a real calendar program on the right days.
@Suite("CLI: import → agenda → export → calcurse")
struct CLIImportExportTests {
  let workspace = CLIWorkspace()

  static let ad = """
    Machine Learning Intern (m/f/d)
    SoundCloud · Berlin, Germany
    Hybrid · Internship

    About the job
    A 6-month internship on the recommendations team.
    Applications must be submitted by December 4th, 2026.
    Start date: 1 March 2027.
    """

  func importAd() throws {
    let path = workspace.directory + "/ad.txt"
    try Data(Self.ad.utf8).write(to: URL(fileURLWithPath: path))
    let result = try workspace.jobdeck(["import", path])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("soundcloud-ml-intern\n"))
  }

  @Test func aPastedAdIsPreviewedAsJSONWithoutWritingAnything() throws {
    let result = try workspace.jobdeck(["import", "-", "--dry-run", "--json"], stdin: Self.ad)
    #expect(result.exitCode == 0, "\(result.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let posting = try #require(object["posting"] as? [String: Any])
    #expect(posting["title"] as? String == "Machine Learning Intern (m/f/d)")
    #expect(posting["company"] as? String == "SoundCloud")
    #expect(posting["employmentType"] as? String == "internship")
    let deadlines = try #require(object["deadlines"] as? [[String: Any]])
    let cutoff = deadlines.first { $0["kind"] as? String == "applicationCutoff" }
    #expect(cutoff?["date"] as? String == "2026-12-04")
    #expect((cutoff?["phrase"] as? String)?.contains("must be submitted by") == true)
    #expect(cutoff?["relativeTo"] is NSNull)
    #expect(!FileManager.default.fileExists(atPath: workspace.storePath))
  }

  @Test func anImportedCutoffIsOnTheAgendaFlaggedUntilApplied() throws {
    try importAd()
    let agenda = try workspace.jsonArray(["agenda", "--within", "14d", "--json"])
    let cutoff = try #require(agenda.first { $0["kind"] as? String == "applicationCutoff" })
    #expect(cutoff["date"] as? String == "2026-12-04")
    #expect(cutoff["daysLeft"] as? Int == 12)
    #expect((cutoff["flags"] as? [String]) == ["notAppliedYet"])
    #expect(!agenda.contains { $0["kind"] as? String == "startDate" }, "start is months away")
    try workspace.jobdeck(["apply", "soundcloud"])
    let after = try workspace.jsonArray(["agenda", "--json"])
    #expect(!after.contains { $0["kind"] as? String == "applicationCutoff" })
  }

  @Test func importingTheSameAdAgainUpdatesInsteadOfDuplicating() throws {
    try importAd()
    try importAd()
    #expect(try workspace.jsonArray(["list", "--json"]).count == 1)
  }

  @Test func theCalendarExportLandsOnTheRightDaysInCalcurse() throws {
    let calcurse = URL(fileURLWithPath: "/usr/bin/calcurse")
    try #require(FileManager.default.isExecutableFile(atPath: calcurse.path),
                 "calcurse is missing: apt-get install calcurse (CI installs it)")
    try importAd()
    let ics = workspace.directory + "/deadlines.ics"
    let exported = try workspace.jobdeck(["export", "--format", "ics", "-o", ics])
    #expect(exported.exitCode == 0, "\(exported.standardError)")
    let data = workspace.directory + "/calcurse"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    let environment = ["HOME": workspace.directory, "TZ": "UTC",
                       "XDG_CONFIG_HOME": workspace.directory, "XDG_DATA_HOME": workspace.directory,
                       "PATH": "/usr/bin:/bin"]
    let tool = BuiltBinary(url: calcurse)
    let imported = try tool.run(["-D", data, "-i", ics], environment: environment)
    #expect(imported.exitCode == 0, "\(imported.standardError)")
    let query = try tool.run(["-D", data, "-Q", "--from", "12/01/2026", "--days", "120"],
                             environment: environment)
    #expect(query.exitCode == 0)
    let lines = query.standardOutput.split(separator: "\n").map(String.init)
    let cutoffDay = try #require(lines.firstIndex(of: "12/04/26:"), "\(query.standardOutput)")
    #expect(lines[cutoffDay + 1].contains("Apply by: Machine Learning Intern"))
    let startDay = try #require(lines.firstIndex(of: "03/01/27:"), "\(query.standardOutput)")
    #expect(lines[startDay + 1].contains("Start: Machine Learning Intern"))
  }

  @Test func aCSVWithABadRowImportsNothingUnlessToldToSkipIt() throws {
    let csv = workspace.directory + "/jobs.csv"
    try Data("Company,Position,Status\r\nSumUp,ML Engineer,Applied\r\nDeepL,Research Intern,maybe\r\n".utf8)
      .write(to: URL(fileURLWithPath: csv))
    let refused = try workspace.jobdeck(["import", csv])
    #expect(refused.exitCode == 1)
    #expect(refused.standardError.contains("row 3"))
    #expect(refused.standardError.contains("maybe"))
    #expect(!FileManager.default.fileExists(atPath: workspace.storePath))
    let skipped = try workspace.jobdeck(["import", csv, "--skip-bad"])
    #expect(skipped.exitCode == 0, "\(skipped.standardError)")
    let applications = try workspace.jsonArray(["list", "applications", "--json"])
    #expect(applications.map { $0["stage"] as? String } == ["applied"])
  }

  /// The rows read before the file turns out not to be UTF-8 (past the first few MB) may have
  /// been merged already: they count for nothing, and the file is imported once, decoded whole.
  @Test func aCSVNotInUTF8PastItsFirstPiecesIsImportedOnceDecodedWhole() throws {
    let csv = workspace.directory + "/jobs.csv"
    let description = String(repeating: "Plain words. ", count: 50)
    var bytes = Array("Company,Title,Description\n".utf8)
    for row in 0..<9000 { bytes += Array("Firm \(row),Engineer,\(description)\n".utf8) }
    bytes += Array("Caf".utf8) + [0xE9] + Array(",Barista,Coffee\n".utf8)  // Windows-1252 é
    try Data(bytes).write(to: URL(fileURLWithPath: csv))
    let result = try workspace.jobdeck(["import", csv])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Imported 9001 rows"), "\(result.standardOutput)")
    let postings = try workspace.jsonArray(["list", "--json"])
    #expect(postings.count == 9001)
    #expect(postings.contains { $0["company"] as? String == "Café" })
  }

  @Test func theCSVExportReadsBackAsTheSamePostings() throws {
    try importAd()
    try workspace.jobdeck(["add", "posting", "--company", "DeepL", "--title", "Research Intern",
                           "--location", "Köln", "--tag", "nlp"])
    try workspace.jobdeck(["apply", "deepl", "--stage", "interview"])
    let csv = workspace.directory + "/out.csv"
    try workspace.jobdeck(["export", "--format", "csv", "-o", csv])
    let other = CLIWorkspace()
    let result = try other.jobdeck(["import", csv])
    #expect(result.exitCode == 0, "\(result.standardError)")
    func summary(_ workspace: CLIWorkspace) throws -> [String] {
      try workspace.jsonArray(["list", "--json"]).map {
        "\($0["company"] ?? "") | \($0["title"] ?? "") | \($0["location"] ?? "") | \($0["stage"] ?? "")"
      }.sorted()
    }
    #expect(try summary(other) == summary(workspace))
  }

  @Test func remindIsQuietUntilALeadTimeIsReached() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--deadline", "2026-12-20"])
    let early = try workspace.jobdeck(["remind"])
    #expect(early.exitCode == 0)
    #expect(early.standardOutput.isEmpty)
    // Seven days before the cutoff, the first reminder is due.
    let week = try workspace.jobdeck(["remind"], environment: ["JOBDECK_NOW": "2026-12-13T08:00:00Z"])
    #expect(week.standardOutput.contains("apply by"))
    #expect(week.standardOutput.contains("SumUp"))
  }

  @Test func acceptingWithAStartDateAndProbationDerivesTheirDeadlines() throws {
    try workspace.jobdeck(["add", "posting", "--company", "Celonis", "--title", "Data Engineer"])
    try workspace.jobdeck(["apply", "celonis", "--stage", "offer"])
    try workspace.jobdeck(["move", "celonis", "accepted"])
    let set = try workspace.jobdeck(["set", "celonis", "--start-date", "2027-03-31",
                                     "--probation", "6m"])
    #expect(set.exitCode == 0, "\(set.standardError)")
    let agenda = try workspace.jsonArray(["agenda", "--json"])
    func date(_ kind: String) -> String? {
      agenda.first { $0["kind"] as? String == kind }?["date"] as? String
    }
    #expect(date("startDate") == "2027-03-31")
    // BGB §188: six months from 31 March end on 30 September, not 29 September.
    #expect(date("probationEnd") == "2027-09-30")
    #expect(date("probationReview") == "2027-09-16")
  }

  @Test func theDemoAgendaIsNeverEmpty() throws {
    let listed = try workspace.jobdeck(["demo", "--keep", "--list"], useStoreOption: false)
    #expect(listed.exitCode == 0, "\(listed.standardError)")
    let demoStore = try #require(listed.standardOutput.split(separator: "\n").first.map(String.init))
    let agenda = try workspace.jobdeck(["agenda", "--within", "14d", "--json", "--store", demoStore],
                                       useStoreOption: false)
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(agenda.standardOutput.utf8)) as? [[String: Any]])
    #expect(entries.count >= 5)
    #expect(entries.contains { $0["urgency"] as? String == "overdue" })
    #expect(entries.contains { ($0["daysLeft"] as? Int).map { (0...2).contains($0) } == true })
    try? FileManager.default.removeItem(atPath: (demoStore as NSString).deletingLastPathComponent)
  }
}
