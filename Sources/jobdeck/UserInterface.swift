import Foundation
import JobDeckConfig
import JobDeckCore
import JobDeckImport
import JobDeckStore
import JobDeckTUI
import JobDeckTerminal

/// Wires the pure UI to the terminal, the store and the importer.
enum UserInterface {
  /// - Parameter printedSize: print the first screen at this size as text and return, instead
  ///   of running the UI in the terminal.
  static func open(storePath: String, clock: WallClock, configuration: Configuration,
                   printingFirstScreenOf printedSize: TerminalSize? = nil) throws {
    let store = StoreSession(file: StoreFile(path: storePath))
    let loaded = try store.open()
    var app = App(deck: loaded.deck, storePath: storePath, clock: clock,
                  readOnlyReason: loaded.readOnlyReason, keys: configuration.keyTable,
                  suggestionDays: try SuggestionOptions.days(
                    followUp: nil, noResponse: nil, configuration: configuration),
                  storedAdReading: PostingImporter.storedAdReading)
    let storeSync = StoreSync(file: StoreFile(path: storePath))
    _ = app.update(.syncStatusRead(storeSync.status()))
    if let size = printedSize {
      _ = app.update(.key(.resize(size)))
      print(app.view(size: size).text)
      // The printed screen changes nothing, so nothing is left to save.
      exitLeavingMemory()
    }
    var services = TerminalServices(
      save: { deck in try store.save(deck) },
      importSource: { source in
        // Standard input is the terminal the UI runs on (the UI answers `-` itself).
        guard source != "-" else {
          throw CommandFailure.user("give a file or a URL, or paste the ad into the dialog")
        }
        return try PostingSource.draft(from: source, today: clock.today)
      },
      importText: { text in
        try PostingSource.draft(fromPasted: text, from: "the pasted ad", today: clock.today)
      },
      pasteByteLimit: ReadingLimits.ad.maximumBytes + 1,
      checkForExternalChange: {
        DebugCrash.crashIfAsked()
        return store.reloadIfChanged()
      },
      now: { clock.now },
      mouseByDefault: configuration.mouse,
      theme: configuration.theme)
    // `S`: the sync `jobdeck sync` runs; the store it rewrites is reloaded on the next tick.
    services.sync = {
      do {
        let outcome = try storeSync.sync(host: ProcessInfo.processInfo.hostName)
        return SyncReport(cameIn: outcome.cameIn, wentOut: outcome.wentOut,
                          status: storeSync.status())
      } catch let failure as StoreSync.Failure {
        throw CommandFailure(message: failure.message, exitCode: failure.exitCode)
      }
    }
    do {
      try TerminalRunner.run(&app, services: services)
    } catch {
      throw CommandFailure.user("cannot start the full-screen UI: \(error)")
    }
  }
}

/// A hidden switch for the terminal-restore tests: with `JOBDECK_DEBUG_CRASH_AFTER_START=1` the UI
/// crashes (a trap, as a failed precondition would) on its first tick, about 1.5 s after it has
/// taken over the terminal, so a test can check that the crash handler gave the terminal back.
/// Not documented for users; it changes nothing unless set to exactly `1`.
enum DebugCrash {
  static func crashIfAsked() {
    guard ProcessInfo.processInfo.environment["JOBDECK_DEBUG_CRASH_AFTER_START"] == "1" else {
      return
    }
    fatalError("JOBDECK_DEBUG_CRASH_AFTER_START=1: crashing on purpose")
  }
}
