import Foundation
import JobDeckCore

/// The descriptions of rows being imported, moved out of memory into an unnamed file beside the
/// store until the store is written: a spreadsheet's descriptions are most of its bytes, and
/// held as Strings until the save they would make an import of 100,000 rows take more memory
/// than the store it writes. The store's writer copies them from there as it copies
/// descriptions from the store file (`LongText`).
///
/// The file is JobDeck's own and has no name, so no other program can change it, and it is
/// gone once the last text kept in it is.
public final class DescriptionSpill: @unchecked Sendable {
  private let file: StoreTextFile

  /// A spill beside the store at `storePath`, or nil when its directory does not take one (it
  /// does not exist yet, or its file system has no unnamed files): the texts then stay in
  /// memory.
  public init?(besideStoreAt storePath: String) {
    let resolved = (try? FileSystem.resolvingSymlinks(storePath)) ?? storePath
    let directory = (resolved as NSString).deletingLastPathComponent
    guard let file = StoreTextFile(privateIn: directory.isEmpty ? "." : directory) else {
      return nil
    }
    self.file = file
  }

  /// `texts` kept in the spill instead of memory, written a megabyte at a time; nil when a
  /// write fails (the disk is full), and the texts are to stay as they are.
  public func keep(_ texts: [LongText]) -> [LongText]? {
    var kept: [LongText] = []
    kept.reserveCapacity(texts.count)
    var pending: [UInt8] = []
    pending.reserveCapacity(Self.pieceSize + Self.pieceSize / 4)
    var bodies: [(start: Int, count: Int, hasEscapes: Bool)] = []
    var writer = StoreRecordWriter()
    func flush() -> Bool {
      guard let start = file.append(pending) else { return false }
      for body in bodies {
        kept.append(LongText(validatedJSONBodyIn: file, start: start + body.start,
          count: body.count, hasEscapes: body.hasEscapes))
      }
      pending.removeAll(keepingCapacity: true)
      bodies.removeAll(keepingCapacity: true)
      return true
    }
    for text in texts {
      writer.bytes.removeAll(keepingCapacity: true)
      writer.string(text.string)
      // The writer's string without its quotes: the canonical body.
      let body = writer.bytes.dropFirst().dropLast()
      bodies.append((pending.count, body.count, body.contains(UInt8(ascii: "\\"))))
      pending.append(contentsOf: body)
      if pending.count >= Self.pieceSize, !flush() { return nil }
    }
    guard flush() else { return nil }
    return kept
  }

  private static let pieceSize = 1 << 20
}
