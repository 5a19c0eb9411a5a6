import Foundation
import JobDeckStore
import Testing

/// Store files that crashed the loader under the store-load fuzzer (`Scripts/fuzz`). Each must
/// now be refused with a message, never a trap.
@Suite("Fuzz regressions: the store loader")
struct FuzzRegressionStoreTests {
  func message(decoding text: String) -> String? {
    do {
      _ = try StoreDecoder().decode(Data(text.utf8), path: "store.json")
      return nil
    } catch {
      return error.description
    }
  }

  @Test func anUnclosedRunOfBracketsIsRefusedNotATrap() {
    // The fuzzer's input: 514 "[" and nothing else. Foundation's JSONDecoder trapped while
    // placing its own "too deeply nested" error.
    for count in [257, 513, 514, 600, 5_000] {
      let refusal = message(decoding: String(repeating: "[", count: count))
      #expect(refusal?.contains("nested too deeply") == true, "\(count): \(refusal ?? "loaded")")
    }
  }

  @Test func deepNestingInsideARealStoreSaysWhere() {
    let text = "{\"schemaVersion\": 1, \"postings\": " + String(repeating: "[", count: 600)
      + String(repeating: "]", count: 600) + "}"
    let refusal = message(decoding: text)
    #expect(refusal?.contains("store.json:1:") == true, "\(refusal ?? "loaded")")
    #expect(refusal?.contains("nested too deeply") == true)
  }

  @Test func nestingWithinTheLimitStillLoadsOrFailsOnContentNotDepth() {
    let refusal = message(decoding: "{\"schemaVersion\": 1, \"postings\": [[[[]]]]}")
    #expect(refusal?.contains("nested too deeply") == false)
  }
}
