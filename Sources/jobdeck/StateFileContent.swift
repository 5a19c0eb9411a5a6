import Foundation

/// What a per-machine state file holds (the reminders sent, what CalDAV push published): JSON
/// with a version, of which this JobDeck reads 1, written with sorted keys so it diffs well.
protocol StateFileContent: Codable {
  var version: Int { get }
}

extension StateFileContent {
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
