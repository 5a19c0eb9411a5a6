import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// The report as files: Markdown whose table survives a `|`, CSV with the export's safe-cell
/// rule (checked in LibreOffice), and HTML that a strict HTML5 parser (html5lib) reads without
/// an error, with every row.
@Suite("Proof of search export")
struct ProofOfSearchExportTests {
  static let zone = TimeZone(identifier: "UTC")!
  static let now = FixedWallClock(date: CivilDate(year: 2026, month: 11, day: 22)!, timeZone: zone)

  static func at(_ text: String) -> Date { CivilDate(text)!.instant(hour: 12, in: zone) }

  static var report: ProofOfSearch {
    let names = ["Acme | Data <b>&</b>", "=HYPERLINK(\"http://evil.example\")", "Café 🍰 Labs",
                 "株式会社メルカリ", "O'Brien & Sons"]
    var deck = Deck()
    for (index, name) in names.enumerated() {
      let day = String(format: "2026-11-%02d", index + 2)
      deck.applications.append(Application(
        id: "a\(index)", postingID: nil, company: name, title: "Analyst \(index)",
        stage: index == 0 ? .interview : .applied,
        history: [StageChange(from: nil, to: .applied, at: at(day))]
          + (index == 0 ? [StageChange(from: .applied, to: .interview, at: at("2026-11-12"))] : []),
        createdAt: at(day), method: index % 2 == 0 ? .email : .post,
        sentTo: index == 1 ? "-1 Hauptstr.\n10115 Berlin" : "hr@example.com"))
    }
    return ProofOfSearch(deck: deck, clock: now, from: CivilDate("2026-11-01"),
                         name: "Mara <Köhler>")
  }

  @Test func markdownEscapesPipesAndKeepsOneLinePerRow() {
    let text = ProofOfSearchExporter.markdown(Self.report)
    let lines = text.split(separator: "\n")
    #expect(lines.first == "# Job applications of Mara <Köhler>")
    #expect(lines.filter { $0.hasPrefix("| 2026-11-") }.count == 5)
    #expect(text.contains("| Acme \\| Data <b>&</b> |"))
    #expect(text.contains("-1 Hauptstr.<br>10115 Berlin"))
    #expect(text.contains("- Applications: 5"))
  }

  @Test func csvGuardsFormulaCells() {
    let text = ProofOfSearchExporter.csv(Self.report)
    #expect(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""))
    #expect(text.contains("\"'-1 Hauptstr.\n10115 Berlin\""))
    #expect(text.hasPrefix("Job applications of Mara <Köhler>\r\nPeriod,2026-11-01 to 2026-11-22\r\n"))
  }

  @Test func csvOpensInLibreOfficeWithoutAFormula() throws {
    guard ICSConsumerHarness.require("/usr/bin/soffice", package: "libreoffice-calc-nogui") else {
      return
    }
    let harness = try ICSConsumerHarness()
    defer { harness.removeDirectory() }
    let csv = try harness.write(ProofOfSearchExporter.csv(Self.report), to: "report.csv")
    let run = try harness.run("/usr/bin/soffice", [
      "--headless", "-env:UserInstallation=file://\(harness.directory.path)/office-profile",
      "--convert-to", "fods", "--infilter=CSV:44,34,76,1", "--outdir", harness.directory.path,
      csv.path,
    ])
    #expect(run.status == 0, "\(run.errors)")
    let sheet = try String(contentsOf: harness.directory.appendingPathComponent("report.fods"),
                           encoding: .utf8)
    #expect(!sheet.contains("table:formula"))
    #expect(sheet.contains("&apos;=HYPERLINK("))
    #expect(sheet.contains("株式会社メルカリ"))
  }

  static let html5libCheck = """
    import sys, html5lib
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        document = parser.parse(open(sys.argv[1], 'rb'))
    except Exception as error:
        print('PARSE ERROR', error, parser.errors)
        sys.exit(1)
    rows = document.findall('.//tbody/tr')
    print(len(rows))
    for row in rows:
        print('\\t'.join(''.join(cell.itertext()) for cell in row.findall('td')))
    print('SCRIPTS', len(document.findall('.//script')) + len(document.findall('.//link')))
    """

  @Test(arguments: ProofOfSearchExporter.Paper.allCases)
  func htmlParsesStrictlyInHtml5libWithEveryRow(paper: ProofOfSearchExporter.Paper) throws {
    guard ICSConsumerHarness.require("/usr/bin/python3", package: "python3-html5lib") else {
      return
    }
    let harness = try ICSConsumerHarness()
    defer { harness.removeDirectory() }
    let html = ProofOfSearchExporter.html(Self.report, paper: paper)
    let file = try harness.write(html, to: "report.html")
    let script = try harness.write(Self.html5libCheck, to: "check.py")
    let run = try harness.run("/usr/bin/python3", [script.path, file.path])
    #expect(run.status == 0, "\(run.output)\(run.errors)")
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "5")
    let rows = lines.dropFirst().prefix(5)
    for row in Self.report.rows {
      #expect(rows.contains { $0.hasPrefix(row.appliedOn.description + "\t" + row.company + "\t") },
              "\(row.company)")
    }
    #expect(rows.contains { $0.contains("2026-11-02 applied2026-11-12 interview") })
    #expect(lines.contains("SCRIPTS 0"))
    // Print-ready and self-contained: page size, page numbers, nothing fetched.
    #expect(html.contains("size: \(paper == .a4 ? "A4" : "letter");"))
    #expect(html.contains("counter(page)"))
    #expect(!html.contains("url(") && !html.contains("@import"))
  }
}
