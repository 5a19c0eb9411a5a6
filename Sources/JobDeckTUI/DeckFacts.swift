import Foundation
import JobDeckCore

/// What the views derive from one deck value, each worked out on first use and kept for as
/// long as the deck stays the same (`ViewCache` swaps in a new one when it changes). Not
/// thread-safe by itself: `ViewCache` serializes access.
final class DeckFacts: @unchecked Sendable {
  let deck: Deck
  /// False: archived postings and applications (and those of archived postings) are left out
  /// of the lists.
  let showsArchived: Bool

  /// `inheriting`: what earlier facts of this very deck worked out (`kept`), taken up instead
  /// of being worked out again.
  ///
  /// `replacing`: the facts of the deck this one follows (the deck before a change), from
  /// which the lists that depend on every record are brought up to date instead of worked out
  /// again (see `Predecessor`).
  init(deck: Deck, showsArchived: Bool = false, inheriting kept: Kept? = nil,
    replacing predecessor: Predecessor? = nil)
  {
    self.deck = deck
    self.showsArchived = showsArchived
    // Kept only while the two decks share records: one read anew from disk shares none, and
    // holding the old deck would then double the memory for nothing.
    self.predecessor = predecessor.flatMap { predecessor in
      Self.changedPositions(of: deck.applications, since: predecessor.deck.applications) != nil
        || Self.changedPositions(of: deck.deadlines, since: predecessor.deck.deadlines) != nil
        ? predecessor : nil
    }
    inheritedTable = kept?.table
    builtIndex = kept?.index
    builtPendingDeadlineCount = kept?.pendingDeadlineCount
    if kept?.showsArchived == showsArchived {
      builtApplicationsByStage = kept?.applicationsByStage
    }
  }

  private var inheritedTable: Table?

  /// The postings table's nearest deadlines over their span, and its order on `today`: worked
  /// out here, off the UI thread (`AgendaPreparation`), or earlier for the same deck.
  struct Table: Sendable {
    let nearest: [Nearest?]
    let span: AgendaSpan
    let today: CivilDate
    let deadlineOrder: [Int]
  }

  /// What later facts of the same deck (an undo brings it back) take up instead of working it
  /// out again: the facts a move, its undo and the way back to the table need, each a pass
  /// over the whole deck. The agenda itself is not kept: it is the largest by far.
  struct Kept: Sendable {
    var table: Table?
    var index: DeckIndex?
    var pendingDeadlineCount: Int?
    var showsArchived: Bool
    var applicationsByStage: [Stage: [Int]]?

    /// Whether it holds the table: what makes it worth keeping over another deck's.
    var hasTable: Bool { table != nil }
  }

  /// What these facts have worked out that later facts of the same deck can take up.
  var kept: Kept {
    Kept(table: builtTable ?? inheritedTable, index: builtIndex,
      pendingDeadlineCount: builtPendingDeadlineCount, showsArchived: showsArchived,
      applicationsByStage: builtApplicationsByStage)
  }

  /// The table's nearest deadlines and deadline order, once both are worked out.
  private var builtTable: Table? {
    guard let nearestSpan, let inputs = deadlineOrderInputs, inputs.timeZone == nearestSpan.timeZone
    else { return nil }
    return Table(nearest: nearestCache, span: nearestSpan, today: inputs.today,
      deadlineOrder: deadlineOrderCache)
  }

  private func takeUpInheritedTable(now: Date, timeZone: TimeZone) {
    guard let table = inheritedTable else { return }
    inheritedTable = nil
    adoptTable(table, now: now, timeZone: timeZone)
  }

  /// What the facts of the deck before a change worked out, with that deck: a change touches
  /// a record or two, so the lists that read every record are brought up to date from the
  /// chunks of records the two decks do not share (`RecordList.unsharedRanges`).
  struct Predecessor: Sendable {
    let deck: Deck
    let showsArchived: Bool
    let archivedPostingIDs: Set<String>?
    let applicationsByStage: [Stage: [Int]]?
    let pendingDeadlineCount: Int?
  }

