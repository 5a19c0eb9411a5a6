import Foundation
import Synchronization

/// Each text's `BytePairs` summary, beside the block's bytes.
///
/// The table is one zeroed allocation made by the first search that asks (pages never written
/// cost no memory), then filled text by text as searches read them: a search of every
/// description reads each text's bytes once, and later searches read 128 bytes instead. The
/// bytes are read-only by then, so a summary never goes stale; an edited description is a new
/// text.
///
/// Searches run on several threads at once: a summary is stored word by word, then marked as
/// made with release ordering, and read only once seen marked with acquire ordering. Two
/// threads that make the same summary store the same words.
///
/// Layout: the number of texts, then one state byte per text (0 until made), then
/// `BytePairs.wordCount` words per text.
extension LongTextBlock {
  private static let headerSize = 64

  private static func wordsOffset(textCount: Int) -> Int {
    (headerSize + textCount + 63) & ~63
  }

  /// Which appended text starts at `start` and has `count` bytes, if one does.
  func textIndex(start: Int, count: Int) -> Int32? {
    var index: Int
    if let last = starts.last, last == start {
      index = starts.count - 1
    } else {
      var low = 0
      var high = starts.count
      while low < high {
        let middle = (low + high) / 2
        if starts[middle] < start { low = middle + 1 } else { high = middle }
      }
      guard low < starts.count, starts[low] == start else { return nil }
      index = low
    }
    let end = index + 1 < starts.count ? starts[index + 1] : self.count
    guard end - start == count, index <= Int(Int32.max) else { return nil }
    return Int32(index)
  }

  /// Whether text `index` (`count` bytes from `start`) may hold `needle`, making its summary
  /// when no search has yet.
  func mayHold(_ needle: BytePairs.Needle, text index: Int, start: Int, count: Int) -> Bool {
    guard let words = summary(ofText: index, start: start, count: count) else { return true }
    return needle.isAllowed { words[$0].load(ordering: .relaxed) }
  }

  /// Text `index`'s summary (`BytePairs.wordCount` words), made now when no search or
  /// preparation has made it yet; nil when there is no table for it.
  @discardableResult
  func summary(ofText index: Int, start: Int, count: Int)
    -> UnsafeMutablePointer<Atomic<UInt64>>?
  {
    guard let table = summaryTable() else { return nil }
    let textCount = table.load(as: Int.self)
    guard index < textCount else { return nil }
    let states = (table + Self.headerSize).assumingMemoryBound(to: Atomic<UInt8>.self)
    let words = (table + Self.wordsOffset(textCount: textCount))
      .assumingMemoryBound(to: Atomic<UInt64>.self) + index * BytePairs.wordCount
    guard states[index].load(ordering: .acquiring) == 0 else { return words }
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: BytePairs.wordCount) { summary in
      guard let summaryWords = summary.baseAddress else { return }
      summary.initialize(repeating: 0)
      withBytes(start, count) { BytePairs.summarize($0, into: summaryWords) }
      for word in 0..<BytePairs.wordCount {
        words[word].store(summaryWords[word], ordering: .relaxed)
      }
      states[index].store(1, ordering: .releasing)
    }
    return words
  }

  /// The table, allocated by whichever search asks first; nil when it cannot be (then every
  /// text may hold anything).
  private func summaryTable() -> UnsafeMutableRawPointer? {
    if let table = pairSummaries.load(ordering: .acquiring) { return table }
    let textCount = starts.count
    let size = Self.wordsOffset(textCount: textCount)
      + textCount * BytePairs.wordCount * MemoryLayout<UInt64>.stride
    guard textCount > 0, let fresh = calloc(1, size) else { return nil }
    fresh.storeBytes(of: textCount, as: Int.self)
    (fresh + Self.headerSize).bindMemory(to: Atomic<UInt8>.self, capacity: textCount)
    (fresh + Self.wordsOffset(textCount: textCount))
      .bindMemory(to: Atomic<UInt64>.self, capacity: textCount * BytePairs.wordCount)
    let (exchanged, current) = pairSummaries.compareExchange(
      expected: nil, desired: fresh, ordering: .acquiringAndReleasing)
    if exchanged { return fresh }
    free(fresh)
    return current
  }
}
