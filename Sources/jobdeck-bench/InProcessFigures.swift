import Foundation
import JobDeckCore
import JobDeckImport
import JobDeckStore
import JobDeckTUI

/// The figures measured inside one process, each run by the benchmark in a child process of its
/// own so that its peak memory is that figure's alone. Each prints `key=value` lines.
enum InProcessFigures {
  static let clock = FixedWallClock(now: DataGenerator.nowInstant, timeZone: DataGenerator.utc)
  static let screenSize = TerminalSize(rows: 50, columns: 160)

  /// Keystrokes through the real `App.update` and `App.view`: the time to compute the next
  /// frame, per key.
  ///
  /// One `App` at a time, as in the real UI: the key script's app is gone before the full-text
  /// runs build theirs, so the peak memory is that of one UI over the deck.
  static func keystrokes(store: String, runs: Int) throws {
    let loaded = try StoreFile(path: store).load()
    // Diagnostics only: JOBDECK_BENCH_PER_KEY=1 prints each key's time to stderr.
    let perKey = ProcessInfo.processInfo.environment["JOBDECK_BENCH_PER_KEY"] == "1"
    try keyScript(deck: loaded.deck, store: store, runs: runs, perKey: perKey)
    fullTextSearches(deck: loaded.deck, store: store, runs: runs, perKey: perKey)
  }

  private static func keyScript(deck: Deck, store: String, runs: Int, perKey: Bool) throws {
    var samples: [Double] = []
    let firstStart = ContinuousClock.now
    let firstCPU = threadCPUSeconds()
    var app = App(deck: deck, storePath: store, clock: clock, readOnlyReason: nil)
    _ = app.update(.key(.resize(screenSize)))
    _ = app.view(size: screenSize)
    print("firstFrame=\((ContinuousClock.now - firstStart).seconds)")
    if perKey { print("firstFrameThreadCPU=\(threadCPUSeconds() - firstCPU)") }
    let script: [KeyPress] = Array(repeating: .down, count: 30) + Array(repeating: .pageDown, count: 5)
      + Array(repeating: .pageUp, count: 5) + [.end, .home, .enter, .down, .escape, .down, .enter,
      .escape, .character("2"), .character("j"), .character("3"), .character("j"),
      .character("1"), .character("s"), .character("s"), .character("s"), .character("/")]
      + "berlin".map { KeyPress.character($0) } + [.backspace, .character("n"), .enter, .down,
      .pageDown, .enter, .escape, .escape, .character("/")] + "python".map { KeyPress.character($0) }
      + [.enter, .escape]
    // The change made most often, timed on its own: a card moved to the next stage (no note),
    // the move undone, and back to the postings table, which the change made out of date.
    let change: [KeyPress] = [.character("2"), .character("L"), .enter, .character("u"),
      .character("1")]
    var slowestChange: [Double] = []
    for _ in 0..<runs {
      for key in script {
        samples.append(timedKey(key, in: &app, label: "key", perKey: perKey))
      }
    }
    for _ in 0..<runs {
      slowestChange.append(
        change.map { timedKey($0, in: &app, label: "change", perKey: perKey) }.max() ?? 0)
    }
    if !app.state.undoStack.isEmpty || app.state.redoStack.count != 1 {
      print("warning=the stage move was not made and undone")
    }
    print("changeSlowest=\(Statistics.median(slowestChange))")
    print("keys=\(samples.count)")
    print("p99=\(Statistics.percentile(samples, 99))")
    print("max=\(samples.max() ?? .nan)")
    print("median=\(Statistics.median(samples))")
  }

