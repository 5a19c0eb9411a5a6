import Foundation
import JobDeckCore

/// A form of one-line fields: the apply form (`A`), the event form (`t`, `r`), contacts,
/// offer terms and the record's fields (`e`). `Tab` and
/// `Shift-Tab` move between fields, `Enter` on the last one or `Ctrl-S` saves, `Esc` leaves.
/// Nothing changes until what is typed checks out; the first mistake is shown with its field.
public struct FieldForm: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    case apply(postingID: String)
    /// A new event for `owner`, or changes to the event `editing`.
    case event(owner: DeadlineOwner, editing: String?)
    /// A new contact of the application, or changes to the one at `position`.
    case contact(applicationID: String, position: Int?)
    /// An offer's terms on the application.
    case offerTerms(applicationID: String)
    /// `e`: every one-line field of a posting or an application (`Deck.editableFields`).
    case editFields(Deck.Reference)
  }

  public struct Field: Equatable, Sendable {
    public var label: String
    public var input: TextInput
    /// What the field takes, shown dim under it.
    public var help: String
    /// The Core field it edits (`EditableField.key`), for the record form.
    public var key: String? = nil
    /// The text it started with: a field left as it was changes nothing.
    public var original: String? = nil
  }

  public var purpose: Purpose
  public var heading: String
  public var fields: [Field]
  public var focus = 0
  /// The mistake that stopped the last save, naming its field.
  public var error: String?
  /// The detail the form was opened over, shown again when it closes.
  public var detail: DetailState?

  public func value(_ label: String) -> String {
    (fields.first { $0.label == label }?.input.text ?? "").trimmingCharacters(in: .whitespaces)
  }

  /// The one-line answer, or nil when blank.
  public func optional(_ label: String) -> String? {
    let text = value(label)
    return text.isEmpty ? nil : text
  }

  mutating func set(_ label: String, _ text: String) {
    guard let index = fields.firstIndex(where: { $0.label == label }) else { return }
    fields[index].input = TextInput(text)
  }
}

/// The one name among `candidates` that `text` starts (case-insensitively, spaces and dashes
/// ignored), or that it is exactly: "int" is interview, "phone" the phone screen.
func uniqueMatch<Value: Equatable>(_ text: String, in candidates: [(name: String, value: Value)])
  -> Value?
{
  func folded(_ text: String) -> String {
    text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
  }
  let wanted = folded(text)
  guard !wanted.isEmpty else { return nil }
  if let exact = candidates.first(where: { folded($0.name) == wanted }) { return exact.value }
  var matches: [Value] = []
  for candidate in candidates where folded(candidate.name).hasPrefix(wanted) {
    if !matches.contains(candidate.value) { matches.append(candidate.value) }
  }
  return matches.count == 1 ? matches[0] : nil
}
