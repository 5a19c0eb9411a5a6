import Dispatch
import Glibc
import Foundation
import JobDeckCore
import JobDeckImport

/// What `jobdeck import` and the UI's `i` are given: a file, `-` (standard input: a pasted ad) or
/// an http(s) URL; CSV files are recognised by their name.
enum PostingSource {
  /// How long a page may take to arrive before the import gives up and says so.
  static let fetchTimeout: TimeInterval = 20

  enum Kind: Equatable {
    case standardInput, url(URL), csvFile(String), file(String)
  }

  static func kind(of source: String) -> Kind {
    if source == "-" { return .standardInput }
    if let url = URL(string: source), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https"
    {
      return .url(url)
    }
    let expanded = (source as NSString).expandingTildeInPath
    if expanded.lowercased().hasSuffix(".csv") || expanded.lowercased().hasSuffix(".tsv") {
      return .csvFile(expanded)
    }
    return .file(expanded)
  }

  /// Reads one posting. CSV files hold many and go through `CSVPostingImporter` instead.
  static func draft(from source: String, today: CivilDate) throws -> PostingDraft {
    switch kind(of: source) {
    case .standardInput:
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return PostingImporter.draft(fromText: try text(of: data, from: "standard input"),
                                   contentTypeHint: nil, importDate: today, source: "pasted")
    case .url(let url):
      return try runBlocking {
        try await PostingImporter.draft(fromURL: url, timeout: fetchTimeout, importDate: today)
      }
    case .csvFile(let path):
      throw CommandFailure.user("\(path) is a CSV file with many rows; import it with: jobdeck import \(path)")
    case .file(let path):
      return PostingImporter.draft(fromText: try text(of: try read(path), from: path),
                                   contentTypeHint: nil, importDate: today,
                                   source: (path as NSString).lastPathComponent)
    }
  }

  static func read(_ path: String) throws -> Data {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandFailure.user("cannot read \(path): \(String(cString: strerror(errno)))")
    }
    defer { try? handle.close() }
    return handle.readDataToEndOfFile()
  }

  /// Imports a CSV file read a few MB at a time, so that the import holds its rows but never the
  /// file's 200 MB of text besides. A file that is not UTF-8 is read whole, as `text(of:from:)`
  /// decodes it. CSV errors are `CSVError` (the caller names the file).
  static func importCSV(at path: String, importedAt: Date) throws -> CSVImportBatches {
    let source = (path as NSString).lastPathComponent
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw CommandFailure.user("cannot read \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var total = 0
    var chunk: [UInt8] = []
    let imported = try CSVPostingImporter.importPostings(
      readingUTF8With: { buffer in
        let wanted = max(csvPieceSize, buffer.count)
        if chunk.count < wanted { chunk = zeroedBytes(count: wanted) }
        var count = -1
        while count < 0 {
          count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
          if count < 0 && errno != EINTR {
            throw CommandFailure.user("cannot read \(path): \(String(cString: strerror(errno)))")
          }
        }
        buffer.append(contentsOf: chunk[0..<count])
        total += count
        if count == 0 && total == 0 {
          throw CommandFailure.user("\(path) is empty: nothing to import")
        }
        return count > 0
      }, source: source, importedAt: importedAt)
    if let imported { return imported }
    let result = try CSVPostingImporter.importPostings(
      from: text(of: try read(path), from: path), source: source, importedAt: importedAt)
    return CSVImportBatches(batches: [result.rows], errors: result.errors,
                            ignoredColumns: result.ignoredColumns)
  }

  /// `count` zero bytes, set with `memset`: fast in debug builds too, where filling an array
  /// element by element through the generic standard library takes seconds for a few MB.
  private static func zeroedBytes(count: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { bytes, initialized in
      if let base = bytes.baseAddress { memset(base, 0, count) }
      initialized = count
    }
  }

  /// How much of a CSV file is read at a time.
  static let csvPieceSize = 4 << 20

  /// UTF-8 (a BOM is dropped); anything else is read as Windows-1252, which is what spreadsheet
  /// exports and old pages that are not UTF-8 almost always are.
  static func text(of data: Data, from name: String) throws -> String {
    guard !data.isEmpty else { throw CommandFailure.user("\(name) is empty: nothing to import") }
    if let text = String(data: data, encoding: .utf8) {
      return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
    if let text = String(data: data, encoding: .windowsCP1252) { return text }
    throw CommandFailure.user("\(name) is not text (neither UTF-8 nor Windows-1252)")
  }
}

/// Runs async work from synchronous code (a command's `run`, the UI's effect handler) and waits
/// for it. The work runs on the cooperative pool, so the waiting thread never blocks it.
func runBlocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
  let semaphore = DispatchSemaphore(value: 0)
  let box = ResultBox<T>()
  Task {
    do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
    semaphore.signal()
  }
  semaphore.wait()
  guard let result = box.result else { throw CommandFailure.user("the import did not finish") }
  return try result.get()
}

/// Written once by the task before it signals, read once after the wait: the semaphore orders
/// the two accesses.
private final class ResultBox<T>: @unchecked Sendable {
  var result: Result<T, any Error>?
}
