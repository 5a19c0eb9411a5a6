/// An immutable value held by reference, equal and hashed as its value: for a field that most
/// copies of a struct leave empty, so that the struct carries eight bytes for it instead of the
/// value inline (an agenda holds one entry and one row for each of a large store's deadlines).
final class SharedBox<Value: Hashable & Sendable>: Hashable, Sendable {
  let value: Value

  init(_ value: Value) { self.value = value }

  static func == (lhs: SharedBox, rhs: SharedBox) -> Bool {
    lhs === rhs || lhs.value == rhs.value
  }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
