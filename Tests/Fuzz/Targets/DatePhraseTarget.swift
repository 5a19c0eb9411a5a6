import JobDeckCore
import JobDeckImport

/// libFuzzer target: the prose date extractor on any text. It must return: no trap, no
/// sanitizer report, no hang.
private let importDate = CivilDate(year: 2025, month: 3, day: 14) ?? CivilDate(dayNumber: 0)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let result = DatePhraseExtractor(importDate: importDate).extract(from: text)
  for deadline in result.deadlines {
    _ = String(describing: deadline.due)
  }
  return 0
}
