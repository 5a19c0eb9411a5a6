import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// The CSV import read a piece at a time (`CSVStreamReader`, `CSVImportBuilder`) decides as the
/// import of the whole text does, with the file cut into pieces at every kind of place; slashed
/// dates settled by evidence that arrives late.
@Suite("CSV import: read in pieces, decides exactly as the whole file")
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

  // MARK: - Importer

  /// With `handingOn`, the batches handed on while reading come before the result's.
  func imported(_ text: String, _ generator: inout SeededGenerator, handingOn: Bool = false)
    -> Result<CSVImportResult, CSVError>
  {
    var handedOn: [CSVImportedRow] = []
    do {
      guard let batches = try CSVPostingImporter.importPostings(
        readingUTF8With: CSVReadingPropertyTests.pieces(of: Array(text.utf8), &generator),
        source: "s.csv",
        importedAt: importedAt, handingOn: handingOn ? { handedOn += $0 } : nil)
      else {
        Issue.record("read as not UTF-8")
        return .failure(.empty)
      }
      return .success(CSVImportResult(rows: handedOn + batches.batches.flatMap { $0 },
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

  @Test func importInPiecesMatchesTheWholeFileImport() {
    for seed in PropertySeeds.seeds(default: 60) {
      var generator = SeededGenerator(seed: seed)
      let text = spreadsheet(&generator, rows: 40, hostile: seed % 3 == 0)
      let whole = importedWhole(text) { text throws(CSVError) in
        try CSVPostingImporter.importPostings(from: text, source: "s.csv", importedAt: importedAt)
      }
      #expect(imported(text, &generator, handingOn: seed % 2 == 1) == whole, "seed \(seed)")
    }
  }

  /// More rows than a batch holds, with the only evidence for the slashed dates' order in the
  /// last row, so rows in early batches are completed at the end: day first, as 13/02 says.
  @Test func batchesHoldTheRowsInFileOrderWithLateSettledDates() throws {
    var lines = ["Company,Title,Deadline"]
    for row in 0..<9000 {
      lines.append("C\(row),T,\(row % 7 == 0 ? "04/03/2025" : "2025-01-01")")
    }
    lines.append("Late,T,13/02/2025")
    let text = lines.joined(separator: "\n")
    var generator = SeededGenerator(seed: 2)
    let batches = try #require(try CSVPostingImporter.importPostings(
      readingUTF8With: CSVReadingPropertyTests.pieces(of: Array(text.utf8), &generator),
      importedAt: importedAt))
    #expect(batches.batches.count == 3)
    #expect(batches.rowCount == 9001)
    #expect(batches.errors.isEmpty)
    let rows = batches.batches.flatMap { $0 }
    #expect(rows.map(\.draft.posting.company) == (0..<9000).map { "C\($0)" } + ["Late"])
    let day = { (year: Int, month: Int, day: Int) in CivilDate(year: year, month: month, day: day) }
    let expected = (0..<9000).map { $0 % 7 == 0 ? day(2025, 3, 4) : day(2025, 1, 1) }
      + [day(2025, 2, 13)]
    #expect(rows.map { $0.draft.deadlines.first.flatMap { deadline -> CivilDate? in
      if case .allDay(let date) = deadline.due { return date }
      return nil
    } } == expected)
    let whole = try CSVPostingImporter.importPostings(from: text, importedAt: importedAt)
    #expect(whole.rows == rows)
  }

  /// Rows handed on while the file is still read (to be merged meanwhile), then the rest, are
  /// the rows of the whole file, in its order, with the same errors: the batches before the
  /// first slashed date go early; one that holds a row whose date waits for the end of the file,
  /// and every one after it, wait, and rows whose dates fail then are left out.
  @Test func batchesHandedOnEarlyAndTheRestMakeTheWholeFile() throws {
    for (late, settles) in [(5000, true), (5000, false), (100, false), (9000, true)] {
      var lines = ["Company,Title,Deadline"]
      for row in 0..<9000 {
        lines.append("C\(row),T,\(row >= late && row % 7 == 0 ? "04/03/2025" : "2025-01-01")")
      }
      if settles { lines.append("Late,T,13/02/2025") }
      let text = lines.joined(separator: "\n")
      var generator = SeededGenerator(seed: 3)
      var handedOn: [[CSVImportedRow]] = []
      let batches = try #require(try CSVPostingImporter.importPostings(
        readingUTF8With: CSVReadingPropertyTests.pieces(of: Array(text.utf8), &generator),
        importedAt: importedAt, handingOn: { handedOn.append($0) }))
      #expect(handedOn.count == late / 4096, "late \(late)")
      #expect(handedOn.allSatisfy { $0.count == 4096 })
      let whole = try CSVPostingImporter.importPostings(from: text, importedAt: importedAt)
      #expect(handedOn.flatMap { $0 } + batches.batches.flatMap { $0 } == whole.rows,
              "late \(late), settles \(settles)")
      #expect(batches.errors == whole.errors)
      #expect(settles == whole.errors.isEmpty)
    }
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
        streamed = try CSVStreamReader.readUTF8(
          readingWith: CSVReadingPropertyTests.pieces(of: bytes, &generator)
        ) {
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
