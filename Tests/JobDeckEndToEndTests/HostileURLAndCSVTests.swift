import Foundation
import JobDeckTestSupport
import Testing

/// Issue 12, §3–§5, through the real binary: URLs that would reach a program, CSV cells that
/// spreadsheets run as formulas, names echoed back, kinds, ids and long quoted input. Each case
/// checks the message, the exit code, and that a refused command left the store's bytes alone.
@Suite("Hostile URLs, CSV cells and echoed names")
struct HostileURLAndCSVTests {
  let workspace = CLIWorkspace()

  /// A store with one posting, and its bytes.
  func storeWithOnePosting() throws -> Data {
    let added = try workspace.jobdeck(["add", "posting", "--company", "Acme", "--title", "Engineer",
                                       "--url", "https://example.com/jobs/1"])
    #expect(added.exitCode == 0, "\(added.standardError)")
    return try workspace.storeBytes()
  }

  func write(_ name: String, _ text: String) throws -> String {
    let path = workspace.directory + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  // MARK: - §3 URLs

  @Test("add posting --url refuses what is not an http(s) link: exit 64, store unchanged",
        arguments: [
          ("--renderer-cmd-prefix=touch /tmp/x",
           "jobdeck: --url '--renderer-cmd-prefix=touch /tmp/x': the URL starts with '-', which"
             + " the browser would read as an option; JobDeck keeps only http:// and https:// links"),
          ("javascript:alert(1)",
           "jobdeck: --url 'javascript:alert(1)': the URL is a 'javascript:' link: JobDeck keeps"
             + " only http:// and https:// links"),
          ("file:///etc/passwd",
           "jobdeck: --url 'file:///etc/passwd': the URL is a 'file:' link: JobDeck keeps only"
             + " http:// and https:// links"),
          ("data:text/html,<script>x</script>",
           "jobdeck: --url 'data:text/html,<script>x</script>': the URL is a 'data:' link: JobDeck"
             + " keeps only http:// and https:// links"),
          ("mailto:hr@example.com",
           "jobdeck: --url 'mailto:hr@example.com': the URL is a 'mailto:' link: JobDeck keeps"
             + " only http:// and https:// links"),
          ("example.com/jobs",
           "jobdeck: --url 'example.com/jobs': the URL is not a link: JobDeck keeps only http://"
             + " and https:// links"),
          ("https://", "jobdeck: --url 'https://': the URL names no host after '//'"),
          ("https://example.com/a b\u{1B}[2J",
           "jobdeck: --url 'https://example.com/a b^[[2J': the URL contains a space, a control"
             + " character or an invisible character (write a space as %20)"),
        ])
  func addRefusesBadURLs(url: String, message: String) throws {
    let before = try storeWithOnePosting()
    let result = try workspace.jobdeck(["add", "posting", "--company", "Evil", "--title", "Job",
                                        "--url=" + url])
    #expect(result.exitCode == 64)
    #expect(result.standardError == message + "\n")
    #expect(result.standardOutput.isEmpty)
    #expect(try workspace.storeBytes() == before)
  }

  @Test func addKeepsAnHTTPSLinkWithoutItsSurroundingSpaces() throws {
    _ = try storeWithOnePosting()
    let result = try workspace.jobdeck(["add", "posting", "--company", "Good", "--title", "Job",
                                        "--url", "  https://example.com/jobs/2?a=1&b=2  "])
    #expect(result.exitCode == 0)
    let shown = try workspace.json(["show", "good-job", "--json"])
    #expect(shown["url"] as? String == "https://example.com/jobs/2?a=1&b=2")
  }

  @Test func aJSONLDURLThatIsAnOptionIsDroppedAndReportedTheRestIsImported() throws {
    let page = try write("ad.html", """
      <html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"JobPosting","title":"Data Engineer",
       "hiringOrganization":{"name":"Kiwibit"},"url":"--renderer-cmd-prefix=touch /tmp/pwned",
       "validThrough":"2026-12-20","description":"Build pipelines."}
      </script></head><body><p>Data Engineer at Kiwibit</p></body></html>
      """)
    let result = try workspace.jobdeck(["import", page])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains(
      "Note:      Dropped the JSON-LD url '--renderer-cmd-prefix=touch /tmp/pwned': the URL starts"
        + " with '-', which the browser would read as an option; JobDeck keeps only http:// and"
        + " https:// links."), "\(result.standardOutput)")
    let postings = try workspace.jsonArray(["list", "--json"])
    #expect(postings.count == 1)
    #expect(postings.first?["title"] as? String == "Data Engineer")
    #expect(postings.first?["url"] as? String == nil)
    let store = String(decoding: try workspace.storeBytes(), as: UTF8.self)
    #expect(!store.contains("renderer"))
  }