  /// What facts of a later deck start from (see `Predecessor`).
  var asPredecessor: Predecessor {
    Predecessor(deck: deck, showsArchived: showsArchived,
      archivedPostingIDs: builtArchivedPostingIDs,
      applicationsByStage: builtApplicationsByStage,
      pendingDeadlineCount: builtPendingDeadlineCount)
  }

  private let predecessor: Predecessor?

  /// The positions of `list` to read again to bring what was worked out for `earlier` up to
  /// date, or nil when so many changed that working it out anew costs no more.
  private static func changedPositions<Record>(of list: RecordList<Record>,
    since earlier: RecordList<Record>) -> [Range<Int>]?
  {
    let ranges = list.unsharedRanges(comparedWith: earlier)
    let changed = ranges.reduce(0) { $0 + $1.count }
    return changed <= max(list.count, earlier.count) / 2 ? ranges : nil
  }

  /// Whether the lists leave anything out: with nothing archived they skip the check.
  private(set) lazy var hidesSomething = !showsArchived
    && (!archivedPostingIDs.isEmpty || deck.applications.firstPosition { $0.pointee.isArchived } != nil)

  private var builtArchivedPostingIDs: Set<String>?

  /// The ids whose posting (the first with the id, as a lookup finds it) is archived. Read in
  /// place: a copy of each posting would retain each of its strings. Few postings are archived,
  /// so asking this set costs less than looking each application's posting up.
  private var archivedPostingIDs: Set<String> {
    if let builtArchivedPostingIDs { return builtArchivedPostingIDs }
    let postings = deck.postings
    let ids = predecessor.flatMap { predecessor in
      predecessor.deck.postings.sharesStorage(with: postings)
        ? predecessor.archivedPostingIDs : nil
    } ?? ConcurrentParts.map(ranges: postings.count) { range in
      var ids = Set<String>()
      postings.forEach(in: range) { position, posting in
        if posting.pointee.isArchived, postings.index(ofID: posting.pointee.id) == position {
          ids.insert(posting.pointee.id)
        }
      }
      return ids
    }.reduce(into: Set<String>()) { $0.formUnion($1) }
    builtArchivedPostingIDs = ids
    return ids
  }

  private func isHidden(_ application: Application) -> Bool {
    Self.isHidden(application, archivedPostingIDs: archivedPostingIDs)
  }

  private static func isHidden(_ application: Application, archivedPostingIDs: Set<String>)
    -> Bool
  {
    application.isArchived
      || (application.postingID.map(archivedPostingIDs.contains) ?? false)
  }

  /// The stage column an application shows in, or nil when the lists leave it out.
  private func column(of application: Application) -> Stage? {
    !showsArchived && isHidden(application) ? nil : application.stage
  }

  /// The index, once built: here, off the UI thread (`AgendaPreparation`), or for the same deck
  /// before.
  private(set) var builtIndex: DeckIndex?

  var index: DeckIndex {
    if let builtIndex { return builtIndex }
    let index = DeckIndex(deck)
    builtIndex = index
    return index
  }

  /// Takes up an index built off the UI thread for this deck (`AgendaPreparation`).
  func adopt(_ index: DeckIndex) {
    if builtIndex == nil { builtIndex = index }
  }

  private var builtPendingDeadlineCount: Int?

  /// Read in place: a copy of each deadline would retain each of its strings.
  var pendingDeadlineCount: Int {
    if let builtPendingDeadlineCount { return builtPendingDeadlineCount }
    let deadlines = deck.deadlines
    func pending(_ list: RecordList<Deadline>, _ range: Range<Int>) -> Int {
      var count = 0
      list.forEach(in: range.clamped(to: list.indices)) { _, deadline in
        if deadline.pointee.status == .pending { count += 1 }
      }
      return count
    }
    var count: Int
    if let predecessor, let earlierCount = predecessor.pendingDeadlineCount,
      let ranges = Self.changedPositions(of: deadlines, since: predecessor.deck.deadlines)
    {
      count = earlierCount
      for range in ranges {
        count += pending(deadlines, range) - pending(predecessor.deck.deadlines, range)
      }
    } else {
      count = pending(deadlines, deadlines.indices)
    }
    builtPendingDeadlineCount = count
    return count
  }

