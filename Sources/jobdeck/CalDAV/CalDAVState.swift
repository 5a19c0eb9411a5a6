import Foundation
import JobDeckStore

/// What `jobdeck caldav push` last published, in `store.json.caldav-state.json` beside the store:
/// per calendar, each resource's href → the ETag the server gave it and the hash of the text
/// sent. State, not data: a lost file only makes the next push treat every item as new (the
/// server then answers 412 for those already there, and nothing is overwritten).
struct CalDAVState: StateFileContent, Equatable, Sendable {
  struct Resource: Codable, Equatable, Sendable {
    /// Nil when the server did not say (then a change is sent without `If-Match`).
    var etag: String?
    var contentHash: String
  }

  var version = 1
  /// Calendar collection URL → href (absolute path on the server) → resource.
  var calendars: [String: [String: Resource]] = [:]

  /// `store.json` → `store.json.caldav-state.json`.
  static func path(besideStore storePath: String) -> String {
    storePath + ".caldav-state.json"
  }

  /// A file whose content is not a state JobDeck wrote.
  struct Unreadable: Error, CustomStringConvertible {
    let path: String
    let problem: String

    var description: String {
      "\(path): not a CalDAV publishing state JobDeck can read (\(problem)); delete it and push"
        + " again (items already on the server are then reported as changed there)"
    }
  }

  /// Runs `body` on the saved state, alone, and saves what it leaves (`StateFileContent.update`):
  /// two pushes of one store run one after the other, so neither overwrites the other's record
  /// of what it published.
  static func update(at path: String, waitingAtMost timeout: Double = 120,
                     _ body: (inout CalDAVState) throws -> Void) throws {
    try update(at: path, waitingAtMost: timeout,
               unreadable: { Unreadable(path: path, problem: $0) }, body)
  }

  /// The hash stored for a resource's text: it tells a changed item from an unchanged one
  /// without asking the server.
  static func contentHash(of text: String) -> String {
    var hash = ContentHash()
    hash.update(Data(text.utf8))
    return hash.hex
  }
}
