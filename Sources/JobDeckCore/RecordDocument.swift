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
  public static var postingFields: [String] { RecordField<Posting>.postingFields.map(\.key) }
  public static var applicationFields: [String] { RecordField<Application>.ownJobFields.map(\.key) }
  /// What every application has, with or without a posting: how it was found and sent.
  public static var sendingFields: [String] { RecordField<Application>.sendingFields.map(\.key) }

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
    RecordField<Application>.sendingFields.map {
      "\($0.key): \($0.value(application, .withoutClock))\n"
    }.joined()
  }

  /// Each field as its line shows it. A line left as it was keeps the stored value exactly,
  /// even where the line cannot say all of it (the ad's own pay wording, "posted on or before",
  /// a tag with a comma).
  static func fieldValues(_ posting: Posting) -> [(String, String)] {
    RecordField<Posting>.postingFields.map { ($0.key, $0.value(posting, .withoutClock)) }
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
    try apply(fields.filter { sendingFields.contains($0.key) },
              RecordField<Application>.sendingFields, to: &result)
    return (edited, result)
  }

  private static func apply(_ fields: [Field], body: String, to posting: Posting)
    throws(RecordDocumentError) -> Posting
  {
    let unchanged = Dictionary(uniqueKeysWithValues: fieldValues(posting))
    var result = posting
    let known = RecordField<Posting>.postingFields
    for field in fields where unchanged[field.key] != field.value {
      guard let recordField = known.first(where: { $0.key == field.key }) else { continue }
      do {
        try recordField.update(&result, field.value, .withoutClock)
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

  /// Sets each of `known` named by a line whose text differs from what the field shows now (a
  /// line left as it was keeps the stored value exactly, e.g. a multi-line address).
  private static func apply(_ fields: [Field], _ known: [RecordField<Application>],
                            to application: inout Application) throws(RecordDocumentError)
  {
    let original = application
    for field in fields {
      guard let recordField = known.first(where: { $0.key == field.key }),
        recordField.value(original, .withoutClock) != field.value
      else { continue }
      do {
        try recordField.update(&application, field.value, .withoutClock)
      } catch {
        throw RecordDocumentError(line: field.line, message: String(describing: error))
      }
    }
  }

  public static func parse(_ text: String, onto application: Application)
    throws(RecordDocumentError) -> Application
  {
    let allowed = (application.postingID == nil ? applicationFields : []) + sendingFields
    let (fields, body) = try split(text, allowed: allowed)
    var result = application
    try apply(fields, RecordField<Application>.ownJobFields + RecordField<Application>.sendingFields,
              to: &result)
    result.notes = body
    return result
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
