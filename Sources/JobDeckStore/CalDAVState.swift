import Foundation

/// What `jobdeck caldav push` last published, in `store.json.caldav-state.json` beside the store:
/// per calendar, each resource's href → the ETag the server gave it and the hash of the text
/// sent. State, not data: a lost file only makes the next push treat every item as new (the
/// server then answers 412 for those already there, and nothing is overwritten).
public struct CalDAVState: Codable, Equatable, Sendable {
  public struct Resource: Codable, Equatable, Sendable {
    /// Nil when the server did not say (then a change is sent without `If-Match`).
    public var etag: String?
    public var contentHash: String

    public init(etag: String?, contentHash: String) {
      self.etag = etag
      self.contentHash = contentHash
    }
  }

  public var version = 1
  /// Calendar collection URL → href (absolute path on the server) → resource.
  public var calendars: [String: [String: Resource]] = [:]

  public init() {}

  /// `store.json` → `store.json.caldav-state.json`.
  public static func path(besideStore storePath: String) -> String {
    storePath + ".caldav-state.json"
  }

  /// A file whose content is not a state JobDeck wrote.
  public struct Unreadable: Error, CustomStringConvertible {
    public let path: String
    public let problem: String

    public var description: String {
      "\(path): not a CalDAV publishing state JobDeck can read (\(problem)); delete it and push"
        + " again (items already on the server are then reported as changed there)"
    }
  }

  /// The state saved at `path`; an empty one when there is no file yet.
  public static func load(from path: String) throws -> CalDAVState {
    guard let existing = try FileSystem.readFile(at: path), !existing.data.isEmpty else {
      return CalDAVState()
    }
    let state: CalDAVState
    do {
      state = try JSONDecoder().decode(CalDAVState.self, from: existing.data)
    } catch {
      throw Unreadable(path: path, problem: "\(error)")
    }
    guard state.version == 1 else {
      throw Unreadable(path: path, problem: "version \(state.version), this JobDeck reads 1")
    }
    return state
  }

  /// Replaces the file atomically (the store's own sequence), so a push killed mid-write leaves
  /// the previous state.
  public func save(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(self) + Data("\n".utf8)
    AtomicReplace.removeStaleTemporaries(for: path)
    try AtomicReplace.replace(path, with: data, previous: try FileSystem.status(of: path))
  }

  /// The hash stored for a resource's text: it tells a changed item from an unchanged one
  /// without asking the server.
  public static func contentHash(of text: String) -> String {
    var hash = ContentHash()
    hash.update(Data(text.utf8))
    return hash.hex
  }
}
