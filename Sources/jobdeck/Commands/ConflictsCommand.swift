import ArgumentParser
import Foundation
import JobDeckCore

/// `jobdeck conflicts`: the fields two machines changed differently, and their resolution.
struct ConflictsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "conflicts",
    abstract: "List fields two machines changed differently since their last sync.",
    discussion: """
      A sync keeps the later change in the record and lists the other value here. Each line: \
      the record, the field, the value that lost and when each side changed the record.
      """,
    subcommands: [ListConflicts.self, ResolveConflict.self],
    defaultSubcommand: ListConflicts.self
  )

  struct ListConflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the unresolved conflicts (the default).")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let deck = try storeOptions.session.open().deck
      guard !deck.conflicts.isEmpty else {
        say("No conflicts.")
        return
      }
      let zone = storeOptions.clock.timeZone
      sayRendered(safeLines(deck.conflicts.map { ConflictText.line($0, in: zone) }
        .joined(separator: "\n")))
    }
  }

  struct ResolveConflict: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "resolve",
      abstract: "Keep one value of a conflicting field.",
      discussion: """
        --keep ours keeps the value in the record now (the later change) and drops the listed \
        one; --keep theirs puts the listed value back into the record.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The record's id, as 'jobdeck conflicts' shows it.") var id: String
    @Argument(help: "The field, as 'jobdeck conflicts' shows it.") var field: String
    @Option(help: "ours or theirs.") var keep: Deck.ConflictChoice

    func run() throws {
      let time = storeOptions.clock.now
      let count = try storeOptions.session.update { deck in
        try deck.resolveConflict(recordID: id, field: field, keep: keep, at: time)
      }
      say("Resolved \(Plural.count(count, "conflict")) on \(id) \(field): kept"
        + (keep == .ours ? " the record's value." : " the listed value."))
    }
  }
}

extension Deck.ConflictChoice: ExpressibleByArgument {}

/// One conflict as a line of `jobdeck conflicts` and of `jobdeck show`.
enum ConflictText {
  static func line(_ conflict: MergeConflict, in zone: TimeZone) -> String {
    let kept = conflict.keptChangedAt.map { RecordText.timeText($0, in: zone) } ?? "?"
    let lost = conflict.losingChangedAt.map { RecordText.timeText($0, in: zone) } ?? "?"
    return "\(conflict.collection.rawValue) \(conflict.recordID)  \(conflict.field): lost"
      + " \(conflict.losingValue) (changed \(lost); the kept change: \(kept))"
  }
}
