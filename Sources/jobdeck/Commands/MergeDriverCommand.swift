import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckStore

/// What git runs to merge two versions of `store.json` (registered by `jobdeck sync --init`, or
/// by hand: see the README).
struct MergeDriverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge-driver",
    abstract: "Merge two versions of a store file from their common ancestor (git calls this).",
    discussion: """
      Registered as git's merge driver for store.json (%O %A %B): merges record by record \
      and field by field, writes the result to OURS and never leaves conflict markers. A field \
      both sides changed keeps the later change; the other value is listed by \
      'jobdeck conflicts'. Exit status 0 when merged (conflicts included), 2 when a file is \
      unreadable (git then reports a conflict and the file is left as it was).
      """
  )

  @Argument(help: "The common ancestor (%O).") var base: String
  @Argument(help: "Our version (%A); receives the result.") var ours: String
  @Argument(help: "Their version (%B).") var theirs: String

  func run() throws {
    let clock = CommandClock.current(configuredTimeZone: nil)
    let result = try StoreFileMerge.merge(basePath: base, oursPath: ours, theirsPath: theirs,
                                          clock: clock)
    // Git shows the driver's standard error during the merge; standard output is not the place.
    for notice in result.notices { printError(notice) }
  }
}