  /// The stage of a posting's first application, as the table shows it: asked for the rows on
  /// screen only.
  func stage(ofPosting id: String) -> Stage? {
    index.firstApplicationStage(forPosting: id)
  }

  private var builtApplicationsByStage: [Stage: [Int]]?

  /// `Deck.applications` indices per stage, in deck order.
  var applicationsByStage: [Stage: [Int]] {
    if let builtApplicationsByStage { return builtApplicationsByStage }
    if let updated = applicationsByStageFromPredecessor() {
      builtApplicationsByStage = updated
      return updated
    }
    let hides = hidesSomething
    let archived = hides ? archivedPostingIDs : []
    let applications = deck.applications
    // By position: only each application's stage is read, not a copy of the whole record. A
    // large deck's halves on both cores: the first press of the pipeline key waits for it.
    let parts = ConcurrentParts.map(ranges: applications.count) { range in
      var columns: [Stage: [Int]] = [:]
      applications.forEach(in: range) { position, application in
        if hides, Self.isHidden(application.pointee, archivedPostingIDs: archived) { return }
        columns[application.pointee.stage, default: []].append(position)
      }
      return columns
    }
    var result: [Stage: [Int]] = [:]
    for columns in parts {
      for (stage, positions) in columns { result[stage, default: []] += positions }
    }
    builtApplicationsByStage = result
    return result
  }

  /// The predecessor's lists with the applications that changed moved, when its postings (and
  /// so what is archived) are the same and few applications changed.
  private func applicationsByStageFromPredecessor() -> [Stage: [Int]]? {
    guard let predecessor, predecessor.showsArchived == showsArchived,
      var result = predecessor.applicationsByStage,
      predecessor.deck.postings.sharesStorage(with: deck.postings),
      let ranges = Self.changedPositions(
        of: deck.applications, since: predecessor.deck.applications)
    else { return nil }
    let before = predecessor.deck.applications
    let after = deck.applications
    var moves: [(position: Int, was: Stage?, now: Stage?)] = []
    for position in ranges.joined() {
      let was = position < before.count ? column(of: before[position]) : nil
      let now = position < after.count ? column(of: after[position]) : nil
      guard was != now else { continue }
      // Each move shifts a column's list: past a few, one pass over every record costs less.
      guard moves.count < 64 else { return nil }
      moves.append((position, was, now))
    }
    for (position, was, now) in moves {
      if let was, var list = result[was] {
        let at = list.partitioningIndex { $0 >= position }
        if at < list.count, list[at] == position { list.remove(at: at) }
        result[was] = list.isEmpty ? nil : list
      }
      if let now {
        var list = result[now] ?? []
        list.insert(position, at: list.partitioningIndex { $0 >= position })
        result[now] = list
      }
    }
    return result
  }

  func applications(in stage: Stage) -> [Int] { applicationsByStage[stage] ?? [] }

  func company(of application: Application) -> String { deck.company(of: application) }

  func title(of application: Application) -> String { deck.title(of: application) }

  private var ownedDeadlines: (owners: [DeadlineOwner], deadlines: [Deadline])?

  /// The deadlines of `owners`, in deck order: the detail's. One scan, kept for the keys that
  /// follow: a dictionary of every owner's deadlines would cost far more to build than the
  /// few details a session opens.
  func deadlines(ownedBy owners: [DeadlineOwner]) -> [Deadline] {
    if let ownedDeadlines, ownedDeadlines.owners == owners { return ownedDeadlines.deadlines }
    // In place: only each deadline's owner is read, not a copy of the whole record. A large
    // deck's halves on both cores: opening a detail waits for it.
    let all = deck.deadlines
    let deadlines = ConcurrentParts.map(ranges: all.count) { range in
      var found: [Deadline] = []
      all.forEach(in: range) { _, deadline in
        if owners.contains(deadline.pointee.owner) { found.append(deadline.pointee) }
      }
      return found
    }.flatMap { $0 }
    ownedDeadlines = (owners, deadlines)
    return deadlines
  }

