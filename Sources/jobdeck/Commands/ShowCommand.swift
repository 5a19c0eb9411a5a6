import ArgumentParser
import Foundation
import JobDeckCore

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a posting, an application or a deadline.",
    discussion: """
      --json prints one object with "type" (posting, application or deadline). An application \
      has stage and history (each entry: from, to, at, note), its posting and deadlines; a \
      posting has its applications and deadlines.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "Any unique prefix of an id.") var id: String
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let deck = try storeOptions.session.open().deck
    let reference = try deck.resolve(id)
    let clock = storeOptions.clock
    if json {
      sayRendered(try JSONOutput.encode(RecordDetail(reference, in: deck)))
    } else {
      var text = RecordText.describe(reference, in: deck, clock: clock)
      let recordID: String
      switch reference {
      case .posting(let id), .application(let id), .deadline(let id): recordID = id
      }
      let conflicts = deck.conflicts(ofRecord: recordID)
      if !conflicts.isEmpty {
        text += "\nConflicts (jobdeck conflicts resolve ID FIELD --keep ours|theirs):\n"
          + conflicts.map { "  " + ConflictText.line($0, in: clock.timeZone) }
          .joined(separator: "\n")
      }
      sayRendered(safeLines(text))
    }
  }
}
