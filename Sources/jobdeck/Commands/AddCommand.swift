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
    abstract: "Add a posting; prints its id on the first line."
  )

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "The employer.") var company: String
  @Option(help: "The role as the ad names it.") var title: String
  @Option(help: "City, country or \"Remote\".") var location: String?
  @Option(help: "The ad's address.") var url: String?
  @Option(help: ArgumentHelp(
    "Last day to apply (2025-03-03, tomorrow, +10d, fri, eom).", valueName: "date"))
  var deadline: String?
  @Option(help: "A tag; repeat for more.") var tag: [String] = []
  @Option(help: ArgumentHelp("How the job is employed.", valueName: "type"))
  var type: EmploymentType?
  @Option(help: ArgumentHelp("on-site, hybrid or remote.", valueName: "workplace"))
  var workplace: Workplace?
  @Option(help: "The ad's text.") var description: String?

  func validate() throws {
    guard !company.trimmingCharacters(in: .whitespaces).isEmpty,
      !title.trimmingCharacters(in: .whitespaces).isEmpty
    else { throw ValidationError("--company and --title must not be empty") }
  }

  func run() throws {
    let clock = storeOptions.clock
    let link = try url.map(Self.link)
    let cutoff = try deadline.map { try DateInput.parse($0, today: clock.today) }
    let now = clock.now.truncatedToSeconds
    let id = try storeOptions.file.update { deck -> String in
      let id = deck.add(
        Posting(id: "", title: title, company: company, location: location, workplace: workplace,
                employmentType: type, url: link?.text, source: "cli", tags: tag, description: description,
                createdAt: now))
      if let cutoff {
        deck.add(Deadline(id: "", kind: .applicationCutoff, due: .allDay(cutoff),
                          owner: .posting(id), origin: .manual))
      }
      return id
    }
    say(id)
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
    let id = try storeOptions.file.update { deck in
      try deck.apply(toPosting: nil, company: company, title: title, stage: stage, note: note,
                     at: now)
    }
    say(id)
  }
}