  /// One key through `App.update` and `App.view`: the seconds to the next frame. With
  /// `perKey`, a line on stderr with the time and the thread's CPU time.
  private static func timedKey(_ key: KeyPress, in app: inout App, label: String, perKey: Bool)
    -> Double
  {
    let cpuStart = threadCPUSeconds()
    let start = ContinuousClock.now
    _ = app.update(.key(key))
    _ = app.view(size: screenSize)
    let seconds = (ContinuousClock.now - start).seconds
    if perKey {
      FileHandle.standardError.write(Data((
        "\(label) \(key) \(String(format: "%.2f", seconds * 1000)) ms"
          + " cpu \(String(format: "%.2f", (threadCPUSeconds() - cpuStart) * 1000))\n").utf8))
    }
    return seconds
  }

  private static func fullTextSearches(deck: Deck, store: String, runs: Int, perKey: Bool) {
    // Full-text: words found only in descriptions. Each keystroke shows a first screen of
    // results; the figure is the slowest keystroke. "zeppelin" matches nothing, so its last
    // keys scan every description.
    for (name, query) in [("fulltext", "operators"), ("fulltextNone", "zeppelin")] {
      var worst: [Double] = []
      for _ in 0..<runs {
        var search = App(deck: deck, storePath: store, clock: clock, readOnlyReason: nil)
        _ = search.update(.key(.resize(screenSize)))
        _ = search.view(size: screenSize)
        _ = search.update(.key(.character("/")))
        var slowest = 0.0
        for character in query {
          let start = ContinuousClock.now
          _ = search.update(.key(.character(character)))
          let screen = search.view(size: screenSize)
          slowest = max(slowest, (ContinuousClock.now - start).seconds)
          if perKey {
            FileHandle.standardError.write(Data(
              "\(name) \(character) \(String(format: "%.2f", (ContinuousClock.now - start).seconds * 1000)) ms\n".utf8))
          }
          if character == query.last, name == "fulltext",
            screen.text.contains("No posting matches")
          {
            print("warning=full-text query '\(query)' found nothing")
          }
        }
        worst.append(slowest)
      }
      print("\(name)=\(Statistics.median(worst))")
    }
  }

  /// What the UI does after a stage move: save the changed deck over the version it loaded,
  /// handing over that version's deck so that only the difference is written.
  static func save(store: String, runs: Int) throws {
    let file = StoreFile(path: store)
    let loaded = try file.load()
    var deck = loaded.deck
    var fingerprint = loaded.fingerprint
    var previous = loaded.deck
    guard let application = deck.applications.first(where: { $0.stage.isActive }) else {
      print("error=no application to move")
      return
    }
    var samples: [Double] = []
    var stage = application.stage
    for index in 0..<max(runs, 1) {
      stage = stage == .screening ? .interview : .screening
      _ = try deck.move(applicationID: application.id, to: stage,
        at: DataGenerator.nowInstant.addingTimeInterval(Double(index * 60)))
      let start = ContinuousClock.now
      fingerprint = try file.save(deck, ifUnchangedSince: fingerprint, previous: previous)
      samples.append((ContinuousClock.now - start).seconds)
      previous = deck
    }
    print("median=\(Statistics.median(samples))")
    // The saved file must read back as the deck that was saved.
    let reread = try file.load()
    print("roundTrip=\(reread.deck == deck)")
    print("application=\(application.id)")
  }

  /// Opening the store with `StoreFile.load`. Prints each run and the peak resident set of the
  /// process (run once per process for a load's own peak).
  static func load(store: String, runs: Int) throws {
    var samples: [Double] = []
    for _ in 0..<max(runs, 1) {
      let start = ContinuousClock.now
      let deck = try StoreFile(path: store).load().deck
      samples.append((ContinuousClock.now - start).seconds)
      print("run=\(samples.last ?? 0) postings=\(deck.postings.count)")
    }
    print("median=\(Statistics.median(samples)) peakRSSMB=\(peakResidentMegabytes())")
  }

