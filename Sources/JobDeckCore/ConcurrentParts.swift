import Dispatch

/// The one way JobDeck splits a job across the cores: `map(count, body)` runs `body(part)` for
/// each of `count` parts at once (one of them on the calling thread) and returns each part's
/// result in part order, moved out rather than copied (a copy of an array of records would
/// retain each of their strings).
///
/// `body` may read what it captures but must write only what it returns.
public enum ConcurrentParts {
  /// Runs `body` over `0..<count` split into contiguous ranges, one per core (at most two), and
  /// returns their results in order; a count too small to be worth a thread is one range.
  public static func map<Value>(ranges count: Int, _ body: (_ range: Range<Int>) -> Value)
    -> [Value]
  {
    let parts = count >= 4_096 ? 2 : 1
    return map(parts) { part in body(count * part / parts..<count * (part + 1) / parts) }
  }

  public static func map<Value>(_ count: Int, _ body: (_ part: Int) -> Value) -> [Value] {
    guard count > 1 else { return count == 1 ? [body(0)] : [] }
    return withoutActuallyEscaping(body) { body in
      let slots = Slots(count: count, body: body)
      DispatchQueue.concurrentPerform(iterations: count) { slots.run($0) }
      return slots.taken()
    }
  }

  /// Each part writes only its own slot; read once `concurrentPerform` has returned.
  private final class Slots<Value>: @unchecked Sendable {
    private let body: (Int) -> Value
    private let values: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int, body: @escaping (Int) -> Value) {
      self.count = count
      self.body = body
      values = .allocate(capacity: count)
      values.initialize(repeating: nil, count: count)
    }

    deinit {
      values.deinitialize(count: count)
      values.deallocate()
    }

    func run(_ part: Int) { values[part] = body(part) }

    func taken() -> [Value] { (0..<count).compactMap { values[$0].take() } }
  }
}
