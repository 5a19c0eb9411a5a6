import Foundation
import JobDeckCore

/// A small deck with one deadline of every shape the calendar export meets.
enum ICSFixtures {
  static let now = Date(timeIntervalSince1970: 1_743_500_000)  // 2025-04-01T09:33:20Z
  static let later = Date(timeIntervalSince1970: 1_743_600_000)
  static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current
  static let interviewStart = Date(timeIntervalSince1970: 1_744_113_600)  // 2025-04-08T12:00Z

  /// A title of CJK and emoji long enough to fold several times.
  static let wideTitle = "機械学習エンジニア🚀インターン👩🏽‍💻 東京オフィス勤務・データ基盤チーム 🎧🎶 日本語と英語"

  static func date(_ text: String) -> CivilDate { CivilDate(text) ?? CivilDate(dayNumber: 0) }

  static var deck: Deck {
    var deck = Deck()
    let soundcloud = deck.add(Posting(
      id: "", title: "ML Intern", company: "SoundCloud", url: "https://jobs.example/sc/1",
      createdAt: now))
    let tokyo = deck.add(Posting(
      id: "", title: wideTitle, company: "Acme; Tools, \\Inc", createdAt: now))
    // Saved, not applied yet: the posting's apply-by date is still live (once applied, it is
    // history and leaves the calendar, as on the agenda).
    let applicationID = (try? deck.apply(toPosting: soundcloud, stage: .saved, at: now)) ?? ""
    deck.applications[0].terms.startDate = date("2025-03-31")

    deck.add(Deadline(
      id: "", kind: .applicationCutoff, due: .allDay(date("2025-04-04")),
      phrase: "Applications close on 4 April 2025", owner: .posting(soundcloud),
      origin: .imported, revision: 2))
    deck.add(Deadline(
      id: "", kind: .applicationCutoff, due: .allDay(date("2025-04-30")),
      leadTimes: [.zero, .days(1), .weeks(6), .months(1), .hours(2)],
      phrase: "Deadline: end of April\n\u{1B}[2Jsee\u{202E}ad", owner: .posting(tokyo)))
    deck.add(Deadline(
      id: "", kind: .interview, due: .timed(interviewStart, timeZone: "Europe/Berlin"),
      owner: .application(applicationID)))
    deck.add(Deadline(
      id: "", kind: .probationEnd, due: .relative(to: .startDate, offset: .months(6)),
      owner: .application(applicationID)))
    // Not exported: the anchor is unknown, or the deadline is closed.
    deck.add(Deadline(
      id: "", kind: .probationReview, due: .relative(to: .startDate, offset: .months(3)),
      owner: .posting(tokyo)))
    deck.add(Deadline(
      id: "", kind: .assessment, due: .allDay(date("2025-04-02")), status: .done,
      owner: .posting(soundcloud)))
    deck.add(Deadline(
      id: "", kind: .followUp, due: .allDay(date("2025-04-03")), status: .dismissed,
      owner: .application(applicationID)))
    return deck
  }

  /// The deadlines the export must contain, in order: id, kind of date, lead-time count.
  static let exportedIDs = [
    "soundcloud-ml-intern/apply-by", "acme-tools/apply-by", "soundcloud-ml-intern/interview",
    "soundcloud-ml-intern/probation-ends",
  ]
}
