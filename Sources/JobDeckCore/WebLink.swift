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
  ///
  /// Read as an array of scalars, once: an import checks a URL per row of a spreadsheet.
  public init(_ text: String, for use: Use = .webPage) throws(Refusal) {
    let scalars = Self.scalars(of: text)
    var start = 0
    var end = scalars.count
    while start < end, Self.isWhitespace(scalars[start]) { start += 1 }
    while end > start, Self.isWhitespace(scalars[end - 1]) { end -= 1 }
    guard start < end else { throw .empty }
    guard end - start <= Self.maximumLength else { throw .tooLong(end - start) }
    guard scalars[start] != "-" else { throw .startsWithDash }
    for index in start..<end where Self.isForbidden(scalars[index]) { throw .invisibleOrSpace }
    guard let colon = (start..<end).first(where: { scalars[$0] == ":" }),
      Self.isASCIILetter(scalars[start]),
      scalars[start..<colon].allSatisfy({ Self.isASCIILetter($0) || Self.isASCIIDigit($0)
        || $0 == "+" || $0 == "-" || $0 == "." })
    else { throw .noScheme(use) }
    // The scheme is ASCII (checked above): made from its bytes, lowercased on them.
    let schemeBytes = scalars[start..<colon].map { UInt8(truncatingIfNeeded: $0.value) }
    let lowered = String(decoding: schemeBytes.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 },
                         as: UTF8.self)
    guard use.schemes.contains(lowered) else {
      throw .schemeNotAllowed(String(decoding: schemeBytes, as: UTF8.self), use)
    }
    if lowered == "http" || lowered == "https" {
      guard colon + 2 < end, scalars[colon + 1] == "/", scalars[colon + 2] == "/" else {
        throw .noHost
      }
      var authorityEnd = colon + 3
      var hostStart = colon + 3
      while authorityEnd < end, scalars[authorityEnd] != "/", scalars[authorityEnd] != "?",
        scalars[authorityEnd] != "#"
      {
        if scalars[authorityEnd] == "@" { hostStart = authorityEnd + 1 }
        authorityEnd += 1
      }
      guard hostStart < authorityEnd, scalars[hostStart] != ":" else { throw .noHost }
    } else if colon + 1 == end {
      throw .noHost
    }
    self.text = start == 0 && end == scalars.count
      ? text : String(String.UnicodeScalarView(scalars[start..<end]))
    self.scheme = lowered
  }

  /// `Array(text.unicodeScalars)`, made from the bytes when they are all ASCII (nearly every
  /// URL): walking the scalar view to count and copy it costs most of checking a link.
  private static func scalars(of text: String) -> [Unicode.Scalar] {
    let ascii = text.withUTF8Bytes { bytes -> [Unicode.Scalar]? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return bytes.map { Unicode.Scalar($0) }
    }
    return ascii ?? Array(text.unicodeScalars)
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

  /// ASCII (nearly every URL) is decided by its value alone, because Unicode property lookups
  /// are costly for every scalar of every link of a large CSV import.
  private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar.value <= 0x20 || scalar.value == 0x7F }
    return scalar.properties.isWhitespace || TerminalText.isUnsafeForTerminal(scalar)
  }

  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
    return scalar.properties.isWhitespace
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }
}
