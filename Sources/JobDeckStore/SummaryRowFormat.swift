import Foundation
import JobDeckCore

/// One line of `store.json.summary` per `AgendaRow`, a compact JSON object with its keys in a
/// fixed order, the sort day first so that a reader can stop at the first row past its window
/// by looking at ten bytes:
///
///     {"day":"2026-03-02","at":1772460000,"zone":"Europe/Berlin","id":"…","kind":"interview",
///      "owner":"application","of":"…","company":"…","title":"…","phrase":"…",
///      "snoozedUntil":"…","leads":["P1D","PT2H"],"eventTitle":"…","duration":"PT90M",
///      "place":"…","link":"https://…","note":"…"}
///
/// `day` is absent for pending rows, which carry `"pendingOn"` instead; `at` (seconds since
/// 1970, exact) and `zone` only for timed deadlines; `phrase`, `snoozedUntil` and the event's
/// `eventTitle`, `duration`, `place`, `link` and the deadline's `note` when set; `leads` only when they differ from
/// the kind's defaults. The reader accepts exactly what the
/// writer writes: anything else makes the summary unreadable and it is rebuilt from the store.
enum SummaryRowFormat {
  static let dayPrefix = Array("{\"day\":\"".utf8)

  static func write(_ row: AgendaRow, into writer: inout StoreRecordWriter) {
    var object = StoreRecordWriter.ObjectWriter()
    switch row.due {
    case .day(let date):
      writer.key("day", &object); writer.string(date.description)
    case .instant(let instant, let zone):
      writer.key("day", &object); writer.string(row.sortDay?.description ?? "")
      writer.key("at", &object)
      writer.bytes.append(contentsOf: instant.timeIntervalSince1970.description.utf8)
      writer.key("zone", &object); writer.string(zone.identifier)
    case .pending(let anchor):
      writer.key("pendingOn", &object); writer.string(anchor.rawValue)
    }
    writer.key("id", &object); writer.string(row.id)
    writer.key("kind", &object); writer.string(row.kind.rawValue)
    switch row.owner {
    case .posting(let id):
      writer.key("owner", &object); writer.string("posting")
      writer.key("of", &object); writer.string(id)
    case .application(let id):
      writer.key("owner", &object); writer.string("application")
      writer.key("of", &object); writer.string(id)
    }
    writer.key("company", &object); writer.string(row.company)
    writer.key("title", &object); writer.string(row.title)
    if let phrase = row.phrase { writer.key("phrase", &object); writer.string(phrase) }
    if let snoozedUntil = row.snoozedUntil {
      writer.key("snoozedUntil", &object); writer.string(snoozedUntil.description)
    }
    if row.leadTimes != row.kind.defaultLeadTimes {
      writer.key("leads", &object); writer.array(row.leadTimes) { $0.string($1.description) }
    }
    if let title = row.event.title { writer.key("eventTitle", &object); writer.string(title) }
    if let duration = row.event.duration {
      writer.key("duration", &object); writer.string(duration.description)
    }
    if let place = row.event.place { writer.key("place", &object); writer.string(place) }
    if let link = row.event.link { writer.key("link", &object); writer.string(link) }
    if let note = row.event.note { writer.key("note", &object); writer.string(note) }
    writer.close(object)
  }

  /// The sort day of a line, read from its first bytes without parsing it; nil for a pending
  /// row or a line that is not a row.
  static func sortDayNumber(of line: UnsafeRawBufferPointer) -> Int? {
    let prefix = dayPrefix.count
    guard line.count >= prefix + 11, let base = line.baseAddress,
      memcmp(base, dayPrefix, prefix) == 0
    else { return nil }
    var reader = StoreReader(UnsafeRawBufferPointer(rebasing: line[(prefix - 1)...]))
    return (try? reader.readCivilDate())?.dayNumber
  }

