import Foundation
import Glibc
import JobDeckCore

extension StoreFile {
  /// Where the agenda's summary of a large store is kept.
  public var summaryPath: String {
    ((try? FileSystem.resolvingSymlinks(path)) ?? path) + ".summary"
  }

  /// The agenda's rows of the store (`Agenda.rows(of:)`): at least those `query` can show at
  /// `today`, from `store.json.summary` when it describes the store as it is now (see
  /// `StoreSummary`), else from the store (and the summary is written). Stores smaller than the
  /// journal policy's `minimumStoreSize` are read in full and get no summary.
  ///
  /// For reading deadlines only: nothing here can be saved back. A store read here is read
  /// without what no row shows, such as its postings' descriptions (each is still checked, so a
  /// store that would not load is refused with the same message); that deck stays inside the
  /// `SummaryRows`, which offers only what is worked out from it.
  /// `includingClosed` (`--all`): also the rows of closed applications and applied-to
  /// cutoffs, which the summary does not keep, so they are read from the store itself.
  public func loadAgendaRows(for query: AgendaQuery, today: CivilDate,
    includingClosed: Bool = false) throws -> SummaryRows
  {
    try withAgendaRows(for: query, today: today, includingClosed: includingClosed) { $0 }
  }

  /// `body` given `loadAgendaRows(for:today:includingClosed:)`; when the summary has to be
  /// made again, it is written on another thread while `body` runs (the command works out and
  /// prints its agenda meanwhile), and this returns once both are done, so the summary is
  /// written under the same lock as the rows were read.
  public func withAgendaRows<T>(for query: AgendaQuery, today: CivilDate,
    includingClosed: Bool = false, _ body: (SummaryRows) throws -> T) throws -> T
  {
    if includingClosed {
      let deck = try load().deck
      return try body(SummaryRows(rows: Agenda.rows(of: deck, includingClosed: true),
        deadlineCount: deck.deadlines.count, deck: deck))
    }
    // `ifNoDirectory` is kept for later by its type; here it runs before `withLock` returns.
    return try withoutActuallyEscaping(body) { body in
      try withLock(.reading, ifNoDirectory: { _ in
        try body(SummaryRows(rows: [], deadlineCount: 0))
      }) { target in
        try rebuildingIfNeeded(target: target, query: query, today: today, body)
      }
    }
  }

  /// `withAgendaRows` once the lock is held.
  private func rebuildingIfNeeded<T>(target: String, query: AgendaQuery, today: CivilDate,
    _ body: (SummaryRows) throws -> T) throws -> T
  {
    if let store = try FileSystem.status(of: target), hasSummary(store) {
      let journal = try FileSystem.status(of: target + ".journal")
      let key = StoreSummary.key(store: store.fingerprint, journal: journal?.fingerprint)
      if let found = StoreSummary.read(at: target + ".summary", key: key,
        latestDay: query.latestSortDay(today: today), includingPending: query.needsPendingRows)
      {
        return try body(found)
      }
    }
    let state = try readState(target: target, keepingDetails: false)
    let index = DeckIndex(state.deck)
    let rows = Agenda.rows(of: state.deck, index: index)
    let deadlineCount = state.deck.deadlines.count
    let keepsSummary = try FileSystem.status(of: target).map(hasSummary) ?? false
    let read = SummaryRows(rows: rows, deadlineCount: deadlineCount, deck: state.deck,
      index: index, storeKeepsSummary: keepsSummary)
    guard state.document?.isNewer == false else { return try body(read) }
    let writing = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: writing) {
      writeSummary(rows, deadlineCount: deadlineCount, target: target)
    }
    defer { writing.wait() }
    return try body(read)
  }

  /// Whether a store file this large keeps a summary beside it.
  func hasSummary(_ store: FileSystem.Status) -> Bool {
    store.fingerprint.size >= journalPolicy.minimumStoreSize
  }

  /// Brings the summary up to `deck`, the deck the store and its journal hold now, when the
  /// store is large enough to keep one. After a journal save that appended `operations` (the
  /// difference from `previous`) to a journal whose fingerprint was `journalBefore`, the
  /// change is appended when the summary described the version before; otherwise, and after a
  /// full save, the summary is written afresh. The caller holds the exclusive lock, so the store
  /// and journal cannot change between the `stat`s that make the keys and the rows. Best
  /// effort: a summary that cannot be written is made again by the next reader.
  func writeSummary(of deck: Deck, target: String,
    after save: (operations: [StoreJournal.Operation], previous: Deck,
      journalBefore: StoreFingerprint?)? = nil)
  {
    if let save, let store = try? FileSystem.status(of: target), hasSummary(store),
      let journal = try? FileSystem.status(of: target + ".journal")
    {
      let change = AgendaChange(from: save.previous, to: deck, operations: save.operations)
      if StoreSummary.append(change, deadlineCount: deck.deadlines.count,
        key: StoreSummary.key(store: store.fingerprint, journal: journal.fingerprint),
        over: StoreSummary.key(store: store.fingerprint, journal: save.journalBefore),
        at: target + ".summary")
      {
        return
      }
    }
    writeSummary(Agenda.rows(of: deck), deadlineCount: deck.deadlines.count, target: target)
  }

  /// `rows` (`Agenda.rows(of:)` of the deck the store holds) are worked out only when the store
  /// keeps a summary.
  private func writeSummary(_ rows: @autoclosure () -> [AgendaRow], deadlineCount: Int,
    target: String)
  {
    // A summary of an earlier JobDeck was amended by a file of its own, now never read.
    unlink(target + ".summary.changes")
    do {
      guard let store = try FileSystem.status(of: target), hasSummary(store) else { return }
      let journal = try FileSystem.status(of: target + ".journal")
      StoreSummary.write(rows(), deadlineCount: deadlineCount,
        key: StoreSummary.key(store: store.fingerprint, journal: journal?.fingerprint),
        to: target + ".summary", beside: target, like: store)
    } catch {
      return
    }
  }
}

