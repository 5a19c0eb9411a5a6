import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckTerminal

struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Correct a posting's or application's fields; with no options, in $EDITOR.",
    discussion: """
      With options, only those fields change; an empty value clears an optional one \
      (--location ""). A posting has company, title, location, url, type, workplace, tags, \
      salary, posted and description; an application has notes, source, method and sent-to, \
      and company and title when it has no posting. Posting fields given for an application go to its posting (the same \
      job). The stage changes only with `jobdeck move`, which records the move.

      With no options, $VISUAL or $EDITOR (else vi) opens a document of the record (for an \
      application to a posting, the posting's; edit notes with --notes): \
      `field: value` lines, a blank line, then the description or notes. A mistake is shown \
      with its line number and, on a terminal, the editor opens again on your text; without \
      a terminal the command fails and nothing changes. Nothing is saved until the whole \
      document is valid.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The posting or application (any unique prefix of its id).") var id: String
  @Option(help: "The employer.") var company: String?
  @Option(help: "The role.") var title: String?
  @Option(help: "City, country or \"Remote\".") var location: String?
  @Option(help: "The ad's address.") var url: String?
  @Option(help: ArgumentHelp("How the job is employed.", valueName: "type")) var type: EmploymentType?
  @Option(help: ArgumentHelp("on-site, hybrid or remote.", valueName: "workplace"))
  var workplace: Workplace?
  @Option(help: "Add a tag; repeat for more.") var tag: [String] = []
  @Option(help: "Remove a tag; repeat for more.") var removeTag: [String] = []
  @Option(help: ArgumentHelp("Pay: 52000 EUR/year, 50k-60k EUR/year, 25 GBP/hour.", valueName: "pay"))
  var salary: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("When it was posted.", valueName: "date")) var posted: String?
  @Option(help: "The ad's text.") var description: String?
  @Option(help: "An application's notes (replaces them; `jobdeck note` appends).") var notes: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("The posting's apply-by date (\"\" removes it).", valueName: "date"))
  var applyBy: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("The posting's start date (\"\" removes it).", valueName: "date"))
  var start: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("The posting's end date (\"\" removes it).", valueName: "date"))
  var end: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("The day the application reached its current stage.", valueName: "date"))
  var stageDate: String?
  @Option(help: ArgumentHelp("The note of the application's latest stage move (\"\" removes it).", valueName: "text"))
  var stageNote: String?

  /// The options that go through Core's field list (`Deck.editFields`), by its keys: the same
  /// parsing and checks as the UI's field form.
  private var postingDateFields: [String: String] {
    ["apply-by": applyBy, "start": start, "end": end].compactMapValues { $0 }
  }
  private var postingTextFields: [String: String] {
    ["company": company, "title": title, "location": location, "url": url, "salary": salary,
     "posted": posted].compactMapValues { $0 }.merging(postingDateFields) { first, _ in first }
  }
  @OptionGroup var sending: SendingOptions

  /// Fields only an application has, by the field list's keys.
  private var applicationOnlyFields: [String: String] {
    ["stage-date": stageDate, "stage-note": stageNote, "source": sending.source,
     "method": sending.method, "sent to": sending.sentTo].compactMapValues { $0 }
  }

  private var givesFields: Bool {
    givesPostingOnlyFields || company != nil || title != nil || notes != nil || !applicationOnlyFields.isEmpty
  }

  /// Fields only a posting has.
  private var givesPostingOnlyFields: Bool {
    location != nil || url != nil || type != nil || workplace != nil || !tag.isEmpty
      || !removeTag.isEmpty || salary != nil || posted != nil || description != nil
      || !postingDateFields.isEmpty
  }

  func run() throws {
    let clock = storeOptions.clock
    let deck = try storeOptions.session.open().deck
    let reference = try deck.resolve(id)
    guard givesFields else { return try editInEditor(Self.document(for: reference, in: deck), clock: clock) }
    let now = clock.now
    let name = try storeOptions.session.update { deck -> String in
      var postingID: String?
      var applicationID: String?
      switch reference {
      case .posting(let id):
        if notes != nil || !applicationOnlyFields.isEmpty {
          throw CommandFailure.user(
            "--notes, --stage-date, --stage-note, --source, --method and --sent-to belong to an"
              + " application; '\(id)' is a posting")
        }
        postingID = id
      case .application(let id):
        applicationID = id
        // The job's company, title and ad live on its posting.
        if let linked = deck.application(withID: id)?.postingID {
          if givesPostingOnlyFields || company != nil || title != nil { postingID = linked }
        } else if givesPostingOnlyFields {
          throw CommandFailure.user(
            "'\(id)' has no posting: only --company, --title, --notes, --stage-date, --stage-note,"
              + " --source, --method and --sent-to apply")
        }
      case .deadline(let deadlineID):
        throw CommandFailure.user("'\(deadlineID)' is a deadline; use jobdeck event edit \(deadlineID)")
      }
      if let postingID {
        try editFields(of: .posting(postingID), postingTextFields, in: &deck, clock: clock)
        try deck.editPosting(postingID, at: now) { posting in
          if let type { posting.employmentType = type }
          if let workplace { posting.workplace = workplace }
          if let description { posting.description = description.isEmpty ? nil : description }
          for removed in removeTag {
            guard posting.tags.contains(removed) else {
              throw CommandFailure.user("--remove-tag '\(removed)': '\(postingID)' has no such tag (tags: \(posting.tags.joined(separator: ", ")))")
            }
            posting.tags.removeAll { $0 == removed }
          }
          for added in tag where !posting.tags.contains(added) { posting.tags.append(added) }
        }
      }
      if let applicationID {
        try editFields(of: .application(applicationID), applicationOnlyFields, in: &deck, clock: clock)
      }
      if let applicationID, postingID == nil || notes != nil {
        if postingID == nil {
          let ownJob = ["company": company, "title": title].compactMapValues { $0 }
          try editFields(of: .application(applicationID), ownJob, in: &deck, clock: clock)
        }
        if let notes {
          try deck.editApplication(applicationID, at: now) { $0.notes = notes }
        }
      }
      return RecordName.of(reference, in: deck)
    }
    say(safe("\(reference.id) (\(name)): updated"))
  }

  /// Sets fields through Core's field list, as the UI's field form does; a bad value is a
  /// command-line mistake naming its option and what it accepts.
  private func editFields(of reference: Deck.Reference, _ texts: [String: String],
                          in deck: inout Deck, clock: WallClock) throws {
    guard !texts.isEmpty else { return }
    do {
      try deck.editFields(of: reference, texts,
                          context: RecordFieldContext(today: clock.today, timeZone: clock.timeZone),
                          at: clock.now)
    } catch {
      throw CommandFailure.usage("--\(error.key.replacingOccurrences(of: " ", with: "-")): \(error.message)")
    }
  }

  /// Opens the record's document in the editor until it parses (or the user gives up), then
  /// saves it in one update: the store changes only when the whole document is valid.
  /// What `edit ID` opens in the editor: a posting's document, or an application's (its
  /// posting's when it has one: the job's fields are there).
  static func document(for reference: Deck.Reference, in deck: Deck) -> Deck.Reference {
    if case .application(let id) = reference,
      let postingID = deck.application(withID: id)?.postingID, deck.posting(withID: postingID) != nil
    {
      return .posting(postingID)
    }
    return reference
  }

  private func editInEditor(_ reference: Deck.Reference, clock: WallClock) throws {
    let deck = try storeOptions.session.open().deck
    var text: String
    switch reference {
    case .posting(let id):
      guard let posting = deck.posting(withID: id) else { throw DeckError.notFound(id, expected: .posting) }
      text = RecordDocument.render(posting, application: deck.onlyApplication(toPosting: id))
    case .application(let id):
      guard let application = deck.application(withID: id) else {
        throw DeckError.notFound(id, expected: .application)
      }
      text = RecordDocument.render(application)
    case .deadline(let id):
      throw CommandFailure.user("'\(id)' is a deadline; use jobdeck event edit \(id)")
    }
    let original = text
    let interactive = isatty(STDIN_FILENO) == 1
    let environment = ProcessInfo.processInfo.environment
    while true {
      guard let edited = EditorSession.edit(text, environment: environment, terminalPath: nil) else {
        throw CommandFailure.user("the editor failed or could not start (\(EditorCommand.arguments(environment: environment, filePath: "FILE").joined(separator: " "))); nothing changed")
      }
      if edited == original {
        say("No changes.")
        return
      }
      do {
        try save(edited, reference: reference, now: clock.now)
        say(safe("\(reference.id) (\(RecordName.of(reference, in: try storeOptions.session.open().deck))): updated"))
        return
      } catch let error as RecordDocumentError {
        guard interactive else {
          throw CommandFailure.user("edited \(reference.id): \(error); nothing changed")
        }
        FileHandle.standardError.write(Data(safe("jobdeck: \(error)\nEdit again? [Y/n] ").utf8))
        if let answer = readLine(), ["n", "no"].contains(answer.lowercased()) {
          say("Nothing changed.")
          return
        }
        text = edited
      }
    }
  }

  private func save(_ text: String, reference: Deck.Reference, now: Date) throws {
    try storeOptions.session.update { deck in
      switch reference {
      case .posting(let id):
        guard let posting = deck.posting(withID: id) else { throw DeckError.notFound(id, expected: .posting) }
        if let application = deck.onlyApplication(toPosting: id) {
          let (edited, sending) = try RecordDocument.parse(text, onto: posting,
                                                           application: application)
          try deck.editPosting(id, at: now) { $0 = edited }
          try deck.editApplication(application.id, at: now) { $0 = sending }
        } else {
          let edited = try RecordDocument.parse(text, onto: posting)
          try deck.editPosting(id, at: now) { $0 = edited }
        }
      case .application(let id):
        guard let application = deck.application(withID: id) else {
          throw DeckError.notFound(id, expected: .application)
        }
        let edited = try RecordDocument.parse(text, onto: application)
        try deck.editApplication(id, at: now) { $0 = edited }
      case .deadline:
        break
      }
    }
  }
}
