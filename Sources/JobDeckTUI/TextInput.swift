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
}

/// The "add a posting" form: ready to type at once, `Tab`/`Shift-Tab` between fields, the date
/// checked as it is typed.
public struct AddForm: Equatable, Sendable {
  public enum Field: Int, CaseIterable, Sendable {
    case company, title, location, url, deadline

    var label: String {
      switch self {
      case .company: return "Company"
      case .title: return "Title"
      case .location: return "Location"
      case .url: return "URL"
      case .deadline: return "Apply by"
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

  /// The inline message under the date field, checked on every keystroke.
  public var dateMessage: String? {
    let text = value(.deadline)
    if text.isEmpty { return nil }
    if CivilDate(text) != nil { return nil }
    if text.count < 10, isPrefixOfDate(text) { return "keep typing: YYYY-MM-DD" }
    return "not a date: expected YYYY-MM-DD, e.g. 2025-03-03"
  }

  public var deadline: CivilDate? { CivilDate(value(.deadline)) }

  /// Why the form cannot be saved yet, or nil.
  public var problem: String? {
    if value(.company).isEmpty { return "company is required" }
    if value(.title).isEmpty { return "title is required" }
    if !value(.deadline).isEmpty, deadline == nil {
      return "apply-by date '\(value(.deadline))' is not a date (YYYY-MM-DD)"
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
