import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// A small deck with the cases that break terminal UIs: CJK, emoji with ZWJ, a posting full of
/// escape sequences, and deadlines in every agenda group (the engine hides the cutoffs of
/// postings already applied to). "Today" is Monday 2025-03-03, Berlin.
enum Fixtures {
  static let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600)!
  static let today = CivilDate(year: 2025, month: 3, day: 3)!
  static let clock = FixedWallClock(date: today, hour: 12, timeZone: zone)
  static let created = today.adding(days: -10).instant(hour: 9, in: zone)

  static func date(_ text: String) -> CivilDate { CivilDate(text)! }

  static let hostileCompany = "\u{1B}[2JEvil\u{1B}]52;c;aGk=\u{07}Corp"
  static let hostileTitle = "Title\r\u{08}\u{9B}31m\u{202E}gnp.exe\u{200B}"

  static var deck: Deck {
    var deck = Deck()
    deck.postings = [
      Posting(id: "soundcloud-ml-intern", title: "ML Intern", company: "SoundCloud",
              location: "Berlin", url: "https://example.com/jobs/1", source: "typed",
              posted: PostedDate(date: date("2025-02-20")), tags: ["ml", "python"],
              description: "Work on recommendation models.\nPython and PyTorch.",
              createdAt: created),
      Posting(id: "mercari-engineer", title: "ソフトウェアエンジニア", company: "株式会社メルカリ",
              location: "東京", posted: PostedDate(date: date("2025-02-25")),
              createdAt: created),
      Posting(id: "cafe-labs-data", title: "Data 👩‍💻 Engineer", company: "Café 🍰 Labs",
              location: "Zürich", posted: PostedDate(date: date("2025-02-01"), precision: .onOrBefore),
              createdAt: created),
      Posting(id: "evil-corp", title: hostileTitle, company: hostileCompany,
              location: "Nowhere\u{200B}\u{1B}[1A",
              url: "https://evil.example/\u{1B}]8;;x\u{07}",
              posted: PostedDate(date: date("2025-02-28")), tags: ["\u{1B}[5mblink"],
              description: "Line one\u{1B}[2K\rOverwritten\nclipboard \u{1B}]52;c;ZXZpbA==\u{1B}\\ done",
              createdAt: created),
      Posting(id: "acme-backend", title: "Backend Engineer", company: "Acme",
              location: "Remote", createdAt: created),
      Posting(id: "globex-platform", title: "Platform Engineer", company: "Globex",
              location: "Remote", createdAt: created),
    ]
    deck.applications = [
      application("soundcloud-ml-intern", stage: .applied),
      application("mercari-engineer", stage: .interview,
                  terms: EmploymentTerms(probation: .months(6))),
      application("evil-corp", stage: .screening),
      application("acme-backend", stage: .saved),
      application("globex-platform", stage: .rejected),
    ]
    deck.deadlines = [
      cutoff("soundcloud-ml-intern", "2025-03-05", phrase: "Apply by 5 March 2025"),
      cutoff("mercari-engineer", "2025-03-03", phrase: "締切 2025年3月3日"),
      cutoff("cafe-labs-data", "2025-03-01", phrase: "closing date 1 March"),
      Deadline(id: "soundcloud-ml-intern/assessment", kind: .assessment,
               due: .allDay(date("2025-03-05")), phrase: "Take-home due 5 March",
               owner: .application("soundcloud-ml-intern")),
      Deadline(id: "evil-corp/assessment", kind: .assessment, due: .allDay(date("2025-03-16")),
               phrase: "\u{1B}[31mdeadline\u{1B}[0m 16 March", owner: .posting("evil-corp"),
               origin: .imported),
      cutoff("acme-backend", "2025-04-30", phrase: nil),
      Deadline(id: "mercari-engineer/interview",
               kind: .interview,
               due: .timed(today.instant(hour: 18, in: zone), timeZone: "Asia/Tokyo"),
               owner: .application("mercari-engineer")),
      Deadline(id: "mercari-engineer/probation-ends", kind: .probationEnd,
               due: .relative(to: .startDate, offset: .months(6)),
               owner: .application("mercari-engineer")),
    ]
    return deck
  }

  static func application(_ postingID: String, stage: Stage,
                          terms: EmploymentTerms = EmploymentTerms()) -> Application {
    Application(id: postingID, postingID: postingID, stage: stage,
                history: [StageChange(from: nil, to: stage, at: created)],
                terms: terms, createdAt: created)
  }

  static func cutoff(_ postingID: String, _ day: String, phrase: String?) -> Deadline {
    Deadline(id: "\(postingID)/apply-by", kind: .applicationCutoff, due: .allDay(date(day)),
             phrase: phrase, owner: .posting(postingID), origin: .imported)
  }

  static func app(_ deck: Deck = Fixtures.deck, readOnly: String? = nil) -> App {
    App(deck: deck, storePath: "/home/user/.local/share/jobdeck/store.json", clock: clock,
        readOnlyReason: readOnly)
  }
}

