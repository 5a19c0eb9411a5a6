import ArgumentParser
import Foundation
import JobDeckCore

struct UICommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ui",
    abstract: "Open the full-screen UI (the default when no command is given)."
  )

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try UserInterface.open(storePath: storeOptions.path, clock: SystemWallClock())
  }
}
