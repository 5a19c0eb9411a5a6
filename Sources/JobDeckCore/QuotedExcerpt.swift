/// Input quoted back in a message: in quotes, sanitized, and cut when long, so that a line of a
/// million columns gives a message of one line and not of megabytes.
public enum QuotedExcerpt {
  /// The most columns of the input a message shows.
  public static let maximumColumns = 80

  /// `'text'`; when it is wider than `maximumColumns`, its first columns, an ellipsis, and how
  /// much there was: `'xxxx…' (the first 80 columns of 1000000 characters)`.
  public static func quoted(_ text: String, maximumColumns: Int = maximumColumns) -> String {
    // Only the head is sanitized and measured, so the work and the message stay small.
    let head = String(text.prefix(maximumColumns + 1))
    let shown = TerminalText.sanitized(head)
    guard head.count > maximumColumns || TerminalText.displayWidth(of: shown) > maximumColumns
    else { return "'\(shown)'" }
    let cut = TerminalText.truncated(shown, toWidth: maximumColumns)
    return "'\(cut)' (the first \(maximumColumns) columns of \(text.count) characters)"
  }
}
