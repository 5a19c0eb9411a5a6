import Foundation
import JobDeckCore
import JobDeckStore

/// The exit statuses the README documents; scripts rely on them.
enum ExitStatus {
  static let userError: Int32 = 1
  static let storeProblem: Int32 = 2
  /// A value given on the command line that JobDeck refuses to store (EX_USAGE, sysexits.h).
  static let usage: Int32 = 64
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
