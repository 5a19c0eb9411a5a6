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
  @Option(parsing: .unconditional, help: ArgumentHelp("When it happened, if not now (2025-03-03, yesterday, -2d).",
                             valueName: "date"))
  var on: String?
  @OptionGroup var sending: SendingOptions

  func run() throws {
    let method = try sending.method.flatMap(OptionValue.method)
    let clock = storeOptions.clock
    let time = try on.map { text in
      let day = try OptionValue.date(text, option: "--on", today: clock.today)
      return try OptionValue.instant(on: day, hour: 12, in: clock.timeZone, option: "--on",
                                     text: text)
    } ?? clock.now
    let id = try storeOptions.session.update { deck -> String in
      let postingID = try deck.resolvePosting(posting)
      let id = try deck.apply(
        toPosting: postingID, stage: stage, note: note,
        source: sending.source.flatMap(ApplicationSource.init(parsing:)), method: method,
        sentTo: sending.sentTo.flatMap(OptionValue.nonBlank), at: time)
      deck.refreshDerivedDeadlines(ofApplications: [id])
      return id
    }
    say(id)
  }
}