  // MARK: - Orders that depend on the deck alone

  /// Newest first; postings without a date last; ties in deck order.
  private(set) lazy var postedOrder: [Int] = {
    // By position: only each posting's date is read, not a copy of the whole record.
    var keys: [Int] = []
    keys.reserveCapacity(deck.postings.count)
    deck.postings.forEachPosition { _, posting in
      keys.append(posting.pointee.posted.map { -DeckFacts.sortKey($0.date) } ?? .max)
    }
    return DeckFacts.indices(sortedBy: keys)
  }()

  /// By company, case-insensitively (`lowercased()`, compared as Strings); ties in deck order.
  private(set) lazy var companyOrder: [Int] = CompanySortKeys(deck.postings).order()

  /// Orders the same as `CivilDate`'s `<` (year, then month 1–12, then day 1–31).
  static func sortKey(_ date: CivilDate) -> Int { date.year * 1024 + date.month * 32 + date.day }

  /// Positions of `keys` by key, ties by position.
  static func indices(sortedBy keys: [Int]) -> [Int] {
    RadixSort.positions(count: keys.count, sortedBy: [keys.map(RadixSort.word)])
  }

  // MARK: - The agenda and what depends on it

  /// `Agenda.rows(of:)`: the agenda before the clock comes in, the same for every tick. Built
  /// off the UI thread once the first screen is up (`AgendaPreparation`), or on first use.
  private var preparedRows: [AgendaRow]?

  var agendaRows: [AgendaRow] {
    if let preparedRows { return preparedRows }
    let rows = Agenda.rows(of: deck, index: index)
    preparedRows = rows
    return rows
  }

  /// The agenda over the span holding the last `now` asked about.
  private var agendaSnapshot: AgendaSnapshot?

  /// The snapshot holding `now`, worked out again only once the clock leaves its span.
  private func snapshot(now: Date, timeZone: TimeZone) -> AgendaSnapshot {
    if let agendaSnapshot, agendaSnapshot.span.contains(now, in: timeZone) {
      return agendaSnapshot
    }
    let snapshot = AgendaSnapshot(rows: agendaRows, now: now, timeZone: timeZone)
    adopt(snapshot)
    return snapshot
  }

  private func adopt(_ snapshot: AgendaSnapshot) {
    agendaSnapshot = snapshot
    agendaFilter = nil
    suggestionCache = nil
  }

  /// The rows' entries at `now`, in row order: enough for the postings table, whose first
  /// screen should not wait for a sort of every deadline.
  private func unsortedAgenda(now: Date, timeZone: TimeZone) -> [AgendaEntry] {
    snapshot(now: now, timeZone: timeZone).entries
  }

  func agendaCount(now: Date, timeZone: TimeZone) -> Int {
    unsortedAgenda(now: now, timeZone: timeZone).count
  }

  /// The agenda's entries at `now`, sorted (`Agenda.sorted`).
  func agenda(now: Date, timeZone: TimeZone) -> [AgendaEntry] {
    var snapshot = snapshot(now: now, timeZone: timeZone)
    let order = snapshot.sortedOrder()
    agendaSnapshot = snapshot
    return order.map { snapshot.entries[$0] }
  }

  /// The agenda's display groups at `now` (`Agenda.groups`), over the entries in row order.
  func groups(now: Date, timeZone: TimeZone) -> [AgendaModel.Group] {
    var snapshot = snapshot(now: now, timeZone: timeZone)
    let groups = snapshot.sections()
    agendaSnapshot = snapshot
    return groups
  }

  /// Whether the agenda at `now` is ready to show without work: what `AgendaPreparation` is
  /// for.
  func hasAgenda(at now: Date, timeZone: TimeZone) -> Bool {
    agendaSnapshot?.groups != nil && agendaSnapshot?.span.contains(now, in: timeZone) == true
  }

  /// An `AgendaPreparation` of this deck is under way: one at a time.
  var isPreparingAgenda = false