extension AgendaChange {
  /// The change a journal save makes: `operations` took `previous` to `deck`.
  init(from previous: Deck, to deck: Deck, operations: [StoreJournal.Operation]) {
    var postingIDs = Set<String>()
    var applicationIDs = Set<String>()
    var deadlineIDs = Set<String>()
    for operation in operations {
      switch operation {
      case .putPosting(let posting): postingIDs.insert(posting.id)
      case .putApplication(let application): applicationIDs.insert(application.id)
      case .putDeadline(let deadline): deadlineIDs.insert(deadline.id)
      case .delete(.postings, let id): postingIDs.insert(id)
      case .delete(.applications, let id): applicationIDs.insert(id)
      case .delete(.deadlines, let id): deadlineIDs.insert(id)
      case .putSettings, .putConflicts: break  // Neither decides a row.
      }
    }
    self.init(from: previous, to: deck, postingIDs: postingIDs, applicationIDs: applicationIDs,
      deadlineIDs: deadlineIDs)
  }
}

/// The agenda's rows of a store (see `StoreFile.loadAgendaRows(for:today:)`).
public struct SummaryRows: Sendable {
  /// At least those of the query's window, in no particular order (`Agenda.build` sorts).
  public var rows: [AgendaRow]
  /// How many deadlines the store has, shown or not: "no deadlines yet" versus "nothing in that
  /// window".
  public var deadlineCount: Int
  /// The store itself, when it had to be read (a small store, no current summary, `--all`); nil
  /// when the rows came from the summary alone. What needs more than deadlines (suggestions)
  /// uses it rather than reading a large store a second time. Private: it may lack the
  /// details no row shows (`StoreRecordReading.init(keepingDetails:)`), so it must never reach
  /// a save.
  private let deck: Deck?
  /// Built from `deck` when the rows were: the suggestions use it too.
  private let index: DeckIndex?
  /// Whether the store is large enough to keep a summary, so that its agenda is answered from
  /// the summary whenever that is current.
  private let storeKeepsSummary: Bool

  init(rows: [AgendaRow], deadlineCount: Int, deck: Deck? = nil, index: DeckIndex? = nil,
    storeKeepsSummary: Bool = false)
  {
    self.rows = rows
    self.deadlineCount = deadlineCount
    self.deck = deck
    self.index = index
    self.storeKeepsSummary = storeKeepsSummary
  }

  /// Whether the store itself was read, rather than answered from a current summary.
  public var readTheStore: Bool { deck != nil }

  /// Whether `suggestions(clock:days:)` answers: the store was read (a small store, `--all`),
  /// and it is not one that keeps a summary. A large store's agenda would otherwise list its
  /// suggestions only on the runs that happen to find the summary stale; it points to
  /// `jobdeck suggest` every time instead, so the same command on the same store prints the
  /// same thing.
  public var offersSuggestions: Bool { deck != nil && !storeKeepsSummary }

  /// The suggestions open at the clock's instant (`Deck.suggestions`), when they are offered
  /// (`offersSuggestions`); nil otherwise.
  public func suggestions(clock: some WallClock, days: SuggestionDays) -> [Suggestion]? {
    guard let deck, !storeKeepsSummary else { return nil }
    return deck.suggestions(clock: clock, rules: days.rules(for: deck),
      visibleEntries: Agenda.suggestionEntries(of: rows, clock: clock), index: index)
  }
}
