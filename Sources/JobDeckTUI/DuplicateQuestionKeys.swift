import Foundation
import JobDeckCore

/// A posting typed in the add form or imported that matches one on file (same URL, or the same
/// company, title and location): `u` updates the one on file, `a` adds a second, `n`/`Esc`
/// leaves the deck as it is.
extension App {
  static func duplicatePrompt(_ question: DuplicateQuestion) -> String {
    "\(question.newName) is already on file as \(question.existingName) (\(question.existingID)): "
      + "u update it, a add anyway, n cancel"
  }

  mutating func handleDuplicateKey(_ key: KeyPress) -> [Effect] {
    guard case .duplicateQuestion(let question) = state.mode else { return [] }
    switch key {
    case .character("u"), .character("U"):
      state.mode = .browsing
      var updated = state.deck
      let unchanged = !question.update.apply(to: &updated) || updated == state.deck
      if unchanged {
        select(postingID: question.existingID)
        showMessage("\(question.existingName) already says all that: unchanged")
        return []
      }
      let kept = question.updateKeeps.isEmpty
        ? "" : "; kept " + question.updateKeeps.joined(separator: ", ")
      return performAdding(question.update, message: "Updated \(question.existingName)" + kept)
    case .character("a"), .character("A"):
      state.mode = .browsing
      return performAdding(question.addAnyway,
                           message: "Added \(question.newName) as a second posting")
    case .character("n"), .character("N"), .escape, .character("q"), .character("c"):
      state.mode = .browsing
      showMessage("cancelled: nothing added, \(question.existingName) unchanged")
      return []
    default:
      return []
    }
  }
}
