import Foundation
import JobDeckCore

/// Reads what `jobdeck import` and the UI's `i` are given: a file, `-` or a URL.
enum PostingSource {
  static func draft(from source: String, today: CivilDate) throws -> PostingDraft {
    throw CommandFailure.user("importing text and web pages lands with the importer")
  }
}