extension App {
  /// Feeds several keys, returning every effect in order.
  @discardableResult
  mutating func press(_ keys: KeyPress...) -> [Effect] {
    keys.flatMap { update(.key($0)) }
  }

  /// `update` for actions whose effects a test does not check.
  @discardableResult
  mutating func send(_ action: Action) -> [Effect] { update(action) }

  /// Types text character by character, as the terminal would deliver it.
  @discardableResult
  mutating func type(_ text: String) -> [Effect] {
    text.flatMap { update(.key(.character($0))) }
  }

  /// Adds a posting through the add form (`a`), as a person would: the company, Tab, the
  /// title, Ctrl-S.
  @discardableResult
  mutating func addPosting(company: String, title: String) -> [Effect] {
    press(.character("a")) + type(company) + press(.tab) + type(title) + press(.control("s"))
  }

  func screenText(rows: Int = 24, columns: Int = 80) -> String {
    view(size: TerminalSize(rows: rows, columns: columns)).text
  }
}

/// Plain-text snapshots as multi-line string literals in `Snapshots/<Scene>Snapshots.swift`,
/// one file per scene, so a reviewer reads exactly what the terminal shows (Swift source rather
/// than text files, which SwiftPM would warn about as unhandled resources).
/// `JOBDECK_RECORD_SNAPSHOTS=1 swift test --filter JobDeckTUITests` rewrites a scene's file;
/// review the diff, then run the tests again (the literals are compiled in).
func assertSnapshots(_ screens: [(size: String, screen: Screen)], scene: String,
                     sourceLocation: SourceLocation = #_sourceLocation,
                     filePath: String = #filePath) {
  let identifier = scene.split(separator: "-").enumerated().map { index, part in
    index == 0 ? String(part) : part.prefix(1).uppercased() + part.dropFirst()
  }.joined()
  if ProcessInfo.processInfo.environment["JOBDECK_RECORD_SNAPSHOTS"] == "1" {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("Snapshots")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var source = "// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.\n"
    source += "extension SnapshotFixtures {\n  static let \(identifier): [String: String] = [\n"
    for (size, screen) in screens {
      let body = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
      source += "    \"\(size)\": ##\"\"\"\n\(body)\n      \"\"\"##,\n"
    }
    source += "  ]\n}\n"
    let name = identifier.prefix(1).uppercased() + identifier.dropFirst() + "Snapshots.swift"
    try? source.write(to: directory.appendingPathComponent(name), atomically: true,
                      encoding: .utf8)
    return
  }
  for (size, screen) in screens {
    guard let expected = SnapshotFixtures.scenes[scene]?[size] else {
      Issue.record("no snapshot \(scene) \(size); record with JOBDECK_RECORD_SNAPSHOTS=1",
                   sourceLocation: sourceLocation)
      continue
    }
    #expect(screen.text == expected, "snapshot \(scene) \(size) differs:\n\(screen.text)",
            sourceLocation: sourceLocation)
  }
}
