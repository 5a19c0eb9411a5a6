import Foundation
import JobDeckCore

/// `ProofOfSearch` as a file to hand in: Markdown, CSV (with the export's safe-cell rule) or a
/// single self-contained HTML page made for printing (A4 or Letter, page numbers, no scripts,
/// no web fonts, no external files).
public enum ProofOfSearchExporter {
  public enum Paper: String, CaseIterable, Sendable {
    case a4, letter

    var cssSize: String { self == .a4 ? "A4" : "letter" }
  }

  static let columns = [
    "Date applied", "Company", "Position", "Location", "Contact or address", "Method",
    "Status", "Status since", "Stage history",
  ]

  static func cells(_ row: ProofOfSearch.Row) -> [String] {
    [
      row.appliedOn.description, row.company, row.position, row.location, row.contact,
      row.method, row.status.displayName, row.statusSince.description, row.historyText,
    ]
  }

  static func title(_ report: ProofOfSearch) -> String {
    "Job applications" + (report.name.map { " of \($0)" } ?? "")
  }

  static func totals(_ report: ProofOfSearch) -> [String] {
    let methods = report.totalsByMethod.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
    let statuses = report.totalsByStatus.map { "\($0.0.displayName): \($0.1)" }
      .joined(separator: ", ")
    return [
      "Applications: \(report.rows.count)",
      "By method: " + (methods.isEmpty ? "none" : methods),
      "By current status: " + (statuses.isEmpty ? "none" : statuses),
    ]
  }

  // MARK: Markdown

  public static func markdown(_ report: ProofOfSearch) -> String {
    func cell(_ text: String) -> String {
      text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
        .split(whereSeparator: \.isNewline).joined(separator: "<br>")
    }
    var lines = ["# " + cell(title(report)), "", "Period: \(report.periodText)", ""]
    lines.append("| " + columns.joined(separator: " | ") + " |")
    lines.append("|" + String(repeating: "---|", count: columns.count))
    for row in report.rows {
      lines.append("| " + cells(row).map(cell).joined(separator: " | ") + " |")
    }
    if report.rows.isEmpty { lines += ["", "No applications sent in this period."] }
    lines.append("")
    lines += totals(report).map { "- " + cell($0) }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: CSV

  /// A title row, the period, the column header, one row per application, then the totals,
  /// each cell by `CSVExporter.spreadsheetSafeCell`.
  public static func csv(_ report: ProofOfSearch) -> String {
    var lines: [[String]] = [[title(report)], ["Period", report.periodText], columns]
    lines += report.rows.map(cells)
    lines.append([])
    lines += totals(report).map { line -> [String] in
      guard let colon = line.firstIndex(of: ":") else { return [line] }
      return [String(line[..<colon]), line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)]
    }
    return lines.map { $0.map(CSVExporter.spreadsheetSafeCell).joined(separator: ",") + "\r\n" }
      .joined()
  }

  // MARK: HTML

  public static func html(_ report: ProofOfSearch, paper: Paper = .a4) -> String {
    let heading = escaped(title(report))
    var body = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>\(heading), \(escaped(report.periodText))</title>
      <style>
      \(styleSheet(paper: paper))
      </style>
      </head>
      <body>
      <header>
      <h1>\(heading)</h1>
      <p class="period">Period: \(escaped(report.periodText))</p>
      </header>
      <table>
      <thead>
      <tr>\(columns.map { "<th scope=\"col\">\(escaped($0))</th>" }.joined())</tr>
      </thead>
      <tbody>

      """
    for row in report.rows {
      let history = row.history.map { "<li>\(escaped("\($0.day) \($0.stage.displayName)"))</li>" }
        .joined()
      var cells = cells(row).dropLast().map { "<td>\(escapedLines($0))</td>" }
      cells.append("<td><ol class=\"history\">\(history)</ol></td>")
      body += "<tr>" + cells.joined() + "</tr>\n"
    }
    if report.rows.isEmpty {
      body += "<tr><td colspan=\"\(columns.count)\">No applications sent in this period.</td></tr>\n"
    }
    body += """
      </tbody>
      </table>
      <section class="totals">
      <h2>Totals</h2>
      <ul>
      \(totals(report).map { "<li>\(escaped($0))</li>" }.joined(separator: "\n"))
      </ul>
      </section>
      </body>
      </html>

      """
    return body
  }

  /// Print first: the page size and margins, the page number in the bottom margin (CSS paged
  /// media counters), the header row repeated on every page, rows kept whole.
  static func styleSheet(paper: Paper) -> String {
    """
    @page {
      size: \(paper.cssSize);
      margin: 15mm 12mm 18mm 12mm;
      @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt sans-serif; }
    }
    body { font: 10pt/1.35 sans-serif; color: #000; background: #fff; margin: 0 auto; max-width: 60em; padding: 1em; }
    h1 { font-size: 16pt; margin: 0 0 0.2em; }
    h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }
    .period { margin: 0 0 1em; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid #777; padding: 3px 5px; text-align: left; vertical-align: top; }
    th { background: #eee; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    .history { margin: 0; padding-left: 1.2em; }
    @media print {
      body { max-width: none; padding: 0; }
      th { background: none; }
    }
    """
  }

  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default:
        // Control characters have no place in a document (HTML forbids most of them).
        if character.unicodeScalars.allSatisfy({ $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }),
          character != "\n", character != "\t"
        {
          result += "\u{FFFD}"
        } else {
          result.append(character)
        }
      }
    }
    return result
  }

  /// Text with its line breaks kept (a postal address) as `<br>`.
  static func escapedLines(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { escaped(String($0)) }.joined(separator: "<br>")
  }
}
