import JobDeckCore

/// One change in the undo history: the deck just before and just after it. Undo and redo
/// replay it as a `PendingEdit.restore` onto the deck as it is then, so only the records this
/// change touched move, and a change another process saved meanwhile is kept.
public struct UndoStep: Equatable, Sendable {
  public var before: Deck
  public var after: Deck
  /// What the change was, for "Undid: Moved SumUp · ML Engineer to interview".
  public var summary: String
}
