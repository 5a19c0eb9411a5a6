import Foundation
import JobDeckCore

/// Reads the store's records straight into the model types, with the rules of their `Codable`
/// conformances: required keys must be there, optional ones may be left out or `null`, unknown
/// keys are skipped (a newer JobDeck may have written them), enums must hold a known raw value,
/// dates and periods must parse and lie in the supported range. Every refusal says what was
/// wrong, with the offset and the path of the value.
struct StoreRecordReading {
  /// Time zone names already checked with `TimeZone(identifier:)`: a store holds few distinct
  /// zones but many timed deadlines. One per worker, so no locking.
  private var knownZones: Set<String> = []
  /// Where descriptions are kept undecoded.
  var longTexts: LongTextArena
  /// See `init(keepingDetails:)`.
  private let keepsDetails: Bool

  /// `keepingDetails` false: every posting comes without what no agenda row shows (its
  /// description, URL, location, source and tags) and every application without its notes,
  /// for a reader that only works out deadlines and must never save what it read. Each value is
  /// still checked as strictly as any, so a store that would not load is refused the same way.
  init(keepingDetails: Bool = true) {
    longTexts = LongTextArena(keepsTexts: keepingDetails)
    keepsDetails = keepingDetails
  }

  // MARK: Records

  mutating func posting(_ reader: inout StoreReader) throws(StoreReadError) -> Posting {
    let start = Self.objectStart(&reader)
    var id: String?, title: String?, company: String?, tags: [String]?
    var createdAt: Date?, updatedAt: Date?
    var location: String?, workplace: Workplace?, employmentType: EmploymentType?
    var url: String?, source: String?, posted: PostedDate?, compensation: Compensation?
    var description: LongText?, archivedAt: Date?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "id"): id = try reader.readString(); return 1 << 0
      case 3 where keyIs(key, "url"): url = try detail(&reader); return 1 << 1
      case 10 where keyIs(key, "archivedAt"): archivedAt = try reader.readInstant(); return 1 << 14
      case 4 where keyIs(key, "tags"):
        var list: [String] = []
        try reader.readArray { (reader) throws(StoreReadError) in
          if let tag = try detail(&reader) { list.append(tag) }
        }
        tags = list
        return 1 << 2
      case 5 where keyIs(key, "title"): title = try reader.readString(); return 1 << 3
      case 6 where keyIs(key, "source"): source = try detail(&reader); return 1 << 4
      case 6 where keyIs(key, "posted"): posted = try postedDate(&reader); return 1 << 5
      case 7 where keyIs(key, "company"): company = try reader.readString(); return 1 << 6
      case 8 where keyIs(key, "location"): location = try detail(&reader); return 1 << 7
      case 9 where keyIs(key, "createdAt"): createdAt = try reader.readInstant(); return 1 << 8
      case 9 where keyIs(key, "updatedAt"): updatedAt = try reader.readInstant(); return 1 << 9
      case 9 where keyIs(key, "workplace"):
        workplace = try reader.readEnum(Workplace.self, named: "workplace")
        return 1 << 10
      case 11 where keyIs(key, "description"): description = try reader.readLongText(&longTexts); return 1 << 11
      case 12 where keyIs(key, "compensation"):
        compensation = try self.compensation(&reader)
        return 1 << 12
      case 14 where keyIs(key, "employmentType"):
        employmentType = try reader.readEnum(EmploymentType.self, named: "employment type")
        return 1 << 13
      default: try reader.skipValue(); return 0
      }
    }
    var posting = Posting(
      id: try Self.required(id, "id", start), title: try Self.required(title, "title", start),
      company: try Self.required(company, "company", start), location: location,
      workplace: workplace, employmentType: employmentType, url: url, source: source,
      posted: posted, compensation: compensation, tags: try Self.required(tags, "tags", start),
      createdAt: try Self.required(createdAt, "createdAt", start),
      updatedAt: try Self.required(updatedAt, "updatedAt", start), archivedAt: archivedAt)
    posting.descriptionText = description
    return posting
  }

  mutating func application(_ reader: inout StoreReader) throws(StoreReadError) -> Application {
    let start = Self.objectStart(&reader)
    var id: String?, postingID: String?, company: String?, title: String?, stage: Stage?
    var history: [StageChange]?, notes: String?, contacts: [Contact]?, terms: EmploymentTerms?
    var createdAt: Date?, updatedAt: Date?, archivedAt: Date?
    var source: ApplicationSource?, method: ApplicationMethod?, sentTo: String?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "id"): id = try reader.readString(); return 1 << 0
      case 10 where keyIs(key, "archivedAt"): archivedAt = try reader.readInstant(); return 1 << 11
      case 6 where keyIs(key, "source"):
        source = ApplicationSource(rawValue: try reader.readString())
        return 1 << 12
      case 6 where keyIs(key, "method"):
        method = try reader.readEnum(ApplicationMethod.self, named: "application method")
        return 1 << 13
      case 6 where keyIs(key, "sentTo"): sentTo = try reader.readString(); return 1 << 14
      case 5 where keyIs(key, "title"): title = try reader.readString(); return 1 << 1
      case 5 where keyIs(key, "stage"): stage = try Self.stage(&reader); return 1 << 2
      case 5 where keyIs(key, "notes"): notes = try detail(&reader) ?? ""; return 1 << 3
      case 5 where keyIs(key, "terms"): terms = try employmentTerms(&reader); return 1 << 4
      case 7 where keyIs(key, "company"): company = try reader.readString(); return 1 << 5
      case 7 where keyIs(key, "history"):
        var list: [StageChange] = []
        try reader.readArray { (reader) throws(StoreReadError) in
          list.append(try stageChange(&reader))
        }
        history = list
        return 1 << 6
      case 8 where keyIs(key, "contacts"):
        var list: [Contact] = []
        try reader.readArray { (reader) throws(StoreReadError) in list.append(try contact(&reader)) }
        contacts = list
        return 1 << 7
      case 9 where keyIs(key, "postingID"): postingID = try reader.readString(); return 1 << 8
      case 9 where keyIs(key, "createdAt"): createdAt = try reader.readInstant(); return 1 << 9
      case 9 where keyIs(key, "updatedAt"): updatedAt = try reader.readInstant(); return 1 << 10
      default: try reader.skipValue(); return 0
      }
    }
    return Application(
      id: try Self.required(id, "id", start), postingID: postingID, company: company,
      title: title, stage: try Self.required(stage, "stage", start),
      history: try Self.required(history, "history", start),
      notes: try Self.required(notes, "notes", start),
      contacts: try Self.required(contacts, "contacts", start),
      terms: try Self.required(terms, "terms", start),
      createdAt: try Self.required(createdAt, "createdAt", start),
      updatedAt: try Self.required(updatedAt, "updatedAt", start), archivedAt: archivedAt,
      source: source, method: method, sentTo: sentTo)
  }

  mutating func deadline(_ reader: inout StoreReader) throws(StoreReadError) -> Deadline {
    let start = Self.objectStart(&reader)
    var id: String?, kind: DeadlineKind?, due: DeadlineDue?, leadTimes: [Period]?
    var status: DeadlineStatus?, snoozedUntil: CivilDate?, phrase: String?
    var owner: DeadlineOwner?, origin: DeadlineOrigin?, revision: Int?, note: String?
    var title: String?, duration: Period?, place: String?, link: String?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "id"): id = try reader.readString(); return 1 << 0
      case 4 where keyIs(key, "link"): link = try reader.readString(); return 1 << 11
      case 5 where keyIs(key, "title"): title = try reader.readString(); return 1 << 12
      case 5 where keyIs(key, "place"): place = try reader.readString(); return 1 << 13
      case 8 where keyIs(key, "duration"): duration = try reader.readPeriod(); return 1 << 14
      case 3 where keyIs(key, "due"): due = try self.due(&reader); return 1 << 1
      case 4 where keyIs(key, "kind"):
        kind = try reader.readEnum(DeadlineKind.self, named: "deadline kind")
        return 1 << 2
      case 4 where keyIs(key, "note"): note = try reader.readString(); return 1 << 3
      case 5 where keyIs(key, "owner"): owner = try Self.owner(&reader); return 1 << 4
      case 6 where keyIs(key, "status"):
        status = try reader.readEnum(DeadlineStatus.self, named: "deadline status")
        return 1 << 5
      case 6 where keyIs(key, "phrase"): phrase = try reader.readString(); return 1 << 6
      case 6 where keyIs(key, "origin"):
        origin = try reader.readEnum(DeadlineOrigin.self, named: "origin")
        return 1 << 7
      case 8 where keyIs(key, "revision"): revision = try reader.readInt(); return 1 << 8
      case 9 where keyIs(key, "leadTimes"):
        var list: [Period] = []
        try reader.readArray { (reader) throws(StoreReadError) in
          list.append(try reader.readPeriod())
        }
        leadTimes = list
        return 1 << 9
      case 12 where keyIs(key, "snoozedUntil"):
        snoozedUntil = try reader.readStoredCivilDate()
        return 1 << 10
      default: try reader.skipValue(); return 0
      }
    }
    return Deadline(
      id: try Self.required(id, "id", start), kind: try Self.required(kind, "kind", start),
      due: try Self.required(due, "due", start), leadTimes: leadTimes,
      status: try Self.required(status, "status", start), snoozedUntil: snoozedUntil,
      phrase: phrase, owner: try Self.required(owner, "owner", start),
      origin: try Self.required(origin, "origin", start),
      revision: try Self.required(revision, "revision", start), note: note, title: title,
      duration: duration, place: place, link: link)
  }

  static func settings(_ reader: inout StoreReader) throws(StoreReadError) -> Settings {
    let start = objectStart(&reader)
    var days: Int?, notice: Period?, answers: [SuggestionAnswer] = []
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      if keyIs(key, "followUpAfterDays") {
        days = try reader.readInt()
        return 1 << 0
      }
      if keyIs(key, "currentNoticePeriod") {
        notice = try reader.readPeriod()
        return 1 << 1
      }
      if keyIs(key, "suggestionAnswers") {
        answers = []
        try reader.readArray { (reader) throws(StoreReadError) in
          answers.append(try suggestionAnswer(&reader))
        }
        return 1 << 2
      }
      try reader.skipValue()
      return 0
    }
    return Settings(followUpAfterDays: try required(days, "followUpAfterDays", start),
      currentNoticePeriod: notice, suggestionAnswers: answers)
  }

  /// The unresolved sync conflicts (`Deck.conflicts`).
  static func conflicts(_ reader: inout StoreReader) throws(StoreReadError) -> [MergeConflict] {
    var list: [MergeConflict] = []
    try reader.readArray { (reader) throws(StoreReadError) in
      let start = objectStart(&reader)
      var collection: MergeConflict.Collection?, recordID: String?, field: String?
      var losingValue: String?, kept: Date?, losing: Date?, recordedAt: Date?
      try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
        switch key.count {
        case 5 where keyIs(key, "field"): field = try reader.readString(); return 1 << 0
        case 8 where keyIs(key, "recordID"): recordID = try reader.readString(); return 1 << 1
        case 10 where keyIs(key, "collection"):
          collection = try reader.readEnum(MergeConflict.Collection.self, named: "collection")
          return 1 << 2
        case 10 where keyIs(key, "recordedAt"): recordedAt = try reader.readInstant(); return 1 << 3
        case 11 where keyIs(key, "losingValue"): losingValue = try reader.readString(); return 1 << 4
        case 13 where keyIs(key, "keptChangedAt"): kept = try reader.readInstant(); return 1 << 5
        case 15 where keyIs(key, "losingChangedAt"): losing = try reader.readInstant(); return 1 << 6
        default: try reader.skipValue(); return 0
        }
      }
      list.append(MergeConflict(
        collection: try required(collection, "collection", start),
        recordID: try required(recordID, "recordID", start),
        field: try required(field, "field", start),
        losingValue: try required(losingValue, "losingValue", start), keptChangedAt: kept,
        losingChangedAt: losing, recordedAt: try required(recordedAt, "recordedAt", start)))
    }
    return list
  }

  private static func suggestionAnswer(_ reader: inout StoreReader) throws(StoreReadError)
    -> SuggestionAnswer
  {
    let start = objectStart(&reader)
    var answer: SuggestionAnswer.Answer?, id: String?, until: CivilDate?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      if keyIs(key, "answer") {
        answer = try reader.readEnum(SuggestionAnswer.Answer.self, named: "answer")
        return 1
      }
      if keyIs(key, "id") { id = try reader.readString(); return 1 << 1 }
      if keyIs(key, "until") { until = try reader.readStoredCivilDate(); return 1 << 2 }
      try reader.skipValue()
      return 0
    }
    return SuggestionAnswer(answer: try required(answer, "answer", start),
      id: try required(id, "id", start), until: until)
  }

  // MARK: Nested values

  private func postedDate(_ reader: inout StoreReader) throws(StoreReadError) -> PostedDate {
    let start = Self.objectStart(&reader)
    var date: CivilDate?, precision: PostedDate.Precision?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      if keyIs(key, "date") {
        date = try reader.readStoredCivilDate()
        return 1 << 0
      }
      if keyIs(key, "precision") {
        precision = try reader.readEnum(PostedDate.Precision.self, named: "precision")
        return 1 << 1
      }
      try reader.skipValue()
      return 0
    }
    return PostedDate(date: try Self.required(date, "date", start),
      precision: try Self.required(precision, "precision", start))
  }

  private func compensation(_ reader: inout StoreReader) throws(StoreReadError) -> Compensation {
    let start = Self.objectStart(&reader)
    var text: String?, minimum: Double?, maximum: Double?, currency: String?
    var period: Compensation.Period?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 4 where keyIs(key, "text"): text = try reader.readString(); return 1 << 0
      case 6 where keyIs(key, "period"):
        period = try reader.readEnum(Compensation.Period.self, named: "pay period")
        return 1 << 1
      case 7 where keyIs(key, "minimum"): minimum = try reader.readDouble(); return 1 << 2
      case 7 where keyIs(key, "maximum"): maximum = try reader.readDouble(); return 1 << 3
      case 8 where keyIs(key, "currency"): currency = try reader.readString(); return 1 << 4
      default: try reader.skipValue(); return 0
      }
    }
    return Compensation(text: try Self.required(text, "text", start), minimum: minimum,
      maximum: maximum, currency: currency, period: period)
  }

  private static func stage(_ reader: inout StoreReader) throws(StoreReadError) -> Stage {
    try reader.readEnum(Stage.self, named: "stage")
  }

  private func stageChange(_ reader: inout StoreReader) throws(StoreReadError) -> StageChange {
    let start = Self.objectStart(&reader)
    var from: Stage?, to: Stage?, at: Date?, note: String?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "to"): to = try Self.stage(&reader); return 1 << 0
      case 2 where keyIs(key, "at"): at = try reader.readInstant(); return 1 << 1
      case 4 where keyIs(key, "from"): from = try Self.stage(&reader); return 1 << 2
      case 4 where keyIs(key, "note"): note = try reader.readString(); return 1 << 3
      default: try reader.skipValue(); return 0
      }
    }
    return StageChange(from: from, to: try Self.required(to, "to", start),
      at: try Self.required(at, "at", start), note: note)
  }

  private func contact(_ reader: inout StoreReader) throws(StoreReadError) -> Contact {
    let start = Self.objectStart(&reader)
    var name: String?, role: String?, email: String?, phone: String?, note: String?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 4 where keyIs(key, "name"): name = try reader.readString(); return 1 << 0
      case 4 where keyIs(key, "role"): role = try reader.readString(); return 1 << 1
      case 4 where keyIs(key, "note"): note = try reader.readString(); return 1 << 3
      case 5 where keyIs(key, "email"): email = try reader.readString(); return 1 << 2
      case 5 where keyIs(key, "phone"): phone = try reader.readString(); return 1 << 4
      default: try reader.skipValue(); return 0
      }
    }
    return Contact(name: try Self.required(name, "name", start), role: role, email: email,
      phone: phone, note: note)
  }

  private func employmentTerms(_ reader: inout StoreReader) throws(StoreReadError)
    -> EmploymentTerms
  {
    var terms = EmploymentTerms()
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 9 where keyIs(key, "startDate"): terms.startDate = try reader.readStoredCivilDate(); return 1
      case 9 where keyIs(key, "probation"): terms.probation = try reader.readPeriod(); return 2
      case 11 where keyIs(key, "contractEnd"):
        terms.contractEnd = try reader.readStoredCivilDate()
        return 4
      case 15 where keyIs(key, "offerResponseBy"):
        terms.offerResponseBy = try reader.readStoredCivilDate()
        return 8
      case 20 where keyIs(key, "probationReviewAfter"):
        terms.probationReviewAfter = try reader.readPeriod()
        return 16
      case 6 where keyIs(key, "salary"): terms.salary = try compensation(&reader); return 32
      case 12 where keyIs(key, "contractType"):
        terms.contractType = try reader.readEnum(EmploymentType.self, named: "contract type")
        return 64
      case 12 where keyIs(key, "noticePeriod"):
        terms.noticePeriod = try reader.readPeriod()
        return 128
      default: try reader.skipValue(); return 0
      }
    }
    return terms
  }

  /// One of the three shapes `DeadlineDue` writes; when keys of several are present, the
  /// first of `date`, `dateTime`, `relativeTo` decides, as in `DeadlineDue`'s `Codable`.
  private mutating func due(_ reader: inout StoreReader) throws(StoreReadError) -> DeadlineDue {
    let start = Self.objectStart(&reader)
    var date: CivilDate?, instant: Date?, zone: String?, zoneOffset = 0
    var anchor: DeadlineAnchor?, offset: Period?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      switch key.count {
      case 4 where keyIs(key, "date"): date = try reader.readStoredCivilDate(); return 1
      case 8 where keyIs(key, "dateTime"): instant = try reader.readInstant(); return 2
      case 8 where keyIs(key, "timeZone"):
        reader.skipSpace()
        zoneOffset = reader.index
        zone = try reader.readString()
        return 4
      case 10 where keyIs(key, "relativeTo"):
        anchor = try reader.readEnum(DeadlineAnchor.self, named: "anchor")
        return 8
      case 6 where keyIs(key, "offset"): offset = try reader.readPeriod(); return 16
      default: try reader.skipValue(); return 0
      }
    }
    if let date { return .allDay(date) }
    if let instant {
      let zone = try Self.required(zone, "timeZone", start)
      if !knownZones.contains(zone) {
        guard TimeZone(identifier: zone) != nil else {
          var error = reader.failure("'\(SafeText.escaped(zone))' is not an IANA time zone such"
            + " as Europe/Berlin", at: zoneOffset)
          error.path = [.key("timeZone")]
          throw error
        }
        knownZones.insert(zone)
      }
      return .timed(instant, timeZone: zone)
    }
    if let anchor { return .relative(to: anchor, offset: try Self.required(offset, "offset", start)) }
    throw reader.failure("a due date needs 'date', 'dateTime' or 'relativeTo'", at: start)
  }

  private static func owner(_ reader: inout StoreReader) throws(StoreReadError) -> DeadlineOwner {
    let start = objectStart(&reader)
    var application: String?, posting: String?
    try reader.readObject { (reader, key) throws(StoreReadError) -> UInt32 in
      if keyIs(key, "applicationID") {
        application = try reader.readString()
        return 1
      }
      if keyIs(key, "postingID") {
        posting = try reader.readString()
        return 2
      }
      try reader.skipValue()
      return 0
    }
    if let application { return .application(application) }
    if let posting { return .posting(posting) }
    throw reader.failure("an owner needs 'postingID' or 'applicationID'", at: start)
  }

  // MARK: Helpers

  /// A string the agenda never shows (a posting's URL, location, source and tags, an
  /// application's notes), or nil when this reader drops such details (see `init`).
  @inline(__always)
  private func detail(_ reader: inout StoreReader) throws(StoreReadError) -> String? {
    guard keepsDetails else {
      try reader.skipString()
      return nil
    }
    return try reader.readString()
  }

  @inline(__always)
  static func objectStart(_ reader: inout StoreReader) -> Int {
    reader.skipSpace()
    return reader.index
  }

  @inline(__always)
  static func required<Value>(_ value: Value?, _ key: StaticString, _ objectStart: Int)
    throws(StoreReadError) -> Value
  {
    guard let value else {
      throw StoreReadError(offset: objectStart,
        problem: "the required key \"\(key)\" is missing from this object",
        missingKey: "\(key)")
    }
    return value
  }
}
