import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// The fast import (bytes, indices) against the straightforward one it replaced
/// (`CSVImportReference.swift`), on generated spreadsheets full of duplicates and hostile text.
@Suite("CSV import: the fast path decides exactly as the reference")
struct CSVImportReferenceTests {
  let first = Date(timeIntervalSince1970: 1_740_000_000.4)
  let later = Date(timeIntervalSince1970: 1_740_086_400.7)
  let zone = TimeZone(identifier: "Europe/Berlin") ?? .gmt

  // MARK: - Generated spreadsheets

  /// Values chosen to collide: case, spacing, trailing slashes and scheme case make the same
  /// posting; different URLs for one company and title make two.
  static let companies = ["Acme", "acme", "  ACME ", "Beta GmbH", "Zürich AG", "zürich  ag", "", "Ünïcode Ltd"]
  static let titles = ["ML Intern", "ml  intern", "Machine Learning Engineer", "Data\tEngineer", "", "Senior Developer"]
  static let urls = ["https://jobs.example/a", "HTTPS://Jobs.Example/a/", "https://jobs.example/b",
                     " https://jobs.example/a// ", "jobs.example/c", "", "https://jobs.example/Ä"]
  static let stages = ["", "", "applied", "Interview", "offer received", "saved", "rejected"]
  static let notes = ["", "", "called them", "called them", "Notes: \"quoted\", with comma", "x\ny"]
  static let dates = ["", "2025-03-04", "04.03.2025", "2025-03-05", "13/02/2025", "2025/03/04 10:00"]

  func spreadsheet(_ generator: inout SeededGenerator, rows: Int, hostile: Bool) -> String {
    let header = ["Company", "Title", "URL", "Deadline", "Stage", "Applied", "Notes", "Tags",
                  "Location", "Description", "Salary", "Workplace", "Type", "Posted"]
    func field(_ choices: [String]) -> String {
      if hostile && generator.chance(0.15) { return HostileStrings.random(using: &generator, maximumPieces: 4) }
      return generator.pick(choices)
    }
    var lines = [header.joined(separator: ",")]
    for _ in 0..<rows {
      let values = [
        field(Self.companies), field(Self.titles), field(Self.urls), field(Self.dates),
        field(Self.stages), field(Self.dates), field(Self.notes), field(["", "a, b", "x|y;z", " t "]),
        field(["", "Berlin", " Köln "]), field(["", "Long text, with commas.\nAnd lines.", "Short"]),
        field(["", "€ 42K"]), field(["", "remote", "hybrid", "moon"]), field(["", "full-time", "gig"]),
        field(["", "2025-01-01"]),
      ]
      lines.append(values.map(quoted).joined(separator: ","))
    }
    return lines.joined(separator: generator.pick(["\n", "\r\n"])) + "\n"
  }

  func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  // MARK: - Reader

  func readBoth(_ text: String) -> (Result<CSVTable, CSVError>, Result<CSVTable, CSVError>) {
    func result(_ read: (String) throws(CSVError) -> CSVTable) -> Result<CSVTable, CSVError> {
      do throws(CSVError) { return .success(try read(text)) } catch { return .failure(error) }
    }
    return (result(CSVReader.read), result(ReferenceCSVReader.read))
  }

  @Test func readerReadsGeneratedSpreadsheetsAsTheReferenceDoes() {
    for seed in PropertySeeds.seeds(default: 40) {
      var generator = SeededGenerator(seed: seed)
      let text = spreadsheet(&generator, rows: 30, hostile: true)
      let (fast, reference) = readBoth(text)
      #expect(fast == reference, "seed \(seed)")
    }
  }

  /// Raw pieces with no regard for CSV rules: stray and unbalanced quotes, text after a closing
  /// quote, lone CRs, byte-order marks, every delimiter, multi-byte characters next to them.
  @Test func readerReadsHostileTextAsTheReferenceDoes() {
    let pieces = ["a", "Acme", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "\u{FEFF}", " ",
                  "é", "e\u{301}", "\"\u{301}", ",\u{301}", "漢字", "👩‍💻", "\0", "x\"y"]
    for seed in PropertySeeds.seeds(default: 300) {
      var generator = SeededGenerator(seed: seed)
      var text = generator.chance(0.2) ? "\u{FEFF}\u{FEFF}" : ""
      for _ in 0..<Int.random(in: 0...60, using: &generator) {
        text += generator.chance(0.1)
          ? HostileStrings.random(using: &generator, maximumPieces: 2) : generator.pick(pieces)
      }
      let (fast, reference) = readBoth(text)
      #expect(fast == reference, "seed \(seed): \(text.debugDescription)")
    }
  }

  @Test func readerKeepsRowAndLineNumbersOfMultiLineFields() throws {
    let text = "Company,Notes\r\n\"A\r\ncme\",\"x\"\"y\"z\r\n\r\nBeta,\"a\rb\"\n"
    let (fast, reference) = readBoth(text)
    #expect(fast == reference)
    let table = try CSVReader.read(text)
    #expect(table.records.map(\.fields) == [["A\r\ncme", "x\"yz"], ["Beta", "a\rb"]])
    #expect(table.records.map(\.row) == [2, 4])
    #expect(table.records.map(\.line) == [2, 5])
  }