  /// The rows already built, for a preparation to start from.
  var builtAgendaRows: [AgendaRow]? { preparedRows }

  /// Keeps what a preparation worked out, when it is of this deck and `now` is in its span;
  /// what is already here stays (the agenda key may have built it meanwhile).
  func adopt(_ prepared: PreparedAgenda, now: Date, timeZone: TimeZone) {
    isPreparingAgenda = false
    guard prepared.deck == deck else { return }
    adopt(prepared.index)
    if preparedRows == nil { preparedRows = prepared.rows }
    if !hasAgenda(at: now, timeZone: timeZone), prepared.snapshot.span.contains(now, in: timeZone) {
      adopt(prepared.snapshot)
    }
    adoptTable(prepared.table, now: now, timeZone: timeZone)
  }

  /// The last filter's result; cleared with the snapshot it narrowed.
  private var agendaFilter: (needle: String, groups: [AgendaModel.Group])?

  /// `groups` narrowed to the entries whose kind, company or title holds `needle`
  /// (lowercased); the last result is kept, as every key and every frame asks again.
  func filteredGroups(_ groups: [AgendaModel.Group], needle: String, now: Date,
    timeZone: TimeZone) -> [AgendaModel.Group]
  {
    var source = groups
    _ = snapshot(now: now, timeZone: timeZone)
    if let cached = agendaFilter {
      if cached.needle == needle { return cached.groups }
      // Typing one more letter narrows the last result instead of scanning the whole agenda.
      if needle.hasPrefix(cached.needle) { source = cached.groups }
    }
    let filtered = source.compactMap { group -> AgendaModel.Group? in
      var narrowed = group
      narrowed.entries.positions = group.entries.all.withUnsafeBufferPointer { all in
        group.entries.positions.filter { position in
          all[position].company.containsFilter(needle) || all[position].title.containsFilter(needle)
            || all[position].kind.displayName.containsFilter(needle)
        }
      }
      return narrowed.entries.isEmpty ? nil : narrowed
    }
    agendaFilter = (needle, filtered)
    return filtered
  }

  /// The last suggestions; cleared with the snapshot they were worked out from.
  private var suggestionCache: (days: SuggestionDays, suggestions: [Suggestion])?

  /// `Deck.suggestions` at `now`, from the agenda already worked out.
  func suggestions(now: Date, timeZone: TimeZone, days: SuggestionDays) -> [Suggestion] {
    let entries = unsortedAgenda(now: now, timeZone: timeZone)
    if let cached = suggestionCache, cached.days == days {
      return cached.suggestions
    }
    let suggestions = deck.suggestions(
      clock: FixedWallClock(now: now, timeZone: timeZone), rules: days.rules(for: deck),
      visibleEntries: entries, index: index)
    suggestionCache = (days, suggestions)
    return suggestions
  }

  /// A posting's nearest dated deadline: its position in the deck and where it falls.
  struct Nearest: Sendable {
    var deadline: Int
    var placement: AgendaPlacement
  }

  /// The span over which `nearestCache` holds (see `AgendaSpan`).
  private var nearestSpan: AgendaSpan?
  private var nearestCache: [Nearest?] = []

  /// Each posting's nearest dated deadline on the agenda (its own or its applications'), by
  /// posting position: the first in the agenda's order. One pass over the deadlines that makes
  /// no agenda entries (the table shows the entries of the rows on screen only), a large deck's
  /// on both cores: the first screen of the table waits for it.
  private func nearestByPosting(now: Date, timeZone: TimeZone) -> [Nearest?] {
    takeUpInheritedTable(now: now, timeZone: timeZone)
    if let nearestSpan, nearestSpan.contains(now, in: timeZone) { return nearestCache }
    let (nearest, span) = DeckFacts.nearestByPosting(of: deck, index: index, now: now,
      timeZone: timeZone)
    nearestSpan = span
    nearestCache = nearest
    return nearest
  }

