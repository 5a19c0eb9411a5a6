import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why a file or standard input was not read: each message names the source and, for a size,
/// the limit.
public enum InputError: Error, CustomStringConvertible, Equatable {
  case tooLarge(source: String, limit: Int)
  case notRegularFile(path: String, kind: String)
  case cannotRead(source: String, reason: String)
  case empty(source: String)
  case binary(source: String, line: Int, column: Int)
  case notText(source: String)

  public var description: String {
    switch self {
    case .tooLarge(let source, let limit):
      return "\(source) is larger than \(ReadingLimits.describe(bytes: limit)), the limit for "
        + "this import; stopped reading, nothing imported (a larger limit: --max-size)"
    case .notRegularFile(let path, let kind):
      return "\(path) is \(kind), not a file: give a file, - for standard input, or a URL"
    case .cannotRead(let source, let reason):
      return "cannot read \(source): \(reason)"
    case .empty(let source):
      return "\(source) is empty: nothing to import"
    case .binary(let source, let line, let column):
      return "\(source):\(line):\(column): a NUL byte: not a text or HTML page; nothing imported"
    case .notText(let source):
      return "\(source) is not text (neither UTF-8 nor Windows-1252)"
    }
  }
}

/// Reads files and standard input with a size limit checked as the bytes arrive, so memory
/// stays bounded whatever the source is; refuses directories, FIFOs, sockets and devices given
/// by name (a FIFO would block, a device never ends).
public enum BoundedInput {
  /// How much is asked of `read(2)` at a time.
  static let pieceSize = 1 << 16

  /// A regular file's bytes, at most `limit` of them.
  public static func readFile(atPath path: String, limit: Int) throws(InputError) -> Data {
    let descriptor = try openRegularFile(atPath: path, limit: limit)
    defer { close(descriptor) }
    return try read(descriptor, source: path, limit: limit)
  }

  /// Standard input (a pipe, a terminal, a redirected file or device): a stream, read up to
  /// `limit`.
  public static func readStandardInput(limit: Int) throws(InputError) -> Data {
    try read(STDIN_FILENO, source: "standard input", limit: limit)
  }

  /// Opens `path` for reading once it is known to be a regular file no larger than `limit`.
  /// The type is checked again on the open descriptor, so a file swapped for a FIFO between
  /// the two checks is refused too; `O_NONBLOCK` keeps that open from waiting for a writer.
  public static func openRegularFile(atPath path: String, limit: Int) throws(InputError) -> Int32 {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw .cannotRead(source: path, reason: String(cString: strerror(errno)))
    }
    if let kind = nonRegularKind(info.st_mode) { throw .notRegularFile(path: path, kind: kind) }
    if Int(info.st_size) > limit { throw .tooLarge(source: path, limit: limit) }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else {
      throw .cannotRead(source: path, reason: String(cString: strerror(errno)))
    }
    var opened = stat()
    guard fstat(descriptor, &opened) == 0 else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw .cannotRead(source: path, reason: reason)
    }
    if let kind = nonRegularKind(opened.st_mode) {
      close(descriptor)
      throw .notRegularFile(path: path, kind: kind)
    }
    let flags = fcntl(descriptor, F_GETFL)
    if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    return descriptor
  }

  /// What a file of this mode is, in words, when it is not a regular file.
  static func nonRegularKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a named pipe (FIFO)"
    case S_IFSOCK: return "a socket"
    case S_IFCHR, S_IFBLK: return "a device"
    default: return "not a regular file"
    }
  }

  /// Reads to the end, stopping as soon as more than `limit` bytes have arrived, or a NUL byte
  /// (text has none; images, PDFs and `/dev/zero` do).
  static func read(_ descriptor: Int32, source: String, limit: Int) throws(InputError) -> Data {
    var data = Data()
    var piece = [UInt8](repeating: 0, count: pieceSize)
    while true {
      let wanted = min(pieceSize, limit - data.count + 1)
      let count = piece.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EISDIR { throw .notRegularFile(path: source, kind: "a directory") }
        throw .cannotRead(source: source, reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      if data.count + count > limit { throw .tooLarge(source: source, limit: limit) }
      if let nul = piece[0..<count].firstIndex(of: 0) {
        let (line, column) = position(ofByte: data.count + nul, in: data, then: piece[0..<nul])
        throw .binary(source: source, line: line, column: column)
      }
      data.append(contentsOf: piece[0..<count])
    }
    guard !data.isEmpty else { throw .empty(source: source) }
    return data
  }

  /// The 1-based line and column (in bytes) of the byte at `offset`, which follows `earlier`
  /// and then `rest`.
  static func position(ofByte offset: Int, in earlier: Data, then rest: ArraySlice<UInt8>)
    -> (line: Int, column: Int)
  {
    var line = 1
    var lineStart = 0
    var index = 0
    for byte in earlier {
      index += 1
      if byte == 0x0A { line += 1; lineStart = index }
    }
    for byte in rest {
      index += 1
      if byte == 0x0A { line += 1; lineStart = index }
    }
    return (line, offset - lineStart + 1)
  }

  /// UTF-8 (a BOM is dropped); anything else is read as Windows-1252, which is what spreadsheet
  /// exports and old pages that are not UTF-8 almost always are.
  public static func text(of data: Data, from source: String) throws(InputError) -> String {
    guard !data.isEmpty else { throw .empty(source: source) }
    if let text = String(data: data, encoding: .utf8) {
      return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
    if let text = String(data: data, encoding: .windowsCP1252) { return text }
    throw .notText(source: source)
  }
}
