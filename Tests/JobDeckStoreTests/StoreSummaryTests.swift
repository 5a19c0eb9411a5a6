import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

/// `store.json.summary`, the agenda's cache of a large store: exactly `Agenda.rows(of:)` of the
/// deck the store holds, written by every full save and appended to by every journal save, read
/// back as it was written, read only up to a window, and never trusted when it is not of the
/// store as it is or does not read.
@Suite("Agenda summary of a large store")
struct StoreSummaryTests {
  private static let today = CivilDate(year: 2026, month: 11, day: 28) ?? CivilDate(dayNumber: 0)
  private static let window = AgendaQuery(within: .days(14), includePending: false)

  /// Three applications with deadlines today, in 5 and 60 days, and one waiting for a start date.
  private static func deck() -> Deck {
    var deck = Fixtures.threeApplications()
    let owner = DeadlineOwner.application(deck.applications[0].id)
    for (offset, kind) in [(0, DeadlineKind.interview), (5, .assessment), (60, .offerResponse)] {
      _ = deck.add(Deadline(id: "", kind: kind, due: .allDay(today.adding(days: offset)),
        owner: owner))
    }
    _ = deck.add(Deadline(id: "", kind: .probationEnd,
      due: .relative(to: .startDate, offset: .months(6)), owner: owner))
    return deck
  }

  private static func store(in directory: TemporaryDirectory) -> StoreFile {
    StoreFile(path: directory.file("store.json"), journalPolicy: .always)
  }

  @Test(arguments: (0..<UInt64(200)).map { 0x5EED_0000 + $0 })
  func everyRowReadsBackAsItWasWritten(seed: UInt64) throws {
    var generator = DeckGenerator(seed: seed, hostileText: true)
    let rows = Agenda.rows(of: generator.deck(maximumRecords: 8))
    var zones: [String: TimeZone] = [:]
    for row in rows {
      var writer = StoreRecordWriter()
      SummaryRowFormat.write(row, into: &writer)
      #expect(!writer.bytes.contains(UInt8(ascii: "\n")))
      let read = try writer.bytes.withUnsafeBytes { bytes in
        try SummaryRowFormat.read(bytes, zones: &zones)
      }
      #expect(read == row)
      let day = writer.bytes.withUnsafeBytes(SummaryRowFormat.sortDayNumber(of:))
      #expect(day == row.sortDay?.dayNumber)
    }
  }

  @Test func aSaveWritesTheSummaryAndTheAgendaReadsIt() throws {
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    try store.save(Self.deck())
    let written = try #require(Disk.text(store.summaryPath))
    let lines = written.split(separator: "\n")
    #expect(lines.count == Agenda.rows(of: Self.deck()).count + 1)
    #expect(lines.last?.hasPrefix("{\"jobdeckSummaryOf\":\"4:") == true)
    let first = try store.loadAgendaRows(for: .everything, today: Self.today)
    #expect(first.rows == Agenda.rows(of: Self.deck()))
    #expect(first.deadlineCount == Self.deck().deadlines.count)
    #expect(!first.readTheStore)
    // Read back from the summary: a name changed in the summary alone shows up.
    try written.replacingOccurrences(of: "\"Alpha\"", with: "\"Alpho\"")
      .write(toFile: store.summaryPath, atomically: false, encoding: .utf8)
    let second = try store.loadAgendaRows(for: .everything, today: Self.today)
    #expect(second.rows.contains { $0.company == "Alpho" })
  }

  @Test func aSummaryThatIsMissingIsWrittenByTheAgenda() throws {
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    try store.save(Self.deck())
    let written = try #require(Disk.text(store.summaryPath))
    try FileManager.default.removeItem(atPath: store.summaryPath)
    let rows = try store.loadAgendaRows(for: Self.window, today: Self.today)
    #expect(rows.rows == Agenda.rows(of: Self.deck()))
    #expect(rows.readTheStore)
    #expect(Disk.text(store.summaryPath) == written)
    // The agenda of a store that keeps a summary says the same whether the summary was current
    // or made again: it points to `jobdeck suggest` both times.
    #expect(!rows.offersSuggestions)
    #expect(rows.suggestions(clock: FixedWallClock(date: Self.today, timeZone: TimeZone(identifier: "UTC") ?? .current), days: SuggestionDays()) == nil)
    let current = try store.loadAgendaRows(for: Self.window, today: Self.today)
    #expect(!current.readTheStore && !current.offersSuggestions)
  }

