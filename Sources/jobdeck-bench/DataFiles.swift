import Foundation
import JobDeckCore
import JobDeckImport
import JobDeckStore

/// The files one benchmark size needs, made once and reused while they exist: the store (through
/// the real `StoreEncoder`, so the format is the real one), a CSV of the same postings with the
/// importer's own column names, and the deadlines as taskwarrior import lines.
struct DataFiles {
  let directory: String
  let size: Int

  var store: String { directory + "/store-\(size).json" }
  var csv: String { directory + "/postings-\(size).csv" }
  var tasks: String { directory + "/tasks-\(size).json" }

  /// Writes whatever is missing; returns the generated deck when it had to build one.
  func prepare() throws {
    let manager = FileManager.default
    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
    if [store, csv, tasks].allSatisfy({ manager.fileExists(atPath: $0) }) { return }
    var generator = DataGenerator(seed: 2026 + UInt64(size))
    let deck = generator.deck(postings: size)
    try StoreEncoder().encode(deck).write(to: URL(fileURLWithPath: store))
    try Data(Self.csv(of: deck).utf8).write(to: URL(fileURLWithPath: csv))
    try Data(Self.taskLines(of: deck).utf8).write(to: URL(fileURLWithPath: tasks))
  }

  /// One row per posting, with its application's stage, applied date and notes: what a
  /// spreadsheet tracker exports. Written here because the exporter looks applications up one
  /// posting at a time, which is fine for a user's deck but not for building test data.
  static func csv(of deck: Deck) -> String {
    let applications = Dictionary(
      deck.applications.compactMap { application in
        application.postingID.map { ($0, application) }
      }, uniquingKeysWith: { first, _ in first })
    var cutoffs: [String: CivilDate] = [:]
    for deadline in deck.deadlines where deadline.kind == .applicationCutoff {
      if case .allDay(let date) = deadline.due { cutoffs[deadline.owner.id] = date }
    }
    let header = ["Company", "Title", "Location", "URL", "Posted", "Deadline", "Stage",
      "Applied", "Description", "Notes", "Tags", "Salary", "Workplace"]
    var text = header.joined(separator: ",") + "\r\n"
    for posting in deck.postings {
      let application = applications[posting.id]
      let applied = application?.history.first { $0.to == .applied }
        .map { CivilDate(containing: $0.at, in: DataGenerator.utc).description }
      let fields = [
        posting.company, posting.title, posting.location ?? "", posting.url ?? "",
        posting.posted?.date.description ?? "", cutoffs[posting.id]?.description ?? "",
        application?.stage.rawValue ?? "", applied ?? "", posting.description ?? "",
        application?.notes ?? "", posting.tags.joined(separator: ", "),
        posting.compensation?.text ?? "", posting.workplace.map(workplaceName) ?? "",
      ]
      text += fields.map(quoted).joined(separator: ",") + "\r\n"
    }
    return text
  }

  private static func workplaceName(_ workplace: Workplace) -> String {
    switch workplace {
    case .onSite: return "on-site"
    case .hybrid: return "hybrid"
    case .remote: return "remote"
    }
  }

  private static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Every dated deadline as a pending taskwarrior task with the same due date, one JSON object
  /// per line (what `task import` reads).
  static func taskLines(of deck: Deck) -> String {
    var lines = ""
    for deadline in deck.deadlines {
      let due: String
      switch deadline.due {
      case .allDay(let date):
        due = date.description.replacingOccurrences(of: "-", with: "") + "T000000Z"
      case .timed(let instant, _):
        let day = CivilDate(containing: instant, in: DataGenerator.utc)
        let hour = Int(instant.timeIntervalSince1970) % 86_400 / 3600
        due = day.description.replacingOccurrences(of: "-", with: "")
          + "T" + (hour < 10 ? "0" : "") + "\(hour)0000Z"
      case .relative:
        continue
      }
      let description = "\(deadline.kind.displayName) \(deadline.owner.id)"
      lines += "{\"description\":\"\(description)\",\"due\":\"\(due)\",\"status\":\"pending\"}\n"
    }
    return lines
  }
}
