import ArgumentParser
import Foundation
import JobDeckCore

/// The `jobdeck` command. With no subcommand it opens the full-screen UI on the user's store.
@main
struct JobDeck: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jobdeck",
    abstract: "Track job postings, applications and the deadlines that come with them.",
    discussion: """
      With no command, opens the full-screen UI on your store. Every command takes \
      --store PATH; otherwise $JOBDECK_STORE, $XDG_DATA_HOME/jobdeck/store.json or \
      ~/.local/share/jobdeck/store.json is used. Ids accept any unique prefix.

      Exit status: 0 success, 1 a mistake in the request (unknown id, bad value), \
      2 a problem with the store (unreadable, locked, written by a newer JobDeck), \
      64 a value JobDeck refuses to store (a --url that is not an http or https link).
      """,
    version: "0.1.0",
    subcommands: [
      UICommand.self, DemoCommand.self, AddCommand.self, ApplyCommand.self, ListCommand.self,
      ShowCommand.self, MoveCommand.self, NoteCommand.self, RemoveCommand.self,
      CheckCommand.self, CompactCommand.self, AgendaCommand.self, RemindCommand.self, DeadlineCommand.self,
      SetCommand.self, ImportCommand.self, ExportCommand.self,
    ],
    defaultSubcommand: UICommand.self
  )

  /// Runs a command and turns every failure into a message and the documented exit status:
  /// argument mistakes are the user's (1), not ArgumentParser's default 64.
  static func main() {
    // Past RLIMIT_FSIZE the kernel kills the process with SIGXFSZ, mid-save and without a word
    // (leaving its temporary file); ignored, the write fails with EFBIG and the store says so.
    signal(SIGXFSZ, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as CommandFailure {
      printError(error.message)
      Foundation.exit(error.exitCode)
    } catch let error as DeckError {
      printError(error.description)
      Foundation.exit(ExitStatus.userError)
    } catch let error as StoreFailure {
      printError(error.description)
      Foundation.exit(ExitStatus.storeProblem)
    } catch {
      let code = exitCode(for: error)
      if code == .success || error is CleanExit {
        exit(withError: error)
      }
      printError(fullMessage(for: error))
      Foundation.exit(ExitStatus.userError)
    }
  }
}
