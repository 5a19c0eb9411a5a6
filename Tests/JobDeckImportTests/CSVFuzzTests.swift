import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// A seeded random harness for the CSV reader and importer, bounded in time so it runs in every
/// `swift test`: random bytes must never trap (a trap would end the test process), and every
/// text JobDeck exports must import back exactly. `JOBDECK_PROPERTY_RUNS` runs more seeds.
@Suite("CSV fuzzing and the export round trip")
struct CSVFuzzTests {
  /// Stops a harness early on a slow machine; the seeds it did run still count.
  static let timeBudget = Duration.seconds(3)

  /// Bytes a CSV reader acts on, or trips over: quotes, delimiters, every line end, NUL, a
  /// byte-order mark, multi-byte characters cut anywhere, invalid UTF-8.
  static let byteFragments: [[UInt8]] = [
    Array("\"".utf8), Array("\"\"".utf8), Array(",".utf8), Array(";".utf8), Array("\t".utf8),
    Array("\r".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\n\r".utf8), [0],
    [0xEF, 0xBB, 0xBF], Array("Company".utf8), Array("Title".utf8), Array("Deadline".utf8),
    Array("Stage".utf8), Array("URL".utf8), Array("2025-03-04".utf8), Array("04/03/2025".utf8),
    Array("applied".utf8), Array("javascript:x".utf8), Array("-x".utf8), Array("'=1+1".utf8),
    Array("漢字".utf8), [0xE6, 0xBC], [0xFF], [0xC3], [0x80], Array("👩‍💻".utf8), Array(" ".utf8),
    Array(CSVExporter.header.joined(separator: ",").utf8),
  ]

  static func randomBytes(_ generator: inout SeededGenerator) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<Int.random(in: 0...60, using: &generator) {
      if generator.chance(0.2) {
        bytes.append(UInt8.random(in: 0...255, using: &generator))
      } else {
        bytes += generator.pick(byteFragments)
      }
    }
    return bytes
  }

  /// `readMore` that hands over `bytes` in random pieces, as a file read a few MB at a time.
  static func pieces(of bytes: [UInt8], _ generator: inout SeededGenerator)
    -> (inout [UInt8]) -> Bool
  {
    var position = 0
    var sizes: [Int] = []
    while sizes.reduce(0, +) < bytes.count { sizes.append(Int.random(in: 1...7, using: &generator)) }
    var next = 0
    return { buffer in
      guard next < sizes.count else { return false }
      let end = min(bytes.count, position + sizes[next])
      buffer.append(contentsOf: bytes[position..<end])
      position = end
      next += 1
      return true
    }
  }

  @Test func randomBytesNeverTrapTheReaderOrTheImporter() throws {
    let start = ContinuousClock.now
    var cases = 0
    for seed in PropertySeeds.seeds(default: 4000) {
      if ContinuousClock.now - start > Self.timeBudget, cases >= 200 { break }
      var generator = SeededGenerator(seed: seed)
      let bytes = Self.randomBytes(&generator)
      let text = String(decoding: bytes, as: UTF8.self)
      do {
        let table = try CSVReader.read(text)
        for record in table.records {
          #expect(record.fields.count == table.header.count, "seed \(seed)")
          #expect(record.row >= 2 && record.line >= record.row, "seed \(seed)")
        }
      } catch {
        // A CSVError (empty file, quote left open) is an answer, not a failure.
      }
      if let result = try? CSVPostingImporter.importPostings(from: text, importedAt: Date()) {
        var deck = Deck()
        deck.importCSVRows(result.rows, at: Date(), timeZone: .gmt)
        for posting in deck.postings {
          #expect(posting.url.map { WebLink.validated($0) != nil } ?? true, "seed \(seed)")
          #expect(!posting.id.isEmpty, "seed \(seed)")
        }
      }
      // The same bytes in pieces, invalid UTF-8 included (the reader then says so).
      _ = try? CSVPostingImporter.importPostings(
        readingUTF8With: Self.pieces(of: bytes, &generator), importedAt: Date())
      cases += 1
    }
    #expect(cases >= 200)
  }