  // MARK: - Dates

  @Test func datesParseAsTheReferenceParsesThem() {
    var generator = SeededGenerator(seed: 3)
    let pieces = ["2025", "03", "3", "13", "04", "31", "02", "-", "/", ".", " ", "T", "10:00", "x",
                  "٣", "１", "0", "99999", "\u{301}", "\t", "1999", "12"]
    var samples = ["2025-03-04", "2025-13-04", "2025-02-30", "0999-01-01", "2025-3-04", " 2025-03-04",
                   "2025-03-04 ", "2025/03/04", "04.03.2025", "13/02/2025", "02/13/2025", "04/03/2025",
                   "2025-03-04T10:00", "2025-03-0٤", "２025-03-04", "2025-03-04\u{301}", "/", "1/2/3"]
    for _ in 0..<5000 {
      samples.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in generator.pick(pieces) }
        .joined())
    }
    for text in samples {
      for order in [nil, CSVDateOrder.dayFirst, .monthFirst] {
        #expect(CSVDateParser.parse(text, order: order)
                == ReferenceCSVDateParser.parse(text, order: order), "\(text.debugDescription)")
      }
      #expect(CSVDateParser.slashedParts(text).map { [$0.0, $0.1, $0.2] }
              == ReferenceCSVDateParser.slashedParts(text).map { [$0.0, $0.1, $0.2] },
              "\(text.debugDescription)")
    }
  }

  @Test func tagsAndVocabularyKeysReadAsTheCharacterVersionsReadThem() {
    var generator = SeededGenerator(seed: 5)
    let pieces = ["a", "B", ",", ";", "|", " ", "\t", "\r\n", "\n", "_", "-", "Full", "TIME", "é",
                  "\u{A0}", "\u{301}", ",\u{301}", "\u{0B}", "\u{1C}"]
    for _ in 0..<5000 {
      let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in generator.pick(pieces) }
        .joined()
      let tags = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      #expect(CSVVocabulary.tags(text) == tags, "\(text.debugDescription)")
      let spaced = text.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }
      let normalized = String(spaced).split(whereSeparator: { $0.isWhitespace })
        .joined(separator: " ")
      #expect(CSVColumn.normalize(text) == normalized, "\(text.debugDescription)")
    }
  }

  // MARK: - Import into a deck

  func rows(of text: String) throws -> [CSVImportedRow] {
    try CSVPostingImporter.importPostings(from: text, source: "sheet.csv", importedAt: first).rows
  }

  /// Imports `rows` both ways into `deck`, twice over (a re-import), expecting the same decks
  /// and outcomes each time.
  func expectSameImport(_ rows: [CSVImportedRow], into deck: Deck, _ comment: Comment) {
    var fast = deck
    var reference = deck
    for time in [first, later] {
      let fastOutcomes = fast.importCSVRows(rows, at: time, timeZone: zone)
      let referenceOutcomes = reference.referenceImportCSVRows(rows, at: time, timeZone: zone)
      #expect(fastOutcomes == referenceOutcomes, comment)
      #expect(fast == reference, comment)
    }
  }

  @Test func importIntoAnEmptyDeckMatchesTheReference() throws {
    for seed in PropertySeeds.seeds(default: 25) {
      var generator = SeededGenerator(seed: seed)
      let text = spreadsheet(&generator, rows: 60, hostile: false)
      expectSameImport(try rows(of: text), into: Deck(), "seed \(seed)")
    }
  }

  @Test func importOfHostileRowsMatchesTheReference() throws {
    for seed in PropertySeeds.seeds(default: 25) {
      var generator = SeededGenerator(seed: seed)
      let text = spreadsheet(&generator, rows: 60, hostile: true)
      expectSameImport(try rows(of: text), into: Deck(), "seed \(seed)")
    }
  }

  /// A deck that already holds postings, applications and deadlines (hostile text, and copies of
  /// some rows' postings with their own ids), so rows update, move and annotate existing ones.
  @Test func importIntoAGeneratedDeckMatchesTheReference() throws {
    for seed in PropertySeeds.seeds(default: 25) {
      var decks = DeckGenerator(seed: seed)
      var deck = decks.deck(maximumRecords: 8)
      var generator = SeededGenerator(seed: seed &+ 1)
      let sheetRows = try rows(of: spreadsheet(&generator, rows: 50, hostile: seed % 2 == 0))
      // Some rows' postings on file already, one of them twice under the same id.
      for (offset, row) in sheetRows.prefix(6).enumerated() {
        var posting = row.draft.posting
        posting.id = offset == 5 ? "dup" : "pre-\(offset)"
        if offset == 4 { posting.id = "dup" }
        deck.postings.append(posting)
        if offset % 2 == 0 {
          deck.applications.append(
            Application(id: posting.id, postingID: posting.id, stage: .applied,
                        history: [StageChange(from: nil, to: .applied, at: first)],
                        notes: "called them", createdAt: first))
          deck.deadlines.append(
            Deadline(id: posting.id + "/application-cutoff", kind: .applicationCutoff,
                     due: .allDay(CivilDate(year: 2025, month: 1, day: 1) ?? CivilDate(dayNumber: 0)),
                     owner: .posting(posting.id), origin: offset == 2 ? .manual : .imported))
        }
      }
      expectSameImport(sheetRows, into: deck, "seed \(seed)")
    }
  }

  /// `merge(_:at:index:)` with one index kept in step across all the drafts against
  /// `merge(_:at:)`, which builds the index afresh for each, draft by draft, with what CSV rows
  /// never carry: several deadlines of a kind, lead times, employment terms to fill in.
  @Test func anIndexKeptInStepMergesAsAFreshOneDraftByDraft() {
    for seed in PropertySeeds.seeds(default: 40) {
      var decks = DeckGenerator(seed: seed)
      let start = decks.deck(maximumRecords: 6)
      var generator = SeededGenerator(seed: seed &+ 7)
      var drafts: [PostingDraft] = []
      for _ in 0..<25 {
        var posting = start.postings.isEmpty || generator.chance(0.5)
          ? Posting(id: "", title: generator.pick(Self.titles), company: generator.pick(Self.companies),
                    url: generator.pick(Self.urls), createdAt: first)
          : generator.pick(start.postings)
        posting.id = ""
        if generator.chance(0.3) { posting.location = decks.text() }
        let kinds: [DeadlineKind] = [.applicationCutoff, .applicationCutoff, .startDate, .followUp]
        let deadlines = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
          Deadline(id: "", kind: generator.pick(kinds), due: .allDay(decks.civilDate(years: 2024...2026)),
                   leadTimes: generator.chance(0.3) ? [Period(days: 3)] : nil,
                   phrase: generator.chance(0.5) ? decks.text() : nil, owner: .posting(""),
                   origin: .imported)
        }
        let terms = generator.chance(0.3)
          ? EmploymentTerms(startDate: decks.civilDate(years: 2025...2026), probation: Period(months: 6))
          : EmploymentTerms()
        drafts.append(PostingDraft(posting: posting, deadlines: deadlines, terms: terms))
      }
      var fast = start
      var reference = start
      var index = DeckMergeIndex(fast)
      for (number, draft) in (drafts + drafts).enumerated() {
        let time = first.addingTimeInterval(Double(number) * 61.5)
        let fastOutcome = fast.merge(draft, at: time, index: &index)
        let referenceOutcome = reference.merge(draft, at: time)
        #expect(fastOutcome == referenceOutcome, "seed \(seed), draft \(number)")
      }
      #expect(fast == reference, "seed \(seed)")
    }
  }

  // MARK: - What a user sees

  /// A file that lists some rows twice, imported twice: one posting per distinct row, and the
  /// second import changes nothing.
  @Test func reimportingTheSameFileDuplicatesNothing() throws {
    var generator = SeededGenerator(seed: 42)
    var lines: [String] = []
    for number in 0..<150 {
      let url = number % 3 == 0 ? "" : "https://jobs.example/\(number)"
      let stage = generator.pick(Self.stages)
      let note = generator.pick(Self.notes)
      lines.append([generator.pick(Self.companies) + " \(number)", generator.pick(Self.titles), url,
                    generator.pick(Self.dates), stage, generator.pick(Self.dates), note]
        .map(quoted).joined(separator: ","))
    }
    let repeated = lines + (0..<60).map { _ in generator.pick(lines) }
    let text = "Company,Title,URL,Deadline,Stage,Applied,Notes\n"
      + repeated.joined(separator: "\n")
    let sheetRows = try rows(of: text)
    var deck = Deck()
    deck.importCSVRows(sheetRows, at: first, timeZone: zone)
    #expect(deck.postings.count == 150)
    let once = deck
    let outcomes = deck.importCSVRows(sheetRows, at: later, timeZone: zone)
    #expect(deck == once, "the second import changed the deck")
    #expect(outcomes.allSatisfy { if case .unchanged = $0 { return true } else { return false } })
  }

  @Test func rowsMergeByURLAndByCompanyAndTitle() throws {
    let text = """
      Company,Title,URL,Stage
      Acme,ML Intern,https://jobs.example/1,applied
      ACME, ml  intern ,HTTPS://JOBS.example/1/,interview
      Beta,Data Engineer,,saved
      beta,data engineer,https://jobs.example/2,
      Beta,Data Engineer,https://jobs.example/3,
      """
    var deck = Deck()
    let outcomes = deck.importCSVRows(try rows(of: text), at: first, timeZone: zone)
    #expect(deck.postings.map(\.id) == ["acme-ml-intern", "beta-data-engineer", "beta-data-engineer-2"])
    #expect(outcomes.map(\.postingID)
      == ["acme-ml-intern", "acme-ml-intern", "beta-data-engineer", "beta-data-engineer",
          "beta-data-engineer-2"])
    #expect(deck.applications.map(\.stage) == [.interview, .saved])
  }
}
