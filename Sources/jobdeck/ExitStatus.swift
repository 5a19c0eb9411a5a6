import Foundation
import JobDeckCore
import JobDeckStore

/// The exit statuses the README documents; scripts rely on them.
enum ExitStatus {
  static let userError: Int32 = 1
  /// The command line itself is wrong: an unknown option, a value that does not parse or is
  /// outside what JobDeck accepts (a date outside 1900–2199, an absurd --lead). EX_USAGE.
  static let usage: Int32 = 64
  static let storeProblem: Int32 = 2
  /// A config file that cannot be read or holds a value JobDeck does not accept: like a bad
  /// store, a data file to fix rather than a command line to retype.
  static let badConfigFile: Int32 = 2
  /// sysexits' EX_USAGE: the command needs a confirmation it was not given (`--yes` without a
  /// terminal to ask on).
  static let needsConfirmation: Int32 = 64
}

/// A failure with its message and exit status decided where it happened.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String
  var exitCode: Int32

  var description: String { message }

  static func user(_ message: String) -> CommandFailure {
    CommandFailure(message: message, exitCode: ExitStatus.userError)
  }

  static func usage(_ message: String) -> CommandFailure {
    CommandFailure(message: message, exitCode: ExitStatus.usage)
  }
}

/// Store errors, whatever their case, are exit status 2.
typealias StoreFailure = StoreError

/// Messages go to standard error, sanitized: they can quote text from the store.
func printError(_ message: String) {
  let text = "jobdeck: " + safeLines(message) + "\n"
  FileHandle.standardError.write(Data(text.utf8))
}
