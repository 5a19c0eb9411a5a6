/// The OWASP rule against CSV injection, and its exact inverse for JobDeck's own export.
///
/// A cell that begins with `=`, `+`, `-`, `@`, tab or carriage return is a formula to Excel and
/// LibreOffice; a leading `'` makes it text. To give every text back exactly, the rule also
/// covers a cell that already begins with `'`s followed by one of those characters (`'=x`
/// becomes `''=x`): then "begins with `'` and is formula-like" is true of exactly the cells the
/// export guarded, and taking one `'` off them is the inverse. `'hello` is left alone both ways.
enum CSVFormulaGuard {
  private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// Whether a spreadsheet could read `field` as a formula: after any leading `'`s, a trigger.
  static func isFormulaLike(_ field: String) -> Bool {
    guard let first = field.unicodeScalars.first(where: { $0 != "'" }) else { return false }
    return triggers.contains(first)
  }

  /// The cell as the export writes it.
  static func guarded(_ field: String) -> String {
    isFormulaLike(field) ? "'" + field : field
  }

  /// The text of a cell of JobDeck's own export: the `'` that `guarded` added, taken off.
  static func unguarded(_ cell: String) -> String {
    guard cell.unicodeScalars.first == "'", isFormulaLike(cell) else { return cell }
    return String(cell.unicodeScalars.dropFirst())
  }
}
