import Dispatch
import Foundation
import JobDeckCore
import JobDeckStore
import JobDeckTestSupport
import Synchronization
import Testing

@Suite("Concurrent writers")
struct StoreConcurrencyTests {
  @Test func twoWritersMakingAHundredMovesEachLoseNothing() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    var deck = Deck()
    let postingID = deck.add(Posting(id: "", title: "Engineer", company: "Alpha",
      createdAt: Fixtures.created))
    let applicationID = try deck.apply(toPosting: postingID, at: Fixtures.created)
    try StoreFile(path: path).save(deck)
    let failures = Mutex<[String]>([])

    DispatchQueue.concurrentPerform(iterations: 2) { writer in
      // Each writer has its own StoreFile, so its own lock descriptor, as a process would.
      let store = StoreFile(path: path)
      for move in 0..<100 {
        do {
          try store.update { deck in
            let stage = deck.application(withID: applicationID)?.stage
            try deck.move(applicationID: applicationID, to: stage == .applied ? .screening : .applied,
              note: "writer \(writer) move \(move)", at: Fixtures.later)
          }
        } catch {
          failures.withLock { $0.append("writer \(writer) move \(move): \(error)") }
        }
      }
    }

    #expect(failures.withLock { $0 } == [])
    let history = try #require(try StoreFile(path: path).load().deck.application(
      withID: applicationID)?.history)
    let notes = Set(history.compactMap(\.note))
    #expect(history.count == 201)
    #expect(notes.count == 200)
    #expect(notes.contains("writer 0 move 99") && notes.contains("writer 1 move 99"))
  }
}