  // MARK: - Round trip

  /// What cells are made of: every character a spreadsheet runs as a formula at the start of a
  /// cell, line breaks of every kind, quotes of both sorts, delimiters and Unicode. No NUL: a CSV
  /// cell holding one is refused as not text (the random-bytes harness above covers that).
  static let textPieces = [
    "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "'", "''", "\"", ",", ";", " ", "a", "Acme",
    "SUM(A1)", "1+2", "漢字", "👩‍💻", "e\u{301}", "\u{202E}", "ü", "|",
  ]

  static func randomText(_ generator: inout SeededGenerator) -> String {
    var text = ""
    while text.isEmpty {
      for _ in 0..<Int.random(in: 1...8, using: &generator) { text += generator.pick(textPieces) }
    }
    return text
  }

  struct Texts: Equatable {
    var company, title, location, description, salary, notes: String
  }

  @Test func everyExportedTextImportsBackExactly() throws {
    let start = ContinuousClock.now
    var cases = 0
    let time = Date(timeIntervalSince1970: 1_790_000_000)
    for seed in PropertySeeds.seeds(default: 300) {
      if ContinuousClock.now - start > Self.timeBudget, cases >= 30 { break }
      var generator = SeededGenerator(seed: seed)
      var deck = Deck()
      var expected: [Texts] = []
      for index in 0..<Int.random(in: 1...4, using: &generator) {
        // Rows with the same company and title (as the importer compares them, ignoring case
        // and spacing) are one posting: the company ends with the row's number.
        let texts = Texts(
          company: Self.randomText(&generator) + " \(index)", title: Self.randomText(&generator),
          location: Self.randomText(&generator), description: Self.randomText(&generator),
          salary: Self.randomText(&generator), notes: Self.randomText(&generator))
        let id = deck.add(Posting(
          id: "", title: texts.title, company: texts.company, location: texts.location,
          compensation: Compensation(text: texts.salary), description: texts.description,
          createdAt: time))
        let application = try deck.apply(toPosting: id, at: time)
        try deck.appendNote(texts.notes, toApplication: application, at: time)
        expected.append(texts)
      }
      let csv = CSVExporter.export(deck, timeZone: .gmt)
      let bytes = Array(csv.utf8)
      let batches = try #require(try CSVPostingImporter.importPostings(
        readingUTF8With: Self.pieces(of: bytes, &generator), importedAt: time))
      #expect(batches.errors.isEmpty, "seed \(seed): \(batches.errors)")
      let rows = batches.batches.flatMap { $0 }
      let imported = rows.map { row in
        Texts(company: row.draft.posting.company, title: row.draft.posting.title,
              location: row.draft.posting.location ?? "",
              description: row.draft.posting.description ?? "",
              salary: row.draft.posting.compensation?.text ?? "", notes: row.notes ?? "")
      }
      #expect(imported == expected, "seed \(seed): \(csv.debugDescription)")

      // Into a deck and out again: the same file.
      var copy = Deck()
      var rowBatches = batches.batches
      copy.importCSVRows(batches: &rowBatches, at: time, timeZone: .gmt)
      #expect(CSVExporter.export(copy, timeZone: .gmt) == csv, "seed \(seed)")
      cases += 1
    }
    #expect(cases >= 30)
  }

  @Test func theFormulaGuardIsExactlyUndone() {
    let texts = ["=1", "'=1", "''=1", "'", "''", "'a", "a", "", "\t", "'\t", "\r\n", "@", "-"]
    for text in texts {
      #expect(CSVFormulaGuard.unguarded(CSVFormulaGuard.guarded(text)) == text,
              "\(text.debugDescription)")
      let guarded = CSVFormulaGuard.guarded(text)
      #expect(!"=+-@\t\r".unicodeScalars.contains(guarded.unicodeScalars.first ?? "a"))
    }
    #expect(CSVFormulaGuard.guarded("'hello") == "'hello")
    #expect(CSVFormulaGuard.guarded("'=x") == "''=x")
  }
}
