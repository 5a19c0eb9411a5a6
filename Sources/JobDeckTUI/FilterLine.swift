import Foundation
import JobDeckCore

/// The `/` line: while it is open every printable key is text for the filter of the current
/// view (or the detail's search), so no letter typed there can run a command.
extension App {
  /// A paste while the line is open is more text for it, as if typed.
  mutating func pasteIntoFilter(_ text: String) {
    var input = TextInput(state.activeFilter)
    input.insert(pasted: text)
    state.activeFilter = input.text
    if state.keyContext == .detail {
      scrollDetailToFirstMatch()
    } else {
      resetSelection(in: state.keyContext)
    }
  }

  mutating func handleFilterKey(_ key: KeyPress) -> [Effect] {
    let context = state.keyContext
    switch key {
    case .enter:
      state.isEditingFilter = false
      if context == .detail { return run(.nextMatch) }
      return []
    case .escape:
      state.isEditingFilter = false
      state.filters[context] = nil
    case .up, .down:
      // Leaves the line and moves, as in a shell's history search.
      state.isEditingFilter = false
      return run(key == .up ? .selectPrevious : .selectNext)
    default:
      var input = TextInput(state.activeFilter)
      // The line keeps no cursor of its own (it filters as it is typed): it edits at its end.
      guard input.handle(key) == .edited else { return [] }
      state.activeFilter = input.text
      if context == .detail {
        scrollDetailToFirstMatch()
        return []
      }
    }
    resetSelection(in: context)
    return []
  }

  /// Search as you type: the first line from the top holding the text comes into view.
  private mutating func scrollDetailToFirstMatch() {
    guard case .detail(var detail) = state.mode else { return }
    let needle = state.activeFilter.lowercased()
    guard !needle.isEmpty else { return }
    let lines = Renderer(state: state).detailLines(detail, width: state.size.columns)
    guard let hit = lines.firstIndex(where: { $0.text.lowercased().contains(needle) }) else {
      return
    }
    detail.scroll = min(hit, maximumDetailScroll(detail))
    state.mode = .detail(detail)
  }
}

extension String {
  /// Case-insensitive containment for the list filters; an empty needle matches everything.
  func containsFilter(_ lowercasedNeedle: String) -> Bool {
    lowercasedNeedle.isEmpty || lowercased().contains(lowercasedNeedle)
  }
}
