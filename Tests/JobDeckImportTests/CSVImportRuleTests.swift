import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// The import's documented rules (dates, merging rows into a deck) checked on generated
/// spreadsheets full of duplicates and hostile text.
@Suite("CSV import follows its documented rules")
struct CSVImportRuleTests {
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

  @Test func readerKeepsRowAndLineNumbersOfMultiLineFields() throws {
    let text = "Company,Notes\r\n\"A\r\ncme\",\"x\"\"y\"z\r\n\r\nBeta,\"a\rb\"\n"
    let table = try CSVReader.read(text)
    #expect(table.records.map(\.fields) == [["A\r\ncme", "x\"yz"], ["Beta", "a\rb"]])
    #expect(table.records.map(\.row) == [2, 4])
    #expect(table.records.map(\.line) == [2, 5])
  }

  // MARK: - Dates

  /// Every documented spelling of a date reads as that date: ISO with `-` or `/` (a time after
  /// a space or `T` ignored), German with dots, slashed in the column's order (either order when
  /// day and month are equal or one part is above 12; ambiguous otherwise), padded or not,
  /// with spaces around. Dates outside `SupportedDates` are refused as such.
  @Test(arguments: PropertySeeds.seeds(default: 20))
  func everyDocumentedSpellingReadsAsItsDate(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<300 {
      let year = generator.chance(0.1) ? Int.random(in: 1000...9999, using: &generator)
        : Int.random(in: 1900...2199, using: &generator)
      let month = Int.random(in: 1...12, using: &generator)
      let day = Int.random(in: 1...28, using: &generator)
      let date = try #require(CivilDate(year: year, month: month, day: day))
      let expected: Result<CivilDate, CSVDateParser.Failure> = SupportedDates.contains(date)
        ? .success(date) : .failure(.outsideSupportedRange(date))
      func two(_ number: Int) -> String {
        generator.chance(0.5) && number < 10 ? "\(number)" : String(format: "%02d", number)
      }
      let space = generator.pick(["", " ", "  "])
      let separator = generator.pick(["-", "/"])
      let isoText = space + "\(year)" + separator + two(month) + separator + two(day)
        + generator.pick(["", " 10:00", "T10:00:00Z"]) + space
      let german = space + two(day) + "." + two(month) + ".\(year)" + space
      for order in [nil, CSVDateOrder.dayFirst, .monthFirst] {
        #expect(CSVDateParser.parse(isoText, order: order) == expected, "\(isoText.debugDescription)")
        #expect(CSVDateParser.parse(german, order: order) == expected, "\(german.debugDescription)")
      }
      let dayFirst = space + two(day) + "/" + two(month) + "/\(year)" + space
      let monthFirst = space + two(month) + "/" + two(day) + "/\(year)" + space
      #expect(CSVDateParser.parse(dayFirst, order: .dayFirst) == expected)
      #expect(CSVDateParser.parse(monthFirst, order: .monthFirst) == expected)
      let unordered: Result<CivilDate, CSVDateParser.Failure> =
        day == month || day > 12 ? expected : .failure(.ambiguous)
      #expect(CSVDateParser.parse(dayFirst, order: nil) == unordered, "\(dayFirst.debugDescription)")
      #expect(CSVDateParser.slashedParts(dayFirst).map { [$0.0, $0.1, $0.2] } == [day, month, year])
      #expect(CSVDateParser.slashedParts(isoText) == nil)
    }
  }

