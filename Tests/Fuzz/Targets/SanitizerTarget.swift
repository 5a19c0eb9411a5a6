import JobDeckCore

/// libFuzzer target: `TerminalText.sanitized` and `sanitizedLines` on any text. The output must
/// hold no control or invisible format character and sanitizing it again must change nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let once = TerminalText.sanitized(text)
  check(once, from: text)
  for line in TerminalText.sanitizedLines(text) {
    check(line, from: text)
  }
  return 0
}

private func check(_ output: String, from input: String) {
  for scalar in output.unicodeScalars {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
      fatalError("control U+\(String(value, radix: 16)) in output of \(input.debugDescription)")
    }
    if scalar.properties.generalCategory == .format && value != 0x200D {
      fatalError("format char U+\(String(value, radix: 16)) in output of \(input.debugDescription)")
    }
  }
  let twice = TerminalText.sanitized(output)
  if twice != output {
    fatalError("not idempotent: \(output.debugDescription) -> \(twice.debugDescription)")
  }
}