  @Test func aSmallStoreIsReadWholeAndOffersItsSuggestions() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"), journalPolicy: .never)
    try store.save(Self.deck())
    #expect(Disk.bytes(store.summaryPath) == nil)
    let rows = try store.loadAgendaRows(for: Self.window, today: Self.today)
    #expect(rows.readTheStore && rows.offersSuggestions)
    #expect(rows.suggestions(clock: FixedWallClock(date: Self.today, timeZone: TimeZone(identifier: "UTC") ?? .current), days: SuggestionDays()) != nil)
  }

  @Test func aWindowReadsOnlyTheRowsItCanShow() throws {
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    try store.save(Self.deck())
    let written = try #require(Disk.text(store.summaryPath))
    // Break every row past the window: a window's reader never gets that far, a full read does
    // and then rebuilds the summary from the store.
    let late = Self.today.adding(days: 60).description
    // (The same length, so the key line still finds where the rows end.)
    let prefix = "{\"day\":\"\(late)\","
    let broken = written.split(separator: "\n").map { line in
      line.hasPrefix(prefix)
        ? prefix + String(repeating: "x", count: line.utf8.count - prefix.utf8.count)
        : String(line)
    }.joined(separator: "\n") + "\n"
    try broken.write(toFile: store.summaryPath, atomically: false, encoding: .utf8)
    let window = try store.loadAgendaRows(for: Self.window, today: Self.today)
    let bound = Self.today.adding(days: 15)
    #expect(window.rows.allSatisfy { $0.sortDay.map { $0 <= bound } ?? false })
    #expect(window.rows.contains { $0.kind == .interview })
    #expect(window.rows.contains { $0.kind == .assessment })
    #expect(Disk.text(store.summaryPath) == broken)
    let everything = try store.loadAgendaRows(for: .everything, today: Self.today)
    #expect(everything.rows == Agenda.rows(of: Self.deck()))
    #expect(Disk.text(store.summaryPath) == written)
  }

  private static func sortedByID(_ rows: [AgendaRow]) -> [AgendaRow] {
    rows.sorted { $0.id < $1.id }
  }

  @Test func aJournalSaveAppendsItsChangeAndARewriteWritesTheSummaryAfresh() throws {
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    try store.save(Self.deck(), ifUnchangedSince: nil)
    // Read back, as a session does: only a deck read from the store can be journaled.
    let base = try store.load().deck
    let before = try #require(Disk.text(store.summaryPath))
    var moved = base
    try moved.move(applicationID: moved.applications[0].id, to: .rejected, at: Fixtures.later)
    let saved = try #require(store.fingerprint())
    _ = try store.save(moved, ifUnchangedSince: saved, previous: base)
    #expect(Disk.bytes(store.journalPath) != nil)
    let appended = try #require(Disk.text(store.summaryPath))
    #expect(appended.hasPrefix(before) && appended.count > before.count)
    let afterJournal = try store.loadAgendaRows(for: .everything, today: Self.today)
    #expect(Self.sortedByID(afterJournal.rows) == Self.sortedByID(Agenda.rows(of: moved)))
    #expect(!afterJournal.readTheStore)
    try store.compact()
    #expect(Disk.bytes(store.journalPath) == nil)
    #expect(try !store.loadAgendaRows(for: .everything, today: Self.today).readTheStore)
    #expect(Disk.text(store.summaryPath)?.split(separator: "\n").count
      == Agenda.rows(of: moved).count + 1)
    try store.update { deck in deck.postings[1].company = "Beta Renamed" }
    var expected = moved
    expected.postings[1].company = "Beta Renamed"
    let afterRewrite = try store.loadAgendaRows(for: .everything, today: Self.today)
    #expect(afterRewrite.rows == Agenda.rows(of: expected))
    #expect(!afterRewrite.readTheStore)
  }

  @Test func anAppendThatIsTornOrChangedIsNotTrusted() throws {
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    try store.save(Self.deck(), ifUnchangedSince: nil)
    // Read back, as a session does, so that the rename is journaled and appended.
    let loaded = try store.load()
    var renamed = loaded.deck
    renamed.postings[0].company = "Alpha Renamed"
    _ = try store.save(renamed, ifUnchangedSince: loaded.fingerprint, previous: loaded.deck)
    #expect(Disk.bytes(store.journalPath) != nil)
    let written = try #require(Disk.text(store.summaryPath))
    let lines = written.split(separator: "\n", omittingEmptySubsequences: false)
    let tornOff = lines.dropLast(2).joined(separator: "\n") + "\n"
    let changed = written.replacingOccurrences(of: "Alpha Renamed", with: "Alpha Renamet")
    #expect(changed != written)
    for damaged in [tornOff, changed] {
      try damaged.write(toFile: store.summaryPath, atomically: false, encoding: .utf8)
      let read = try store.loadAgendaRows(for: .everything, today: Self.today)
      #expect(Self.sortedByID(read.rows) == Self.sortedByID(Agenda.rows(of: renamed)))
      #expect(read.readTheStore)
    }
  }

  /// The summary of the release before this one: a header line with a "3:" key first, the rows
  /// after it, and the saves since in `store.json.summary.changes`. It describes the store as it
  /// is, but is read as stale: the agenda reads the store and writes the summary afresh.
  @Test func aSummaryOfThePreviousFormatIsRebuilt() throws {
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    try store.save(Self.deck())
    let written = try #require(Disk.text(store.summaryPath))
    var lines = written.split(separator: "\n").map(String.init)
    let keyLine = lines.removeLast()
    let key = try #require(keyLine.split(separator: "\"").dropFirst(3).first)
    #expect(key.hasPrefix("4:"))
    let previousFormat = "{\"jobdeckSummaryOf\":\"3:\(key.dropFirst(2))\",\"deadlines\":"
      + "\(Self.deck().deadlines.count)}\n" + lines.map { $0 + "\n" }.joined()
    try previousFormat.write(toFile: store.summaryPath, atomically: false, encoding: .utf8)
    let changesPath = store.summaryPath + ".changes"
    try "{\"jobdeckSummaryChangesOf\":\"3:x\",\"base\":\"3:y\",\"deadlines\":0}\n"
      .write(toFile: changesPath, atomically: false, encoding: .utf8)
    let read = try store.loadAgendaRows(for: .everything, today: Self.today)
    #expect(read.rows == Agenda.rows(of: Self.deck()))
    #expect(read.readTheStore)
    #expect(Disk.text(store.summaryPath) == written)
    #expect(Disk.bytes(changesPath) == nil)
  }

  @Test(arguments: ["", "garbage\n", "{\"jobdeckSummaryOf\":\"2:x\",\"deadlines\":1}\n{\n"])
  func aSummaryThatDoesNotReadIsRebuiltFromTheStore(damage: String) throws {
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    try store.save(Self.deck())
    let written = try #require(Disk.text(store.summaryPath))
    // A summary cut off halfway through a line, and one without its key line.
    let rows = String(written.prefix(through: try #require(written.dropLast().lastIndex(of: "\n"))))
    for text in [damage, String(written.prefix(40)), rows] {
      try text.write(toFile: store.summaryPath, atomically: false, encoding: .utf8)
      #expect(try store.loadAgendaRows(for: .everything, today: Self.today).rows
        == Agenda.rows(of: Self.deck()))
      #expect(Disk.text(store.summaryPath) == written)
    }
  }

  @Test func aSmallStoreGetsNoSummaryFile() throws {
    let directory = try TemporaryDirectory()
    let store = StoreFile(path: directory.file("store.json"))
    try store.save(Self.deck())
    #expect(try store.loadAgendaRows(for: Self.window, today: Self.today).rows
      == Agenda.rows(of: Self.deck()))
    #expect(Disk.bytes(store.summaryPath) == nil)
  }
}
