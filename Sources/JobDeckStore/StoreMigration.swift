import Foundation

/// One step that upgrades a store file's raw JSON from `sourceVersion` to `sourceVersion + 1`.
///
/// Only version 1 exists today, so the list is empty; it is the seam where the first format
/// change goes, so that old files are upgraded on load (and written back in the new version on
/// the next save) instead of being rejected.
struct StoreMigration: Sendable {
  let sourceVersion: Int
  /// Receives the whole document as `JSONSerialization` produces it and returns the upgraded
  /// document; the runner sets `schemaVersion` afterwards.
  let migrate: @Sendable ([String: Any]) throws -> [String: Any]

  /// Ordered by `sourceVersion`, one per version step.
  static let all: [StoreMigration] = []

  /// Upgrades `document` from `version` to `StoreFormat.schemaVersion`, or returns nil when a
  /// step is missing (a version older than any this build can read).
  static func upgrade(_ document: [String: Any], from version: Int) throws -> [String: Any]? {
    var document = document
    var version = version
    while version < StoreFormat.schemaVersion {
      guard let step = all.first(where: { $0.sourceVersion == version }) else { return nil }
      document = try step.migrate(document)
      version += 1
      document["schemaVersion"] = version
    }
    return document
  }
}