  /// `nearestByPosting(now:timeZone:)` worked out anew, with the span it holds over: pure, so
  /// that `AgendaPreparation` can run it off the UI thread.
  static func nearestByPosting(of deck: Deck, index: DeckIndex, now: Date, timeZone: TimeZone)
    -> (nearest: [Nearest?], span: AgendaSpan)
  {
    var scans = ConcurrentParts.map(ranges: deck.deadlines.count) { range in
      DeckFacts.nearest(among: range, of: deck, index: index, now: now, timeZone: timeZone)
    }
    var scan = scans.removeFirst()
    for later in scans { scan.merge(later, deadlines: deck.deadlines) }
    var nearest = scan.nearest
    if deck.postings.hasRepeatedIDs {
      // A hand-edited store's second posting with an id shows what the first one does.
      for position in deck.postings.indices {
        if let first = deck.postings.index(ofID: deck.postings[position].id), first != position {
          nearest[position] = nearest[first]
        }
      }
    }
    return (nearest, scan.span)
  }

  /// The nearest deadlines of one part of the deck's deadlines, and the span they hold over.
  private struct NearestScan {
    var nearest: [Nearest?]
    var span: AgendaSpan

    /// Takes in the scan of the deadlines after this one's: among equals the agenda (a stable
    /// sort) keeps the deck's first, so a later part's deadline wins only when strictly before.
    mutating func merge(_ later: NearestScan, deadlines: RecordList<Deadline>) {
      span.end = min(span.end, later.span.end)
      for posting in later.nearest.indices {
        guard let candidate = later.nearest[posting] else { continue }
        if let current = nearest[posting],
          !Agenda.isOrderedBefore(
            deadlines[candidate.deadline], at: candidate.placement,
            deadlines[current.deadline], at: current.placement)
        {
          continue
        }
        nearest[posting] = candidate
      }
    }
  }

  /// `nearestByPosting` over the deadlines at `positions`.
  private static func nearest(among positions: Range<Int>, of deck: Deck, index: DeckIndex,
    now: Date, timeZone: TimeZone) -> NearestScan
  {
    var span = AgendaSpan(now: now, timeZone: timeZone)
    let clock = FixedWallClock(now: now, timeZone: timeZone)
    let today = clock.today
    var nearest = [Nearest?](repeating: nil, count: deck.postings.count)
    // By position: a lookup by id copies the whole record out, for one field.
    let deadlines = deck.deadlines
    deadlines.forEach(in: positions) { position, deadline in
      guard
        let (placement, posting) = Agenda.placementAndPosting(
          of: deadline.pointee, index: index, today: today, clock: clock),
        placement.date != nil
      else { return }
      span.shorten(
        toPassingOf: deadline.pointee.kind, at: placement.time,
        in: index.resolvedDue(of: deadline.pointee).zone ?? timeZone,
        eventDuration: deadline.pointee.duration, hasHappened: placement.hasHappened)
      guard let posting else { return }
      // Strictly before only: among equals the agenda (a stable sort) keeps the deck's first.
      if let current = nearest[posting],
        !Agenda.isOrderedBefore(
          deadline.pointee, at: placement, deadlines[current.deadline], at: current.placement)
      {
        return
      }
      nearest[posting] = Nearest(deadline: position, placement: placement)
    }
    return NearestScan(nearest: nearest, span: span)
  }

  /// The agenda entry of the posting's nearest dated deadline (see `nearestByPosting`), for
  /// its Due column.
  func nearestEntry(ofPostingAt position: Int, now: Date, timeZone: TimeZone) -> AgendaEntry? {
    guard let nearest = nearestByPosting(now: now, timeZone: timeZone)[position] else {
      return nil
    }
    return Agenda.entry(for: deck.deadlines[nearest.deadline], in: deck, index: index,
      clock: FixedWallClock(now: now, timeZone: timeZone))
  }

  /// The date of an entry depends on the day, not the time of day: the deadline order is kept
  /// across ticks of the same day.
  private var deadlineOrderInputs: (today: CivilDate, timeZone: TimeZone)?
  private var deadlineOrderCache: [Int] = []

