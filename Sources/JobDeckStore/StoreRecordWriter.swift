import Foundation
import JobDeckCore

/// Writes the store's records as compact JSON, byte for byte as the store format has always
/// been written (it was first defined by `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes`): keys in byte order, absent optionals left out, `"` `\` and
/// control characters escaped (`\b \t \n \f \r`, else `\u00xx` in lower case), everything
/// else (`/`, DEL, U+2028, non-ASCII) written as is; a `Double` as its `description` without a
/// trailing `.0`; instants as `StoreDateFormat` writes them.
struct StoreRecordWriter {
  /// A value JSON cannot hold (a compensation of NaN or infinity), or a description that can
  /// no longer be read from the file it was kept in.
  struct Unwritable: Error, CustomStringConvertible {
    var description: String
  }

  var bytes: [UInt8] = []

  // MARK: Records

  mutating func write(_ posting: Posting) throws(Unwritable) {
    var object = ObjectWriter()
    if let archived = posting.archivedAt { key("archivedAt", &object); instant(archived) }
    key("company", &object); string(posting.company)
    if let compensation = posting.compensation {
      key("compensation", &object); try write(compensation)
    }
    key("createdAt", &object); instant(posting.createdAt)
    if let description = posting.descriptionText { key("description", &object); try text(description) }
    if let type = posting.employmentType { key("employmentType", &object); string(type.rawValue) }
    key("id", &object); string(posting.id)
    if let location = posting.location { key("location", &object); string(location) }
    if let posted = posting.posted {
      key("posted", &object)
      var inner = ObjectWriter()
      key("date", &inner); civilDate(posted.date)
      key("precision", &inner); string(posted.precision.rawValue)
      close(inner)
    }
    if let source = posting.source { key("source", &object); string(source) }
    key("tags", &object); array(posting.tags) { $0.string($1) }
    key("title", &object); string(posting.title)
    key("updatedAt", &object); instant(posting.updatedAt)
    if let url = posting.url { key("url", &object); string(url) }
    if let workplace = posting.workplace { key("workplace", &object); string(workplace.rawValue) }
    close(object)
  }

  mutating func write(_ application: Application) throws(Unwritable) {
    var object = ObjectWriter()
    if let archived = application.archivedAt { key("archivedAt", &object); instant(archived) }
    if let company = application.company { key("company", &object); string(company) }
    key("contacts", &object)
    array(application.contacts) { writer, contact in
      var inner = ObjectWriter()
      if let email = contact.email { writer.key("email", &inner); writer.string(email) }
      writer.key("name", &inner); writer.string(contact.name)
      if let note = contact.note { writer.key("note", &inner); writer.string(note) }
      if let phone = contact.phone { writer.key("phone", &inner); writer.string(phone) }
      if let role = contact.role { writer.key("role", &inner); writer.string(role) }
      writer.close(inner)
    }
    key("createdAt", &object); instant(application.createdAt)
    key("history", &object)
    array(application.history) { writer, change in
      var inner = ObjectWriter()
      writer.key("at", &inner); writer.instant(change.at)
      if let from = change.from { writer.key("from", &inner); writer.string(from.rawValue) }
      if let note = change.note { writer.key("note", &inner); writer.string(note) }
      writer.key("to", &inner); writer.string(change.to.rawValue)
      writer.close(inner)
    }
    key("id", &object); string(application.id)
    if let method = application.method { key("method", &object); string(method.rawValue) }
    key("notes", &object); string(application.notes)
    if let postingID = application.postingID { key("postingID", &object); string(postingID) }
    if let sentTo = application.sentTo { key("sentTo", &object); string(sentTo) }
    if let source = application.source { key("source", &object); string(source.rawValue) }
    key("stage", &object); string(application.stage.rawValue)
    key("terms", &object); try write(application.terms)
    if let title = application.title { key("title", &object); string(title) }
    key("updatedAt", &object); instant(application.updatedAt)
    close(object)
  }

