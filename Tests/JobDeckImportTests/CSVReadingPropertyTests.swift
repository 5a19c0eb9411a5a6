import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// Random tables written every way the rules allow (`CSVReadingRule`) read back as the rules
/// say, whole and a piece at a time; text written with no regard for the rules reads the same
/// both ways, and what it reads as writes back to the same table.
@Suite("CSV reading follows its rules on random files")
struct CSVReadingPropertyTests {
  func readWhole(_ text: String) -> Result<CSVTable, CSVError> {
    do throws(CSVError) { return .success(try CSVReader.read(text)) } catch {
      return .failure(error)
    }
  }

  /// A `readMore` that hands out `bytes` in pieces of random sizes (often one byte, so that every
  /// quote, CR and multi-byte character is cut somewhere).
  static func pieces(of bytes: [UInt8], _ generator: inout SeededGenerator)
    -> (inout [UInt8]) -> Bool
  {
    var position = 0
    var sizes = generator
    return { buffer in
      guard position < bytes.count else { return false }
      // As `readMore` should: at least as much again as the buffer holds once it is large (a
      // record longer than a piece), so that the record is not scanned again a byte at a time.
      let size = buffer.count > 256 ? buffer.count
        : sizes.chance(0.5) ? 1 : Int.random(in: 1...64, using: &sizes)
      let end = min(bytes.count, position + size)
      buffer.append(contentsOf: bytes[position..<end])
      position = end
      return true
    }
  }

  static func readInPieces(_ text: String, _ generator: inout SeededGenerator)
    -> Result<CSVTable, CSVError>
  {
    var header: [String] = []
    var delimiter = UInt8(ascii: ",")
    var records: [CSVRecord] = []
    var errors: [CSVError] = []
    do {
      let isUTF8 = try CSVStreamReader.readUTF8(
        readingWith: pieces(of: Array(text.utf8), &generator)
      ) { event in
        switch event {
        case .header(let cells, let detected):
          header = cells
          delimiter = detected
        case .record(let record): records.append(record)
        case .raggedRow(let error): errors.append(error)
        }
      }
      #expect(isUTF8)
    } catch let error as CSVError {
      return .failure(error)
    } catch {
      Issue.record("unexpected \(error)")
    }
    return .success(CSVTable(header: header, delimiter: Character(Unicode.Scalar(delimiter)),
                             records: records, errors: errors))
  }

  @Test(arguments: PropertySeeds.seeds(default: 400))
  func writtenTablesReadBackAsTheRulesSay(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let written = CSVReadingRule.written(&generator)
    #expect(readWhole(written.text) == written.expected, "\(written.text.debugDescription)")
    #expect(Self.readInPieces(written.text, &generator) == written.expected,
            "in pieces: \(written.text.debugDescription)")
  }

  @Test(arguments: PropertySeeds.seeds(default: 100))
  func aQuoteLeftOpenIsReportedWhereItOpened(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let (text, error) = CSVReadingRule.withUnclosedQuote(&generator)
    #expect(readWhole(text) == .failure(error), "\(text.debugDescription)")
    #expect(Self.readInPieces(text, &generator) == .failure(error),
            "in pieces: \(text.debugDescription)")
  }

  /// Raw pieces with no regard for CSV rules: stray and unbalanced quotes, text after a closing
  /// quote, lone CRs, byte-order marks, every delimiter, multi-byte characters next to them.
  @Test(arguments: PropertySeeds.seeds(default: 300))
  func anyTextReadsTheSameInPiecesAndWritesBackToTheSameTable(seed: UInt64) throws {
    let pieces = ["a", "Acme", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "\u{FEFF}", " ",
                  "é", "e\u{301}", "\"\u{301}", ",\u{301}", "漢字", "👩‍💻", "\0", "x\"y"]
    var generator = SeededGenerator(seed: seed)
    var text = generator.chance(0.2) ? "\u{FEFF}\u{FEFF}" : ""
    for _ in 0..<Int.random(in: 0...60, using: &generator) {
      text += generator.chance(0.1)
        ? HostileStrings.random(using: &generator, maximumPieces: 2) : generator.pick(pieces)
    }
    let whole = readWhole(text)
    #expect(Self.readInPieces(text, &generator) == whole, "\(text.debugDescription)")
    guard case .success(let table) = whole else { return }
    #expect(table.records.allSatisfy { $0.fields.count == table.header.count })
    #expect(table.records.allSatisfy { $0.fields.contains { !$0.isEmpty } })
    let again = try CSVReader.read(CSVReadingRule.rewritten(table))
    #expect(again.header == table.header, "\(text.debugDescription)")
    #expect(again.records.map(\.fields) == table.records.map(\.fields), "\(text.debugDescription)")
    #expect(again.errors.isEmpty)
  }

  @Test func aRecordLongerThanEveryPieceIsReadWhole() throws {
    let description = String(repeating: "word, \"quoted\"\r\n", count: 5000)
    let text = "Company,Description\nAcme," + CSVReadingRule.quoted(description) + "\nBeta,x"
    var generator = SeededGenerator(seed: 1)
    let table = try Self.readInPieces(text, &generator).get()
    #expect(table.records.map(\.fields) == [["Acme", description], ["Beta", "x"]])
    #expect(table.records.map(\.row) == [2, 3])
  }
}
