import Foundation
import JobDeckStore

/// What a per-machine state file holds (the reminders sent, what CalDAV push published): JSON
/// with a version, of which this JobDeck reads 1, written with sorted keys so it diffs well.
protocol StateFileContent: Codable, Equatable {
  var version: Int { get }
  /// The state of a machine with no file yet.
  init()
}

extension StateFileContent {
  /// Runs `change` on the state saved at `path` (a fresh one when there is no file), alone, and
  /// saves what it leaves, even when `change` throws after changing it. All of it happens under
  /// the file's exclusive lock (`AtomicFile.update`): two runs that overlap go one after the
  /// other, a run killed mid-write leaves the old file, and the temporary file such a run left
  /// is removed.
  static func update(
    at path: String, waitingAtMost timeout: Double,
    unreadable: (_ problem: String) -> any Error, _ change: (inout Self) throws -> Void
  ) throws {
    var failure: (any Error)?
    try AtomicFile.update(at: path, waitingAtMost: timeout) { existing in
      var content = Self()
      if let existing, !existing.isEmpty {
        content = try decode(existing, unreadable: unreadable)
      }
      let before = content
      do {
        try change(&content)
      } catch {
        failure = error
      }
      return content == before ? nil : try content.encoded()
    }
    if let failure { throw failure }
  }

  /// The content of `data`; `unreadable` makes the file's own error from what is wrong.
  static func decode(_ data: Data, unreadable: (_ problem: String) -> any Error) throws -> Self {
    let content: Self
    do {
      content = try JSONDecoder().decode(Self.self, from: data)
    } catch {
      throw unreadable("\(error)")
    }
    guard content.version == 1 else {
      throw unreadable("version \(content.version), this JobDeck reads 1")
    }
    return content
  }

  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}
