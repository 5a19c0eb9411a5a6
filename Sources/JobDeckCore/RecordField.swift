import Foundation

/// What a field needs besides its text: the day relative dates count from (nil: only
/// `YYYY-MM-DD`, as in a document edited without a clock) and the zone a stage move's day is
/// read in.
public struct RecordFieldContext: Sendable {
  public var today: CivilDate?
  public var timeZone: TimeZone

  public init(today: CivilDate?, timeZone: TimeZone) {
    self.today = today
    self.timeZone = timeZone
  }

  /// For the record document, whose fields need neither.
  static let withoutClock = RecordFieldContext(
    today: nil, timeZone: TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current)
}

/// One field of a posting or an application as one line of text: the key the record document
/// and `jobdeck edit --key` use, the label a form shows, what it accepts, how its value reads and
/// how a line sets it (an empty line clears an optional field). The record document, the UI's
/// field form and their checks all read these lists, so a new field is one line here.
public struct RecordField<Record>: Sendable {
  public let key: String
  public let label: String
  /// The allowed values, said the way an error says them.
  public let accepted: String
  public let value: @Sendable (Record, RecordFieldContext) -> String
  /// Sets the field from `text`; throws `DeckError.invalidValue` naming `key`.
  public let update: @Sendable (inout Record, String, RecordFieldContext) throws -> Void

  public init(
    _ key: String, _ label: String, accepts accepted: String,
    value: @escaping @Sendable (Record, RecordFieldContext) -> String,
    update: @escaping @Sendable (inout Record, String, RecordFieldContext) throws -> Void
  ) {
    self.key = key
    self.label = label
    self.accepted = accepted
    self.value = value
    self.update = update
  }
}

extension RecordField where Record == Posting {
  /// A posting's one-line fields, in the order documents and forms show them.
  public static var postingFields: [RecordField<Posting>] {
    [
      .init("company", "Company", accepts: "a name", value: { p, _ in p.company }) { p, text, _ in
        p.company = text
      },
      .init("title", "Title", accepts: "the role's name", value: { p, _ in p.title }) {
        p, text, _ in p.title = text
      },
      .init("location", "Location", accepts: "a city, a country or Remote; blank: none",
            value: { p, _ in p.location ?? "" }) { p, text, _ in p.location = text.nilIfEmpty },
      .init("url", "URL", accepts: "an http(s) link; blank: none", value: { p, _ in p.url ?? "" }) {
        p, text, _ in p.url = text.nilIfEmpty
      },
      .init("type", "Type", accepts: RecordFieldParsing.choices(EmploymentType.self),
            value: { p, _ in p.employmentType.map { RecordDocument.hyphenated($0.rawValue) } ?? "" }) {
        p, text, _ in
        p.employmentType = try text.nilIfEmpty.map {
          try RecordFieldParsing.choice($0, EmploymentType.self, field: "type")
        }
      },
      .init("workplace", "Workplace", accepts: RecordFieldParsing.choices(Workplace.self),
            value: { p, _ in p.workplace.map { RecordDocument.hyphenated($0.rawValue) } ?? "" }) {
        p, text, _ in
        p.workplace = try text.nilIfEmpty.map {
          try RecordFieldParsing.choice($0, Workplace.self, field: "workplace")
        }
      },
      .init("tags", "Tags", accepts: "words separated by commas: ml, python",
            value: { p, _ in p.tags.joined(separator: ", ") }) { p, text, _ in
        p.tags = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { !$0.isEmpty }
      },
      .init("salary", "Salary", accepts: SalaryInput.acceptedForms,
            value: { p, _ in p.compensation.map(SalaryInput.text) ?? "" }) { p, text, _ in
        do {
          p.compensation = try text.nilIfEmpty.map(SalaryInput.parse)
        } catch let DeckError.invalidValue(_, value, expected) {
          throw DeckError.invalidValue(field: "salary", value: value, expected: expected)
        }
      },
      .init("posted", "Posted", accepts: RecordFieldParsing.dateForms + "; blank: none",
            value: { p, _ in p.posted?.date.description ?? "" }) { p, text, context in
        p.posted = try text.nilIfEmpty.map {
          PostedDate(date: try RecordFieldParsing.date($0, field: "posted", context: context))
        }
      },
    ]
  }
}

extension RecordField where Record == Application {
  /// Company and title of an application with no posting (with one, they are the posting's).
  public static var ownJobFields: [RecordField<Application>] {
    [
      .init("company", "Company", accepts: "a name", value: { a, _ in a.company ?? "" }) {
        a, text, _ in
        guard !text.isEmpty else {
          throw DeckError.invalidValue(field: "company", value: text, expected: "a name")
        }
        a.company = text
      },
      .init("title", "Title", accepts: "the role's name", value: { a, _ in a.title ?? "" }) {
        a, text, _ in
        guard !text.isEmpty else {
          throw DeckError.invalidValue(field: "title", value: text, expected: "the role's name")
        }
        a.title = text
      },
    ]
  }

