import ArgumentParser
import Foundation
import JobDeckCore

struct MoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "move",
    abstract: "Move an application to another stage; the move is kept in its history.",
    discussion: "Stages: " + Stage.allCases.map(\.rawValue).joined(separator: ", ")
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The application, or a posting with one application.") var id: String
  @Argument(help: "The stage to move to.") var stage: Stage
  @Option(help: "Why, or what happened.") var note: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("When it happened, if not now (yesterday, -2d).", valueName: "date"))
  var on: String?

  func run() throws {
    let clock = storeOptions.clock
    let time = try on.map { text in
      let day = try OptionValue.date(text, option: "--on", today: clock.today)
      return try OptionValue.instant(on: day, hour: 12, in: clock.timeZone, option: "--on",
                                     text: text)
    } ?? clock.now
    let (applicationID, outcome) = try storeOptions.session.update { deck in
      let applicationID = try deck.resolveApplication(id)
      let outcome = try deck.move(applicationID: applicationID, to: stage, note: note, at: time)
      deck.refreshDerivedDeadlines(ofApplications: [applicationID])
      return (applicationID, outcome)
    }
    switch outcome {
    case .moved(let from, let to):
      say("\(applicationID): \(from.rawValue) → \(to.rawValue)")
    case .alreadyInStage(let stage):
      say("\(applicationID) is already in \(stage.rawValue); nothing changed")
    }
  }
}

struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Add a note to an application."
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The application, or a posting with one application.") var id: String
  @Argument(help: "The note.") var text: String

  func run() throws {
    let now = storeOptions.clock.now
    let applicationID = try storeOptions.session.update { deck in
      let applicationID = try deck.resolveApplication(id)
      try deck.appendNote(text, toApplication: applicationID, at: now)
      return applicationID
    }
    say("noted on \(applicationID)")
  }
}