  mutating func write(_ deadline: Deadline) {
    var object = ObjectWriter()
    key("due", &object); write(deadline.due)
    if let duration = deadline.duration { key("duration", &object); string(duration.description) }
    key("id", &object); string(deadline.id)
    key("kind", &object); string(deadline.kind.rawValue)
    if let leadTimes = deadline.leadTimes {
      key("leadTimes", &object); array(leadTimes) { $0.string($1.description) }
    }
    if let link = deadline.link { key("link", &object); string(link) }
    if let note = deadline.note { key("note", &object); string(note) }
    key("origin", &object); string(deadline.origin.rawValue)
    key("owner", &object)
    var owner = ObjectWriter()
    switch deadline.owner {
    case .application(let id): key("applicationID", &owner); string(id)
    case .posting(let id): key("postingID", &owner); string(id)
    }
    close(owner)
    if let phrase = deadline.phrase { key("phrase", &object); string(phrase) }
    if let place = deadline.place { key("place", &object); string(place) }
    key("revision", &object); integer(deadline.revision)
    if let snoozed = deadline.snoozedUntil { key("snoozedUntil", &object); civilDate(snoozed) }
    key("status", &object); string(deadline.status.rawValue)
    if let title = deadline.title { key("title", &object); string(title) }
    close(object)
  }

  mutating func write(_ settings: Settings) {
    var object = ObjectWriter()
    if let notice = settings.currentNoticePeriod {
      key("currentNoticePeriod", &object); string(notice.description)
    }
    key("followUpAfterDays", &object); integer(settings.followUpAfterDays)
    if !settings.suggestionAnswers.isEmpty {
      key("suggestionAnswers", &object)
      array(settings.suggestionAnswers) { writer, answer in
        var member = ObjectWriter()
        writer.key("answer", &member); writer.string(answer.answer.rawValue)
        writer.key("id", &member); writer.string(answer.id)
        if let until = answer.until { writer.key("until", &member); writer.civilDate(until) }
        writer.close(member)
      }
    }
    close(object)
  }

  /// The unresolved sync conflicts, as one array.
  mutating func write(_ conflicts: [MergeConflict]) {
    array(conflicts) { writer, conflict in
      var object = ObjectWriter()
      writer.key("collection", &object); writer.string(conflict.collection.rawValue)
      writer.key("field", &object); writer.string(conflict.field)
      if let kept = conflict.keptChangedAt { writer.key("keptChangedAt", &object); writer.instant(kept) }
      if let losing = conflict.losingChangedAt {
        writer.key("losingChangedAt", &object); writer.instant(losing)
      }
      writer.key("losingValue", &object); writer.string(conflict.losingValue)
      writer.key("recordID", &object); writer.string(conflict.recordID)
      writer.key("recordedAt", &object); writer.instant(conflict.recordedAt)
      writer.close(object)
    }
  }

  /// The journal's first line (`StoreJournal`), without its newline.
  mutating func write(_ header: StoreJournal.Header) {
    var object = ObjectWriter()
    key("base", &object)
    var base = ObjectWriter()
    key("hash", &base); string(header.base.hash)
    key("inode", &base); integer(header.base.inode)
    key("modified", &base); integer(header.base.modified)
    key("size", &base); integer(header.base.size)
    close(base)
    key("jobdeckJournal", &object); integer(header.jobdeckJournal)
    close(object)
  }

  /// Raw bytes between values (the store's and the journal's punctuation).
  mutating func append(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  // MARK: Nested values

  private mutating func write(_ compensation: Compensation) throws(Unwritable) {
    var object = ObjectWriter()
    if let currency = compensation.currency { key("currency", &object); string(currency) }
    if let maximum = compensation.maximum { key("maximum", &object); try double(maximum) }
    if let minimum = compensation.minimum { key("minimum", &object); try double(minimum) }
    if let period = compensation.period { key("period", &object); string(period.rawValue) }
    key("text", &object); string(compensation.text)
    close(object)
  }

  private mutating func write(_ terms: EmploymentTerms) throws(Unwritable) {
    var object = ObjectWriter()
    if let date = terms.contractEnd { key("contractEnd", &object); civilDate(date) }
    if let type = terms.contractType { key("contractType", &object); string(type.rawValue) }
    if let period = terms.noticePeriod { key("noticePeriod", &object); string(period.description) }
    if let date = terms.offerResponseBy { key("offerResponseBy", &object); civilDate(date) }
    if let period = terms.probation { key("probation", &object); string(period.description) }
    if let period = terms.probationReviewAfter {
      key("probationReviewAfter", &object); string(period.description)
    }
    if let salary = terms.salary { key("salary", &object); try write(salary) }
    if let date = terms.startDate { key("startDate", &object); civilDate(date) }
    close(object)
  }

  private mutating func write(_ due: DeadlineDue) {
    var object = ObjectWriter()
    switch due {
    case .allDay(let date):
      key("date", &object); civilDate(date)
    case .timed(let instant, let zone):
      key("dateTime", &object); self.instant(instant)
      key("timeZone", &object); string(zone)
    case .relative(let anchor, let offset):
      key("offset", &object); string(offset.description)
      key("relativeTo", &object); string(anchor.rawValue)
    }
    close(object)
  }

  // MARK: Tokens

  /// Tracks whether an object has had a member yet, for the commas. Every JSON object the store,
  /// the journal and the summary write goes through `key` and `close` with one of these.
  struct ObjectWriter {
    var isEmpty = true
  }

  mutating func key(_ name: StaticString, _ object: inout ObjectWriter) {
    bytes.append(object.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
    object.isEmpty = false
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start,
      count: name.utf8CodeUnitCount))
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
  }

