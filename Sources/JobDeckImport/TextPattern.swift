import Foundation
import Synchronization

/// A compiled regular expression with the few operations the extractors need, working on
/// `String` ranges so callers never touch `NSRange`.
///
/// `NSRegularExpression` is immutable once built and documented as thread-safe, which is why
/// the wrapper can be `Sendable` and patterns can live in `static let`s.
struct TextPattern: @unchecked Sendable {
  let expression: NSRegularExpression?

  /// Patterns built inside functions would be compiled on every import, and Foundation on Linux
  /// never frees a compiled expression (the fuzzers' leak reports: about 4 KB per imported ad):
  /// each distinct pattern is compiled once. Patterns are the code's own, so this stays small.
  private static let compiled = Mutex<[String: NSRegularExpression]>([:])

  init(_ pattern: String, caseSensitive: Bool = false) {
    let key = (caseSensitive ? "s" : "i") + pattern
    if let cached = Self.compiled.withLock({ $0[key] }) {
      expression = cached
      return
    }
    var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
    if !caseSensitive { options.insert(.caseInsensitive) }
    expression = try? NSRegularExpression(pattern: pattern, options: options)
    assert(expression != nil, "invalid pattern: \(pattern)")
    if let expression {
      Self.compiled.withLock { $0[key] = expression }
    }
  }

  /// One match: the whole range and each capture group (nil when the group did not take part).
  struct Match {
    let range: Range<String.Index>
    let groups: [Range<String.Index>?]
    let text: String

    var value: String { String(text[range]) }

    func group(_ index: Int) -> String? {
      guard index < groups.count, let range = groups[index] else { return nil }
      return String(text[range])
    }
  }

  func matches(in text: String) -> [Match] {
    guard let expression else { return [] }
    let whole = NSRange(text.startIndex..<text.endIndex, in: text)
    return expression.matches(in: text, range: whole).compactMap { Self.match($0, in: text) }
  }

  /// The first match only: the search stops there, where `matches(in:).first` would go on
  /// through the whole text (a 2 MB ad is scanned this way by dozens of patterns).
  func firstMatch(in text: String) -> Match? {
    guard let expression else { return nil }
    let whole = NSRange(text.startIndex..<text.endIndex, in: text)
    return expression.firstMatch(in: text, range: whole).flatMap { Self.match($0, in: text) }
  }

  func isFound(in text: String) -> Bool { firstMatch(in: text) != nil }

  /// How many matches there are, without building them.
  func count(in text: String) -> Int {
    guard let expression else { return 0 }
    return expression.numberOfMatches(
      in: text, range: NSRange(text.startIndex..<text.endIndex, in: text))
  }

  private static func match(_ result: NSTextCheckingResult, in text: String) -> Match? {
    guard let range = Range(result.range, in: text) else { return nil }
    var groups: [Range<String.Index>?] = []
    for index in 1..<max(1, result.numberOfRanges) {
      groups.append(Range(result.range(at: index), in: text))
    }
    return Match(range: range, groups: groups, text: text)
  }
}

extension String {
  /// Collapses runs of whitespace (including no-break spaces) to one space and trims the ends.
  var collapsingWhitespace: String {
    split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Lower-cased and stripped of diacritics, so "März", "marz" and "MÄRZ" compare alike.
  var folded: String {
    folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}
