import Foundation
import Glibc
import JobDeckCore
import JobDeckTestSupport

/// Readable fixtures shared by the store tests.
enum Fixtures {
  static let created = Date(timeIntervalSince1970: 1_795_860_000)  // 2026-11-28T10:00:00Z
  static let later = Date(timeIntervalSince1970: 1_796_000_000)

  /// A deck in which every field of every record type is filled in.
  static func fullDeck() -> Deck {
    let posting = Posting(
      id: "sumup-ml-engineer", title: "ML Engineer", company: "SumUp", location: "Berlin",
      workplace: .hybrid, employmentType: .fullTime, url: "https://jobs.example/sumup/ml?id=7",
      source: "linkedin", posted: PostedDate(date: date("2026-11-01"), precision: .onOrBefore),
      compensation: Compensation(text: "€ 70–85K", minimum: 70_000, maximum: 85_000,
        currency: "EUR", period: .year),
      tags: ["ml", "python"], description: "Line one.\nLine two with \"quotes\" and a tab\t.",
      createdAt: created, updatedAt: later)
    let other = Posting(id: "soundcloud-ml-intern", title: "ML Intern", company: "SoundCloud",
      createdAt: created)
    let application = Application(
      id: "sumup-ml-engineer", postingID: "sumup-ml-engineer", company: "SumUp GmbH",
      title: "Machine Learning Engineer", stage: .interview,
      history: [
        StageChange(from: nil, to: .applied, at: created, note: "via referral"),
        StageChange(from: .applied, to: .interview, at: later, note: nil),
      ],
      notes: "Ask about the team.\nSecond line.",
      contacts: [Contact(name: "Ana Ruiz", role: "Recruiter", email: "ana@example.com")],
      terms: EmploymentTerms(
        offerResponseBy: date("2026-12-10"), startDate: date("2027-01-01"),
        probation: .months(6), probationReviewAfter: .months(3), contractEnd: date("2027-12-31")),
      createdAt: created, updatedAt: later, source: ApplicationSource(.referral),
      method: .email, sentTo: "Ana Ruiz <ana@example.com>")
    let deadlines = [
      Deadline(id: "sumup-ml-engineer-apply", kind: .applicationCutoff,
        due: .allDay(date("2026-12-01")), leadTimes: [.days(7), .zero], status: .done,
        snoozedUntil: date("2026-11-30"), phrase: "Apply by 1 December 2026",
        owner: .posting("sumup-ml-engineer"), origin: .imported, revision: 3, note: "hurry"),
      Deadline(id: "sumup-ml-engineer-interview", kind: .interview,
        due: .timed(later, timeZone: "Europe/Berlin"), leadTimes: [.hours(2)],
        status: .pending, phrase: "Thursday 14:00", owner: .application("sumup-ml-engineer"),
        origin: .manual, revision: 1, note: "video call"),
      Deadline(id: "sumup-ml-engineer-review", kind: .probationReview,
        due: .relative(to: .startDate, offset: .months(3)), status: .dismissed,
        owner: .application("sumup-ml-engineer"), origin: .derived),
    ]
    return Deck(postings: [posting, other], applications: [application], deadlines: deadlines,
      settings: Settings(followUpAfterDays: 10, currentNoticePeriod: .weeks(4)))
  }

  /// A deck with three applications, for tests that change one of them.
  static func threeApplications() -> Deck {
    var deck = Deck()
    for company in ["Alpha", "Beta", "Gamma"] {
      let id = deck.add(Posting(id: "", title: "Engineer", company: company, createdAt: created))
      _ = try? deck.apply(toPosting: id, at: created)
    }
    return deck
  }

  /// A hand-written version 1 store: two postings (one with non-ASCII characters before the
  /// values the tests break) and one application.
  static let handWritten = """
    {
      "schemaVersion": 1,
      "settings": {"followUpAfterDays":14},
      "postings": [
        {"company":"Müller & Söhne","createdAt":"2026-11-22T10:00:00Z","id":"muller-data-intern","tags":[],"title":"Data Intern","updatedAt":"2026-11-22T10:00:00Z"},
        {"company":"SumUp","createdAt":"2026-11-23T09:30:00Z","id":"sumup-ml-engineer","posted":{"date":"2026-11-20","precision":"exact"},"tags":["ml"],"title":"ML Engineer","updatedAt":"2026-11-23T09:30:00Z"}
      ],
      "applications": [
        {"contacts":[],"createdAt":"2026-11-24T08:00:00Z","history":[{"at":"2026-11-24T08:00:00Z","to":"applied"}],"id":"sumup-ml-engineer","notes":"","postingID":"sumup-ml-engineer","stage":"applied","terms":{},"updatedAt":"2026-11-24T08:00:00Z"}
      ],
      "deadlines": []
    }

    """

  static func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(text) else { fatalError("bad fixture date \(text)") }
    return date
  }
}

/// Small file helpers, so tests say what they check rather than how to read a file.
enum Disk {
  static func bytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
  }

  static func text(_ path: String) -> String? {
    bytes(path).map { String(decoding: $0, as: UTF8.self) }
  }

  static func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  /// Permission bits (`0o600`), following symlinks.
  static func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
  }

  static func isSymlink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
  }

  static func names(in directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  static func temporaryNames(in directory: String) -> [String] {
    names(in: directory).filter { $0.contains(".tmp-") }
  }
}
