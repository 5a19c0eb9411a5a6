import ArgumentParser
import Foundation
import JobDeckCore

struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a posting, or an application with no posting on file.",
    subcommands: [AddPosting.self, AddApplication.self]
  )
}

struct AddPosting: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "posting",
    abstract: "Add a posting; prints its id on the first line.",
    discussion: """
      A posting that matches one on file (the same URL, or the same company, title and \
      location once case, spaces and punctuation are ignored) is a duplicate: on a terminal \
      you are asked whether to update the one on file, add anyway or cancel; without one, \
      the command refuses and names the posting on file unless --update or --add-anyway says \
      what to do. (`jobdeck import` asks the same on a terminal, and without one updates the \
      posting it re-imports unless --add-anyway is given.)
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "The employer.") var company: String
  @Option(help: "The role as the ad names it.") var title: String
  @Option(help: "City, country or \"Remote\".") var location: String?
  @Option(help: "The ad's address.") var url: String?
  @Option(parsing: .unconditional, help: ArgumentHelp(
    "Last day to apply (2025-03-03, tomorrow, +10d, fri, eom).", valueName: "date"))
  var deadline: String?
  @Option(help: "A tag; repeat for more.") var tag: [String] = []
  @Option(help: ArgumentHelp("How the job is employed.", valueName: "type"))
  var type: EmploymentType?
  @Option(help: ArgumentHelp("on-site, hybrid or remote.", valueName: "workplace"))
  var workplace: Workplace?
  @Option(help: "The ad's text.") var description: String?
  @Flag(help: "If it duplicates a posting on file, update that one with the values given.")
  var update = false
  @Flag(help: "If it duplicates a posting on file, add it anyway as a new posting.")
  var addAnyway = false

  func validate() throws {
    if update && addAnyway { throw ValidationError("use --update or --add-anyway, not both") }
    guard !company.trimmingCharacters(in: .whitespaces).isEmpty,
      !title.trimmingCharacters(in: .whitespaces).isEmpty
    else { throw ValidationError("--company and --title must not be empty") }
  }

  func run() throws {
    let clock = storeOptions.clock
    let link = try url.map(Self.link)
    let cutoff = try deadline.map {
      try OptionValue.date($0, option: "--deadline", today: clock.today)
    }
    let now = clock.now.truncatedToSeconds
    let posting = Posting(
      id: "", title: title, company: company, location: location, workplace: workplace,
      employmentType: type, url: link?.text, source: "cli", tags: tag, description: description,
      createdAt: now)
    var choice: DuplicateChoice = update ? .update : addAnyway ? .addAnyway : .ask
    // The duplicate is looked for inside the update (one load); finding one there abandons
    // the update, so the question is asked with the store unlocked, then the update runs again.
    while true {
      do {
        say(try add(posting, choice: choice, cutoff: cutoff, now: now))
        return
      } catch let found as DuplicateFound {
        choice = try ask(about: found.existing)
        if choice == .cancel {
          say("Nothing added.")
          return
        }
      }
    }
  }

  /// Adds the posting, or updates the one it duplicates (`.update`); throws `DuplicateFound`
  /// when it duplicates one and the user has not said what to do.
  private func add(_ posting: Posting, choice: DuplicateChoice, cutoff: CivilDate?, now: Date)
    throws -> String
  {
    try storeOptions.session.update { deck -> String in
      let id: String
      let existing = choice == .addAnyway ? nil : deck.duplicate(of: posting)
      if choice == .ask, let existing { throw DuplicateFound(existing: existing) }
      if choice == .update, let existing {
        id = existing.id
        try deck.editPosting(id, at: now) { stored in
          stored.title = title
          stored.company = company
          if let location { stored.location = location }
          if let url = posting.url { stored.url = url }
          if let type { stored.employmentType = type }
          if let workplace { stored.workplace = workplace }
          if let description { stored.description = description }
          for added in tag where !stored.tags.contains(added) { stored.tags.append(added) }
        }
        if let cutoff {
          if let current = deck.deadlines(ownedBy: .posting(id))
            .first(where: { $0.kind == .applicationCutoff && $0.status == .pending })
          {
            try deck.editDeadline(current.id, at: now) { $0.due = .allDay(cutoff) }
          } else {
            deck.add(Deadline(id: "", kind: .applicationCutoff, due: .allDay(cutoff),
                              owner: .posting(id), origin: .manual))
          }
        }
        return id
      }
      id = deck.add(posting)
      if let cutoff {
        deck.add(Deadline(id: "", kind: .applicationCutoff, due: .allDay(cutoff),
                          owner: .posting(id), origin: .manual))
      }
      return id
    }
  }

  /// On a terminal, the user's answer; without one, a refusal that names the posting on file.
  private func ask(about existing: Posting) throws -> DuplicateChoice {
    guard DuplicatePrompt.canAsk else {
      throw CommandFailure.user(
        "this posting is already on file as \(DuplicatePrompt.name(of: existing)); add --update to update it or --add-anyway to add a second one")
    }
    return DuplicatePrompt.ask(about: existing)
  }
}

extension AddPosting {
  /// `--url` as a link JobDeck keeps, or a usage error that quotes it.
  static func link(_ text: String) throws -> WebLink {
    do {
      return try WebLink(text)
    } catch {
      throw CommandFailure.usage("--url \(QuotedExcerpt.quoted(text)): the URL \(error)")
    }
  }
}

struct AddApplication: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "application",
    abstract: "Track an application for which you have no posting; prints its id."
  )

  @OptionGroup var storeOptions: StoreOptions
  @Option var company: String
  @Option var title: String
  @Option(help: "The stage it is in now.") var stage: Stage = .applied
  @Option(help: "A note for the first history entry.") var note: String?

  func run() throws {
    let now = storeOptions.clock.now
    let id = try storeOptions.session.update { deck in
      try deck.apply(toPosting: nil, company: company, title: title, stage: stage, note: note,
                     at: now)
    }
    say(id)
  }
}
