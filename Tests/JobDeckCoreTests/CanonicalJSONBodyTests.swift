import Foundation
import Testing

@testable import JobDeckCore

/// A description read back from the store file is handed out only if its bytes are still a
/// string body exactly as the store's writer writes one; anything else means the file changed.
@Suite("Canonical JSON string bodies")
struct CanonicalJSONBodyTests {
  static func isCanonical(_ body: [UInt8]) -> Bool {
    body.withUnsafeBytes { LongText.isCanonicalJSONBody($0) }
  }

  static func isCanonical(_ body: String) -> Bool { isCanonical(Array(body.utf8)) }

  @Test func whatTheWriterWritesIsCanonicalAtEveryPlaceInAWord() {
    for padding in 0..<9 {
      let lead = String(repeating: "a", count: padding)
      for body in ["plain text", "\\\"q\\\" \\\\",
        "\\b\\t\\n\\f\\r", "\\u0001\\u001f\\u000b", "é 日本 😀", ""]
      {
        #expect(Self.isCanonical(lead + body + lead), "\(lead + body)")
      }
    }
  }

  @Test func anythingElseIsNot() {
    for padding in 0..<9 {
      let lead = String(repeating: "a", count: padding)
      for body in ["\"", "\\/", "\\u0041", "\\u00E9", "\\u000A", "\\u001F", "\\x", "\\", "\\u00"] {
        #expect(!Self.isCanonical(lead + body + lead), "\(lead + body)")
      }
      for control in UInt8(0)..<0x20 {
        #expect(!Self.isCanonical(Array(lead.utf8) + [control] + Array(lead.utf8)))
      }
      for invalid: [UInt8] in [[0xC3, 0x28], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xC3]] {
        #expect(!Self.isCanonical(Array(lead.utf8) + invalid + Array(lead.utf8)))
      }
    }
  }
}