  /// Reads one line. `zones` keeps each zone identifier's `TimeZone`, which is slow to make.
  static func read(_ line: UnsafeRawBufferPointer, zones: inout [String: TimeZone])
    throws(StoreReadError) -> AgendaRow
  {
    var reader = StoreReader(line)
    var day: CivilDate?
    var instant: Date?
    var zone: TimeZone?
    var pendingOn: DeadlineAnchor?
    var id: String?
    var kind: DeadlineKind?
    var ownerIsPosting: Bool?
    var ownerID: String?
    var company: String?
    var title: String?
    var phrase: String?
    var snoozedUntil: CivilDate?
    var leads: [Period]?
    var event = EventDetails()
    try reader.readObject { reader, key throws(StoreReadError) -> UInt32 in
      if keyIs(key, "day") {
        day = try reader.readCivilDate(); return 1
      } else if keyIs(key, "at") {
        instant = Date(timeIntervalSince1970: try reader.readDouble()); return 1 << 1
      } else if keyIs(key, "zone") {
        let identifier = try reader.readString()
        if let known = zones[identifier] {
          zone = known
        } else {
          guard let made = TimeZone(identifier: identifier) else { throw StoreReadError() }
          zones[identifier] = made
          zone = made
        }
        return 1 << 2
      } else if keyIs(key, "pendingOn") {
        pendingOn = try reader.readEnum(DeadlineAnchor.self); return 1 << 3
      } else if keyIs(key, "id") {
        id = try reader.readString(); return 1 << 4
      } else if keyIs(key, "kind") {
        kind = try reader.readEnum(DeadlineKind.self); return 1 << 5
      } else if keyIs(key, "owner") {
        switch try reader.readString() {
        case "posting": ownerIsPosting = true
        case "application": ownerIsPosting = false
        default: throw StoreReadError()
        }
        return 1 << 6
      } else if keyIs(key, "of") {
        ownerID = try reader.readString(); return 1 << 7
      } else if keyIs(key, "company") {
        company = try reader.readString(); return 1 << 8
      } else if keyIs(key, "title") {
        title = try reader.readString(); return 1 << 9
      } else if keyIs(key, "phrase") {
        phrase = try reader.readString(); return 1 << 10
      } else if keyIs(key, "snoozedUntil") {
        snoozedUntil = try reader.readCivilDate(); return 1 << 11
      } else if keyIs(key, "leads") {
        var periods: [Period] = []
        try reader.readArray { reader throws(StoreReadError) in periods.append(try reader.readPeriod()) }
        leads = periods
        return 1 << 12
      } else if keyIs(key, "eventTitle") {
        event.title = try reader.readString(); return 1 << 13
      } else if keyIs(key, "duration") {
        event.duration = try reader.readPeriod(); return 1 << 14
      } else if keyIs(key, "place") {
        event.place = try reader.readString(); return 1 << 15
      } else if keyIs(key, "link") {
        event.link = try reader.readString(); return 1 << 16
      } else if keyIs(key, "note") {
        event.note = try reader.readString(); return 1 << 17
      }
      throw StoreReadError()
    }
    guard reader.isAtEnd, let id, let kind, let ownerIsPosting, let ownerID, let company,
      let title
    else { throw StoreReadError() }
    let due: ResolvedDue
    switch (day, instant, zone, pendingOn) {
    case (let day?, nil, nil, nil): due = .day(day)
    case (.some, let instant?, let zone?, nil): due = .instant(instant, timeZone: zone)
    case (nil, nil, nil, let anchor?): due = .pending(waitingFor: anchor)
    default: throw StoreReadError()
    }
    return AgendaRow(
      id: id, kind: kind, due: due, snoozedUntil: snoozedUntil, company: company, title: title,
      owner: ownerIsPosting ? .posting(ownerID) : .application(ownerID), phrase: phrase,
      leadTimes: leads ?? kind.defaultLeadTimes, event: event)
  }
}
