import Foundation
import JobDeckCore

/// A one-line text field: typing appends, Backspace removes the last grapheme. No cursor
/// movement inside the line (the fields are short), which keeps it free of modal states.
public struct TextInput: Equatable, Sendable {
  public var text: String

  public init(_ text: String = "") { self.text = text }

  /// Applies a key; true when the key was an edit of the text.
  mutating func handle(_ key: KeyPress) -> Bool {
    switch key {
    case .character(let character):
      // Control characters never enter a field: they would only be shown in caret notation.
      guard !character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
      else { return false }
      text.append(character)
      return true
    case .backspace:
      if !text.isEmpty { text.removeLast() }
      return true
    case .control("u"):
      text = ""
      return true
    default:
      return false
    }
  }

  /// Appends pasted text as typed text: line breaks and tabs become spaces (the field is one
  /// line), other control characters are left out, as they are when typed.
  mutating func insert(pasted: String) {
    for character in pasted {
      if character.isNewline || character == "\t" {
        if !text.hasSuffix(" ") { text.append(" ") }
      } else if !character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
        text.append(character)
      }
    }
  }
}

/// The "add a posting" form: ready to type at once, `Tab`/`Shift-Tab` between fields, the date
/// checked as it is typed.
public struct AddForm: Equatable, Sendable {
  public enum Field: Int, CaseIterable, Sendable {
    case company, title, location, url, deadline, stage

    var label: String {
      switch self {
      case .company: return "Company"
      case .title: return "Title"
      case .location: return "Location"
      case .url: return "URL"
      case .deadline: return "Apply by"
      case .stage: return "Stage"
      }
    }
  }

  public var values: [Field: TextInput] = [:]
  public var focus: Field = .company
  /// Shown after a refused save (company and title are required).
  public var error: String?

  public init() {}

  public func value(_ field: Field) -> String {
    (values[field]?.text ?? "").trimmingCharacters(in: .whitespaces)
  }

  /// The inline message under the date field, checked on every keystroke. The field takes what
  /// the CLI takes (`2026-03-03`, `tomorrow`, `+10d`, `fri`, `eom`): nil when it is a date.
  public func dateMessage(today: CivilDate) -> String? {
    let text = value(.deadline)
    if text.isEmpty || deadline(today: today) != nil { return nil }
    if CivilDate(text.trimmingCharacters(in: .whitespaces)) != nil {
      return "outside the dates JobDeck works with: \(SupportedDates.rangeText)"
    }
    if text.count < 10, isPrefixOfDate(text) { return "keep typing: YYYY-MM-DD" }
    return "not a date: try 2025-03-03, tomorrow, +10d, fri or eom"
  }

  /// The apply-by date typed, resolved against `today`; nil when blank or not a date.
  public func deadline(today: CivilDate) -> CivilDate? {
    let text = value(.deadline)
    guard !text.isEmpty else { return nil }
    return try? DateInput.parse(text, today: today)
  }

  /// The stage typed (any unique prefix: "app" is applied); nil when blank or unknown. Blank
  /// adds only the posting; a stage also starts tracking an application.
  public var stage: Stage? {
    let text = value(.stage).lowercased()
    guard !text.isEmpty else { return nil }
    let matches = Stage.allCases.filter {
      $0.rawValue.hasPrefix(text) || $0.displayName.hasPrefix(text)
    }
    return matches.count == 1 ? matches[0] : matches.first { $0.rawValue == text }
  }

  /// The inline message under the stage field.
  public var stageMessage: String? {
    if value(.stage).isEmpty { return nil }
    if let stage { return "→ \(stage.displayName)" }
    return "unknown stage: " + Stage.allCases.map(\.displayName).joined(separator: ", ")
  }

  /// Why the form cannot be saved yet, or nil.
  public func problem(today: CivilDate) -> String? {
    if value(.company).isEmpty { return "company is required" }
    if value(.title).isEmpty { return "title is required" }
    if !value(.deadline).isEmpty, deadline(today: today) == nil {
      return "apply-by date '\(value(.deadline))' is not a date (2025-03-03, tomorrow, +10d, fri)"
    }
    if !value(.stage).isEmpty, stage == nil { return "unknown stage '\(value(.stage))'" }
    if !value(.url).isEmpty, let refusal = WebLink.refusal(of: value(.url)) {
      return "the URL \(refusal)"
    }
    return nil
  }

  private func isPrefixOfDate(_ text: String) -> Bool {
    let pattern = Array("0000-00-00")
    for (index, character) in text.enumerated() {
      guard index < pattern.count else { return false }
      if pattern[index] == "-" {
        if character != "-" { return false }
      } else if !(character.isASCII && character.isNumber) {
        return false
      }
    }
    return true
  }
}
