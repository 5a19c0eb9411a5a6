import Foundation

/// The list an unemployment office asks for (the Agentur für Arbeit's "Bewerbungsnachweis", a
/// US state's work-search log): every application sent in a period with its date, employer,
/// position, place, the contact or address it went to, how it was sent, where it stands now and
/// how it got there; totals at the end. Pure: `jobdeck report` writes it as Markdown, CSV or
/// HTML.
public struct ProofOfSearch: Sendable {
  public struct StageDay: Hashable, Sendable {
    public var stage: Stage
    public var day: CivilDate
  }

  public struct Row: Hashable, Sendable {
    public var appliedOn: CivilDate
    public var company: String
    public var position: String
    public var location: String
    /// Where it went: the "sent to" the person recorded, else the first contact.
    public var contact: String
    public var method: String
    public var status: Stage
    public var statusSince: CivilDate
    /// Every stage with the day it was reached, oldest first.
    public var history: [StageDay]

    /// "2026-11-02 applied → 2026-11-06 screening → …"
    public var historyText: String {
      history.map { "\($0.day) \($0.stage.displayName)" }.joined(separator: " → ")
    }
  }

  public var name: String?
  /// Nil: from the first application sent.
  public var from: CivilDate?
  public var to: CivilDate
  public var rows: [Row]

  /// Applications sent (reached `applied` or beyond) on a day in the period, archived ones
  /// included, by date and then company.
  public init(deck: Deck, clock: some WallClock, from: CivilDate? = nil, to: CivilDate? = nil,
              name: String? = nil)
  {
    let zone = clock.timeZone
    let end = to ?? clock.today
    self.name = name
    self.from = from
    self.to = end
    let postings = deck.postings
    rows = deck.applications.compactMap { application -> Row? in
      let timeline = ApplicationTimeline(application, now: clock.now)
      guard let appliedAt = timeline.appliedAt else { return nil }
      let day = CivilDate(containing: appliedAt, in: zone)
      guard day <= end, from.map({ day >= $0 }) ?? true else { return nil }
      let posting = application.postingID.flatMap { postings[id: $0] }
      let contact = application.sentTo ?? application.contacts.first?.summary ?? ""
      return Row(
        appliedOn: day, company: posting?.company ?? application.company ?? "",
        position: posting?.title ?? application.title ?? "", location: posting?.location ?? "",
        contact: contact, method: application.method?.displayName ?? "",
        status: application.stage,
        statusSince: CivilDate(containing: application.lastMovedAt, in: zone),
        history: application.history.map {
          StageDay(stage: $0.to, day: CivilDate(containing: $0.at, in: zone))
        })
    }.sorted {
      $0.appliedOn != $1.appliedOn ? $0.appliedOn < $1.appliedOn
        : $0.company.lowercased() < $1.company.lowercased()
    }
  }

  /// "2026-11-01 to 2026-11-30", or "up to …" without a start.
  public var periodText: String {
    from.map { "\($0) to \(to)" } ?? "up to \(to)"
  }

  /// How many applications were sent each way, and how many stand at each stage: the totals
  /// under the list, in a fixed order, zero counts left out.
  public var totalsByMethod: [(String, Int)] {
    let names = ApplicationMethod.allCases.map(\.displayName) + [""]
    return names.compactMap { name in
      let count = rows.filter { $0.method == name }.count
      return count == 0 ? nil : (name.isEmpty ? "not recorded" : name, count)
    }
  }

  public var totalsByStatus: [(Stage, Int)] {
    Stage.allCases.compactMap { stage in
      let count = rows.filter { $0.status == stage }.count
      return count == 0 ? nil : (stage, count)
    }
  }
}
