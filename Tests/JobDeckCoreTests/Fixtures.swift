import Foundation
import JobDeckCore

/// Readable fixtures: `day("2026-03-03")`, `zone("Europe/Berlin")`, a deck with one job.
func day(_ text: String) -> CivilDate {
  guard let date = CivilDate(text) else { fatalError("bad fixture date \(text)") }
  return date
}

func zone(_ identifier: String) -> TimeZone {
  guard let zone = TimeZone(identifier: identifier) else { fatalError("no zone \(identifier)") }
  return zone
}

let berlin = zone("Europe/Berlin")
let utc = zone("UTC")

/// A clock at `hour:minute` on `date` in `timeZone`.
func clock(_ date: String, _ hour: Int = 12, _ minute: Int = 0, in timeZone: TimeZone = berlin)
  -> FixedWallClock
{
  FixedWallClock(date: day(date), hour: hour, minute: minute, timeZone: timeZone)
}

/// Noon UTC on a day: the time stamps of stage moves in fixtures.
func noonUTC(_ date: String) -> Date { day(date).instant(hour: 12, in: utc) }

/// A deck with one posting ("Acme", "ML Intern") and, unless `stage` is nil, one application
/// to it that reached `stage` on `movedOn`.
func acmeDeck(stage: Stage? = .applied, movedOn: String = "2026-03-02",
              terms: EmploymentTerms = EmploymentTerms()) -> (deck: Deck, postingID: String,
                                                            applicationID: String?)
{
  var deck = Deck()
  let postingID = deck.add(
    Posting(id: "", title: "ML Intern", company: "Acme", createdAt: noonUTC("2026-02-01")))
  guard let stage else { return (deck, postingID, nil) }
  // Fixtures are built from valid ids; a failure here is a broken test, not a result.
  let applicationID = try? deck.apply(toPosting: postingID, stage: stage, at: noonUTC(movedOn))
  if let applicationID, let index = deck.applications.firstIndex(where: { $0.id == applicationID })
  {
    deck.applications[index].terms = terms
  }
  return (deck, postingID, applicationID)
}

/// The deadline of `kind` owned by `owner`, if exactly one exists.
func only(_ kind: DeadlineKind, of owner: String, in deck: Deck) -> Deadline? {
  let matches = deck.deadlines.filter { $0.kind == kind && $0.owner.id == owner }
  return matches.count == 1 ? matches.first : nil
}

func allDay(_ kind: DeadlineKind, _ date: String, owner: DeadlineOwner,
            leadTimes: [Period]? = nil) -> Deadline
{
  Deadline(id: "", kind: kind, due: .allDay(day(date)), leadTimes: leadTimes, owner: owner)
}
