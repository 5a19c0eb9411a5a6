import JobDeckCore
import JobDeckImport
import JobDeckStore

/// libFuzzer target: a fetched web page (visible text and schema.org JSON-LD) through the
/// HTML reader, with the dry-run JSON preview.
private let importDate = CivilDate(year: 2025, month: 3, day: 14) ?? CivilDate(dayNumber: 0)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let draft = HTMLPostingReader.draft(fromHTML: html, importDate: importDate,
    source: "fuzz.example")
  _ = PostingImporter.dryRunJSON(draft)
  requireStorable(draft)
  return 0
}
