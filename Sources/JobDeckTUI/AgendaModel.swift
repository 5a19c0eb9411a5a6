import Foundation
import JobDeckCore

/// The engine's agenda (`JobDeckCore.Agenda`) seen at the UI's "now": the latest tick, so the
/// groups roll over at midnight without anything else changing.
struct AgendaModel {
  var deck: Deck
  var now: Date
  var timeZone: TimeZone
  let cache: ViewCache
  /// The agenda's `/` filter, lowercased: kind, company and title.
  var needle: String
  /// The lists' setting, so the agenda shares their cached facts.
  var showsArchived: Bool
  var suggestionDays: SuggestionDays

  init(state: AppState) {
    self.deck = state.deck
    self.now = state.now
    self.timeZone = state.timeZone
    self.cache = state.viewCache.cache
    self.needle = (state.filters[.agenda] ?? "").lowercased()
    self.showsArchived = state.showsArchived
    self.suggestionDays = state.suggestionDays
  }

  var clock: FixedWallClock { FixedWallClock(now: now, timeZone: timeZone) }

  /// What the agenda shows, sorted by the engine: hidden are done, snoozed and superseded
  /// deadlines, those of closed applications, and cutoffs once the user has applied.
  func entries() -> [AgendaEntry] {
    cache.with(deck, showsArchived: showsArchived) { $0.agenda(now: now, timeZone: timeZone) }
  }

  /// How many rows can be selected: the entries (counted without sorting them), then the
  /// suggestions.
  func count() -> Int { count(upTo: .max) }

  /// `min(count(), limit)`: the suggestions, below the entries, are worked out only when the
  /// entries fall short of `limit`.
  func count(upTo limit: Int) -> Int {
    let entries = needle.isEmpty
      ? cache.with(deck, showsArchived: showsArchived) { $0.agendaCount(now: now, timeZone: timeZone) }
      : grouped().reduce(0) { $0 + $1.entries.count }
    guard entries < limit else { return limit }
    return min(limit, entries + suggestions().count)
  }

  /// What JobDeck proposes (`Deck.suggestions`); with a filter, those whose company, title or
  /// reason holds it.
  func suggestions() -> [Suggestion] {
    let all = cache.with(deck, showsArchived: showsArchived) {
      $0.suggestions(now: now, timeZone: timeZone, days: suggestionDays)
    }
    guard !needle.isEmpty else { return all }
    return all.filter {
      $0.company.containsFilter(needle) || $0.title.containsFilter(needle)
        || $0.reason.containsFilter(needle)
    }
  }

  /// The lines on screen: the groups, then the suggestions.
  func lines() -> AgendaLines { AgendaLines(groups: grouped(), suggestions: suggestions()) }

  /// The lines a screen of `height` lines shows with entry `selection` selected: without the
  /// suggestions while the screen does not reach them.
  func lines(showing selection: Int, height: Int) -> AgendaLines {
    let entryLines = AgendaLines(groups: grouped())
    guard let line = entryLines.line(ofEntry: selection),
      max(0, line - height + 1) + height <= entryLines.count
    else { return lines() }
    return entryLines
  }

  /// The suggestion selected at `selection`; nil on an entry.
  func suggestion(at selection: Int) -> Suggestion? {
    guard selection >= AgendaLines(groups: grouped()).entryCount else { return nil }
    return lines().suggestion(at: selection)
  }

  /// Entries by section, empty sections left out; with a filter, only the entries matching it.
  func grouped() -> [Group] {
    cache.with(deck, showsArchived: showsArchived) { facts in
      let groups = facts.groups(now: now, timeZone: timeZone)
      guard !needle.isEmpty else { return groups }
      return facts.filteredGroups(groups, needle: needle, now: now, timeZone: timeZone)
    }
  }

  /// Every shown entry in the order of the groups on screen: the selection's index space
  /// (`AgendaLines` addresses the same entries without building this list).
  func flattened() -> [AgendaEntry] { grouped().flatMap(\.entries) }

  /// The nearest dated entry of the posting at `position` in the deck (its own deadlines' or
  /// its applications'), for its badge.
  func nearestEntry(ofPostingAt position: Int) -> AgendaEntry? {
    cache.with(deck, showsArchived: showsArchived) {
      $0.nearestEntry(ofPostingAt: position, now: now, timeZone: timeZone)
    }
  }

  /// The posting and application a deadline's detail shows.
  func target(of owner: DeadlineOwner) -> DetailState {
    switch owner {
    case .posting(let id):
      return DetailState(postingID: id, applicationID: deck.applications(forPosting: id).first?.id)
    case .application(let id):
      return DetailState(postingID: deck.application(withID: id)?.postingID, applicationID: id)
    }
  }
}

extension AgendaModel {
  /// One titled section of the agenda (`AgendaGroup`), its entries read through positions
  /// into the day's entries: the sections of 100,000 entries hold integers, not copies.
  struct Group {
    var section: AgendaSection
    var entries: Entries

    var title: String { section.title }
  }

  /// The entries of `all` at `positions`, in that order.
  struct Entries: RandomAccessCollection {
    let all: [AgendaEntry]
    var positions: [Int]

    var startIndex: Int { 0 }
    var endIndex: Int { positions.count }
    subscript(index: Int) -> AgendaEntry { all[positions[index]] }
  }
}

extension DeadlineAnchor {
  /// Words for "waits for …".
  var displayName: String {
    switch self {
    case .startDate: return "start date"
    case .contractEnd: return "contract end"
    case .offerResponse: return "offer response"
    case .applicationCutoff: return "application cutoff"
    }
  }
}

/// Badge text, readable without colour: `[OVERDUE]`, `[TODAY]`, `[3d]`.
enum UrgencyBadge {
  static func text(for entry: AgendaEntry?) -> String {
    guard let entry, let daysLeft = entry.daysLeft else { return "" }
    if entry.flags.contains(.happened) { return "[done?]" }
    if entry.urgency == .overdue { return "[OVERDUE]" }
    if daysLeft <= 0 { return "[TODAY]" }
    return daysLeft > 999 ? "[999+d]" : "[\(daysLeft)d]"
  }

  static func style(_ urgency: Urgency?) -> CellStyle {
    switch urgency {
    case nil: return .plain
    case .overdue: return CellStyle(role: .overdue, bold: true)
    case .today: return CellStyle(role: .today, bold: true)
    case .imminent: return CellStyle(role: .imminent, bold: true)
    case .soon: return CellStyle(role: .soon)
    case .upcoming: return CellStyle(role: .upcoming)
    case .later: return CellStyle(role: .later)
    }
  }

  /// "in 3d", "today", "2d ago".
  static func relative(daysLeft: Int?) -> String {
    guard let daysLeft else { return "" }
    if daysLeft == 0 { return "today" }
    if daysLeft < 0 { return "\(-daysLeft)d ago" }
    return "in \(daysLeft)d"
  }
}
