import Foundation
import JobDeckCore

/// What to do with a posting that duplicates one on file: `add posting` and `import` ask the
/// same question on a terminal, and take `--update` / `--add-anyway` in scripts.
enum DuplicateChoice { case ask, update, addAnyway, cancel }

/// A duplicate found inside a store update: the update is abandoned, the question asked with
/// the store unlocked, then the update runs again with the answer.
struct DuplicateFound: Error {
  var existing: Posting
}

enum DuplicatePrompt {
  /// "quokka-data-engineer (Quokka GmbH · Data Engineer · Berlin)"
  static func name(of posting: Posting) -> String {
    "\(posting.id) (\(posting.company) · \(posting.title)"
      + (posting.location.map { " · \($0)" } ?? "") + ")"
  }

  static var canAsk: Bool { isatty(STDIN_FILENO) == 1 }

  /// The user's answer on the terminal (anything but u or a cancels).
  static func ask(about existing: Posting) -> DuplicateChoice {
    FileHandle.standardError.write(Data(safe(
      "Already on file: \(name(of: existing)).\n[u]pdate it, [a]dd anyway, or [c]ancel? [c] ").utf8))
    switch readLine()?.trimmingCharacters(in: .whitespaces).lowercased() {
    case "u", "update": return .update
    case "a", "add", "add anyway": return .addAnyway
    default: return .cancel
    }
  }
}
