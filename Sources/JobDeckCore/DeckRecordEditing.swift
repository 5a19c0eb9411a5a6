import Foundation

/// Corrections to what is on file: a posting's or application's fields, its contacts, its
/// events, whether it is archived. Each stamps `updatedAt`; nothing changes when a check fails.
extension Deck {
  /// Changes a posting's fields through `change`, then checks the result (`Posting.validated`).
  public mutating func editPosting(
    _ postingID: String, at time: Date, _ change: (inout Posting) throws -> Void
  ) throws {
    guard let index = postings.index(ofID: postingID) else {
      throw DeckError.notFound(postingID, expected: .posting)
    }
    var posting = postings[index]
    try change(&posting)
    posting = try posting.validated()
    guard posting != postings[index] else { return }
    posting.updatedAt = time.truncatedToSeconds
    postings[index] = posting
  }

  /// Changes an application's fields through `change` (its stage only through `move`).
  public mutating func editApplication(
    _ applicationID: String, at time: Date, _ change: (inout Application) throws -> Void
  ) throws {
    guard let index = applications.index(ofID: applicationID) else {
      throw DeckError.notFound(applicationID, expected: .application)
    }
    var application = applications[index]
    try change(&application)
    // A move's day and note may be corrected; which moves happened, only `move` records.
    func moves(_ history: [StageChange]) -> [[Stage?]] { history.map { [$0.from, $0.to] } }
    guard application.stage == applications[index].stage,
      moves(application.history) == moves(applications[index].history)
    else {
      throw DeckError.invalidValue(
        field: "stage", value: application.stage.rawValue,
        expected: "the stage to change only with jobdeck move, which records the move")
    }
    if application.postingID != nil, application.company != nil || application.title != nil {
      throw DeckError.invalidValue(
        field: "company/title", value: application.company ?? application.title ?? "",
        expected: "no company or title on an application to a posting: edit the posting")
    }
    let historyChanged = application.history != applications[index].history
    for (earlier, later) in zip(application.history, application.history.dropFirst())
    where historyChanged && later.at < earlier.at {
      throw DeckError.invalidValue(
        field: "stage date", value: later.at.description,
        expected: "a move no earlier than the one before it (\(earlier.at))")
    }
    if historyChanged, let problem = application.history.lazy.compactMap({
      SupportedDates.problem(withInstant: $0.at)
    }).first {
      throw DeckError.outsideSupportedDates(problem: problem)
    }
    guard application != applications[index] else { return }
    application.updatedAt = time.truncatedToSeconds
    applications[index] = application
    refreshDerivedDeadlines()
  }

  /// Archives or unarchives a posting or an application. Returns false when it already was.
  @discardableResult
  public mutating func setArchived(_ archived: Bool, _ reference: Reference, at time: Date)
    throws -> Bool
  {
    let stamp = time.truncatedToSeconds
    switch reference {
    case .posting(let id):
      guard let index = postings.index(ofID: id) else {
        throw DeckError.notFound(id, expected: .posting)
      }
      guard postings[index].isArchived != archived else { return false }
      postings[index].archivedAt = archived ? stamp : nil
      postings[index].updatedAt = stamp
    case .application(let id):
      guard let index = applications.index(ofID: id) else {
        throw DeckError.notFound(id, expected: .application)
      }
      guard applications[index].isArchived != archived else { return false }
      applications[index].archivedAt = archived ? stamp : nil
      applications[index].updatedAt = stamp
    case .deadline(let id):
      throw DeckError.invalidValue(
        field: "record", value: id, expected: "a posting or an application (a deadline is "
          + "done or dismissed instead)")
    }
    return true
  }

  // MARK: Contacts

  /// Adds a checked contact; returns its position (1-based, as lists show it).
  @discardableResult
  public mutating func addContact(_ contact: Contact, toApplication applicationID: String,
    at time: Date) throws -> Int
  {
    let contact = try contact.validated()
    var position = 0
    try editApplication(applicationID, at: time) { application in
      application.contacts.append(contact)
      position = application.contacts.count
    }
    return position
  }