  mutating func close(_ object: ObjectWriter) {
    if object.isEmpty { bytes.append(UInt8(ascii: "{")) }
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func array<Element>(
    _ elements: [Element], _ write: (inout StoreRecordWriter, Element) -> Void
  ) {
    bytes.append(UInt8(ascii: "["))
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      write(&self, element)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  mutating func integer(_ value: some BinaryInteger) {
    bytes.append(contentsOf: String(value).utf8)
  }

  private mutating func double(_ value: Double) throws(Unwritable) {
    guard value.isFinite else {
      throw Unwritable(
        description: "the amount \(value) cannot be written: JSON holds only finite numbers")
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Long text still held as the canonical JSON body it was read from goes back as it came.
  mutating func text(_ value: LongText) throws(Unwritable) {
    let copied: Void?
    do {
      copied = try value.withJSONBody { body in
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: body)
        bytes.append(UInt8(ascii: "\""))
      }
    } catch {
      throw Unwritable(description: error.description)
    }
    if copied == nil { string(value.string) }
  }

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      bytes.append(UInt8(ascii: "\""))
      let raw = UnsafeRawBufferPointer(utf8)
      var runStart = 0
      while true {
        let index = Self.firstByteToEscape(in: raw, from: runStart)
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[runStart..<index]))
        guard index < raw.count else { break }
        let byte = raw[index]
        runStart = index + 1
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
          bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
            Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
        }
      }
      bytes.append(UInt8(ascii: "\""))
    }
  }

  /// The index of the first `"`, `\` or control byte at or after `start`, or the end. Eight
  /// bytes at a time: descriptions are most of a store's bytes.
  @inline(__always)
  private static func firstByteToEscape(in raw: UnsafeRawBufferPointer, from start: Int) -> Int {
    let count = raw.count
    var position = start
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while position + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        | ((word &- ones &* 0x20) & ~word)
      if special & highs != 0 { break }
      position += 8
    }
    while position < count {
      let byte = raw[position]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      position += 1
    }
    return position
  }

  /// `YYYY-MM-DD`, as `CivilDate.description` writes it.
  private mutating func civilDate(_ date: CivilDate) {
    guard (0...9999).contains(date.year) else { return string(date.description) }
    bytes.append(UInt8(ascii: "\""))
    appendDigits(date.year, count: 4)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(date.month, count: 2)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(date.day, count: 2)
    bytes.append(UInt8(ascii: "\""))
  }

  /// `StoreDateFormat.string(from:)` without building a `String` for the usual years.
  private mutating func instant(_ date: Date) {
    let interval = date.timeIntervalSince1970.rounded(.down)
    // 1970 ± 8000 years: far inside Int and CivilDate's four-digit years.
    guard abs(interval) < 2.5e11 else { return string(StoreDateFormat.string(from: date)) }
    let seconds = Int(interval)
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let day = CivilDate(dayNumber: days)
    guard (0...9999).contains(day.year) else {
      return string(StoreDateFormat.string(from: date))
    }
    bytes.append(UInt8(ascii: "\""))
    appendDigits(day.year, count: 4)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(day.month, count: 2)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(day.day, count: 2)
    bytes.append(UInt8(ascii: "T"))
    appendDigits(secondOfDay / 3600, count: 2)
    bytes.append(UInt8(ascii: ":"))
    appendDigits(secondOfDay / 60 % 60, count: 2)
    bytes.append(UInt8(ascii: ":"))
    appendDigits(secondOfDay % 60, count: 2)
    bytes.append(UInt8(ascii: "Z"))
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendDigits(_ value: Int, count: Int) {
    var divisor = 1
    for _ in 1..<count { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }
}
