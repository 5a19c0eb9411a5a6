/// Mistakes in what the user asked for; each message says what was wrong and what to do.
public enum DeckError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum RecordKind: String, Sendable {
    case posting, application, deadline
  }

  case notFound(String, expected: RecordKind?)
  case ambiguous(String, candidates: [String])
  case noApplication(postingID: String)
  case invalidValue(field: String, value: String, expected: String)
  /// A value that reads well but lands outside what JobDeck accepts (a time on the range's
  /// last day that is already the next day in a far zone); `problem` says where it lands.
  case valueOutOfRange(field: String, value: String, problem: String)
  /// A change whose dates, typed or derived, fall outside `SupportedDates`; nothing is saved.
  case outsideSupportedDates(problem: String)

  public var description: String {
    switch self {
    case .notFound(let id, let kind):
      return "no \(kind?.rawValue ?? "posting, application or deadline") matches"
        + " \(QuotedExcerpt.quoted(id))"
    case .ambiguous(let id, let candidates):
      let shown = candidates.sorted().prefix(20).map { "  \($0)" }.joined(separator: "\n")
      let more = candidates.count > 20 ? "\n  … and \(candidates.count - 20) more" : ""
      return "\(QuotedExcerpt.quoted(id)) is ambiguous; it matches:\n\(shown)\(more)"
    case .noApplication(let postingID):
      return "posting '\(postingID)' has no application yet; run: jobdeck apply \(postingID)"
    case .invalidValue(let field, let value, let expected):
      return "invalid \(field) \(QuotedExcerpt.quoted(value)): expected \(expected)"
    case .valueOutOfRange(let field, let value, let problem):
      return "invalid \(field) \(QuotedExcerpt.quoted(value)): \(problem)"
    case .outsideSupportedDates(let problem):
      return "refused: \(problem); nothing was saved"
    }
  }
}
