import Glibc
import Foundation
import JobDeckCore
import JobDeckImport

/// What `jobdeck import` and the UI's `i` are given: a file, `-` (standard input: a pasted ad) or
/// an http(s) URL; CSV files are recognised by their name.
enum PostingSource {
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

  /// Reads one posting within `limits`. CSV files hold many and go through
  /// `CSVPostingImporter` instead.
  static func draft(from source: String, today: CivilDate, limits: ReadingLimits = .ad) throws
    -> PostingDraft
  {
    do {
      switch kind(of: source) {
      case .standardInput:
        let data = try BoundedInput.readStandardInput(limit: limits.maximumBytes)
        return try draft(fromPasted: try BoundedInput.text(of: data, from: "standard input"),
                         from: "standard input", today: today, limits: limits)
      case .url(let url):
        return try PostingImporter.draft(fromURL: url, limits: limits, importDate: today)
      case .csvFile(let path):
        throw CommandFailure.user(
          "\(path) is a CSV file with many rows; import it with: jobdeck import \(path)")
      case .file(let path):
        let data = try BoundedInput.readFile(atPath: path, limit: limits.maximumBytes)
        return PostingImporter.draft(fromText: try BoundedInput.text(of: data, from: path),
                                     contentTypeHint: nil, importDate: today,
                                     source: (path as NSString).lastPathComponent)
      }
    } catch let error as InputError {
      throw CommandFailure.user(error.description)
    } catch let error as FetchError {
      throw CommandFailure.user(error.description)
    }
  }

  /// A pasted ad: standard input of `jobdeck import -`, or what the UI's import dialog was given
  /// (its box, the clipboard, an editor buffer). One path, so both find the same posting and
  /// refuse the same sizes.
  static func draft(fromPasted text: String, from origin: String, today: CivilDate,
                    limits: ReadingLimits = .ad) throws -> PostingDraft {
    do {
      guard text.utf8.count <= limits.maximumBytes else {
        throw InputError.tooLarge(source: origin, limit: limits.maximumBytes)
      }
      guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw InputError.empty(source: origin)
      }
    } catch let error as InputError {
      throw CommandFailure.user(error.description)
    }
    return PostingImporter.draft(fromText: text, contentTypeHint: nil, importDate: today,
                                 source: "pasted")
  }

  /// Imports a CSV file read a few MB at a time, so that the import holds its rows but never the
  /// file's 200 MB of text besides; more than `limit` bytes stop it. A file that is not UTF-8
  /// is read whole (within the limit) and decoded as `BoundedInput.text(of:from:)` does. CSV
  /// errors are `CSVError` (the caller names the file).
  ///
  /// With `handOn`, batches are handed on as they are final while the file is read (see
  /// `CSVPostingImporter.importPostings(readingUTF8With:source:importedAt:handingOn:)`), and the
  /// result holds the rest; `handOn(nil, 0)` says that those handed on so far are void (the
  /// file turned out not to be UTF-8) and the result holds every row. With each batch comes an
  /// estimate of the file's row count, from the share of its bytes read so far.
  static func importCSV(at path: String, importedAt: Date, limit: Int = ReadingLimits.csv.maximumBytes,
                        handingOn handOn: (([CSVImportedRow]?, _ expectedRows: Int) -> Void)? = nil)
    throws -> CSVImportBatches
  {
    do {
      return try importCSVWithinLimit(at: path, importedAt: importedAt, limit: limit,
                                      handingOn: handOn)
    } catch let error as InputError {
      throw CommandFailure.user(error.description)
    }
  }

  private static func importCSVWithinLimit(
    at path: String, importedAt: Date, limit: Int,
    handingOn handOn: (([CSVImportedRow]?, _ expectedRows: Int) -> Void)?
  ) throws -> CSVImportBatches {
    let source = (path as NSString).lastPathComponent
    let descriptor = try BoundedInput.openRegularFile(atPath: path, limit: limit)
    defer { close(descriptor) }
    var total = 0
    var rowsHandedOn = 0
    var chunk: [UInt8] = []
    let imported = try CSVPostingImporter.importPostings(
      readingUTF8With: { buffer in
        let wanted = max(csvPieceSize, buffer.count)
        if chunk.count < wanted { chunk = zeroedBytes(count: wanted) }
        var count = -1
        while count < 0 {
          count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
          if count < 0 && errno != EINTR {
            throw InputError.cannotRead(source: path, reason: String(cString: strerror(errno)))
          }
        }
        buffer.append(contentsOf: chunk[0..<count])
        total += count
        // The size was checked when the file was opened; this holds a file that grows since.
        if total > limit { throw InputError.tooLarge(source: path, limit: limit) }
        if count == 0 && total == 0 { throw InputError.empty(source: path) }
        return count > 0
      }, source: source, importedAt: importedAt, handingOn: handOn.map { handOn in
        { batch in
          rowsHandedOn += batch.count
          handOn(batch, expectedRows(handedOn: rowsHandedOn, bytesRead: total, of: descriptor))
        }
      })
    if let imported { return imported }
    handOn?(nil, 0)
    let data = try BoundedInput.readFile(atPath: path, limit: limit)
    let result = try CSVPostingImporter.importPostings(
      from: BoundedInput.text(of: data, from: path), source: source, importedAt: importedAt)
    return CSVImportBatches(batches: [result.rows], errors: result.errors,
                            ignoredColumns: result.ignoredColumns)
  }

  /// The rows a file will hold, from those of its first `bytesRead` bytes: half as many again,
  /// because the bytes read run up to a piece ahead of the rows. Room made for these up front
  /// spares the merge's tables a rehash of every key each time they grow.
  private static func expectedRows(handedOn rows: Int, bytesRead: Int, of descriptor: Int32)
    -> Int
  {
    var info = stat()
    guard bytesRead > 0, fstat(descriptor, &info) == 0 else { return rows }
    return Int(Double(rows) * 1.5 * Double(info.st_size) / Double(bytesRead))
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
}
