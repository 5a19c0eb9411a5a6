import ArgumentParser
import Foundation
import JobDeckCore

struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rm",
    abstract: "Remove a posting (with its applications and deadlines), an application or a deadline.",
    discussion: "Asks before removing; --yes skips the question (required without a terminal)."
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "What to remove (any unique prefix of its id).") var id: String
  @Flag(name: .shortAndLong, help: "Do not ask.") var yes = false

  func run() throws {
    let session = storeOptions.session
    let deck = try session.open().deck
    let reference = try deck.resolve(id)
    let name = RecordName.of(reference, in: deck)
    if !yes {
      guard isatty(STDIN_FILENO) == 1 else {
        throw CommandFailure.user("not removing '\(reference.id)' (\(name)) without a terminal to ask on; add --yes")
      }
      tell("Remove \(describe(reference)) (\(name))? [y/N] ", terminator: "")
      guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
        say("Nothing removed.")
        return
      }
    }
    let removal = try session.update { deck -> Removal in
      switch reference {
      case .posting(let id): return try deck.removePosting(id)
      case .application(let id):
        // An application that shares its posting's id is the same job: remove both.
        if let postingID = deck.application(withID: id)?.postingID, postingID == id {
          return try deck.removePosting(postingID)
        }
        return try deck.removeApplication(id)
      case .deadline(let id): return try deck.removeDeadline(id)
      }
    }
    var parts: [String] = []
    if !removal.postings.isEmpty { parts.append("posting \(removal.postings.joined(separator: ", "))") }
    if !removal.applications.isEmpty {
      parts.append(Plural.count(removal.applications.count, "application"))
    }
    if !removal.deadlines.isEmpty { parts.append(Plural.count(removal.deadlines.count, "deadline")) }
    say("Removed " + parts.joined(separator: ", ") + ".")
  }

  private func describe(_ reference: Deck.Reference) -> String {
    switch reference {
    case .posting(let id): return "posting '\(id)' with its applications and deadlines"
    case .application(let id): return "application '\(id)' and its deadlines"
    case .deadline(let id): return "deadline '\(id)'"
    }
  }
}
