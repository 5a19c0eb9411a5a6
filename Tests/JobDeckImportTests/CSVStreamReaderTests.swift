import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// The CSV import read a piece at a time (`CSVStreamReader`, `CSVImportBuilder`) against the
/// whole-text reader and table-first importer it replaced (`CSVImportReference.swift`,
/// `CSVStreamReference.swift`), with the file cut into pieces at every kind of place.
@Suite("CSV import: read in pieces, decides exactly as the whole-file reference")
struct CSVStreamReaderTests {
  let importedAt = Date(timeIntervalSince1970: 1_740_000_000.4)

  /// Slashed dates either way round and ambiguous ones, so that orders are settled late.
  static let dates = ["", "2025-03-04", "04.03.2025", "13/02/2025", "02/13/2025", "04/03/2025",
                      "05/05/2025", " 04/03/2025 ", "2025/03/04 10:00", "31/31/2025", "x"]

  func spreadsheet(_ generator: inout SeededGenerator, rows: Int, hostile: Bool) -> String {
    let header = generator.pick([
      ["Company", "Title", "URL", "Deadline", "Stage", "Applied", "Notes", "Tags", "Description",
       "Posted", "Workplace", "Extra"],
      ["Employer", "Role", "Closing date", "Status", "Date applied", "Description"],
      ["Foo", "Bar"],
    ])
    func field() -> String {
      if hostile && generator.chance(0.15) {
        return HostileStrings.random(using: &generator, maximumPieces: 3)
      }
      return generator.pick(
        Self.dates + ["Acme", "", "Dev", "applied", "hybrid", "Long text, with \"quotes\".\nLines.",
                      "漢字 👩‍💻", "interview", "moon"])
    }
    var lines = [header.joined(separator: ",")]
    for _ in 0..<rows {
      let count = generator.chance(0.1) ? header.count + 1 : header.count
      lines.append((0..<count).map { _ in quoted(field()) }.joined(separator: ","))
    }
    let text = lines.joined(separator: generator.pick(["\n", "\r\n", "\r"]))
    return (generator.chance(0.2) ? "\u{FEFF}" : "") + text + (generator.chance(0.5) ? "\n" : "")
  }

