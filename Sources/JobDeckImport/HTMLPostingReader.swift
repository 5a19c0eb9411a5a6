import Foundation
import JobDeckCore

/// Reads a job ad's web page: schema.org `JobPosting` JSON-LD when the page has it (as job
/// boards embed for search engines), else the page's visible text.
public enum HTMLPostingReader {
  public static func draft(fromHTML html: String, importDate: CivilDate, source: String?)
    -> PostingDraft
  {
    let visibleText = HTMLText.text(fromHTML: html)
    var remarks: [String] = []
    for block in jsonLDBlocks(in: html) {
      guard let json = parseLenient(block) else {
        remarks.append("A JSON-LD block on the page is not valid JSON; it was ignored.")
        continue
      }
      if let posting = findJobPosting(in: json) {
        var draft = JSONLDPosting.draft(from: posting, importDate: importDate, source: source,
                                        pageText: visibleText)
        draft.remarks = remarks + draft.remarks
        nameCompanyFromPage(html, in: &draft)
        return draft
      }
    }
    var draft = PostingTextExtractor.extract(text: visibleText, importDate: importDate,
                                             source: source)
    if let heading = firstHeading(in: html), !heading.isEmpty {
      draft.posting.title = PostingFieldFinder.splitTitle(heading).title
      draft.explanations["title"] = FieldExplanation(phrase: heading, rule: "the page's main heading")
    }
    draft.remarks = remarks + draft.remarks
    nameCompanyFromPage(html, in: &draft)
    return draft
  }

  private static let titleElement = TextPattern(#"<title[^>]*>([\s\S]*?)</title\s*>"#)
  private static let heading1 = TextPattern(#"<h1[^>]*>([\s\S]*?)</h1\s*>"#)
  private static let heading2 = TextPattern(#"<h2[^>]*>([\s\S]*?)</h2\s*>"#)

  /// A page whose text names no company may still say whose it is in its `<title>` or
  /// `og:site_name`.
  private static func nameCompanyFromPage(_ html: String, in draft: inout PostingDraft) {
    guard draft.posting.company.isEmpty else { return }
    let pageTitle = titleElement.firstMatch(in: html)?.group(0)
      .map { HTMLText.decodeEntities($0).collapsingWhitespace }
    if let found = CompanyFinder.fromPage(title: pageTitle, siteName: metaContent("og:site_name", in: html),
                                          jobTitle: draft.posting.title) {
      draft.posting.company = found.value
      draft.explanations["company"] = found.explanation
    }
  }

  /// The `content` of `<meta property="NAME" content="…">`, in either attribute order.
  static func metaContent(_ property: String, in html: String) -> String? {
    let name = NSRegularExpression.escapedPattern(for: property)
    let pattern = TextPattern(
      #"<meta\s+[^>]*(?:property|name)\s*=\s*["']"# + name + #"["'][^>]*content\s*=\s*["']([^"']*)["']|<meta\s+[^>]*content\s*=\s*["']([^"']*)["'][^>]*(?:property|name)\s*=\s*["']"# + name + #"["']"#)
    guard let match = pattern.firstMatch(in: html),
      let value = match.group(0) ?? match.group(1)
    else { return nil }
    let text = HTMLText.decodeEntities(value).collapsingWhitespace
    return text.isEmpty ? nil : text
  }

  /// The contents of every `<script type="application/ld+json">` element.
  static func jsonLDBlocks(in html: String) -> [String] {
    let pattern = TextPattern(
      #"<script[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>([\s\S]*?)</script\s*>"#)
    return pattern.matches(in: html).compactMap { $0.group(0) }
  }

  /// JSON as pages really ship it: wrapped in CDATA or comments, with trailing commas, raw
  /// newlines inside strings, or HTML entities.
  static func parseLenient(_ block: String) -> Any? {
    var text = block.trimmingCharacters(in: .whitespacesAndNewlines)
    for wrapper in ["<![CDATA[", "]]>", "<!--", "-->", "//<![CDATA[", "//]]>"] {
      text = text.replacingOccurrences(of: wrapper, with: "")
    }
    if let value = parse(text) { return value }
    var repaired = escapeControlCharactersInStrings(text)
    repaired = TextPattern(#",\s*([}\]])"#).matches(in: repaired).reversed().reduce(repaired) {
      result, match in
      var copy = result
      copy.replaceSubrange(match.range, with: match.group(0) ?? "")
      return copy
    }
    if let value = parse(repaired) { return value }
    return parse(HTMLText.decodeEntities(repaired))
  }

  private static func parse(_ text: String) -> Any? {
    guard let data = text.data(using: .utf8) else { return nil }
    return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
  }

  private static func escapeControlCharactersInStrings(_ text: String) -> String {
    var output = ""
    var inString = false
    var escaped = false
    for character in text {
      if inString {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        } else if character == "\n" || character == "\r\n" {
          output.append("\\n")
          continue
        } else if character == "\r" || character == "\t" {
          output.append(" ")
          continue
        }
      } else if character == "\"" {
        inString = true
      }
      output.append(character)
    }
    return output
  }

  /// A `JobPosting` object at the top, in a list, or inside `@graph`.
  static func findJobPosting(in json: Any) -> [String: Any]? {
    if let list = json as? [Any] {
      for item in list {
        if let found = findJobPosting(in: item) { return found }
      }
      return nil
    }
    guard let object = json as? [String: Any] else { return nil }
    if isJobPosting(object) { return object }
    if let graph = object["@graph"] { return findJobPosting(in: graph) }
    if let main = object["mainEntity"] { return findJobPosting(in: main) }
    return nil
  }

  private static func isJobPosting(_ object: [String: Any]) -> Bool {
    if let type = object["@type"] as? String { return type.hasSuffix("JobPosting") }
    if let types = object["@type"] as? [String] { return types.contains { $0.hasSuffix("JobPosting") } }
    return false
  }

  private static func firstHeading(in html: String) -> String? {
    // A careers page without an <h1> heads its ad with an <h2>.
    guard let inner = heading1.firstMatch(in: html)?.group(0) ?? heading2.firstMatch(in: html)?.group(0)
    else { return nil }
    return HTMLText.text(fromHTML: inner).collapsingWhitespace
  }
}
