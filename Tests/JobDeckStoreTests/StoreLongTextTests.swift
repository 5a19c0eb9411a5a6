import Foundation
import JobDeckCore
@testable import JobDeckStore
import Testing

/// Descriptions are kept as the JSON text they were read from until something reads them: they
/// must read as the same text, be checked as strictly at load, and be written back as the
/// writer would write the decoded text.
@Suite("Store long texts")
struct StoreLongTextTests {
  static func store(description body: String) -> String {
    """
    {"schemaVersion":1,"postings":[{"id":"p","title":"T","company":"C","tags":[],\
    "description":"\(body)","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}]}
    """
  }

  static func description(of json: String) throws -> String? {
    try StoreDecoder().decode(Data(json.utf8), path: "s.json").deck.postings.first?.description
  }

  @Test(arguments: [
    ("plain text", "plain text"),
    ("two\\n\\nparagraphs \\\"quoted\\\" \\\\ back\\tslash", "two\n\nparagraphs \"quoted\" \\ back\tslash"),
    ("control \\u0001 and \\u001f", "control \u{01} and \u{1F}"),
    ("non-canonical \\/ \\u0041 \\u00E9 \\ud83d\\ude00", "non-canonical / A é 😀"),
    ("raw UTF-8 é 日本 😀 and \\n", "raw UTF-8 é 日本 😀 and \n"),
  ])
  func descriptionsReadAsTheirText(body: String, text: String) throws {
    #expect(try Self.description(of: Self.store(description: body)) == text)
  }

  @Test func aDescriptionIsWrittenBackAsTheWriterWritesItsText() throws {
    let body = "a\\nb \\u0007 é \\/ \\u0041"
    let loaded = try StoreDecoder().decode(Data(Self.store(description: body).utf8),
      path: "s.json").deck
    var fresh = loaded
    fresh.postings[0].description = loaded.postings[0].description
    #expect(try StoreEncoder().encode(loaded) == StoreEncoder().encode(fresh))
    #expect(loaded == fresh)
  }

  @Test(arguments: [
    ("bad \\x escape", "'\\x' is not a JSON escape sequence"),
    ("raw\u{01}control", "a control character (U+0001) must be escaped inside a string"),
    ("lone \\ud800 surrogate", "starts a surrogate pair that is not completed"),
  ])
  func aBadDescriptionIsRefusedWithItsPosition(body: String, problem: String) throws {
    #expect {
      _ = try Self.description(of: Self.store(description: body))
    } throws: { error in
      guard case StoreError.malformed(_, let line, let column, let path, let message) = error
      else { return false }
      return line == 1 && column > 90 && path == "postings[0].description"
        && message.contains(problem)
    }
  }

  @Test func invalidUTF8InADescriptionIsRefusedWhereItIs() throws {
    var bytes = Array(Self.store(description: "ok é\\n then XX").utf8)
    let index = try #require(bytes.firstIndex(of: UInt8(ascii: "X")))
    bytes[index] = 0xC3
    bytes[index + 1] = 0x28
    #expect {
      _ = try StoreDecoder().decode(Data(bytes), path: "s.json")
    } throws: { error in
      guard case StoreError.malformed(_, _, _, _, let message) = error else { return false }
      return message.contains("not valid UTF-8")
    }
  }

  @Test func searchingInPlaceFindsNoWordThatAnEscapeOnlySeemsToStart() throws {
    let json = Self.store(
      description: "line\\new \\u000bold tab\\there \\\\nine \\\\\\tea café \\u001fun \\nice nice")
    let text = try #require(try StoreDecoder().decode(Data(json.utf8), path: "s.json").deck
      .postings.first?.descriptionText)
    // The body is searched as it is held: still escaped.
    #expect(try text.withJSONBody { _ in true } == true)
    func found(_ needle: String) -> Bool {
      let needle = Array(needle.utf8)
      return text.containsPlainText { bytes, from in
        guard from <= bytes.count - needle.count else { return nil }
        return (from...(bytes.count - needle.count)).first {
          bytes[$0..<($0 + needle.count)].elementsEqual(needle)
        }
      }
    }
    #expect(found("ew"))
    #expect(found("here"))
    #expect(found("old"))
    // In JSON, `\\nine` is a backslash and "nine"; `\\\tea`, a backslash, a tab and "ea".
    #expect(found("nine"))
    #expect(found("ea"))
    #expect(found("café"))
    #expect(found("un"))
    #expect(!found("new"))
    #expect(!found("there"))
    #expect(!found("000bold"))
    #expect(!found("u000b"))
    #expect(!found("tea"))
    #expect(!found("001fun"))
    // A match passed over inside an escape does not hide a later one.
    #expect(found("nice"))
    #expect(text.string.contains("\\nine"))
  }
}
