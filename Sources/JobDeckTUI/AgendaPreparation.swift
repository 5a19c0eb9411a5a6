import Foundation
import JobDeckCore

/// The agenda of one deck, and the postings table's deadline order that follows from it, to be
/// worked out off the UI thread while the user reads the screen: at 100,000 deadlines the
/// agenda's rows, entries and order, and each posting's nearest deadline, take long enough that
/// the first press of the agenda key, or of the table's after a change made in another view,
/// would otherwise be the one slow key. `update` asks for it when the UI is idle
/// (`Action.idle`); the terminal layer runs `prepare()` on a thread of its own and delivers the
/// result as `Action.agendaPrepared`. Until then, and if the result comes too late (the deck
/// changed, the clock left its span), each is worked out when it is first shown, as it would be
/// without this.
public struct AgendaPreparation: Equatable, Sendable {
  let deck: Deck
  /// The deck's index, when the UI has it already; built here otherwise, and handed back.
  let index: DeckIndex?
  /// The rows, when the UI has them already (the clock left the span of an earlier result).
  let rows: [AgendaRow]?
  let now: Date
  let timeZone: TimeZone

  /// The work itself, pure: call it off the UI thread.
  public func prepare() -> Action {
    let index = self.index ?? DeckIndex(deck)
    let rows = self.rows ?? Agenda.rows(of: deck, index: index)
    var snapshot = AgendaSnapshot(rows: rows, now: now, timeZone: timeZone)
    _ = snapshot.sections()
    let (nearest, span) = DeckFacts.nearestByPosting(of: deck, index: index, now: now,
      timeZone: timeZone)
    let table = DeckFacts.Table(
      nearest: nearest, span: span, today: CivilDate(containing: now, in: timeZone),
      deadlineOrder: DeckFacts.deadlineOrder(of: nearest))
    return .agendaPrepared(
      PreparedAgenda(deck: deck, index: index, rows: rows, snapshot: snapshot, table: table))
  }

  public static func == (lhs: AgendaPreparation, rhs: AgendaPreparation) -> Bool {
    lhs.now == rhs.now && lhs.timeZone == rhs.timeZone && lhs.deck == rhs.deck
  }
}

/// What `AgendaPreparation.prepare()` worked out, for the deck it was given.
public struct PreparedAgenda: Equatable, Sendable {
  let deck: Deck
  let index: DeckIndex
  let rows: [AgendaRow]
  let snapshot: AgendaSnapshot
  let table: DeckFacts.Table

  public static func == (lhs: PreparedAgenda, rhs: PreparedAgenda) -> Bool {
    lhs.snapshot.span == rhs.snapshot.span && lhs.deck == rhs.deck
  }
}

extension DeckFacts {
  /// The work for the agenda at `now`, or nil when it is done or under way.
  func agendaPreparation(now: Date, timeZone: TimeZone) -> AgendaPreparation? {
    guard !isPreparingAgenda,
      !hasAgenda(at: now, timeZone: timeZone) || !hasDeadlineOrder(at: now, timeZone: timeZone)
    else { return nil }
    isPreparingAgenda = true
    return AgendaPreparation(
      deck: deck, index: builtIndex, rows: builtAgendaRows, now: now, timeZone: timeZone)
  }
}

extension App {
  /// The UI has had no input for a while: time to work out what a later key would otherwise
  /// wait for.
  mutating func idle() -> [Effect] {
    let preparation = state.facts { $0.agendaPreparation(now: state.now, timeZone: state.timeZone) }
    return preparation.map { [.prepareAgenda($0)] } ?? []
  }

  /// Keeps what was prepared when it is still this state's agenda.
  mutating func agendaPrepared(_ prepared: PreparedAgenda) -> [Effect] {
    state.facts { $0.adopt(prepared, now: state.now, timeZone: state.timeZone) }
    return []
  }
}
