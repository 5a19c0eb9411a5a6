import Foundation
import JobDeckImport
import JobDeckStore

/// A CSV file read on a thread of its own, its rows handed over in batches as they are final,
/// so that one core merges what the other has read: reading and merging a 100,000-row file are
/// each about a third of an import.
///
/// The batches arrive in file order. The reading's result (its bad rows, ignored columns, or the
/// error that stopped it) is there once `nextBatch()` has returned nil for the end.
///
/// The reading waits while `maximumWaiting` batches wait to be merged: reading is the faster of
/// the two, and rows read far ahead of the merge would raise the import's peak memory (the
/// memory they held is not given back to the system before the save) without making it finish
/// any sooner.
final class CSVBatchFeed: @unchecked Sendable {
  static let maximumWaiting = 2

  private let condition = NSCondition()
  private var queue: [[CSVImportedRow]] = []
  private var queueStart = 0
  /// `result()` was asked for: batches still to come are let go as they arrive.
  private var discarding = false
  private var voidPending = false
  /// How many rows the file is expected to hold, once a batch came (0 before).
  private var expectedRowCount = 0
  private var outcome: Result<CSVImportBatches, any Error>?

  /// Where the rows' descriptions go until the store is written, if anywhere.
  private let spill: DescriptionSpill?

  /// Starts reading `path` (see `PostingSource.importCSV(at:importedAt:limit:handingOn:)`);
  /// the descriptions of the rows read are moved into `spill`.
  init(path: String, importedAt: Date, limit: Int, spill: DescriptionSpill?) {
    self.spill = spill
    let thread = Thread { [self] in
      let outcome = Result {
        var result = try PostingSource.importCSV(at: path, importedAt: importedAt, limit: limit) {
          batch, expectedRows in
          if let batch { self.send([batch], expectedRows: expectedRows) } else { self.voidSent() }
        }
        send(result.batches, expectedRows: 0, waiting: false)
        result.batches = []
        return result
      }
      condition.lock()
      self.outcome = outcome
      condition.broadcast()
      condition.unlock()
    }
    thread.start()
  }

  /// The next batch in file order; nil once the reading has ended, or once when the batches
  /// handed over so far turned out void (the file is not UTF-8 and was read again whole): the
  /// caller then starts over, and `takeVoid()` says which it was.
  func nextBatch() -> [CSVImportedRow]? {
    condition.lock()
    defer { condition.unlock() }
    while queueStart == queue.count && outcome == nil && !voidPending { condition.wait() }
    if voidPending { return nil }
    guard queueStart < queue.count else { return nil }
    let batch = queue[queueStart]
    queue[queueStart] = []
    queueStart += 1
    condition.broadcast()
    return batch
  }

  /// How many rows the file is expected to hold (to make room for), as soon as the first batch
  /// is there; the rows of the batches handed over when the reading has ended.
  func expectedRows() -> Int {
    condition.lock()
    defer { condition.unlock() }
    while queueStart == queue.count && outcome == nil && !voidPending { condition.wait() }
    return max(expectedRowCount, queue[queueStart...].reduce(0) { $0 + $1.count })
  }

  /// Whether `nextBatch()` last returned nil because the batches before were void.
  func takeVoid() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    defer { voidPending = false }
    return voidPending
  }

  /// Waits for the reading to end, letting the batches go, and returns its result.
  func result() throws -> CSVImportBatches {
    condition.lock()
    defer { condition.unlock() }
    discarding = true
    queue = []
    queueStart = 0
    condition.broadcast()
    while true {
      if let outcome {
        queue = []
        queueStart = 0
        return try outcome.get()
      }
      condition.wait()
    }
  }

  /// Hands batches on, once fewer than `maximumWaiting` wait (the last ones, with the
  /// reading's result, need not wait: the end of the file is near, or the merge is over).
  private func send(_ batches: [[CSVImportedRow]], expectedRows: Int, waiting: Bool = true) {
    let batches = batches.map(spilled)
    condition.lock()
    while waiting && !discarding && queue.count - queueStart >= Self.maximumWaiting {
      condition.wait()
    }
    if !discarding {
      if queueStart == queue.count {
        // All taken: the queue starts over rather than grow by a slot per batch.
        queue = []
        queueStart = 0
      }
      queue += batches
    }
    expectedRowCount = max(expectedRowCount, expectedRows)
    condition.broadcast()
    condition.unlock()
  }

  /// `batch` with its descriptions in the spill (as they were when it cannot take them).
  private func spilled(_ batch: [CSVImportedRow]) -> [CSVImportedRow] {
    guard let spill else { return batch }
    let described = batch.indices.filter { batch[$0].draft.posting.descriptionText != nil }
    guard !described.isEmpty,
      let kept = spill.keep(described.compactMap { batch[$0].draft.posting.descriptionText })
    else { return batch }
    var batch = batch
    for (index, text) in zip(described, kept) { batch[index].draft.posting.descriptionText = text }
    return batch
  }

  private func voidSent() {
    condition.lock()
    queue = []
    queueStart = 0
    expectedRowCount = 0
    voidPending = true
    condition.broadcast()
    condition.unlock()
  }
}
