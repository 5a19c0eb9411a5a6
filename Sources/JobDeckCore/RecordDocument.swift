import Foundation

/// A posting or application as a text a person edits in `$EDITOR`: `key: value` lines, a blank
/// line, then the long text (a posting's description, an application's notes) as it is.
///
/// ```
/// # Lines starting with # are ignored. An empty value clears the field.
/// company: SumUp
/// title: ML Engineer
/// location: Berlin
/// url: https://sumup.example/jobs/1
/// type: full-time
/// workplace: hybrid
/// tags: ml, python
/// salary: 60000-70000 EUR/year
/// posted: 2026-11-02
///
/// We are looking for …
/// ```
///
/// `parse` reports the first mistake with its line number, so the editor can be reopened on it.
public enum RecordDocument {
  public static let postingFields = [
    "company", "title", "location", "url", "type", "workplace", "tags", "salary", "posted",
  ]
  public static let applicationFields = ["company", "title"]
  /// What every application has, with or without a posting: how it was found and sent.
  public static let sendingFields = ["source", "method", "sent to"]

  private static let header = "# Lines starting with # are ignored. An empty value clears the field.\n"

  // MARK: Rendering

  /// With `application` (the posting's one application), its source, method and sent-to lines
  /// follow the posting's: the job and how it was applied to, in one document.
  public static func render(_ posting: Posting, application: Application? = nil) -> String {
    var text = header
    text += "# The description follows the first blank line.\n"
    for (key, value) in fieldValues(posting) { text += "\(key): \(value)\n" }
    // After the posting's lines, so that theirs keep the numbers they have without an
    // application.
    if let application { text += sendingHelp + sendingLines(application) }
    return text + "\n" + (posting.description ?? "")
  }

  private static let sendingHelp =
    "# source: company site, LinkedIn, referral, job board, recruiter, university, other"
    + " or your own words\n# method: " + ApplicationMethod.allowedNames + "\n"

  private static func sendingLines(_ application: Application) -> String {
    // One line: a multi-line address is shown with its breaks as "; " (left unchanged, the
    // line keeps the stored text).
    "source: \(application.source?.displayName ?? "")\n"
      + "method: \(application.method?.displayName ?? "")\n"
      + "sent to: \(oneLine(application.sentTo ?? ""))\n"
  }

  /// Each field as its line shows it. A line left as it was keeps the stored value exactly,
  /// even where the line cannot say all of it (the ad's own pay wording, "posted on or before",
  /// a tag with a comma).
  static func fieldValues(_ posting: Posting) -> [(String, String)] {
    [
      ("company", posting.company), ("title", posting.title), ("location", posting.location ?? ""),
      ("url", posting.url ?? ""),
      ("type", posting.employmentType.map { hyphenated($0.rawValue) } ?? ""),
      ("workplace", posting.workplace.map { hyphenated($0.rawValue) } ?? ""),
      ("tags", posting.tags.joined(separator: ", ")),
      ("salary", posting.compensation.map(SalaryInput.text) ?? ""),
      ("posted", posting.posted?.date.description ?? ""),
    ]
  }

