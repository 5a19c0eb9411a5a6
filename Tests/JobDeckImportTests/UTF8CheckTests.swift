import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// The UTF-8 check of a CSV file's pieces (ASCII passed over a word at a time, each run of other
/// bytes validated alone) answers as validating all the bytes at once does.
@Suite("CSV import: the UTF-8 check answers as the standard library's validation")
struct UTF8CheckTests {
  /// ASCII runs of every length around the eight-byte words, valid characters of every length,
  /// and bytes that no UTF-8 holds or that break a character off.
  static let pieces: [[UInt8]] = [
    Array("a".utf8), Array("Acme, Inc.".utf8), Array("0123456".utf8), Array("é".utf8),
    Array("漢字".utf8), Array("👩‍💻".utf8), [0xC3], [0xA9], [0xE6, 0xBC], [0xF0, 0x9F, 0x91],
    [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80, 0x80],
  ]

  @Test func piecesCheckAsTheWholeValidates() {
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<5000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...12, using: &generator) {
        bytes += generator.chance(0.5)
          ? Array(repeating: UInt8(ascii: "x"), count: Int.random(in: 0...17, using: &generator))
          : generator.pick(Self.pieces)
      }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      #expect(CSVStreamReader.isUTF8(bytes[...]) == expected, "\(bytes)")
      let ascii = bytes.allSatisfy { $0 < 0x80 }
      #expect(bytes.withUnsafeBufferPointer { CSVStreamReader.isASCII($0) } == ascii, "\(bytes)")
    }
  }

  @Test func aSliceIsCheckedFromItsOwnStart() {
    let bytes: [UInt8] = Array("abc".utf8) + [0xC3, 0xA9] + Array("defghijk".utf8)
    #expect(CSVStreamReader.isUTF8(bytes[4...]) == false)
    #expect(CSVStreamReader.isUTF8(bytes[3...]))
    #expect(CSVStreamReader.isUTF8(bytes[..<4]) == false)
  }
}
