import Foundation
import JobDeckCore
import JobDeckImport
import Testing

/// The importers' bad-input corpus (issue item 4): each file in `Tests/BadInput/Import` has a
/// `.expected` file beside it with what the importer makes of it: the rows and row errors of a
/// CSV file or the message that stops it, or the fields, deadlines and remarks of an ad. Values
/// are written as the terminal shows them (escapes in caret notation), so the expectations hold
/// no raw control characters. `JOBDECK_RECORD_FIXTURES=1` rewrites the expectations after a
/// deliberate change; review the diff.
@Suite("Importers on malformed and hostile input")
struct HostileImportCorpusTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../BadInput/Import").standardized
  static let importDate = CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(dayNumber: 0)
  static let importedAt = Date(timeIntervalSince1970: 1_795_348_800)

  static func inputs() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasSuffix(".expected") }.sorted()
  }

  static func shown(_ text: String?) -> String {
    guard let text else { return "(none)" }
    return TerminalText.sanitizedLines(text).joined(separator: "⏎")
  }

  static func deadlines(_ deadlines: [Deadline]) -> String {
    deadlines.map { deadline -> String in
      switch deadline.due {
      case .allDay(let date): return "\(deadline.kind.rawValue) \(date)"
      case .timed(let instant, let zone): return "\(deadline.kind.rawValue) \(instant) \(zone)"
      case .relative(let anchor, let offset):
        return "\(deadline.kind.rawValue) \(offset) from \(anchor.rawValue)"
      }
    }.joined(separator: ", ")
  }

  /// What the importer made of one input, one fact per line.
  static func report(forInputNamed name: String, text: String) -> String {
    var lines: [String] = []
    if name.hasSuffix(".csv") {
      do {
        let result = try CSVPostingImporter.importPostings(from: text, source: "csv",
                                                           importedAt: importedAt)
        for row in result.rows {
          let posting = row.draft.posting
          lines.append("row \(row.row) (line \(row.line)): company \(shown(posting.company))"
            + " | title \(shown(posting.title)) | deadlines \(deadlines(row.draft.deadlines))")
          for remark in row.draft.remarks { lines.append("  remark: \(shown(remark))") }
        }
        for error in result.errors { lines.append("row error: \(shown(error.description))") }
        if !result.ignoredColumns.isEmpty {
          lines.append("ignored columns: \(shown(result.ignoredColumns.joined(separator: ", ")))")
        }
      } catch {
        lines.append("refused: \(shown(error.description))")
      }
    } else {
      let hint = name.hasSuffix(".html") ? "text/html" : "text/plain"
      let draft = PostingImporter.draft(fromText: text, contentTypeHint: hint,
                                        importDate: importDate, source: "fixture")
      let posting = draft.posting
      lines.append("title: \(shown(posting.title))")
      lines.append("company: \(shown(posting.company))")
      lines.append("location: \(shown(posting.location))")
      lines.append("deadlines: \(deadlines(draft.deadlines))")
      lines.append("compensation: \(shown(posting.compensation?.text))")
      for remark in draft.remarks { lines.append("remark: \(shown(remark))") }
      lines.append("description: \(shown(posting.description))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func theCorpusIsThere() {
    #expect(Self.inputs().count >= 12)
  }

  @Test(arguments: inputs())
  func eachInputGivesItsExpectedResult(name: String) throws {
    let input = Self.folder.appendingPathComponent(name)
    let text = String(decoding: try Data(contentsOf: input), as: UTF8.self)
    let report = Self.report(forInputNamed: name, text: text)
    let expectedURL = input.appendingPathExtension("expected")
    if ProcessInfo.processInfo.environment["JOBDECK_RECORD_FIXTURES"] == "1" {
      try Data(report.utf8).write(to: expectedURL)
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(report == expected, "\(name)")
  }

  // MARK: - Inputs too large to keep as files

  @Test func anEnormousAttributeIsSkippedAndTheTextAroundItRead() {
    let html = "<html><body><div class=\"" + String(repeating: "x", count: 5_000_000)
      + "\" data-y='" + String(repeating: "\"<>", count: 100_000) + "'><h1>Data Intern</h1>"
      + "<p>Company: Acme GmbH</p><p>Application deadline: 15 December 2026</p></div></body></html>"
    let started = Date()
    let draft = HTMLPostingReader.draft(fromHTML: html, importDate: Self.importDate,
                                        source: "fixture")
    #expect(Date().timeIntervalSince(started) < 20)
    #expect(draft.posting.title == "Data Intern")
    #expect(draft.posting.company == "Acme GmbH")
    #expect(!(draft.posting.description ?? "").contains("xxxx"))
    #expect(Self.deadlines(draft.deadlines) == "applicationCutoff 2026-12-15")
  }

  @Test func jsonLDNested100000DeepIsIgnoredWithARemark() {
    let html = "<html><body><script type=\"application/ld+json\">"
      + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
      + "</script><h1>Data Intern</h1><p>Company: Acme GmbH</p></body></html>"
    let draft = HTMLPostingReader.draft(fromHTML: html, importDate: Self.importDate,
                                        source: "fixture")
    #expect(draft.posting.title == "Data Intern")
    #expect(draft.posting.company == "Acme GmbH")
  }

  @Test func aHugeScriptNeverReachesTheDescription() {
    let html = "<html><body><script>" + String(repeating: "alert('pwned');", count: 200_000)
      + "</script><h1>Data Intern</h1><p>Company: Acme GmbH</p></body></html>"
    let draft = HTMLPostingReader.draft(fromHTML: html, importDate: Self.importDate,
                                        source: "fixture")
    #expect(!(draft.posting.description ?? "").contains("alert"))
    #expect(draft.posting.title == "Data Intern")
  }
}
