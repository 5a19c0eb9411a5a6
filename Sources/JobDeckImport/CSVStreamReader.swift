import Foundation

/// What reading a CSV file finds, in file order.
public enum CSVEvent: Sendable {
  /// The first non-empty record, and the delimiter detected from the file's first line.
  case header([String], delimiter: UInt8)
  /// A data record, padded with empty fields to the header's count.
  case record(CSVRecord)
  /// A data record with more fields than the header (`CSVError.raggedRow`).
  case raggedRow(CSVError)
}

/// `CSVReader` for a file read a piece at a time, so that a 200 MB export is never held whole:
/// each record is handed on as soon as its last byte has arrived, and the bytes go.
///
/// Reads exactly as `CSVReader.read(_:)` does (which is built on it): byte-order marks, the
/// delimiter from the first line, the header as the first non-empty record, padding and ragged
/// rows, and the same errors, thrown once the end of the file is seen.
public struct CSVStreamReader {
  private var scanner: CSVRecordScanner?
  private var header: [String]?

  public init() {}

  /// Reads what it can of `bytes`, the file's next unread bytes, and returns how many it read;
  /// the rest (the start of a record that has not ended yet) must be given again, followed by
  /// the bytes after it. With `isFinal` the bytes are all that is left: everything is read, and
  /// a file with no header or a quote left open throws.
  public mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool,
                            _ body: (CSVEvent) -> Void) throws(CSVError) -> Int
  {
    var consumed = 0
    if scanner == nil {
      var start = 0
      while start + 2 < bytes.count, bytes[start] == 0xEF, bytes[start + 1] == 0xBB,
        bytes[start + 2] == 0xBF
      {
        start += 3  // U+FEFF, the byte-order mark (repeated ones too)
      }
      // A mark may still be arriving, or the first line (which settles the delimiter).
      guard isFinal || bytes.count - start >= 3 else { return 0 }
      let (delimiter, lineEnded) = CSVRecordScanner.detectDelimiter(
        UnsafeBufferPointer(rebasing: bytes[start...]))
      guard lineEnded || isFinal else { return 0 }
      scanner = CSVRecordScanner(delimiter: delimiter)
      consumed = start
    }
    guard var scanner else { return consumed }
    let delimiter = scanner.delimiter
    consumed += try scanner.scan(
      UnsafeBufferPointer(rebasing: bytes[consumed...]), isFinal: isFinal
    ) { record in
      guard let header else {
        header = record.fields
        body(.header(record.fields, delimiter: delimiter))
        return
      }
      if record.fields.count > header.count {
        body(.raggedRow(
          .raggedRow(row: record.row, line: record.line, fieldCount: record.fields.count,
                     headerCount: header.count)))
        return
      }
      var record = record
      if record.fields.count < header.count {
        record.fields += Array(repeating: "", count: header.count - record.fields.count)
      }
      body(.record(record))
    }
    self.scanner = scanner
    if isFinal && header == nil { throw .empty }
    return consumed
  }

  /// Reads a whole file a piece at a time: `readMore` appends the file's next bytes (at least as
  /// many as the buffer already holds, when it can: a record longer than a piece is then read in
  /// a few rounds) and returns false once the file has ended. Returns false, having stopped
  /// early, when the bytes are not UTF-8: the caller then reads the file in another encoding.
  /// The bytes are checked as they arrive; a CSV error is thrown only once all were checked.
  public static func readUTF8(
    readingWith readMore: (inout [UInt8]) throws -> Bool, _ body: (CSVEvent) -> Void
  ) throws -> Bool {
    var reader = CSVStreamReader()
    var buffer: [UInt8] = []
    var checked = 0  // bytes of `buffer` known to be UTF-8
    var more = true
    while true {
      more = try readMore(&buffer)
      // UTF-8 is checked up to the last ASCII byte: no character's encoding spans one, so the
      // pieces are valid if and only if the whole is. Records end at an ASCII byte too.
      let end = more ? (lastASCIIIndex(in: buffer, after: checked).map { $0 + 1 } ?? checked)
        : buffer.count
      guard isUTF8(buffer[checked..<end]) else { return false }
      checked = end
      let consumed = try buffer.withUnsafeBufferPointer { bytes throws(CSVError) in
        try reader.read(UnsafeBufferPointer(rebasing: bytes[..<checked]), isFinal: !more, body)
      }
      guard more else { return true }
      buffer.removeSubrange(..<consumed)
      checked -= consumed
    }
  }

  /// Whether `bytes` are UTF-8, checked in place (making a `String` of them to find out would
  /// copy every piece of the file once more).
  static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { isUTF8($0) }
  }

  /// `isUTF8(_:)` on a buffer. ASCII is passed over eight bytes at a time, and only each run of
  /// non-ASCII bytes is given to the standard library's validation: no character's encoding
  /// holds an ASCII byte, so the bytes are UTF-8 if and only if each such run is. A spreadsheet
  /// export is nearly all ASCII, and validating it a byte at a time costs a quarter of reading it.
  static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    while true {
      index = firstNonASCIIIndex(in: bytes, from: index)
      guard index < bytes.count else { return true }
      let runStart = index
      while index < bytes.count, base[index] >= 0x80 { index += 1 }
      let run = UnsafeBufferPointer(start: base + runStart, count: index - runStart)
      guard (try? UTF8Span(validating: run.span)) != nil else { return false }
    }
  }

  /// Whether every byte is ASCII.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    firstNonASCIIIndex(in: bytes, from: 0) == bytes.count
  }

  /// The position of the first byte from `start` on that is not ASCII, else `bytes.count`;
  /// eight bytes are looked at a time.
  static func firstNonASCIIIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return bytes.count }
    let raw = UnsafeRawPointer(base)
    var index = start
    while index + 8 <= bytes.count,
      raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    {
      index += 8
    }
    while index < bytes.count, base[index] < 0x80 { index += 1 }
    return index
  }

  private static func lastASCIIIndex(in buffer: [UInt8], after start: Int) -> Int? {
    var index = buffer.count
    while index > start {
      index -= 1
      if buffer[index] < 0x80 { return index }
    }
    return nil
  }
}
