import ArgumentParser
import Foundation
import JobDeckCore

struct ApplyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Start tracking an application for a posting; prints its id."
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The posting (any unique prefix of its id).") var posting: String
  @Option(help: "The stage it starts in.") var stage: Stage = .applied
  @Option(help: "A note for the history.") var note: String?
  @Option(help: ArgumentHelp("When it happened, if not now (2025-03-03, yesterday).",
                             valueName: "date"))
  var on: String?

  func run() throws {
    let clock = storeOptions.clock
    let time = try on.map { try DateInput.parse($0, today: clock.today).instant(hour: 12, in: clock.timeZone) } ?? clock.now
    let id = try storeOptions.file.update { deck -> String in
      let postingID = try deck.resolvePosting(posting)
      let id = try deck.apply(toPosting: postingID, stage: stage, note: note, at: time)
      deck.refreshDerivedDeadlines()
      return id
    }
    say(id)
  }
}
