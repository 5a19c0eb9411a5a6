import ArgumentParser
import Foundation
import JobDeckCore

/// `jobdeck sync`: the store between machines, through any git remote.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Sync the store with a git remote (set up once with --init REMOTE).",
    discussion: """
      --init makes the store's directory a git repository that tracks store.json only, \
      registers JobDeck's merge driver and sets the remote (a bare repository on a USB stick, \
      a server over SSH, GitHub, Gitea). Then 'jobdeck sync' commits local changes, fetches, \
      merges record by record and field by field, and pushes. A field changed on both sides \
      keeps the later change; the other value is listed by 'jobdeck conflicts'. When the \
      remote cannot be reached, local work stays committed and the exit status is 1.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Flag(help: "Set up syncing for this store.") var `init` = false
  @Argument(help: "With --init: the git remote (URL or path).") var remote: String?

  func validate() throws {
    if remote != nil, !`init` {
      throw ValidationError("a remote is set with --init: jobdeck sync --init REMOTE")
    }
  }

  func run() throws {
    let sync = StoreSync(file: storeOptions.file)
    let host = ProcessInfo.processInfo.hostName
    do {
      let lines = `init` ? try sync.initialize(remote: remote, host: host)
        : try sync.sync(host: host).lines
      for line in lines { say(line) }
    } catch let failure as StoreSync.Failure {
      throw CommandFailure(message: failure.message, exitCode: failure.exitCode)
    } catch let failure as Git.Failure {
      throw CommandFailure(message: failure.description, exitCode: ExitStatus.userError)
    }
  }
}