  /// The latest stage move's day and note: "I applied on the 3rd, not today".
  public static var applicationFields: [RecordField<Application>] {
    [
      .init("stage-date", "Stage date",
            accepts: "the day it reached its stage: no earlier than the move before, no later than today",
            value: { a, context in
              CivilDate(containing: a.lastMovedAt, in: context.timeZone).description
            }) { a, text, context in
        try a.setLatestMoveDay(text, context: context)
      },
      .init("stage-note", "Stage note", accepts: "one line kept in the history; blank: none",
            value: { a, _ in a.history.last?.note ?? "" }) { a, text, _ in
        guard !a.history.isEmpty else {
          throw DeckError.invalidValue(field: "stage-note", value: text,
                                       expected: "an application with a recorded stage")
        }
        a.history[a.history.count - 1].note = text.nilIfEmpty
      },
    ]
  }
}

extension RecordField where Record == Application {
  /// Where the job was found, how the application was sent and to whom: what statistics and a
  /// proof of search report read.
  public static var sendingFields: [RecordField<Application>] {
    [
      .init("source", "Found via",
            accepts: "company site, LinkedIn, referral, job board, recruiter, university, other"
              + " or your own words; blank: none",
            value: { a, _ in a.source?.displayName ?? "" }) { a, text, _ in
        a.source = ApplicationSource(parsing: text)
      },
      .init("method", "Sent by", accepts: "one of " + ApplicationMethod.allowedNames + "; blank: none",
            value: { a, _ in a.method?.displayName ?? "" }) { a, text, _ in
        guard !text.isEmpty else {
          a.method = nil
          return
        }
        guard let method = ApplicationMethod(parsing: text) else {
          throw DeckError.invalidValue(
            field: "method", value: text,
            expected: "one of " + ApplicationMethod.allowedNames + "; blank: none")
        }
        a.method = method
      },
      .init("sent to", "Sent to", accepts: "the person or address it went to; blank: none",
            value: { a, _ in
              // One line: a multi-line address shows its breaks as "; ".
              (a.sentTo ?? "").split(whereSeparator: \.isNewline).joined(separator: "; ")
            }) { a, text, _ in
        a.sentTo = text.nilIfEmpty
      },
    ]
  }
}

extension Application {
  /// Moves the latest stage change to `text`'s day: no earlier than the move before it, no
  /// later than today.
  fileprivate mutating func setLatestMoveDay(_ text: String, context: RecordFieldContext) throws {
    guard let last = history.indices.last else {
      throw DeckError.invalidValue(field: "stage-date", value: text,
                                   expected: "an application with a recorded stage")
    }
    let zone = context.timeZone
    let earliest = history.count > 1
      ? CivilDate(containing: history[last - 1].at, in: zone) : SupportedDates.first
    let latest = context.today ?? SupportedDates.last
    let range = "a day from \(earliest)" + (history.count > 1 ? " (the move before)" : "")
      + " to \(latest)" + (context.today == nil ? "" : " (today)")
    guard !text.isEmpty else {
      throw DeckError.invalidValue(field: "stage-date", value: text, expected: range)
    }
    let day = try RecordFieldParsing.date(text, field: "stage-date", context: context)
    guard day >= earliest, day <= latest else {
      throw DeckError.invalidValue(field: "stage-date", value: text, expected: range)
    }
    guard day != CivilDate(containing: history[last].at, in: zone) else { return }
    // As `jobdeck apply --on`: a day given without a time is recorded at its noon, but never
    // before the move it follows.
    history[last].at = max(day.instant(hour: 12, in: zone),
                           last > 0 ? history[last - 1].at : .distantPast)
    if last == 0 { createdAt = min(createdAt, history[last].at) }
  }
}

/// The parsers the fields share, so each kind of value is read one way.
public enum RecordFieldParsing {
  /// What a date field takes where there is a clock (the form, `jobdeck edit`).
  public static let dateForms = "2025-03-03, today, -3d, fri… within 1900–2199"
  /// What it takes in a document, which has no "today".
  static let isoDateForms = "YYYY-MM-DD within \(SupportedDates.rangeText)"

  /// A day within `SupportedDates`: any `DateInput` form with a clock, else `YYYY-MM-DD`.
  public static func date(_ text: String, field: String, context: RecordFieldContext) throws
    -> CivilDate
  {
    if let today = context.today { return try DateInput.parse(text, today: today, field: field) }
    guard let date = CivilDate(text), SupportedDates.contains(date) else {
      throw DeckError.invalidValue(field: field, value: text, expected: isoDateForms)
    }
    return date
  }

  /// `full-time`, `Full Time`, `fullTime` all name `.fullTime`.
  public static func choice<Choice: CaseIterable & RawRepresentable>(
    _ text: String, _: Choice.Type, field: String
  ) throws -> Choice where Choice.RawValue == String {
    func key(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter }) }
    guard let match = Choice.allCases.first(where: { key($0.rawValue) == key(text) }) else {
      throw DeckError.invalidValue(field: field, value: text, expected: choices(Choice.self))
    }
    return match
  }

  public static func choices<Choice: CaseIterable & RawRepresentable>(_: Choice.Type) -> String
  where Choice.RawValue == String {
    "one of " + Choice.allCases.map { RecordDocument.hyphenated($0.rawValue) }
      .joined(separator: ", ") + "; blank: none"
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
