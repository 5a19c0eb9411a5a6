import Foundation
import JobDeckCore
import JobDeckImport
import JobDeckStore

/// libFuzzer target: a spreadsheet export through the CSV importer and, when rows come out,
/// into a deck (the path `jobdeck import file.csv` takes). Errors are expected; traps are not.
private let importedAt = Date(timeIntervalSince1970: 1_741_950_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let result = try? CSVPostingImporter.importPostings(from: text, importedAt: importedAt)
  else { return 0 }
  for error in result.errors { _ = error.description }
  var deck = Deck()
  _ = deck.importCSVRows(result.rows, at: importedAt,
    timeZone: TimeZone(identifier: "UTC") ?? .current)
  requireStorable(deck)
  return 0
}