  func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A `readMore` that hands out `bytes` in pieces of random sizes (often one byte, so that every
  /// quote, CR and multi-byte character is cut somewhere).
  func pieces(of bytes: [UInt8], _ generator: inout SeededGenerator) -> (inout [UInt8]) -> Bool {
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

  func readInPieces(_ text: String, _ generator: inout SeededGenerator)
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

  func reference(_ text: String) -> Result<CSVTable, CSVError> {
    do throws(CSVError) { return .success(try ReferenceCSVReader.read(text)) } catch {
      return .failure(error)
    }
  }

  @Test func readerInPiecesReadsGeneratedSpreadsheetsAsTheReferenceDoes() {
    for seed in PropertySeeds.seeds(default: 60) {
      var generator = SeededGenerator(seed: seed)
      let text = spreadsheet(&generator, rows: 25, hostile: seed % 2 == 0)
      #expect(readInPieces(text, &generator) == reference(text), "seed \(seed)")
    }
  }

  /// Raw pieces with no regard for CSV rules, as in `readerReadsHostileTextAsTheReferenceDoes`.
  @Test func readerInPiecesReadsHostileTextAsTheReferenceDoes() {
    let pieces = ["a", "Acme", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "\u{FEFF}", " ",
                  "é", "漢字", "👩‍💻", "\0", "x\"y"]
    for seed in PropertySeeds.seeds(default: 300) {
      var generator = SeededGenerator(seed: seed)
      var text = generator.chance(0.2) ? "\u{FEFF}\u{FEFF}" : ""
      for _ in 0..<Int.random(in: 0...60, using: &generator) {
        text += generator.chance(0.1)
          ? HostileStrings.random(using: &generator, maximumPieces: 2) : generator.pick(pieces)
      }
      #expect(readInPieces(text, &generator) == reference(text),
              "seed \(seed): \(text.debugDescription)")
    }
  }

  @Test func aRecordLongerThanEveryPieceIsReadWhole() throws {
    let description = String(repeating: "word, \"quoted\"\r\n", count: 5000)
    let text = "Company,Description\nAcme,\(quoted(description))\nBeta,x"
    var generator = SeededGenerator(seed: 1)
    let table = try readInPieces(text, &generator).get()
    #expect(table.records.map(\.fields) == [["Acme", description], ["Beta", "x"]])
    #expect(table.records.map(\.row) == [2, 3])
  }

  // MARK: - Importer

  func imported(_ text: String, _ generator: inout SeededGenerator) -> Result<CSVImportResult, CSVError> {
    do {
      guard let batches = try CSVPostingImporter.importPostings(
        readingUTF8With: pieces(of: Array(text.utf8), &generator), source: "s.csv",
        importedAt: importedAt)
      else {
        Issue.record("read as not UTF-8")
        return .failure(.empty)
      }
      return .success(CSVImportResult(rows: batches.batches.flatMap { $0 },
                                      errors: batches.errors,
                                      ignoredColumns: batches.ignoredColumns))
    } catch let error as CSVError {
      return .failure(error)
    } catch {
      Issue.record("unexpected \(error)")
      return .failure(.empty)
    }
  }

  func importedWhole(_ text: String, by importer: (String) throws(CSVError) -> CSVImportResult)
    -> Result<CSVImportResult, CSVError>
  {
    do throws(CSVError) { return .success(try importer(text)) } catch { return .failure(error) }
  }

  @Test func importInPiecesMatchesTheTableFirstReference() {
    for seed in PropertySeeds.seeds(default: 60) {
      var generator = SeededGenerator(seed: seed)
      let text = spreadsheet(&generator, rows: 40, hostile: seed % 3 == 0)
      let expected = importedWhole(text) { text throws(CSVError) in
        try ReferenceCSVPostingImporter.importPostings(from: text, source: "s.csv",
                                                       importedAt: importedAt)
      }
      #expect(imported(text, &generator) == expected, "seed \(seed)")
      let whole = importedWhole(text) { text throws(CSVError) in
        try CSVPostingImporter.importPostings(from: text, source: "s.csv", importedAt: importedAt)
      }
      #expect(whole == expected, "seed \(seed)")
    }
  }

  /// More rows than a batch holds, with late evidence for the slashed dates' order, so rows in
  /// early batches are completed or failed at the end.
  @Test func batchesHoldTheRowsInFileOrderWithLateSettledDates() throws {
    var lines = ["Company,Title,Deadline"]
    for row in 0..<9000 {
      lines.append("C\(row),T,\(row % 7 == 0 ? "04/03/2025" : "2025-01-01")")
    }
    lines.append("Late,T,13/02/2025")
    let text = lines.joined(separator: "\n")
    var generator = SeededGenerator(seed: 2)
    let expected = try ReferenceCSVPostingImporter.importPostings(
      from: text, source: "s.csv", importedAt: importedAt)
    #expect(imported(text, &generator) == .success(expected))
    let batches = try #require(try CSVPostingImporter.importPostings(
      readingUTF8With: pieces(of: Array(text.utf8), &generator), importedAt: importedAt))
    #expect(batches.batches.count == 3)
    #expect(batches.rowCount == 9001)
  }

  /// Deciding UTF-8 piece by piece agrees with Foundation's decoding of the whole file (which
  /// the import falls back to Windows-1252 after).
  @Test func bytesAreUTF8ExactlyWhenFoundationDecodesThemAsUTF8() throws {
    let pieces: [[UInt8]] = [[0x41], [0x2C], [0x0A], [0xC3, 0xA9], [0xE6, 0xBC, 0xA2],
                             [0xF0, 0x9F, 0x91, 0xA9], [0xC3], [0xA9], [0xED, 0xA0, 0x80],
                             [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xEF, 0xBB, 0xBF],
                             [0xEF, 0xBF, 0xBE], [0x22], [0x80]]
    for seed in PropertySeeds.seeds(default: 400) {
      var generator = SeededGenerator(seed: seed)
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 1...30, using: &generator) {
        bytes += generator.pick(pieces)
      }
      let foundation = String(data: Data(bytes), encoding: .utf8) != nil
      // A CSV error (a quote left open) is thrown only once every byte was found to be UTF-8.
      var streamed = true
      do {
        streamed = try CSVStreamReader.readUTF8(readingWith: self.pieces(of: bytes, &generator)) {
          _ in
        }
      } catch is CSVError {}
      #expect(streamed == foundation, "seed \(seed): \(bytes)")
    }
  }
}

@Suite("CSV import: merging in batches")
struct CSVBatchMergeTests {
  /// Rows merged a batch at a time give the deck and outcomes of merging them all at once, into
  /// a deck that already holds some of their postings.
  @Test func mergingBatchesMatchesMergingTheRowsAtOnce() throws {
    let time = Date(timeIntervalSince1970: 1_740_000_000)
    let zone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
    for seed in PropertySeeds.seeds(default: 20) {
      var generator = SeededGenerator(seed: seed)
      let text = CSVStreamReaderTests().spreadsheet(&generator, rows: 50, hostile: seed % 2 == 0)
      guard let rows = try? CSVPostingImporter.importPostings(from: text, importedAt: time).rows
      else { continue }
      var decks = DeckGenerator(seed: seed)
      var deck = decks.deck(maximumRecords: 6)
      for (offset, row) in rows.prefix(3).enumerated() {
        var posting = row.draft.posting
        posting.id = "pre-\(offset)"
        deck.postings.append(posting)
      }
      var whole = deck
      let wholeOutcomes = whole.importCSVRows(rows, at: time, timeZone: zone)
      var batches = stride(from: 0, to: rows.count, by: 7).map {
        Array(rows[$0..<min(rows.count, $0 + 7)])
      }
      let batchOutcomes = deck.importCSVRows(batches: &batches, at: time, timeZone: zone)
      #expect(batchOutcomes == wholeOutcomes, "seed \(seed)")
      #expect(deck == whole, "seed \(seed)")
      #expect(batches.allSatisfy { $0.isEmpty })
    }
  }
}