  /// Company and title only for an application with no posting (otherwise they are the
  /// posting's, edited there); how it was found and sent; the notes after the blank line.
  public static func render(_ application: Application) -> String {
    var text = header
    text += "# The notes follow the first blank line.\n" + sendingHelp
    if application.postingID == nil {
      text += "company: \(application.company ?? "")\n"
      text += "title: \(application.title ?? "")\n"
    }
    return text + sendingLines(application) + "\n" + application.notes
  }

  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: "; ")
  }

  // MARK: Parsing

  /// The posting with the document's values, or the first mistake with its line.
  public static func parse(_ text: String, onto posting: Posting) throws(RecordDocumentError)
    -> Posting
  {
    let (fields, body) = try split(text, allowed: postingFields)
    return try apply(fields, body: body, to: posting)
  }

  /// The document of `render(_:application:)`: the posting and its application, each with the
  /// document's values, or the first mistake with its line.
  public static func parse(_ text: String, onto posting: Posting, application: Application)
    throws(RecordDocumentError) -> (Posting, Application)
  {
    let (fields, body) = try split(text, allowed: postingFields + sendingFields)
    let edited = try apply(fields.filter { postingFields.contains($0.key) }, body: body,
                           to: posting)
    var result = application
    try applySending(fields.filter { sendingFields.contains($0.key) }, to: &result)
    return (edited, result)
  }

  private static func apply(_ fields: [Field], body: String, to posting: Posting)
    throws(RecordDocumentError) -> Posting
  {
    let unchanged = Dictionary(uniqueKeysWithValues: fieldValues(posting))
    var result = posting
    for field in fields where unchanged[field.key] != field.value {
      let value = field.value.isEmpty ? nil : field.value
      do {
        switch field.key {
        case "company": result.company = field.value
        case "title": result.title = field.value
        case "location": result.location = value
        case "url": result.url = value
        case "type": result.employmentType = try value.map { try choice($0, EmploymentType.self) }
        case "workplace": result.workplace = try value.map { try choice($0, Workplace.self) }
        case "tags":
          result.tags = field.value.split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case "salary": result.compensation = try value.map(SalaryInput.parse)
        case "posted":
          result.posted = try value.map { text in
            guard let date = CivilDate(text) else {
              throw DeckError.invalidValue(field: "posted", value: text, expected: "YYYY-MM-DD")
            }
            return PostedDate(date: date)
          }
        default: break
        }
      } catch let error as DeckError {
        throw RecordDocumentError(line: field.line, message: error.description)
      } catch {
        throw RecordDocumentError(line: field.line, message: String(describing: error))
      }
    }
    result.description = body.isEmpty ? nil : body
    do {
      return try result.validated()
    } catch {
      let field = (error as? DeckError).flatMap { error -> String? in
        if case .invalidValue(let field, _, _) = error { return field }
        return nil
      }
      let line = fields.first { $0.key == field }?.line ?? 1
      throw RecordDocumentError(line: line, message: String(describing: error))
    }
  }

  public static func parse(_ text: String, onto application: Application)
    throws(RecordDocumentError) -> Application
  {
    let allowed = (application.postingID == nil ? applicationFields : []) + sendingFields
    let (fields, body) = try split(text, allowed: allowed)
    var result = application
    for field in fields {
      if field.key == "company" || field.key == "title", field.value.isEmpty {
        throw RecordDocumentError(
          line: field.line, message: "\(field.key) must not be empty")
      }
      if field.key == "company" { result.company = field.value }
      if field.key == "title" { result.title = field.value }
    }
    try applySending(fields.filter { sendingFields.contains($0.key) }, to: &result)
    result.notes = body
    return result
  }

  /// The source, method and sent-to lines onto `application`; a line left as it was changes
  /// nothing.
  private static func applySending(_ fields: [Field], to application: inout Application)
    throws(RecordDocumentError)
  {
    let original = application
    for field in fields {
      switch field.key {
      case "source":
        if field.value != original.source?.displayName {
          application.source = ApplicationSource(parsing: field.value)
        }
      case "method":
        if field.value.isEmpty {
          application.method = nil
        } else if let method = ApplicationMethod(parsing: field.value) {
          application.method = method
        } else {
          throw RecordDocumentError(
            line: field.line,
            message: "unknown method '\(field.value)'; expected one of "
              + ApplicationMethod.allowedNames + " (or nothing)")
        }
      case "sent to":
        if field.value != oneLine(original.sentTo ?? "") {
          application.sentTo = field.value.isEmpty ? nil : field.value
        }
      default: break
      }
    }
  }

  struct Field {
    var key: String
    var value: String
    var line: Int
  }

  /// The `key: value` lines up to the first blank line, and the text after it (its trailing
  /// line breaks dropped). Each key at most once, and only the allowed ones.
  static func split(_ text: String, allowed: [String]) throws(RecordDocumentError)
    -> ([Field], String)
  {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    var fields: [Field] = []
    var bodyStart = lines.count
    for (offset, line) in lines.enumerated() {
      if line.hasPrefix("#") { continue }
      if line.trimmingCharacters(in: .whitespaces).isEmpty {
        bodyStart = offset + 1
        break
      }
      let number = offset + 1
      guard let colon = line.firstIndex(of: ":") else {
        throw RecordDocumentError(
          line: number,
          message: "expected 'field: value' (or a blank line before the text); found '\(line)'")
      }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard allowed.contains(key) else {
        throw RecordDocumentError(
          line: number,
          message: "unknown field '\(key)'; expected "
            + (allowed.isEmpty ? "no fields here, only the text after a blank line"
              : "one of " + allowed.joined(separator: ", ")))
      }
      if let earlier = fields.first(where: { $0.key == key }) {
        throw RecordDocumentError(
          line: number, message: "'\(key)' is already given on line \(earlier.line)")
      }
      fields.append(Field(key: key, value: value, line: number))
    }
    var body = bodyStart < lines.count ? lines[bodyStart...].joined(separator: "\n") : ""
    while body.hasSuffix("\n") { body.removeLast() }
    return (fields, body)
  }

  /// `full-time`, `Full Time`, `fullTime` all name `.fullTime`.
  static func choice<Choice: CaseIterable & RawRepresentable>(_ text: String, _: Choice.Type)
    throws -> Choice where Choice.RawValue == String
  {
    func key(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter }) }
    guard let match = Choice.allCases.first(where: { key($0.rawValue) == key(text) }) else {
      throw DeckError.invalidValue(
        field: "value", value: text,
        expected: "one of " + Choice.allCases.map { hyphenated($0.rawValue) }.joined(separator: ", "))
    }
    return match
  }

  /// `fullTime` → `full-time`.
  static func hyphenated(_ camel: String) -> String {
    var result = ""
    for character in camel {
      if character.isUppercase { result += "-" + character.lowercased() } else { result.append(character) }
    }
    return result
  }
}

/// A mistake in an edited document, at a line (1-based).
public struct RecordDocumentError: Error, Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { "line \(line): \(message)" }
}
