import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckTUI

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

  @Flag(help: "Print the first screen as plain text and exit, without taking over the terminal (for bug reports, scripts and screenshots).")
  var printScreen = false

  @Option(help: ArgumentHelp("The printed screen's size, COLUMNSxROWS (20x5 to 1000x500).", valueName: "size"))
  var size = "80x24"

  func run() throws {
    let printedSize = try printScreen ? Self.screenSize(size) : nil
    // The same clock as every other command: `JOBDECK_NOW` pins the UI's "today" too.
    try UserInterface.open(storePath: storeOptions.path, clock: storeOptions.clock,
                           configuration: storeOptions.configOptions.configuration,
                           printingFirstScreenOf: printedSize)
  }

  static let columnRange = 20...1000
  static let rowRange = 5...500

  /// `120x40` as a terminal size, refused (exit 64) outside the ranges.
  static func screenSize(_ text: String) throws -> TerminalSize {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
      columnRange.contains(columns), rowRange.contains(rows)
    else {
      throw CommandFailure.usage(
        "--size '\(text)': expected COLUMNSxROWS, columns \(columnRange.lowerBound)–"
          + "\(columnRange.upperBound) and rows \(rowRange.lowerBound)–\(rowRange.upperBound),"
          + " e.g. 120x40")
    }
    return TerminalSize(rows: rows, columns: columns)
  }
}
