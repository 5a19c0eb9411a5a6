import Foundation
import JobDeckCore

/// A one-line text field with a cursor: typing and pasting insert at the cursor, and the
/// editing keys (`TextEdit`) move it or delete around it, as in a shell's line editor. Fixing a
/// typo at the start of a prefilled title should not mean retyping the title.
public struct TextInput: Equatable, Sendable {
  public private(set) var text: String
  /// Where the cursor is, in graphemes from the start: 0 before the first, `text.count` at the
  /// end.
  public private(set) var cursor: Int

  /// A field holding `text`, the cursor at its end (where typing continues a prefilled value).
  public init(_ text: String = "") {
    self.text = text
    cursor = text.count
  }

  /// What a key did to the field.
  public enum Change: Equatable, Sendable {
    /// The text changed (and with it, maybe, the cursor).
    case edited
    /// Only the cursor moved.
    case moved
  }

  /// Applies a key: a printable character is inserted at the cursor, an editing key
  /// (`TextEdit`) does its edit. Nil when the key is not one for the field.
  @discardableResult
  mutating func handle(_ key: KeyPress) -> Change? {
    if case .character(let character) = key {
      // Control characters never enter a field: they would only be shown in caret notation.
      guard !TextInput.isControl(character) else { return nil }
      insert(String(character))
      return .edited
    }
    guard let edit = TextEdit.edit(for: key) else { return nil }
    let before = text
    apply(edit)
    // A deletion can join the characters on either side into one (a flag's two halves).
    cursor = min(cursor, text.count)
    return text == before ? .moved : .edited
  }

  /// Inserts pasted text at the cursor as typed text: line breaks and tabs become spaces (the
  /// field is one line), other control characters are left out, as they are when typed.
  mutating func insert(pasted: String) {
    var typed = ""
    for character in pasted {
      if character.isNewline || character == "\t" {
        let previous = typed.last ?? characterBeforeCursor
        if previous != " " { typed.append(" ") }
      } else if !TextInput.isControl(character) {
        typed.append(character)
      }
    }
    insert(typed)
  }

  /// The text before the cursor and from the cursor on.
  public var split: (beforeCursor: Substring, fromCursor: Substring) {
    let index = cursorIndex
    return (text[..<index], text[index...])
  }

  private var cursorIndex: String.Index { text.index(text.startIndex, offsetBy: cursor) }

  private var characterBeforeCursor: Character? {
    cursor == 0 ? nil : text[text.index(before: cursorIndex)]
  }

  private static func isControl(_ character: Character) -> Bool {
    character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
  }

  private mutating func insert(_ typed: String) {
    guard !typed.isEmpty else { return }
    let before = text.count
    text.insert(contentsOf: typed, at: cursorIndex)
    // Counted on the whole text: an accent typed after a letter joins its grapheme.
    cursor += text.count - before
  }

  private mutating func apply(_ edit: TextEdit) {
    let count = text.count
    switch edit {
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(count, cursor + 1)
    case .start: cursor = 0
    case .end: cursor = count
    case .deleteBackward:
      guard cursor > 0 else { return }
      let index = cursorIndex
      text.remove(at: text.index(before: index))
      cursor -= 1
    case .deleteForward:
      guard cursor < count else { return }
      text.remove(at: cursorIndex)
    case .deleteToStart:
      text.removeSubrange(..<cursorIndex)
      cursor = 0
    case .deleteToEnd:
      text.removeSubrange(cursorIndex...)
    case .deleteWordBackward:
      // Back over the spaces before the cursor, then over the word: a shell's Ctrl-W.
      let end = cursorIndex
      var start = end
      while start > text.startIndex, text[text.index(before: start)] == " " {
        start = text.index(before: start)
      }
      while start > text.startIndex, text[text.index(before: start)] != " " {
        start = text.index(before: start)
      }
      cursor -= text.distance(from: start, to: end)
      text.removeSubrange(start..<end)
    }
  }
}

/// The keys that edit a text field (the form fields, the import prompt, the note of a move and
/// the palette; the `/` line, which keeps no cursor, edits at its end), fixed rather than
/// rebindable: they are the line-editing keys people's shells already taught them. This table
/// drives the field, the help and the README.
public enum TextEdit: CaseIterable, Sendable {
  case left, right, start, end, deleteBackward, deleteForward, deleteToStart, deleteToEnd
  case deleteWordBackward

  /// Its keys, first the one the help names first.
  public var keys: [KeyPress] {
    switch self {
    case .left: return [.left]
    case .right: return [.right]
    case .start: return [.home, .control("a")]
    case .end: return [.end]
    case .deleteBackward: return [.backspace]
    case .deleteForward: return [.delete]
    case .deleteToStart: return [.control("u")]
    case .deleteToEnd: return [.control("k")]
    case .deleteWordBackward: return [.control("w")]
    }
  }

  /// One line for the help and the README.
  public var summary: String {
    switch self {
    case .left: return "cursor one character left"
    case .right: return "cursor one character right"
    case .start: return "cursor to the start of the field"
    case .end: return "cursor to the end of the field"
    case .deleteBackward: return "delete the character before the cursor"
    case .deleteForward: return "delete the character under the cursor"
    case .deleteToStart: return "delete from the start of the field to the cursor"
    case .deleteToEnd: return "delete from the cursor to the end of the field"
    case .deleteWordBackward: return "delete the word before the cursor"
    }
  }

  /// The help's heading over these keys.
  static let helpTitle = "In a text field (forms, prompts, the palette)"

  /// The keys as the help names them.
  public var keyLabel: String { keys.map(KeyMap.label).joined(separator: " ") }

  /// The edit `key` makes in a field, if any.
  static func edit(for key: KeyPress) -> TextEdit? { byKey[key] }

  private static let byKey: [KeyPress: TextEdit] = {
    var table: [KeyPress: TextEdit] = [:]
    for edit in TextEdit.allCases {
      for key in edit.keys { table[key] = edit }
    }
    return table
  }()
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
