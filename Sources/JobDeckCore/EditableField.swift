import Foundation

/// A field as a form or `jobdeck edit` changes it on the deck: a `RecordField` of a posting or
/// an application, applied through `Deck.editPosting` / `Deck.editApplication` (which check the
/// whole record), or one of a posting's own dates (apply by, start, end), kept as its deadline.
public struct EditableField: Sendable {
  public let key: String
  public let label: String
  public let accepted: String
  /// The posting or application it belongs to.
  public let owner: Deck.Reference
  let read: @Sendable (Deck, RecordFieldContext) -> String
  let write: @Sendable (inout Deck, String, RecordFieldContext, Date) throws -> Void

  /// The field's text as a form starts with it.
  public func value(in deck: Deck, context: RecordFieldContext) -> String {
    read(deck, context)
  }

  static func lifting(_ field: RecordField<Posting>, postingID: String) -> EditableField {
    EditableField(
      key: field.key, label: field.label, accepted: field.accepted, owner: .posting(postingID),
      read: { deck, context in deck.posting(withID: postingID).map { field.value($0, context) } ?? "" },
      write: { deck, text, context, time in
        try deck.editPosting(postingID, at: time) { try field.update(&$0, text, context) }
      })
  }

  static func lifting(_ field: RecordField<Application>, applicationID: String) -> EditableField {
    EditableField(
      key: field.key, label: field.label, accepted: field.accepted,
      owner: .application(applicationID),
      read: { deck, context in
        deck.application(withID: applicationID).map { field.value($0, context) } ?? ""
      },
      write: { deck, text, context, time in
        try deck.editApplication(applicationID, at: time) { try field.update(&$0, text, context) }
      })
  }

  /// A posting's all-day date of `kind` (the first, when there are several); blank removes it.
  static func postingDate(_ kind: DeadlineKind, _ key: String, _ label: String,
                          postingID: String) -> EditableField {
    EditableField(
      key: key, label: label, accepted: RecordFieldParsing.dateForms + "; blank: none",
      owner: .posting(postingID),
      read: { deck, context in
        guard let deadline = deck.deadlines(ownedBy: .posting(postingID), kind: kind).first
        else { return "" }
        switch deck.resolvedDue(of: deadline) {
        case .day(let day): return day.description
        case .instant(let instant, let zone): return CivilDate(containing: instant, in: zone).description
        case .pending: return ""
        }
      },
      write: { deck, text, context, time in
        let existing = deck.deadlines(ownedBy: .posting(postingID), kind: kind)
        guard !text.isEmpty else {
          for deadline in existing { _ = try deck.removeDeadline(deadline.id) }
          return
        }
        let day = try RecordFieldParsing.date(text, field: key, context: context)
        if let first = existing.first {
          try deck.editDeadline(first.id, at: time) { $0.due = .allDay(day) }
        } else {
          deck.add(Deadline(id: "", kind: kind, due: .allDay(day), owner: .posting(postingID)))
        }
      })
  }
}

/// A field that did not check out: which one and why; nothing was changed.
public struct FieldEditError: Error, Equatable, Sendable, CustomStringConvertible {
  public var key: String
  public var label: String
  public var message: String

  public var description: String { message }
}

extension Deck {
  /// The fields a form shows for `reference`: a posting's own; an application's, after its
  /// posting's when it has one (the job's company, title and ad live there).
  public func editableFields(of reference: Reference) -> [EditableField] {
    var fields: [EditableField] = []
    var applicationID: String?
    var postingID: String?
    switch reference {
    case .posting(let id): postingID = id
    case .application(let id):
      applicationID = id
      postingID = application(withID: id)?.postingID.flatMap { posting(withID: $0)?.id }
    case .deadline: return []
    }
    if let postingID {
      fields += RecordField<Posting>.postingFields.map { .lifting($0, postingID: postingID) }
      fields += [
        .postingDate(.applicationCutoff, "apply-by", "Apply by", postingID: postingID),
        .postingDate(.startDate, "start", "Start", postingID: postingID),
        .postingDate(.contractEnd, "end", "End", postingID: postingID),
      ]
    }
    if let applicationID {
      if postingID == nil {
        fields += RecordField<Application>.ownJobFields.map {
          .lifting($0, applicationID: applicationID)
        }
      }
      fields += (RecordField<Application>.sendingFields + RecordField<Application>.applicationFields)
        .map { .lifting($0, applicationID: applicationID) }
    }
    return fields
  }

  /// Sets each field of `reference` named in `texts` (key → text) whose text differs from what
  /// it shows now, in the fields' order. All or nothing: the first mistake throws, naming its
  /// field, and the deck is left as it was. Returns the keys that changed something.
  @discardableResult
  public mutating func editFields(
    of reference: Reference, _ texts: [String: String], context: RecordFieldContext, at time: Date
  ) throws(FieldEditError) -> [String] {
    let fields = editableFields(of: reference)
    if let unknown = texts.keys.sorted().first(where: { key in !fields.contains { $0.key == key } }) {
      throw FieldEditError(
        key: unknown, label: unknown,
        message: "unknown field '\(unknown)' for \(reference.id); expected one of "
          + fields.map(\.key).joined(separator: ", "))
    }
    var edited = self
    var changed: [String] = []
    for field in fields {
      guard let raw = texts[field.key] else { continue }
      let text = raw.trimmingCharacters(in: .whitespaces)
      guard text != field.value(in: self, context: context) else { continue }
      do {
        if let problem = Self.controlCharacterProblem(in: text, field: field.key) { throw problem }
        let before = edited
        try field.write(&edited, text, context, time)
        if edited != before { changed.append(field.key) }
      } catch {
        throw FieldEditError(key: field.key, label: field.label, message: "\(error)")
      }
    }
    self = edited
    return changed
  }

  private static func controlCharacterProblem(in text: String, field: String) -> DeckError? {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
      return nil
    }
    return .invalidValue(field: field, value: text.debugDescription,
                         expected: "one line without control characters")
  }
}