  @Test func csvURLsThatAreNotWebLinksAreDroppedAndReportedByRow() throws {
    let csv = try write("old.csv", """
      Company,Title,URL
      Acme,Engineer,javascript:alert(1)
      Beta,Analyst,file:///etc/passwd
      Gamma,Designer,-x
      Delta,Writer,https://example.com/delta

      """)
    let result = try workspace.jobdeck(["import", csv])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Imported 4 rows"))
    let lines = result.standardError.split(separator: "\n").map(String.init)
    #expect(lines == [
      "jobdeck: \(csv): row 2: column 'URL': dropped 'javascript:alert(1)': the URL is a"
        + " 'javascript:' link: JobDeck keeps only http:// and https:// links; the rest of the"
        + " row was imported",
      "jobdeck: \(csv): row 3: column 'URL': dropped 'file:///etc/passwd': the URL is a 'file:'"
        + " link: JobDeck keeps only http:// and https:// links; the rest of the row was imported",
      "jobdeck: \(csv): row 4: column 'URL': dropped '-x': the URL starts with '-', which the"
        + " browser would read as an option; JobDeck keeps only http:// and https:// links; the"
        + " rest of the row was imported",
    ])
    let urls = try workspace.jsonArray(["list", "--json"]).map { $0["url"] as? String }
    #expect(urls == [nil, nil, nil, "https://example.com/delta"])
  }

  @Test func aStoreHoldingABadURLStillLoadsAndCheckReportsIt() throws {
    let good = String(decoding: try storeWithOnePosting(), as: UTF8.self)
    let bad = good.replacingOccurrences(of: "\"url\":\"https://example.com/jobs/1\"",
                                        with: "\"url\":\"--renderer-cmd-prefix=x\"")
    #expect(bad != good)
    try workspace.writeStore(bad)
    let listed = try workspace.jobdeck(["list"])
    #expect(listed.exitCode == 0)
    #expect(listed.standardOutput.contains("Acme"))
    let checked = try workspace.jobdeck(["check"])
    #expect(checked.exitCode == 2)
    #expect(checked.standardOutput.contains(
      "problem: posting 'acme-engineer' has the URL '--renderer-cmd-prefix=x', which starts with"
        + " '-', which the browser would read as an option; JobDeck keeps only http:// and"
        + " https:// links; it is kept but never opened"), "\(checked.standardOutput)")
    #expect(String(decoding: try workspace.storeBytes(), as: UTF8.self) == bad)
  }

  @Test func theUIGivesTheBrowserOnlyAValidatedLink() throws {
    let good = String(decoding: try storeWithOnePosting(), as: UTF8.self)
    let record = workspace.directory + "/browser-argv"
    let browser = workspace.directory + "/browser.sh"
    try writeExecutable("""
      #!/bin/sh
      for argument in "$@"; do printf '%s\\n' "$argument" >> '\(record)'; done
      """, to: browser)
    try workspace.writeStore(good.replacingOccurrences(
      of: "\"url\":\"https://example.com/jobs/1\"",
      with: "\"url\":\"--renderer-cmd-prefix=touch /tmp/jobdeck-pwned\""))
    let binary = try BuiltBinary.jobdeck()
    var ui = try TmuxSession(
      command: [binary.url.path, "--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
                    "BROWSER": browser],
      columns: 100, rows: 24)
    try ui.waitFor("Engineer")
    try ui.sendKeys("Enter")
    try ui.waitFor("Acme")
    try ui.sendKeys("o")
    try ui.waitFor("not opened: the URL starts with '-'")
    try ui.sendKeys("q")
    try ui.sendKeys("q")
    _ = try ui.waitForExit(timeout: 10)
    #expect(!FileManager.default.fileExists(atPath: record))

    // The same posting with a link: the browser gets it, as one argument.
    try workspace.writeStore(good)
    ui = try TmuxSession(
      command: [binary.url.path, "--store", workspace.storePath],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": "",
                    "BROWSER": browser],
      columns: 100, rows: 24)
    try ui.waitFor("Engineer")
    try ui.sendKeys("Enter")
    try ui.waitFor("Acme")
    try ui.sendKeys("o")
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline, !FileManager.default.fileExists(atPath: record) { usleep(20_000) }
    try ui.sendKeys("q")
    try ui.sendKeys("q")
    _ = try ui.waitForExit(timeout: 10)
    #expect((try? String(contentsOfFile: record, encoding: .utf8)) == "https://example.com/jobs/1\n")
  }

  // MARK: - §4 CSV export

  /// Texts a spreadsheet would run, and the edge cases of getting them back exactly.
  static let formulaTexts = [
    "=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1)",
    "\tTabbed", "\rReturn", "'=already guarded", "''+double", "'plain quote", "a=b",
    "line one\r\nline two\nline three", " spaced ", "ümlaut — “quoted”",
  ]

  func storeWithFormulaTexts() throws {
    for (index, text) in Self.formulaTexts.enumerated() {
      let added = try workspace.jobdeck(["add", "posting", "--company=" + text,
                                         "--title", "Job \(index)", "--description=" + text,
                                         "--location=" + text])
      #expect(added.exitCode == 0, "\(text.debugDescription): \(added.standardError)")
    }
  }

  @Test func csvExportNeutralizesFormulasAsPythonsCSVModuleReadsIt() throws {
    try storeWithFormulaTexts()
    let path = workspace.directory + "/export.csv"
    let exported = try workspace.jobdeck(["export", "--format", "csv", "-o", path])
    #expect(exported.exitCode == 0)
    #expect(exported.standardError == "Wrote \(path)\n")
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding='utf-8') as f:
          rows = list(csv.reader(f))
      print(json.dumps([row[0] for row in rows[1:]]))
      """
    let python = try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/env"))
      .run(["python3", "-c", script, path])
    #expect(python.exitCode == 0, "\(python.standardError)")
    let companies = try JSONSerialization.jsonObject(with: Data(python.standardOutput.utf8))
      as? [String]
    let expected = Self.formulaTexts.map { text -> String in
      let afterQuotes = text.drop { $0 == "'" }.unicodeScalars.first
      let formulaLike = afterQuotes.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
      return formulaLike ? "'" + text : text
    }
    #expect(companies == expected)
    for company in companies ?? [] {
      let first = company.unicodeScalars.first
      #expect(first.map { !"=+-@\t\r".unicodeScalars.contains($0) } ?? true,
              "a spreadsheet would run \(company.debugDescription)")
    }
  }

  static let libreOffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// LibreOffice, headless, opens both exports as a spreadsheet: the raw one holds formulas (so
  /// the check can see them), the default one none, every formula-like cell shown as text.
  @Test(.enabled(if: libreOffice != nil, "needs LibreOffice (apt-get install libreoffice-calc-nogui)"))
  func libreOfficeRunsNoFormulaFromTheExport() throws {
    try storeWithFormulaTexts()
    let office = try #require(Self.libreOffice)
    var converted: [String: String] = [:]
    for (name, extra) in [("safe", [String]()), ("raw", ["--raw"])] {
      let csv = workspace.directory + "/\(name).csv"
      #expect(try workspace.jobdeck(["export", "--format", "csv", "-o", csv] + extra).exitCode == 0)
      let run = try BuiltBinary(url: URL(fileURLWithPath: office)).run([
        "--headless", "-env:UserInstallation=file://\(workspace.directory)/office-profile",
        "--convert-to", "fods", "--infilter=CSV:44,34,76,1", "--outdir",
        workspace.directory + "/office", csv,
      ], environment: ["HOME": workspace.directory, "PATH": "/usr/bin:/bin"])
      #expect(run.exitCode == 0, "\(run.standardError)")
      converted[name] = try String(
        contentsOfFile: workspace.directory + "/office/\(name).fods", encoding: .utf8)
    }
    #expect(converted["raw"]?.contains("table:formula=\"of:=HYPERLINK(") == true)
    #expect(converted["safe"]?.contains("table:formula") == false)
    #expect(converted["safe"]?.contains("<text:p>&apos;=HYPERLINK(") == true)
  }

  @Test func importingTheExportGivesBackEveryTextExactly() throws {
    try storeWithFormulaTexts()
    let path = workspace.directory + "/export.csv"
    #expect(try workspace.jobdeck(["export", "--format", "csv", "-o", path]).exitCode == 0)
    let original = try workspace.jsonArray(["list", "--json"])
    let other = CLIWorkspace()
    let imported = try other.jobdeck(["import", path])
    #expect(imported.exitCode == 0, "\(imported.standardError)")
    #expect(imported.standardError.isEmpty)
    let copy = try other.jsonArray(["list", "--json"])
    #expect(copy.count == original.count)
    for (before, after) in zip(original, copy) {
      for key in ["company", "title", "location"] {
        #expect(after[key] as? String == before[key] as? String, "\(key)")
      }
    }
    for (index, text) in Self.formulaTexts.enumerated() {
      let id = try #require(copy[index]["id"] as? String)
      let shown = try other.json(["show", id, "--json"])
      #expect(shown["description"] as? String == text, "\(text.debugDescription)")
    }
    // And the copy exports to the same bytes.
    let again = workspace.directory + "/again.csv"
    #expect(try other.jobdeck(["export", "--format", "csv", "-o", again]).exitCode == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: again))
      == Data(contentsOf: URL(fileURLWithPath: path)))
  }

  @Test func rawExportWritesCellsAsTheyAre() throws {
    try storeWithFormulaTexts()
    let raw = try workspace.jobdeck(["export", "--format", "csv", "--raw"])
    #expect(raw.exitCode == 0)
    #expect(raw.standardOutput.contains("\r\n\"=HYPERLINK(\"\"http://evil.example\"\","))
    #expect(raw.standardOutput.contains("\r\n+1+2,Job 1,"))
    #expect(raw.standardOutput.contains("\r\n@SUM(A1),Job 3,"))
    let refused = try workspace.jobdeck(["export", "--format", "ics", "--raw"])
    #expect(refused.exitCode == 64)
    #expect(refused.standardError.contains("--raw applies to --format csv only"))
  }

  @Test func aForeignCSVKeepsALeadingQuote() throws {
    let csv = try write("mine.csv", "Company,Title,Notes\n'Quoted Co,'=not ours,'kept\n")
    let result = try workspace.jobdeck(["import", csv])
    #expect(result.exitCode == 0, "\(result.standardError)")
    let postings = try workspace.jsonArray(["list", "--json"])
    #expect(postings.first?["company"] as? String == "'Quoted Co")
    #expect(postings.first?["title"] as? String == "'=not ours")
  }

  // MARK: - §5 Echoed names, kinds, ids, long input

  @Test func aKindWithAControlCharacterIsRefusedAndNothingIsWritten() throws {
    let before = try storeWithOnePosting()
    let result = try workspace.jobdeck(["deadline", "add", "acme", "inter\u{1B}[2Jview",
                                        "2026-12-01"])
    #expect(result.exitCode == 64)
    #expect(result.standardError.contains("'inter^[[2Jview'"), "\(result.standardError)")
    #expect(HostileText.rawControls(in: result.standardError).isEmpty)
    #expect(try workspace.storeBytes() == before)
  }

  @Test func idsComeFromCompanyAndTitleBoth() throws {
    let first = try workspace.jobdeck(["add", "posting", "--company", "A", "--title", "B"])
    #expect(first.standardOutput == "a-b\n")
    let second = try workspace.jobdeck(["add", "posting", "--company", "The Co", "--title", "An"])
    #expect(second.standardOutput == "the-co-an\n")
  }

  @Test func aStoreWithEmptyOrControlIDsIsReportedByCheck() throws {
    let good = String(decoding: try storeWithOnePosting(), as: UTF8.self)
    let bad = good.replacingOccurrences(of: "\"id\":\"acme-engineer\"", with: "\"id\":\"\"")
    #expect(bad != good)
    try workspace.writeStore(bad)
    let checked = try workspace.jobdeck(["check"])
    #expect(checked.exitCode == 2)
    #expect(checked.standardOutput.contains("problem: a posting has an empty id ''"))
    let escaped = good.replacingOccurrences(of: "\"id\":\"acme-engineer\"",
                                            with: "\"id\":\"acme\\u001b[2J\"")
    try workspace.writeStore(escaped)
    let again = try workspace.jobdeck(["check"])
    #expect(again.exitCode == 2)
    #expect(again.standardOutput.contains(
      "problem: the posting id 'acme\\u{1B}[2J' holds control or invisible characters"),
      "\(again.standardOutput)")
    #expect(HostileText.rawControls(in: again.standardOutput).isEmpty)
    #expect(String(decoding: try workspace.storeBytes(), as: UTF8.self) == escaped)
  }

  @Test func pathsAndIdsEchoedBackAreSanitized() throws {
    _ = try storeWithOnePosting()
    let output = workspace.directory + "/out\u{1B}]52;c;cHduZWQ=\u{07}.csv"
    let exported = try workspace.jobdeck(["export", "--format", "csv", "-o", output])
    #expect(exported.exitCode == 0)
    #expect(exported.standardError == "Wrote \(workspace.directory)/out^[]52;c;cHduZWQ=^G.csv\n")
    let imported = try workspace.jobdeck(["import", output, "--dry-run"])
    #expect(imported.standardOutput
      == "Would import 1 row from \(workspace.directory)/out^[]52;c;cHduZWQ=^G.csv.\n")
    let missing = try workspace.jobdeck(["move", "nope\u{1B}[2J", "applied"])
    #expect(missing.exitCode == 1)
    #expect(HostileText.rawControls(in: missing.standardError).isEmpty)
    #expect(missing.standardError.contains("'nope^[[2J'"))
  }

  @Test func aMessageQuotingAMillionColumnCellIsCut() throws {
    let before = try storeWithOnePosting()
    let long = String(repeating: "x", count: 1_000_000)
    let csv = try write("long.csv", "Company,Title,Stage,Deadline\nAcme,Engineer,\(long),\(long)\n")
    let result = try workspace.jobdeck(["import", csv])
    #expect(result.exitCode == 1)
    // Two messages, each quoting 80 columns of its cell (and the stage one naming every stage
    // and synonym it reads): far from the megabyte of the cells.
    #expect(result.standardError.utf8.count < 2_000)
    let excerpt = "'" + String(repeating: "x", count: 79) + "…' (the first 80 columns of 1000000"
      + " characters)"
    #expect(result.standardError.contains("row 2, column 'Stage': unknown stage \(excerpt)"),
            "\(result.standardError)")
    #expect(result.standardError.contains("row 2, column 'Deadline': \(excerpt) is not a date"))
    #expect(try workspace.storeBytes() == before)

    // One argument may hold at most 128 KiB (MAX_ARG_STRLEN).
    let date = try workspace.jobdeck(["add", "posting", "--company", "B", "--title", "C",
                                      "--deadline", String(repeating: "y", count: 100_000)])
    #expect(date.exitCode != 0)
    #expect(date.standardError.utf8.count < 1_000)
    #expect(try workspace.storeBytes() == before)
  }

  @Test func anAdLineOfAMillionLettersGivesAShortRemark() throws {
    let ad = try write("long.txt", "Title: Engineer\nCompany: Acme\nApply by 03/04/2027 "
      + String(repeating: "x", count: 1_000_000) + "\n")
    let result = try workspace.jobdeck(["import", ad, "--dry-run"])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.utf8.count < 2_000, "\(result.standardOutput.utf8.count) bytes")
    #expect(result.standardOutput.contains("Ambiguous date “03/04/2027”"))
  }
}
