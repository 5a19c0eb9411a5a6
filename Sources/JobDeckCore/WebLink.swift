/// The one rule for what JobDeck keeps as a link and hands to a browser.
///
/// A posting's URL ends up as an argument of `$BROWSER` or `xdg-open`, so a value such as
/// `--renderer-cmd-prefix=…` would become an option of the browser, and `file:`, `javascript:`
/// or `data:` links open local files or run code. Only `http` and `https` links are kept for a
/// posting (`mailto:` and `tel:` too where a contact is meant), with a host, no spaces or control
/// characters, and never starting with `-`. Every way a URL enters (the CLI, the UI's form, the
/// importers) asks this type, and the opener asks it again before it starts a program.
public struct WebLink: Hashable, Sendable, CustomStringConvertible {
  /// What the link is for, which decides the schemes allowed.
  public enum Use: Sendable {
    /// A job ad's address: `http` and `https`.
    case webPage
    /// Something a person can be reached by, or a page: also `mailto:` and `tel:`.
    case contact

    var schemes: [String] {
      switch self {
      case .webPage: return ["http", "https"]
      case .contact: return ["http", "https", "mailto", "tel"]
      }
    }

    var schemesInWords: String {
      switch self {
      case .webPage: return "http:// and https:// links"
      case .contact: return "http://, https://, mailto: and tel: links"
      }
    }
  }

  /// Why a text is not a link JobDeck keeps; `description` completes "the URL …".
  public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    /// It would be read as an option by the program given it.
    case startsWithDash
    case noScheme(Use)
    case schemeNotAllowed(String, Use)
    case noHost
    /// A space, a control character or an invisible format character (bidi override).
    case invisibleOrSpace
    case tooLong(Int)

    public var description: String {
      switch self {
      case .empty: return "is empty"
      case .startsWithDash:
        return "starts with '-', which the browser would read as an option; JobDeck keeps only"
          + " http:// and https:// links"
      case .noScheme(let use): return "is not a link: JobDeck keeps only \(use.schemesInWords)"
      case .schemeNotAllowed(let scheme, let use):
        return "is a '\(scheme):' link: JobDeck keeps only \(use.schemesInWords)"
      case .noHost: return "names no host after '//'"
      case .invisibleOrSpace:
        return "contains a space, a control character or an invisible character (write a space"
          + " as %20)"
      case .tooLong(let count):
        return "is \(count) characters long; the most JobDeck keeps is \(WebLink.maximumLength)"
      }
    }
  }

  /// Longer than any real job ad's address; a limit so a pasted page is not taken for one.
  public static let maximumLength = 4096

  /// The link as it is stored and opened: the given text without surrounding whitespace.
  public let text: String
  /// The scheme in lower case: `https`, `mailto`.
  public let scheme: String

  public var description: String { text }

  /// The link in `text` (surrounding whitespace removed), or why there is none.
  public init(_ text: String, for use: Use = .webPage) throws(Refusal) {
    let trimmed = Self.trimmingWhitespace(text)
    guard !trimmed.isEmpty else { throw .empty }
    let count = trimmed.unicodeScalars.count
    guard count <= Self.maximumLength else { throw .tooLong(count) }
    guard !trimmed.hasPrefix("-") else { throw .startsWithDash }
    guard !trimmed.unicodeScalars.contains(where: Self.isForbidden) else {
      throw .invisibleOrSpace
    }
    guard let colon = trimmed.firstIndex(of: ":") else { throw .noScheme(use) }
    let scheme = String(trimmed[..<colon])
    guard let first = scheme.unicodeScalars.first, Self.isASCIILetter(first),
      scheme.unicodeScalars.allSatisfy({ Self.isASCIILetter($0) || Self.isASCIIDigit($0)
        || $0 == "+" || $0 == "-" || $0 == "." })
    else { throw .noScheme(use) }
    let lowered = scheme.lowercased()
    guard use.schemes.contains(lowered) else { throw .schemeNotAllowed(scheme, use) }
    let rest = trimmed[trimmed.index(after: colon)...]
    if lowered == "http" || lowered == "https" {
      guard rest.hasPrefix("//") else { throw .noHost }
      let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
      guard !host.isEmpty, !host.hasPrefix(":") else { throw .noHost }
    } else if rest.isEmpty {
      throw .noHost
    }
    self.text = trimmed
    self.scheme = lowered
  }

  /// The link in `text`, or nil.
  public static func validated(_ text: String, for use: Use = .webPage) -> WebLink? {
    try? WebLink(text, for: use)
  }

  /// The reason `text` is not a link JobDeck keeps, or nil when it is one.
  public static func refusal(of text: String, for use: Use = .webPage) -> Refusal? {
    do {
      _ = try WebLink(text, for: use)
      return nil
    } catch {
      return error
    }
  }

  private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar.properties.isWhitespace || TerminalText.isUnsafeForTerminal(scalar)
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }

  private static func trimmingWhitespace(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }
}
