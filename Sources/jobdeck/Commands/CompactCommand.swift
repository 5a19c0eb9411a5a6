import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckStore

struct CompactCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compact",
    abstract: "Fold the journal of recent changes into the store file.",
    discussion: """
      A large store (1 MB and up) saves a change by appending it to <store>.journal instead of \
      rewriting the whole file; JobDeck folds the journal in by itself from time to time. Run \
      this before reading the store file with other tools (jq, git, a backup): afterwards the \
      file alone holds everything.
      """
  )

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let file = storeOptions.file
    let folded = try file.compact()
    if folded == 0 {
      say("\(file.path) has no journal to fold in.")
    } else {
      say("Folded \(Plural.count(folded, "journal operation")) into \(file.path).")
    }
  }
}
