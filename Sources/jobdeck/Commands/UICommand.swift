import ArgumentParser
import Foundation
import JobDeckCore

struct UICommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ui",
    abstract: "Open the full-screen UI (the default when no command is given).",
    discussion: """
      Set mouse = true in the config file (or JOBDECK_MOUSE=1) to click rows and tabs and \
      scroll with the wheel; JOBDECK_MOUSE=0 turns it off.
      """
  )

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    // The same clock as every other command: `JOBDECK_NOW` pins the UI's "today" too.
    try UserInterface.open(storePath: storeOptions.path, clock: storeOptions.clock,
                           configuration: storeOptions.configOptions.configuration)
  }
}
