/// Each concurrent part writes its own slot; read after `concurrentPerform` has returned.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Value>
  private let count: Int

  public init(count: Int, initial: Value) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: initial, count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  public func store(_ value: Value, at index: Int) { slots[index] = value }

  public subscript(index: Int) -> Value { slots[index] }

  /// The value at `index`, moved out (`empty` takes its place): a copy of an array of records
  /// would retain each of their strings.
  public func take(at index: Int, leaving empty: Value) -> Value {
    var value = empty
    swap(&value, &slots[index])
    return value
  }
}