  /// The position (0-based) of the contact `text` names: a 1-based number, else a name
  /// (exact, ignoring case, else a unique prefix).
  public func contactIndex(_ text: String, inApplication applicationID: String) throws -> Int {
    guard let application = application(withID: applicationID) else {
      throw DeckError.notFound(applicationID, expected: .application)
    }
    let contacts = application.contacts
    let names = contacts.map { $0.name.lowercased() }
    let key = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let number = Int(key) {
      guard (1...max(1, contacts.count)).contains(number), number <= contacts.count else {
        throw DeckError.invalidValue(
          field: "contact number", value: text,
          expected: contacts.isEmpty
            ? "a contact, but \(applicationID) has none yet"
            : "1 to \(contacts.count) (see jobdeck show \(applicationID))")
      }
      return number - 1
    }
    let exact = names.indices.filter { names[$0] == key }
    let matches = exact.isEmpty ? names.indices.filter { names[$0].hasPrefix(key) } : exact
    guard !key.isEmpty, let first = matches.first else {
      throw DeckError.invalidValue(
        field: "contact", value: text,
        expected: "a number or a name of \(applicationID)'s contacts: "
          + (contacts.isEmpty ? "it has none" : contacts.map(\.name).joined(separator: ", ")))
    }
    guard matches.count == 1 else {
      throw DeckError.ambiguous(text, candidates: matches.map { contacts[$0].name })
    }
    return first
  }

  public mutating func editContact(
    at position: Int, ofApplication applicationID: String, at time: Date,
    _ change: (inout Contact) -> Void
  ) throws {
    try editApplication(applicationID, at: time) { application in
      guard application.contacts.indices.contains(position) else {
        throw DeckError.notFound(String(position + 1), expected: nil)
      }
      var contact = application.contacts[position]
      change(&contact)
      application.contacts[position] = try contact.validated()
    }
  }

  /// Removes a contact; returns it, so the caller can name it.
  @discardableResult
  public mutating func removeContact(at position: Int, ofApplication applicationID: String,
    at time: Date) throws -> Contact
  {
    var removed: Contact?
    try editApplication(applicationID, at: time) { application in
      guard application.contacts.indices.contains(position) else {
        throw DeckError.notFound(String(position + 1), expected: nil)
      }
      removed = application.contacts.remove(at: position)
    }
    guard let removed else { throw DeckError.notFound(String(position + 1), expected: nil) }
    return removed
  }

  // MARK: Events

  /// Changes an event or deadline's details and date (a reschedule), bumping its revision so
  /// calendars replace it. A derived one the user moves becomes `.edited`.
  public mutating func editDeadline(
    _ id: String, at time: Date, _ change: (inout Deadline) -> Void
  ) throws {
    try changeDeadline(id, at: time) { deadline in
      let before = deadline
      change(&deadline)
      if deadline.due != before.due {
        deadline.status = .pending
        deadline.snoozedUntil = nil
        if deadline.origin == .derived { deadline.origin = .edited }
        // An imported date the user moved is theirs now: a re-import of the ad leaves it alone.
        if deadline.origin == .imported { deadline.origin = .manual }
      }
    }
  }
}

extension Posting {
  /// The posting with its text fields trimmed, or the error naming the field that is wrong.
  public func validated() throws -> Posting {
    var posting = self
    posting.company = company.trimmingCharacters(in: .whitespaces)
    posting.title = title.trimmingCharacters(in: .whitespaces)
    guard !posting.company.isEmpty else {
      throw DeckError.invalidValue(field: "company", value: company, expected: "a name")
    }
    guard !posting.title.isEmpty else {
      throw DeckError.invalidValue(field: "title", value: title, expected: "the role's name")
    }
    for (field, value) in [("company", posting.company), ("title", posting.title),
                           ("location", posting.location ?? ""), ("url", posting.url ?? "")]
    where value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      throw DeckError.invalidValue(
        field: field, value: value.debugDescription, expected: "one line without control characters")
    }
    if let url = posting.url, !url.isEmpty {
      do {
        posting.url = try WebLink(url).text
      } catch {
        throw DeckError.invalidValue(
          field: "url", value: url, expected: "an http(s) link (the URL \(error))")
      }
    }
    posting.tags = tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    return posting
  }
}
