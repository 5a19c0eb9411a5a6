import Foundation
import JobDeckCore

/// A record type `FastRecordWriter` can write. `Unwritable` means: use `JSONEncoder` for this
/// record, which then writes the same bytes or throws the real error.
protocol FastWritable: Encodable, Sendable {
  func write(to writer: inout FastRecordWriter) throws(FastRecordWriter.Unwritable)
}

extension Posting: FastWritable {
  func write(to writer: inout FastRecordWriter) throws(FastRecordWriter.Unwritable) {
    try writer.write(self)
  }
}

extension Application: FastWritable {
  func write(to writer: inout FastRecordWriter) throws(FastRecordWriter.Unwritable) {
    try writer.write(self)
  }
}

extension Deadline: FastWritable {
  func write(to writer: inout FastRecordWriter) { writer.write(self) }
}

/// Encodes a run of records as store lines (`    {...},\n`), split between up to two threads.
enum RecordBatch {
  /// The lines of `records` in order, in one or two parts; the very last line of a member has
  /// no comma (`isLast`).
  static func encode<Record: FastWritable>(_ records: ArraySlice<Record>, isLast: Bool) throws
    -> [[UInt8]]
  {
    let workers = records.count >= 256
      ? min(2, max(1, ProcessInfo.processInfo.activeProcessorCount)) : 1
    let middle = records.startIndex + records.count / 2
    let ranges = workers == 1
      ? [records.startIndex..<records.endIndex]
      : [records.startIndex..<middle, middle..<records.endIndex]
    let results = UnsafeMutableBufferPointer<Result<[UInt8], any Error>>.allocate(
      capacity: ranges.count)
    results.initialize(repeating: .success([]))
    defer { results.deinitialize().deallocate() }
    let work = Work(records: records, ranges: ranges, lastIndex: isLast ? records.endIndex - 1 : -1,
      results: results)
    if ranges.count == 1 {
      work.run(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: ranges.count) { work.run($0) }
    }
    return try results.map { try $0.get() }
  }

  /// Each worker writes only its own slot of `results`, which outlives `concurrentPerform`.
  private struct Work<Record: FastWritable>: @unchecked Sendable {
    let records: ArraySlice<Record>
    let ranges: [Range<Int>]
    let lastIndex: Int
    let results: UnsafeMutableBufferPointer<Result<[UInt8], any Error>>

    func run(_ part: Int) {
      results[part] = Result { try lines(ranges[part]) }
    }

    private func lines(_ range: Range<Int>) throws -> [UInt8] {
      var writer = FastRecordWriter()
      writer.bytes.reserveCapacity(range.count * 1024)
      var encoder: JSONEncoder?
      for index in range {
        writer.bytes.append(contentsOf: "    ".utf8)
        let start = writer.bytes.count
        do throws(FastRecordWriter.Unwritable) {
          try records[index].write(to: &writer)
        } catch {
          writer.bytes.removeSubrange(start...)
          let fallback = encoder ?? StoreEncoder.jsonEncoder()
          encoder = fallback
          writer.bytes.append(contentsOf: try fallback.encode(records[index]))
        }
        writer.bytes.append(contentsOf: (index == lastIndex ? "\n" : ",\n").utf8)
      }
      return writer.bytes
    }
  }
}
