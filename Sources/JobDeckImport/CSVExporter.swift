import Foundation
import JobDeckCore

/// Writes the deck as a spreadsheet that `CSVPostingImporter` reads back.
///
/// One row per posting (with its first application's stage, applied date and notes) and one per
/// application that has no posting. Columns use the importer's own header names; dates are ISO;
/// fields are quoted per RFC 4180 when they hold a delimiter, quote or line break, and records
/// end with CRLF. What the columns cannot carry is not written: ids, deadlines other than the
/// application cutoff, the stage history beyond the applied date, contacts, terms, and a posted
/// date's "or earlier" precision.
///
/// Spreadsheets run a cell that begins with `=`, `+`, `-`, `@`, tab or carriage return as a
/// formula (OWASP "CSV injection"): such a cell is written quoted, after a `'` (see
/// `CSVFormulaGuard`), unless the caller asks for the raw text. The importer recognises this
/// export by its header and takes the `'` off again, so the text comes back exactly.
public enum CSVExporter {
  /// How cells are written.
  public enum Cells: Sendable {
    /// Safe to open in a spreadsheet: formula-like cells neutralized.
    case spreadsheetSafe
    /// Every cell's text as it is, for scripts (`export --raw`).
    case raw
  }

  public static let columns: [CSVColumn] = [
    .company, .title, .location, .url, .posted, .deadline, .stage, .applied, .description,
    .notes, .tags, .salary, .type, .workplace,
  ]

  /// The header row, by which the importer knows a file is this export.
  public static var header: [String] { columns.map(\.exportName) }

  /// `timeZone` decides the civil day an applied-at instant falls on.
  public static func export(_ deck: Deck, timeZone: TimeZone = .current,
                            cells: Cells = .spreadsheetSafe) -> String {
    var lines = [header]
    for posting in deck.postings {
      let application = deck.applications(forPosting: posting.id).first
      lines.append(row(deck: deck, posting: posting, application: application, timeZone: timeZone))
    }
    for application in deck.applications where application.postingID == nil {
      lines.append(row(deck: deck, posting: nil, application: application, timeZone: timeZone))
    }
    let write: (String) -> String
    switch cells {
    case .spreadsheetSafe: write = spreadsheetSafeCell
    case .raw: write = quoted
    }
    return lines.map { $0.map(write).joined(separator: ",") + "\r\n" }.joined()
  }

  /// A cell as a spreadsheet may open it: formula-like text after a `'`, quoted (RFC 4180).
  /// Every CSV JobDeck writes for spreadsheets goes through this (the export, the report).
  static func spreadsheetSafeCell(_ field: String) -> String {
    CSVFormulaGuard.isFormulaLike(field) ? alwaysQuoted(CSVFormulaGuard.guarded(field))
      : quoted(field)
  }

  private static func row(deck: Deck, posting: Posting?, application: Application?,
                          timeZone: TimeZone) -> [String]
  {
    columns.map { column in
      switch column {
      case .company: return posting?.company ?? application.map { deck.company(of: $0) } ?? ""
      case .title: return posting?.title ?? application.map { deck.title(of: $0) } ?? ""
      case .location: return posting?.location ?? ""
      case .url: return posting?.url ?? ""
      case .posted: return posting?.posted?.date.description ?? ""
      case .deadline: return cutoff(deck: deck, posting: posting, application: application)
      case .stage: return application?.stage.rawValue ?? ""
      case .applied:
        return application.flatMap { appliedDate(of: $0, timeZone: timeZone) }?.description ?? ""
      case .description: return posting?.description ?? ""
      case .notes: return application?.notes ?? ""
      case .tags: return posting?.tags.joined(separator: ", ") ?? ""
      case .salary: return posting?.compensation?.text ?? ""
      case .type: return posting?.employmentType.map(CSVVocabulary.name(of:)) ?? ""
      case .workplace: return posting?.workplace.map(CSVVocabulary.name(of:)) ?? ""
      // Not among `columns`: adding them would change the header by which older exports are
      // recognised (and their `'` prefixes removed).
      case .source, .method, .sentTo: return ""
      }
    }
  }

  /// The application cutoff's date: the posting's own first, else the application's.
  private static func cutoff(deck: Deck, posting: Posting?, application: Application?) -> String {
    let owners = [posting.map { DeadlineOwner.posting($0.id) },
                  application.map { DeadlineOwner.application($0.id) }].compactMap { $0 }
    for owner in owners {
      for deadline in deck.deadlines(ownedBy: owner) where deadline.kind == .applicationCutoff {
        if case .allDay(let date) = deadline.due { return date.description }
      }
    }
    return ""
  }

  /// The day the application first reached `applied` in its history.
  private static func appliedDate(of application: Application, timeZone: TimeZone) -> CivilDate? {
    guard let change = application.history.first(where: { $0.to == .applied }) else { return nil }
    return CivilDate(containing: change.at, in: timeZone)
  }

  /// RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.
  /// Fields with leading or trailing spaces are quoted too, so no reader trims them away.
  static func quoted(_ field: String) -> String {
    let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
      || $0 == "\r\n" || $0 == ";" || $0 == "\t" }
      || field.first?.isWhitespace == true || field.last?.isWhitespace == true
    guard needsQuotes else { return field }
    return alwaysQuoted(field)
  }

  private static func alwaysQuoted(_ field: String) -> String {
    "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
