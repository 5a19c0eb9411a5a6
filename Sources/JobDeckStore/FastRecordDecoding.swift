import Foundation
import JobDeckCore

/// Decodes one record line straight into the model types, with the same rules as their `Codable`
/// conformances: required keys must be there, optional ones may be left out, enums must hold a
/// known raw value, dates and periods must parse. What `Codable` would accept but this does not
/// (unknown keys, `null`, repeated keys, other key spellings) is a `FastPathMiss`, and the whole
/// file then takes the trusted path.
struct FastRecordDecoding {
  /// Time zone names already checked with `TimeZone(identifier:)`: a store holds few distinct
  /// zones but many timed deadlines. One per worker, so no locking.
  private var knownZones: Set<String> = []

  // MARK: Records

  mutating func posting(_ reader: inout FastJSONReader) throws(FastPathMiss) -> Posting {
    var id: String?, title: String?, company: String?, tags: [String]?
    var createdAt: Date?, updatedAt: Date?
    var location: String?, workplace: Workplace?, employmentType: EmploymentType?
    var url: String?, source: String?, posted: PostedDate?, compensation: Compensation?
    var description: String?, archivedAt: Date?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "id"): id = try reader.readString(); return 1 << 0
      case 3 where keyIs(key, "url"): url = try reader.readString(); return 1 << 1
      case 10 where keyIs(key, "archivedAt"): archivedAt = try reader.readInstant(); return 1 << 14
      case 4 where keyIs(key, "tags"):
        var list: [String] = []
        try reader.readArray { (reader) throws(FastPathMiss) in
          list.append(try reader.readString())
        }
        tags = list
        return 1 << 2
      case 5 where keyIs(key, "title"): title = try reader.readString(); return 1 << 3
      case 6 where keyIs(key, "source"): source = try reader.readString(); return 1 << 4
      case 6 where keyIs(key, "posted"): posted = try postedDate(&reader); return 1 << 5
      case 7 where keyIs(key, "company"): company = try reader.readString(); return 1 << 6
      case 8 where keyIs(key, "location"): location = try reader.readString(); return 1 << 7
      case 9 where keyIs(key, "createdAt"): createdAt = try reader.readInstant(); return 1 << 8
      case 9 where keyIs(key, "updatedAt"): updatedAt = try reader.readInstant(); return 1 << 9
      case 9 where keyIs(key, "workplace"):
        workplace = try reader.readEnum(Workplace.self)
        return 1 << 10
      case 11 where keyIs(key, "description"): description = try reader.readString(); return 1 << 11
      case 12 where keyIs(key, "compensation"):
        compensation = try self.compensation(&reader)
        return 1 << 12
      case 14 where keyIs(key, "employmentType"):
        employmentType = try reader.readEnum(EmploymentType.self)
        return 1 << 13
      default: throw FastPathMiss()
      }
    }
    guard let id, let title, let company, let tags, let createdAt, let updatedAt else {
      throw FastPathMiss()
    }
    return Posting(
      id: id, title: title, company: company, location: location, workplace: workplace,
      employmentType: employmentType, url: url, source: source, posted: posted,
      compensation: compensation, tags: tags, description: description, createdAt: createdAt,
      updatedAt: updatedAt, archivedAt: archivedAt)
  }

  mutating func application(_ reader: inout FastJSONReader) throws(FastPathMiss) -> Application {
    var id: String?, postingID: String?, company: String?, title: String?, stage: Stage?
    var history: [StageChange]?, notes: String?, contacts: [Contact]?, terms: EmploymentTerms?
    var createdAt: Date?, updatedAt: Date?, archivedAt: Date?
    var source: ApplicationSource?, method: ApplicationMethod?, sentTo: String?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "id"): id = try reader.readString(); return 1 << 0
      case 10 where keyIs(key, "archivedAt"): archivedAt = try reader.readInstant(); return 1 << 11
      case 6 where keyIs(key, "source"):
        source = ApplicationSource(rawValue: try reader.readString())
        return 1 << 12
      case 6 where keyIs(key, "method"):
        method = try reader.readEnum(ApplicationMethod.self)
        return 1 << 13
      case 6 where keyIs(key, "sentTo"): sentTo = try reader.readString(); return 1 << 14
      case 5 where keyIs(key, "title"): title = try reader.readString(); return 1 << 1
      case 5 where keyIs(key, "stage"): stage = try reader.readEnum(Stage.self); return 1 << 2
      case 5 where keyIs(key, "notes"): notes = try reader.readString(); return 1 << 3
      case 5 where keyIs(key, "terms"): terms = try employmentTerms(&reader); return 1 << 4
      case 7 where keyIs(key, "company"): company = try reader.readString(); return 1 << 5
      case 7 where keyIs(key, "history"):
        var list: [StageChange] = []
        try reader.readArray { (reader) throws(FastPathMiss) in
          list.append(try stageChange(&reader))
        }
        history = list
        return 1 << 6
      case 8 where keyIs(key, "contacts"):
        var list: [Contact] = []
        try reader.readArray { (reader) throws(FastPathMiss) in list.append(try contact(&reader)) }
        contacts = list
        return 1 << 7
      case 9 where keyIs(key, "postingID"): postingID = try reader.readString(); return 1 << 8
      case 9 where keyIs(key, "createdAt"): createdAt = try reader.readInstant(); return 1 << 9
      case 9 where keyIs(key, "updatedAt"): updatedAt = try reader.readInstant(); return 1 << 10
      default: throw FastPathMiss()
      }
    }
    guard let id, let stage, let history, let notes, let contacts, let terms, let createdAt,
      let updatedAt
    else { throw FastPathMiss() }
    return Application(
      id: id, postingID: postingID, company: company, title: title, stage: stage,
      history: history, notes: notes, contacts: contacts, terms: terms, createdAt: createdAt,
      updatedAt: updatedAt, archivedAt: archivedAt, source: source, method: method,
      sentTo: sentTo)
  }

  mutating func deadline(_ reader: inout FastJSONReader) throws(FastPathMiss) -> Deadline {
    var id: String?, kind: DeadlineKind?, due: DeadlineDue?, leadTimes: [Period]?
    var status: DeadlineStatus?, snoozedUntil: CivilDate?, phrase: String?
    var owner: DeadlineOwner?, origin: DeadlineOrigin?, revision: Int?, note: String?
    var title: String?, duration: Period?, place: String?, link: String?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "id"): id = try reader.readString(); return 1 << 0
      case 4 where keyIs(key, "link"): link = try reader.readString(); return 1 << 11
      case 5 where keyIs(key, "title"): title = try reader.readString(); return 1 << 12
      case 5 where keyIs(key, "place"): place = try reader.readString(); return 1 << 13
      case 8 where keyIs(key, "duration"): duration = try reader.readPeriod(); return 1 << 14
      case 3 where keyIs(key, "due"): due = try self.due(&reader); return 1 << 1
      case 4 where keyIs(key, "kind"): kind = try reader.readEnum(DeadlineKind.self); return 1 << 2
      case 4 where keyIs(key, "note"): note = try reader.readString(); return 1 << 3
      case 5 where keyIs(key, "owner"): owner = try self.owner(&reader); return 1 << 4
      case 6 where keyIs(key, "status"):
        status = try reader.readEnum(DeadlineStatus.self)
        return 1 << 5
      case 6 where keyIs(key, "phrase"): phrase = try reader.readString(); return 1 << 6
      case 6 where keyIs(key, "origin"):
        origin = try reader.readEnum(DeadlineOrigin.self)
        return 1 << 7
      case 8 where keyIs(key, "revision"): revision = try reader.readInt(); return 1 << 8
      case 9 where keyIs(key, "leadTimes"):
        var list: [Period] = []
        try reader.readArray { (reader) throws(FastPathMiss) in
          list.append(try reader.readPeriod())
        }
        leadTimes = list
        return 1 << 9
      case 12 where keyIs(key, "snoozedUntil"):
        snoozedUntil = try reader.readStoredCivilDate()
        return 1 << 10
      default: throw FastPathMiss()
      }
    }
    guard let id, let kind, let due, let status, let owner, let origin, let revision else {
      throw FastPathMiss()
    }
    return Deadline(
      id: id, kind: kind, due: due, leadTimes: leadTimes, status: status,
      snoozedUntil: snoozedUntil, phrase: phrase, owner: owner, origin: origin,
      revision: revision, note: note, title: title, duration: duration, place: place, link: link)
  }

  func settings(_ reader: inout FastJSONReader) throws(FastPathMiss) -> Settings {
    var days: Int?, notice: Period?, answers: [SuggestionAnswer] = []
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      if keyIs(key, "followUpAfterDays") {
        days = try reader.readInt()
        return 1 << 0
      }
      if keyIs(key, "currentNoticePeriod") {
        notice = try reader.readPeriod()
        return 1 << 1
      }
      if keyIs(key, "suggestionAnswers") {
        try reader.readArray { (reader) throws(FastPathMiss) in
          answers.append(try suggestionAnswer(&reader))
        }
        return 1 << 2
      }
      throw FastPathMiss()
    }
    guard let days else { throw FastPathMiss() }
    return Settings(followUpAfterDays: days, currentNoticePeriod: notice,
                    suggestionAnswers: answers)
  }

  private func suggestionAnswer(_ reader: inout FastJSONReader) throws(FastPathMiss)
    -> SuggestionAnswer
  {
    var answer: SuggestionAnswer.Answer?, id: String?, until: CivilDate?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      if keyIs(key, "answer") { answer = try reader.readEnum(SuggestionAnswer.Answer.self); return 1 }
      if keyIs(key, "id") { id = try reader.readString(); return 1 << 1 }
      if keyIs(key, "until") { until = try reader.readStoredCivilDate(); return 1 << 2 }
      throw FastPathMiss()
    }
    guard let answer, let id else { throw FastPathMiss() }
    return SuggestionAnswer(answer: answer, id: id, until: until)
  }

  // MARK: Nested values

  private func postedDate(_ reader: inout FastJSONReader) throws(FastPathMiss) -> PostedDate {
    var date: CivilDate?, precision: PostedDate.Precision?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      if keyIs(key, "date") {
        date = try reader.readStoredCivilDate()
        return 1 << 0
      }
      if keyIs(key, "precision") {
        precision = try reader.readEnum(PostedDate.Precision.self)
        return 1 << 1
      }
      throw FastPathMiss()
    }
    guard let date, let precision else { throw FastPathMiss() }
    return PostedDate(date: date, precision: precision)
  }

  private func compensation(_ reader: inout FastJSONReader) throws(FastPathMiss) -> Compensation {
    var text: String?, minimum: Double?, maximum: Double?, currency: String?
    var period: Compensation.Period?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      switch key.count {
      case 4 where keyIs(key, "text"): text = try reader.readString(); return 1 << 0
      case 6 where keyIs(key, "period"):
        period = try reader.readEnum(Compensation.Period.self)
        return 1 << 1
      case 7 where keyIs(key, "minimum"): minimum = try reader.readDouble(); return 1 << 2
      case 7 where keyIs(key, "maximum"): maximum = try reader.readDouble(); return 1 << 3
      case 8 where keyIs(key, "currency"): currency = try reader.readString(); return 1 << 4
      default: throw FastPathMiss()
      }
    }
    guard let text else { throw FastPathMiss() }
    return Compensation(
      text: text, minimum: minimum, maximum: maximum, currency: currency, period: period)
  }

  private func stageChange(_ reader: inout FastJSONReader) throws(FastPathMiss) -> StageChange {
    var from: Stage?, to: Stage?, at: Date?, note: String?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      switch key.count {
      case 2 where keyIs(key, "to"): to = try reader.readEnum(Stage.self); return 1 << 0
      case 2 where keyIs(key, "at"): at = try reader.readInstant(); return 1 << 1
      case 4 where keyIs(key, "from"): from = try reader.readEnum(Stage.self); return 1 << 2
      case 4 where keyIs(key, "note"): note = try reader.readString(); return 1 << 3
      default: throw FastPathMiss()
      }
    }
    guard let to, let at else { throw FastPathMiss() }
    return StageChange(from: from, to: to, at: at, note: note)
  }

  private func contact(_ reader: inout FastJSONReader) throws(FastPathMiss) -> Contact {
    var name: String?, role: String?, email: String?, phone: String?, note: String?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      switch key.count {
      case 4 where keyIs(key, "name"): name = try reader.readString(); return 1 << 0
      case 4 where keyIs(key, "role"): role = try reader.readString(); return 1 << 1
      case 4 where keyIs(key, "note"): note = try reader.readString(); return 1 << 3
      case 5 where keyIs(key, "email"): email = try reader.readString(); return 1 << 2
      case 5 where keyIs(key, "phone"): phone = try reader.readString(); return 1 << 4
      default: throw FastPathMiss()
      }
    }
    guard let name else { throw FastPathMiss() }
    return Contact(name: name, role: role, email: email, phone: phone, note: note)
  }

  private func employmentTerms(_ reader: inout FastJSONReader) throws(FastPathMiss)
    -> EmploymentTerms
  {
    var terms = EmploymentTerms()
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
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
        terms.contractType = try reader.readEnum(EmploymentType.self)
        return 64
      case 12 where keyIs(key, "noticePeriod"):
        terms.noticePeriod = try reader.readPeriod()
        return 128
      default: throw FastPathMiss()
      }
    }
    return terms
  }

  /// Exactly one of the three shapes `DeadlineDue` writes; a mix (which `Codable` resolves by
  /// precedence) goes to the trusted path.
  private mutating func due(_ reader: inout FastJSONReader) throws(FastPathMiss) -> DeadlineDue {
    var date: CivilDate?, instant: Date?, zone: String?, anchor: DeadlineAnchor?
    var offset: Period?
    var keys: UInt32 = 0
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      let bit: UInt32
      switch key.count {
      case 4 where keyIs(key, "date"): date = try reader.readStoredCivilDate(); bit = 1
      case 8 where keyIs(key, "dateTime"): instant = try reader.readInstant(); bit = 2
      case 8 where keyIs(key, "timeZone"): zone = try reader.readString(); bit = 4
      case 10 where keyIs(key, "relativeTo"):
        anchor = try reader.readEnum(DeadlineAnchor.self)
        bit = 8
      case 6 where keyIs(key, "offset"): offset = try reader.readPeriod(); bit = 16
      default: throw FastPathMiss()
      }
      keys |= bit
      return bit
    }
    switch keys {
    case 1:
      if let date { return .allDay(date) }
    case 2 | 4:
      if let instant, let zone {
        if !knownZones.contains(zone) {
          guard TimeZone(identifier: zone) != nil else { throw FastPathMiss() }
          knownZones.insert(zone)
        }
        return .timed(instant, timeZone: zone)
      }
    case 8 | 16:
      if let anchor, let offset { return .relative(to: anchor, offset: offset) }
    default:
      break
    }
    throw FastPathMiss()
  }

  private func owner(_ reader: inout FastJSONReader) throws(FastPathMiss) -> DeadlineOwner {
    var owner: DeadlineOwner?
    try reader.readObject { (reader, key) throws(FastPathMiss) -> UInt32 in
      guard owner == nil else { throw FastPathMiss() }
      if keyIs(key, "applicationID") {
        owner = .application(try reader.readString())
        return 1
      }
      if keyIs(key, "postingID") {
        owner = .posting(try reader.readString())
        return 2
      }
      throw FastPathMiss()
    }
    guard let owner else { throw FastPathMiss() }
    return owner
  }
}
