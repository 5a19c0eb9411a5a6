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
    let store = UIStoreBridge(file: StoreFile(path: storePath))
    let loaded = try store.loadInitial()
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
      return
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

/// The UI's side of the store: saves only over the version it last saw, so a change another
/// process saved meanwhile is never overwritten; such a save fails, the next tick reloads, and
/// the UI replays its own edits onto what is on disk before saving again. It also keeps the deck
/// of that version, so a save of a large store appends only the difference to the journal.
final class UIStoreBridge: @unchecked Sendable {
  let file: StoreFile
  /// Touched only from the UI's thread.
  private var lastSeen: StoreFingerprint?
  /// The deck `lastSeen` names (as loaded or saved); nil before the first load.
  private var lastDeck: Deck?

  init(file: StoreFile) { self.file = file }

  func loadInitial() throws -> LoadedDeck {
    let loaded = try file.load()
    lastSeen = loaded.fingerprint
    lastDeck = loaded.deck
    return loaded
  }

  func save(_ deck: Deck) throws {
    lastSeen = try file.save(deck, ifUnchangedSince: lastSeen, previous: lastDeck)
    lastDeck = deck
  }

  func reloadIfChanged() -> Deck? {
    guard file.fingerprint() != lastSeen else { return nil }
    // A file that no longer parses is left alone; the next save will refuse and say why.
    guard let loaded = try? file.load() else { return nil }
    lastSeen = loaded.fingerprint
    lastDeck = loaded.deck
    return loaded.deck
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