  /// Spellings close to a date that are not one: impossible days and months, a year before
  /// 1000, digits that are not ASCII, two separators mixed, a time on a German date.
  @Test func nearMissesAreNotDates() {
    for text in ["2025-13-04", "2025-02-30", "2025-04-31", "0999-01-01", "2025-03-0٤",
                 "２025-03-04", "2025-03/04", "04.03.25", "04.03.2025 10:00", "31/31/2025",
                 "2025-03-04\u{301}", "1/2/3", "/", "", "x", "2025--03-04", "20250304"]
    {
      for order in [nil, CSVDateOrder.dayFirst, .monthFirst] {
        #expect(CSVDateParser.parse(text, order: order) == .failure(.unparsable),
                "\(text.debugDescription)")
      }
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

  /// Imports `rows` into `deck`, then checks what `Deck.importCSVRows` documents:
  /// - one outcome per row; the rows that add a posting add it at the end, in row order;
  /// - a posting takes each field from the last of its rows with a value there (blank values
  ///   change nothing);
  /// - a posting whose rows give a stage has an application in the last stage given; one whose
  ///   rows only describe an application (notes, source, …) has one, `saved` if it is new;
  /// - every row's notes are in its posting's application's notes;
  /// - into an empty deck, a posting's application cutoff is the last date its rows give.
  func expectImportFollowsTheRules(_ rows: [CSVImportedRow], into start: Deck,
                                   _ comment: Comment) {
    var deck = start
    let outcomes = deck.importCSVRows(rows, at: first, timeZone: zone)
    #expect(outcomes.count == rows.count, comment)
    let added = outcomes.compactMap { outcome -> String? in
      if case .added(let id) = outcome { return id }
      return nil
    }
    #expect(deck.postings.count == start.postings.count + added.count, comment)
    #expect(Array(deck.postings.suffix(added.count).map(\.id)) == added, comment)
    let ids = deck.postings.map(\.id)
    #expect(outcomes.allSatisfy { ids.contains($0.postingID) }, comment)

    func isBlank(_ text: String?) -> Bool {
      text?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true
    }
    let rowsByPosting = Dictionary(grouping: zip(outcomes, rows), by: \.0.postingID)
      .mapValues { $0.map(\.1) }
    let applicationIDs = deck.applications.map(\.id)
    for (id, postingRows) in rowsByPosting where ids.filter({ $0 == id }).count == 1 {
      guard let posting = deck.postings.first(where: { $0.id == id }) else { continue }
      func last<Value>(_ value: (CSVImportedRow) -> Value?) -> Value? {
        postingRows.last { value($0) != nil }.flatMap(value)
      }
      let drafts = { (row: CSVImportedRow) in row.draft.posting }
      if let title = last({ isBlank(drafts($0).title) ? nil : drafts($0).title }) {
        #expect(posting.title == title, comment)
      }
      if let company = last({ isBlank(drafts($0).company) ? nil : drafts($0).company }) {
        #expect(posting.company == company, comment)
      }
      if let location = last({ isBlank(drafts($0).location) ? nil : drafts($0).location }) {
        #expect(posting.location == location, comment)
      }
      if let url = last({ isBlank(drafts($0).url) ? nil : drafts($0).url }) {
        #expect(posting.url == url, comment)
      }
      if let description = last({ isBlank(drafts($0).description) ? nil : drafts($0).description }) {
        #expect(posting.description == description, comment)
      }
      if let tags = last({ drafts($0).tags.isEmpty ? nil : drafts($0).tags }) {
        #expect(posting.tags == tags, comment)
      }

      let existed = start.applications.contains { $0.postingID == id }
      let application = deck.applications.first { $0.postingID == id }
      if postingRows.contains(where: \.describesApplication) || existed {
        guard let application else {
          Issue.record("\(id): no application; \(comment)")
          continue
        }
        guard applicationIDs.filter({ $0 == application.id }).count == 1 else { continue }
        if let stage = last(\.stage) {
          #expect(application.stage == stage, "\(id); \(comment)")
        } else if !existed {
          #expect(application.stage == .saved, "\(id); \(comment)")
        }
        for notes in postingRows.compactMap(\.notes) {
          #expect(application.notes.firstRange(of: notes) != nil, "\(id); \(comment)")
        }
      } else {
        #expect(application == nil, "\(id); \(comment)")
      }

      if start.postings.isEmpty, let cutoff = last({ $0.draft.deadlines.first?.due }) {
        let stored = deck.deadlines.filter { $0.owner == .posting(id) && $0.kind == .applicationCutoff }
        #expect(stored.map(\.due) == [cutoff], "\(id); \(comment)")
      }
    }
  }

  @Test func importIntoAnEmptyDeckFollowsTheRules() throws {
    for seed in PropertySeeds.seeds(default: 25) {
      var generator = SeededGenerator(seed: seed)
      let text = spreadsheet(&generator, rows: 60, hostile: false)
      expectImportFollowsTheRules(try rows(of: text), into: Deck(), "seed \(seed)")
    }
  }

  @Test func importOfHostileRowsFollowsTheRules() throws {
    for seed in PropertySeeds.seeds(default: 25) {
      var generator = SeededGenerator(seed: seed)
      let text = spreadsheet(&generator, rows: 60, hostile: true)
      expectImportFollowsTheRules(try rows(of: text), into: Deck(), "seed \(seed)")
    }
  }

  /// A deck that already holds postings, applications and deadlines (hostile text, and copies of
  /// some rows' postings with their own ids), so rows update, move and annotate existing ones.
  @Test func importIntoAGeneratedDeckFollowsTheRules() throws {
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
      expectImportFollowsTheRules(sheetRows, into: deck, "seed \(seed)")
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
      var scanning = start
      var index = DeckMergeIndex(fast)
      for (number, draft) in (drafts + drafts).enumerated() {
        let time = first.addingTimeInterval(Double(number) * 61.5)
        let fastOutcome = fast.merge(draft, at: time, index: &index)
        let scanningOutcome = scanning.merge(draft, at: time)
        #expect(fastOutcome == scanningOutcome, "seed \(seed), draft \(number)")
      }
      #expect(fast == scanning, "seed \(seed)")
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