  /// Nearest deadline first; postings without one last; ties in deck order.
  func deadlineOrder(now: Date, timeZone: TimeZone) -> [Int] {
    takeUpInheritedTable(now: now, timeZone: timeZone)
    let today = CivilDate(containing: now, in: timeZone)
    if let inputs = deadlineOrderInputs, inputs.today == today, inputs.timeZone == timeZone {
      return deadlineOrderCache
    }
    deadlineOrderCache = DeckFacts.deadlineOrder(of: nearestByPosting(now: now, timeZone: timeZone))
    deadlineOrderInputs = (today, timeZone)
    filters[.deadline] = nil
    return deadlineOrderCache
  }

  /// The positions of the postings by their nearest deadline's day (`deadlineOrder`).
  static func deadlineOrder(of nearest: [Nearest?]) -> [Int] {
    indices(sortedBy: nearest.map { $0?.placement.date.map(DeckFacts.sortKey) ?? .max })
  }

  /// Whether the table's deadline order at `now` is ready to show without work.
  func hasDeadlineOrder(at now: Date, timeZone: TimeZone) -> Bool {
    deadlineOrderInputs.map {
      $0.today == CivilDate(containing: now, in: timeZone) && $0.timeZone == timeZone
    } ?? false
  }

  /// Keeps a table worked out off the UI thread (`AgendaPreparation`) for this deck, where this
  /// one has none for `now` yet.
  func adoptTable(_ table: Table, now: Date, timeZone: TimeZone) {
    if !(nearestSpan?.contains(now, in: timeZone) ?? false),
      table.span.contains(now, in: timeZone)
    {
      nearestSpan = table.span
      nearestCache = table.nearest
    }
    let today = CivilDate(containing: now, in: timeZone)
    if !hasDeadlineOrder(at: now, timeZone: timeZone), table.today == today,
      table.span.timeZone == timeZone
    {
      deadlineOrderCache = table.deadlineOrder
      deadlineOrderInputs = (today, timeZone)
      filters[.deadline] = nil
    }
  }

  func order(_ sort: PostingSort, now: Date, timeZone: TimeZone) -> [Int] {
    let all: [Int]
    switch sort {
    case .deadline: all = deadlineOrder(now: now, timeZone: timeZone)
    case .posted: all = postedOrder
    case .company: all = companyOrder
    }
    guard hidesSomething else { return all }
    if let kept = unarchivedOrders[sort], kept.source == all { return kept.order }
    let postings = deck.postings
    let order = all.filter { !postings[$0].isArchived }
    unarchivedOrders[sort] = (all, order)
    return order
  }

  /// Each sort's order without the archived postings, with the order it was taken from.
  private var unarchivedOrders: [PostingSort: (source: [Int], order: [Int])] = [:]

  // MARK: - Filters

  /// Per sort, the scans of recent filter texts (lowercased), resumed and narrowed as the
  /// user types and deletes. Keyed by UTF-8: as Strings, "é" and "e\u{301}" are equal, but the
  /// filter compares bytes.
  private var filters: [PostingSort: [[UInt8]: PostingFilterScan]] = [:]

  func filterScan(needle: String, sort: PostingSort, now: Date, timeZone: TimeZone)
    -> PostingFilterScan
  {
    let order = order(sort, now: now, timeZone: timeZone)
    let bytes = Array(needle.utf8)
    var scans = filters[sort] ?? [:]
    if let scan = scans[bytes] { return scan }
    if scans.count > 64 { scans = [:] }
    let matcher = PostingMatcher(postings: deck.postings, needle: needle)
    // The longest earlier text this one extends byte for byte: its result is a superset of this
    // one's. Only for ASCII text: a non-ASCII one is looked for in descriptions by Characters,
    // and "ü" followed by a combining mark is not a "ü" there.
    let base = bytes.allSatisfy({ $0 < 0x80 })
      ? scans.filter { bytes.starts(with: $0.key) }.max { $0.key.count < $1.key.count }
      : nil
    let scan = base.map { PostingFilterScan(matcher: matcher, narrowing: $0.value) }
      ?? PostingFilterScan(matcher: matcher, order: order)
    scans[bytes] = scan
    filters[sort] = scans
    return scan
  }
}
