import JobDeckCore
import JobDeckImport
import JobDeckStore

/// libFuzzer target: a pasted plain-text ad through the importer's front door, with the
/// dry-run JSON preview the CLI prints for it.
private let importDate = CivilDate(year: 2025, month: 3, day: 14) ?? CivilDate(dayNumber: 0)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let draft = PostingImporter.draft(fromText: text, contentTypeHint: "text/plain",
    importDate: importDate, source: "fuzz")
  _ = PostingImporter.dryRunJSON(draft)
  requireStorable(draft)
  return 0
}