  /// A full rewrite: encode the whole deck, then write it atomically (temp file, fsync, rename,
  /// backup link) with `save(_:ifUnchangedSince:)`. `store` must be a scratch copy.
  static func encode(store: String, runs: Int) throws {
    let file = StoreFile(path: store)
    let loaded = try file.load()
    var fingerprint = loaded.fingerprint
    var encodeSamples: [Double] = []
    var saveSamples: [Double] = []
    for _ in 0..<max(runs, 1) {
      var start = ContinuousClock.now
      let data = try StoreEncoder().encode(loaded.deck)
      encodeSamples.append((ContinuousClock.now - start).seconds)
      print("encode=\(encodeSamples.last ?? 0) bytes=\(data.count)")
      start = ContinuousClock.now
      fingerprint = try file.save(loaded.deck, ifUnchangedSince: fingerprint)
      saveSamples.append((ContinuousClock.now - start).seconds)
      print("save=\(saveSamples.last ?? 0)")
    }
    print("encodeMedian=\(Statistics.median(encodeSamples))"
      + " saveMedian=\(Statistics.median(saveSamples))"
      + " peakRSSMB=\(peakResidentMegabytes())")
  }

  /// VmHWM from /proc/self/status, in MB.
  static func peakResidentMegabytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return 0 }
    return kilobytes / 1024
  }

  /// Import of a CSV file into an empty store: read, parse, merge, save.
  static func importCSV(csv: String, store: String) throws {
    let start = ContinuousClock.now
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    let result = try CSVPostingImporter.importPostings(from: text, importedAt: clock.now)
    let file = StoreFile(path: store)
    var imported = 0
    try file.update { deck in
      imported = deck.importCSVRows(result.rows, at: clock.now, timeZone: clock.timeZone).count
    }
    print("seconds=\((ContinuousClock.now - start).seconds)")
    print("rows=\(imported)")
    print("rowErrors=\(result.errors.count)")
  }

  /// The import figure split into its phases, so each can be tuned on its own: reading the
  /// file, parsing the CSV into drafts, merging the rows into the deck, and the store's save.
  static func importCSVPhases(csv: String, store: String) throws {
    let start = ContinuousClock.now
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    let read = ContinuousClock.now
    let result = try CSVPostingImporter.importPostings(from: text, importedAt: clock.now)
    let parsed = ContinuousClock.now
    let file = StoreFile(path: store)
    var imported = 0
    var merge = Duration.zero
    try file.update { deck in
      let mergeStart = ContinuousClock.now
      imported = deck.importCSVRows(result.rows, at: clock.now, timeZone: clock.timeZone).count
      merge = ContinuousClock.now - mergeStart
    }
    let end = ContinuousClock.now
    print("read=\((read - start).seconds)")
    print("parse=\((parsed - read).seconds)")
    print("merge=\(merge.seconds)")
    print("save=\((end - parsed - merge).seconds)")
    print("seconds=\((end - start).seconds)")
    print("rows=\(imported)")
    print("rowErrors=\(result.errors.count)")
  }

  /// Read, parse and merge into an empty deck, without a store: the import's own work, apart
  /// from the save (which belongs to the store's encoder).
  static func importCSVWithoutSaving(csv: String) throws {
    let start = ContinuousClock.now
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    let read = ContinuousClock.now
    let result = try CSVPostingImporter.importPostings(from: text, importedAt: clock.now)
    let parsed = ContinuousClock.now
    var deck = Deck()
    let outcomes = deck.importCSVRows(result.rows, at: clock.now, timeZone: clock.timeZone)
    let merged = ContinuousClock.now
    print("read=\((read - start).seconds)")
    print("parse=\((parsed - read).seconds)")
    print("merge=\((merged - parsed).seconds)")
    print("seconds=\((merged - start).seconds)")
    print("rows=\(outcomes.count)")
    print("postings=\(deck.postings.count)")
    print("applications=\(deck.applications.count)")
    print("deadlines=\(deck.deadlines.count)")
    print("rowErrors=\(result.errors.count)")
  }
}

/// Diagnostics only: CPU time of the calling thread, which other processes on a shared machine
/// do not inflate (work on other threads is not counted).
func threadCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
