import Foundation
import JobDeckCore

/// The one entry point the CLI and the UI call: any pasted or fetched ad in, a draft out.
public enum PostingImporter {
  /// Reads `text` as HTML when the content type says so or the text looks like markup, else as
  /// a plain-text ad.
  public static func draft(fromText text: String, contentTypeHint: String?, importDate: CivilDate,
                           source: String?) -> PostingDraft {
    if isHTML(text, contentTypeHint: contentTypeHint) {
      return HTMLPostingReader.draft(fromHTML: text, importDate: importDate, source: source)
    }
    return PostingTextExtractor.extract(text: text, importDate: importDate, source: source)
  }

  /// Fetches `url` and reads it; the draft keeps the URL (re-imports match on it) and the
  /// host as its source.
  public static func draft(fromURL url: URL, limits: ReadingLimits = .ad, importDate: CivilDate)
    throws(FetchError) -> PostingDraft
  {
    let (text, contentType) = try PostingFetcher.fetch(url: url, limits: limits)
    return draft(fromText: text, contentTypeHint: contentType, importDate: importDate,
                 url: url.absoluteString)
  }

  /// A page read from `url` (fetched, or saved from it): the draft keeps the URL and its host as
  /// the source, and a page that names no company is filed under the host's name.
  public static func draft(fromText text: String, contentTypeHint: String?, importDate: CivilDate,
                           url: String?) -> PostingDraft {
    let host = url.flatMap { URL(string: $0)?.host }
    var draft = draft(fromText: text, contentTypeHint: contentTypeHint, importDate: importDate,
                      source: host ?? url)
    if let url { draft.keepLink(url, from: "the address it was fetched from") }
    if draft.posting.company.isEmpty, let host, let name = CompanyFinder.name(fromHost: host) {
      draft.posting.company = name
      draft.explanations["company"] = FieldExplanation(
        phrase: host, rule: "the page's address (nothing in the page names the company)")
    }
    return draft
  }

  static func isHTML(_ text: String, contentTypeHint: String?) -> Bool {
    if let hint = contentTypeHint?.lowercased() {
      if hint.contains("html") || hint.contains("xml") { return true }
      if hint.contains("text/plain") { return false }
    }
    let head = text.prefix(2048).lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") {
      return true
    }
    let markers = ["<body", "<div", "<p>", "<br", "<script", "<h1", "<li>", "<span", "</p>"]
    let lowered = text.prefix(20_000).lowercased()
    return markers.filter { lowered.contains($0) }.count >= 2
  }

  /// The `--dry-run --json` preview: the shape with explicit nulls and sorted keys,
  /// plus "remarks" and "openDates".
  public static func dryRunJSON(_ draft: PostingDraft) -> String {
    let posting = draft.posting
    var compensation: JSONValue = .null
    if let pay = posting.compensation {
      compensation = .object([
        "text": .string(pay.text),
        "min": pay.minimum.map(JSONValue.number) ?? .null,
        "max": pay.maximum.map(JSONValue.number) ?? .null,
        "currency": pay.currency.map(JSONValue.string) ?? .null,
        "period": pay.period.map { .string($0.rawValue) } ?? .null,
      ])
    }
    let deadlines: [JSONValue] = draft.deadlines.map { deadline in
      var date: JSONValue = .null
      var relativeTo: JSONValue = .null
      var offset: JSONValue = .null
      switch deadline.due {
      case .allDay(let day):
        date = .string(day.description)
      case .timed(let instant, let zone):
        let timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC") ?? .current
        date = .string(CivilDate(containing: instant, in: timeZone).description)
      case .relative(let anchor, let period):
        relativeTo = .string(anchor.rawValue)
        offset = .string(period.description)
      }
      return .object([
        "kind": .string(deadline.kind.rawValue),
        "date": date,
        "relativeTo": relativeTo,
        "offset": offset,
        "phrase": deadline.phrase.map(JSONValue.string) ?? .null,
      ])
    }
    let root: JSONValue = .object([
      "posting": .object([
        "title": .string(posting.title),
        "company": .string(posting.company),
        "location": posting.location.map(JSONValue.string) ?? .null,
        "employmentType": posting.employmentType.map { .string($0.rawValue) } ?? .null,
        "postedOn": posting.posted.map { .string($0.date.description) } ?? .null,
        "compensation": compensation,
      ]),
      "deadlines": .array(deadlines),
      "remarks": .array(draft.remarks.map(JSONValue.string)),
      "openDates": .array(draft.openDates.map(JSONValue.string)),
    ])
    return root.rendered(indent: 0)
  }
}

/// A tiny JSON writer: explicit nulls, sorted keys, integral numbers without ".0", output that
/// is the same on every platform (JSONSerialization's number formatting differs on Linux).
enum JSONValue {
  case null
  case string(String)
  case number(Double)
  case array([JSONValue])
  case object([String: JSONValue])

  func rendered(indent: Int) -> String {
    let padding = String(repeating: "  ", count: indent + 1)
    let closing = String(repeating: "  ", count: indent)
    switch self {
    case .null: return "null"
    case .string(let text): return JSONValue.quoted(text)
    case .number(let value):
      if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
      return String(value)
    case .array(let items):
      guard !items.isEmpty else { return "[]" }
      let body = items.map { padding + $0.rendered(indent: indent + 1) }.joined(separator: ",\n")
      return "[\n" + body + "\n" + closing + "]"
    case .object(let fields):
      guard !fields.isEmpty else { return "{}" }
      let body = fields.keys.sorted().map { key in
        padding + JSONValue.quoted(key) + ": "
          + (fields[key] ?? .null).rendered(indent: indent + 1)
      }.joined(separator: ",\n")
      return "{\n" + body + "\n" + closing + "}"
    }
  }

  static func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      // Controls, and the bidi and other invisible characters a terminal would act on
      // (U+202E reverses the rest of the line): this JSON is printed as it is.
      case let risky where TerminalText.isUnsafeForTerminal(risky):
        output += String(format: "\\u%04X", risky.value)
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }
}
