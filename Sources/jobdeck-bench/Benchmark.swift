import Foundation
import Glibc
import JobDeckCore

/// Runs every figure at every size against its reference and collects the table's rows.
struct Benchmark {
  struct Row {
    var figure: String
    var size: Int
    var jobdeck: String
    var reference: String
    var ratio: String
    var target: String
    var met: String
    /// Shown instead of `size` for figures measured on something other than a deck.
    var sizeLabel: String? = nil
  }

  var sizes: [Int]
  var runs: Int
  var dataDirectory: String
  var jobdeck: String
  var bench: String
  var python: String?
  var task: String?
  /// The figure groups to measure (`--only`); nil measures all of them.
  var only: Set<String>? = nil
  var rows: [Row] = []
  var notes: [String] = []
  /// Every figure's numbers by size, for the table of targets.
  var measurements: [String: [Int: Measurement]] = [:]
  /// Taskwarrior's time for the agenda's report at the size being measured.
  var agendaReference: Double?

  static let nowEnvironment = ["JOBDECK_NOW": "2026-03-02T09:00:00Z", "TZ": "UTC"]
  /// `agenda --within 14d` from the pinned today (2026-03-02) shows what is due by 2026-03-16.
  static let taskFilter = "due.before:2026-03-17"

  /// The groups `--only` can name, in the order they run.
  static let groups = ["open", "keys", "agenda", "save", "import", "limits"]

  private func measures(_ group: String) -> Bool { only?.contains(group) ?? true }

  mutating func run() throws {
    for size in sizes {
      log("size \(size): preparing data")
      let files = DataFiles(directory: dataDirectory, size: size)
      try files.prepare()
      let storeBytes = Self.fileSize(files.store)
      let memoryLimit = storeBytes
      log("size \(size): store \(storeBytes / 1_000_000) MB")
      if measures("open") { try measureOpen(files, size: size, memoryLimit: memoryLimit) }
      if measures("keys") { try measureKeystrokes(files, size: size, memoryLimit: memoryLimit) }
      // The agenda after a move or an import is compared with taskwarrior's time, which the
      // fresh agenda's measurement takes.
      if measures("agenda") || measures("save") {
        try measureAgenda(files, size: size, memoryLimit: memoryLimit)
      }
      if measures("save") { try measureSave(files, size: size, memoryLimit: memoryLimit) }
      if measures("import") { try measureImport(files, size: size, memoryLimit: memoryLimit) }
    }
    if measures("limits") {
      try measureLongAd()
      try measureEndlessStandardInput()
    }
  }

  var targetTable: TargetTable { TargetTable(measurements: measurements, sizes: sizes) }

  /// `jobdeck import AD --dry-run` of a generated 2 MB ad (prose with a dated line every ten):
  /// the text extraction alone, which must grow no faster than the text.
  private mutating func measureLongAd() throws {
    log("ad: import of a 2 MB ad")
    let path = dataDirectory + "/ad-2mb.txt"
    if !FileManager.default.fileExists(atPath: path) {
      try Data(AdText.make(bytes: 2_000_000).utf8).write(to: URL(fileURLWithPath: path))
    }
    let store = dataDirectory + "/ad-store/store.json"
    var times: [Double] = []
    for _ in 0..<runs {
      let outcome = try Subprocess.run(
        [jobdeck, "import", path, "--dry-run", "--store", store], environment: Self.nowEnvironment,
        timeout: 120)
      guard outcome.output.contains("Title:") else {
        throw BenchError("the 2 MB ad did not import:\n\(outcome.output.prefix(400))")
      }
      times.append(outcome.seconds)
    }
    addAbsolute("import of a 2 MB ad", Self.fileSize(path), "\(Statistics.median(times))",
      limit: 1, unit: .seconds)
    rows[rows.count - 1].sizeLabel = "2 MB ad"
  }

  /// 6 GB streamed from a generator process through a pipe into `jobdeck import -`: the import
  /// must stop at its 10 MB cap, quickly and in bounded memory, and not wait for the 6 GB.
  private mutating func measureEndlessStandardInput() throws {
    log("stdin: 6 GB into jobdeck import -")
    let store = dataDirectory + "/stdin-store/store.json"
    var times: [Double] = []
    var peak = 0
    for _ in 0..<runs {
      let outcome = try Subprocess.run(
        [jobdeck, "import", "-", "--store", store], environment: Self.nowEnvironment,
        stdinCommand: ["sh", "-c", "yes 'Data Intern at Nimbus, apply by 3 March 2027.' | head -c 6000000000"],
        checked: false, timeout: 120)
      guard outcome.status == 1, outcome.output.contains("larger than 10 MB") else {
        throw BenchError("6 GB of standard input was not stopped at the cap:\n\(outcome.output.prefix(400))")
      }
      times.append(outcome.seconds)
      peak = max(peak, outcome.peakResidentBytes)
    }
    addAbsolute("6 GB of stdin, stopped at the 10 MB cap", 6_000_000_000,
      "\(Statistics.median(times))", limit: 1, unit: .seconds)
    rows[rows.count - 1].sizeLabel = "6 GB stdin"
    rows.append(Row(figure: "peak RSS, 6 GB of stdin", size: 6_000_000_000,
      jobdeck: String(format: "%.1f MB", Double(peak) / 1e6), reference: "cap 10 MB", ratio: "—",
      target: "≤ 100 MB", met: peak <= 100_000_000 ? "met" : "not met", sizeLabel: "6 GB stdin"))
  }

  // MARK: - Figures

  private mutating func measureOpen(_ files: DataFiles, size: Int, memoryLimit: Int) throws {
    log("size \(size): open")
    var times: [Double] = []
    var peak = 0
    for _ in 0..<runs {
      let outcome = try Subprocess.run(
        [jobdeck, "ui", "--store", files.store, "--print-screen", "--size", "160x50"],
        environment: Self.nowEnvironment)
      guard outcome.output.contains("Postings"), outcome.output.contains("Company") else {
        throw BenchError("the first frame shows no postings table:\n\(outcome.output.prefix(400))")
      }
      times.append(outcome.seconds)
      peak = max(peak, outcome.peakResidentBytes)
    }
    var reference: Double?
    if let python {
      var parses: [Double] = []
      for _ in 0..<runs {
        let outcome = try Subprocess.run([python, "-c", Self.orjsonScript, files.store])
        if let value = Double(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)) {
          parses.append(value)
        }
      }
      reference = parses.isEmpty ? nil : Statistics.median(parses)
    }
    let time = Statistics.median(times)
    addRatio("open to first screen", size, time, reference, limit: 0.25, unit: .seconds)
    addMemory("open", size, peak, memoryLimit)
  }

  private mutating func measureKeystrokes(_ files: DataFiles, size: Int, memoryLimit: Int) throws {
    log("size \(size): keystrokes")
    let outcome = try Subprocess.run([bench, "child", "keys", files.store, "\(runs)"],
      environment: Self.nowEnvironment)
    let values = Self.values(in: outcome.output)
    if let warning = values["warning"] { notes.append(warning) }
    addAbsolute("keystroke p99 (next frame)", size, values["p99"], limit: 0.008, unit: .milliseconds)
    addAbsolute("stage move in the UI (slowest key)", size, values["changeSlowest"],
      limit: 0.008, unit: .milliseconds)
    addAbsolute("full-text search, common word", size, values["fulltext"], limit: 0.100,
      unit: .milliseconds)
    addAbsolute("full-text search, no match", size, values["fulltextNone"], limit: 0.100,
      unit: .milliseconds)
    addMemory("keystrokes", size, outcome.peakResidentBytes, memoryLimit)
  }

  /// `agenda --within 14d` with `store.json.summary` current (its runs after the first), against
  /// taskwarrior's equivalent report. The agenda after a change is measured with the save.
  private mutating func measureAgenda(_ files: DataFiles, size: Int, memoryLimit: Int) throws {
    log("size \(size): agenda")
    var times: [Double] = []
    var peak = 0
    _ = try Subprocess.run(
      [jobdeck, "agenda", "--within", "14d", "--store", files.store],
      environment: Self.nowEnvironment)
    for _ in 0..<runs {
      let outcome = try Subprocess.run(
        [jobdeck, "agenda", "--within", "14d", "--store", files.store],
        environment: Self.nowEnvironment)
      times.append(outcome.seconds)
      peak = max(peak, outcome.peakResidentBytes)
    }
    agendaReference = nil
    if let task, let taskData = try? prepareTaskwarrior(files, task: task) {
      var taskTimes: [Double] = []
      for _ in 0..<runs {
        let outcome = try Subprocess.run(
          [task, "rc.confirmation=off", "rc.gc=off", "rc.verbose=nothing", "rc.detection=off",
           "rc.defaultwidth=160", "rc.color=off", Self.taskFilter, "status:pending", "list"],
          environment: taskData, checked: false)
        taskTimes.append(outcome.seconds)
      }
      agendaReference = Statistics.median(taskTimes)
    }
    addRatio("agenda --within 14d", size, Statistics.median(times), agendaReference, limit: 0.1,
      unit: .seconds)
    addMemory("agenda", size, peak, memoryLimit)
  }

  private mutating func measureSave(_ files: DataFiles, size: Int, memoryLimit: Int) throws {
    log("size \(size): save")
    let copy = dataDirectory + "/save-\(size)/store.json"
    try? FileManager.default.removeItem(atPath: dataDirectory + "/save-\(size)")
    try FileManager.default.createDirectory(atPath: dataDirectory + "/save-\(size)",
      withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: files.store, toPath: copy)
    // The copy's first agenda builds its summary, to which every save after it then appends
    // its change, as it would for a person who looked at the agenda.
    let agenda = [jobdeck, "agenda", "--within", "14d", "--store", copy]
    let rebuilt = try Subprocess.run(agenda, environment: Self.nowEnvironment)
    addRatio("agenda, summary rebuilt", size, rebuilt.seconds, agendaReference, limit: 0.1,
      unit: .seconds)
    addMemory("agenda, summary rebuilt", size, rebuilt.peakResidentBytes, memoryLimit)
    let outcome = try Subprocess.run([bench, "child", "save", copy, "\(runs)"],
      environment: Self.nowEnvironment)
    let values = Self.values(in: outcome.output)
    if values["roundTrip"] != "true" { notes.append("save at \(size): the saved file did not read back equal") }
    addAbsolute("save one stage move", size, values["median"], limit: 0.025, unit: .milliseconds)
    // Memory as a person meets it: `jobdeck move` (load, move, save) in a process of its own;
    // the child above also reads the store back to check it, which is not part of a save.
    var peak = outcome.peakResidentBytes
    if let application = values["application"] {
      let move = try Subprocess.run(
        [jobdeck, "move", application, "offer", "--store", copy], environment: Self.nowEnvironment)
      peak = move.peakResidentBytes
      addMemory("save (jobdeck move)", size, peak, memoryLimit)
      try measureAgendaAfterMoves(store: copy, application: application, size: size,
        memoryLimit: memoryLimit)
      try measureAgendaAfterImports(store: copy, size: size)
    } else {
      addMemory("save (jobdeck move)", size, peak, memoryLimit)
    }
    try? FileManager.default.removeItem(atPath: dataDirectory + "/save-\(size)")
  }

  /// The agenda as a person meets it after changing something: after each of `runs`
  /// `jobdeck move`s, which amend the summary rather than leave it to be rebuilt.
  private mutating func measureAgendaAfterMoves(store: String, application: String, size: Int,
    memoryLimit: Int) throws
  {
    var peak = 0
    var times: [Double] = []
    for index in 0..<runs {
      _ = try Subprocess.run(
        [jobdeck, "move", application, index % 2 == 0 ? "interview" : "offer", "--store", store],
        environment: Self.nowEnvironment)
      let outcome = try Subprocess.run(
        [jobdeck, "agenda", "--within", "14d", "--store", store], environment: Self.nowEnvironment)
      times.append(outcome.seconds)
      peak = max(peak, outcome.peakResidentBytes)
    }
    addRatio("agenda, first after a move", size, Statistics.median(times), agendaReference,
      limit: 0.1, unit: .seconds)
    addMemory("agenda after changes", size, peak, memoryLimit)
  }

  /// The real command, `jobdeck import FILE.csv` into an empty store (parse, merge, derived
  /// deadlines, save), as a person runs it. Its memory is compared with the store it writes.
  private mutating func measureImport(_ files: DataFiles, size: Int, memoryLimit: Int) throws {
    log("size \(size): import")
    var times: [Double] = []
    var peak = 0
    var written = 0
    for _ in 0..<runs {
      let directory = dataDirectory + "/import-\(size)"
      try? FileManager.default.removeItem(atPath: directory)
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      // Bounded: a run that has gone wrong is reported as such rather than waited for.
      let outcome: Subprocess.Outcome
      do {
        outcome = try Subprocess.run(
          [jobdeck, "import", files.csv, "--store", directory + "/store.json"],
          environment: Self.nowEnvironment, timeout: 100)
      } catch Subprocess.Failure.timedOut {
        rows.append(Row(figure: "import CSV", size: size, jobdeck: "> 100 s (stopped)",
          reference: "—", ratio: "—", target: "≤ 3.000 s", met: "not met"))
        rows.append(Row(figure: "peak RSS, import", size: size, jobdeck: "not measured",
          reference: "—", ratio: "—", target: "ratio ≤ 1", met: "not measured"))
        try? FileManager.default.removeItem(atPath: directory)
        return
      }
      if !outcome.output.contains("Imported \(Plural.count(size, "row"))") {
        notes.append("import at \(size): " + outcome.output.prefix(200))
      }
      times.append(outcome.seconds)
      peak = max(peak, outcome.peakResidentBytes)
      written = Self.fileSize(directory + "/store.json")
      try? FileManager.default.removeItem(atPath: directory)
    }
    addAbsolute("import CSV", size, times.isEmpty ? nil : "\(Statistics.median(times))",
      limit: 3, unit: .seconds)
    addMemory("import", size, peak, written > 0 ? written : memoryLimit)
  }

  // MARK: - References

  static let orjsonScript = """
    import sys, time, orjson
    data = open(sys.argv[1], 'rb').read()
    start = time.perf_counter()
    orjson.loads(data)
    print(time.perf_counter() - start)
    """

  /// A private taskwarrior database holding the deadlines as tasks, imported once per size.
  private func prepareTaskwarrior(_ files: DataFiles, task: String) throws -> [String: String] {
    let directory = dataDirectory + "/taskwarrior-\(files.size)"
    let rc = directory + "/taskrc"
    let environment = ["TASKDATA": directory, "TASKRC": rc]
    let marker = directory + "/imported"
    if FileManager.default.fileExists(atPath: marker) { return environment }
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data("data.location=\(directory)\nconfirmation=off\nverbose=nothing\n".utf8)
      .write(to: URL(fileURLWithPath: rc))
    log("size \(files.size): importing tasks into taskwarrior (once)")
    _ = try Subprocess.run([task, "rc.confirmation=off", "import", files.tasks],
      environment: environment, timeout: 900)
    try Data().write(to: URL(fileURLWithPath: marker))
    return environment
  }

  // MARK: - Rows

  enum Unit { case seconds, milliseconds }

  private static func format(_ value: Double, _ unit: Unit) -> String {
    switch unit {
    case .seconds: return String(format: "%.3f s", value)
    case .milliseconds: return String(format: "%.1f ms", value * 1000)
    }
  }

  mutating func addRatio(_ figure: String, _ size: Int, _ value: Double,
    _ reference: Double?, limit: Double, unit: Unit)
  {
    let target = "ratio ≤ \(limit == 1 ? "1" : String(limit))"
    guard let reference else {
      measurements[figure, default: [:]][size] = Measurement(value: value, ratio: nil)
      rows.append(Row(figure: figure, size: size, jobdeck: Self.format(value, unit),
        reference: "missing", ratio: "—", target: target, met: "no reference"))
      return
    }
    let ratio = value / reference
    measurements[figure, default: [:]][size] = Measurement(value: value, ratio: ratio)
    rows.append(Row(figure: figure, size: size, jobdeck: Self.format(value, unit),
      reference: Self.format(reference, unit), ratio: String(format: "%.2f", ratio),
      target: target, met: ratio <= limit ? "met" : "not met"))
  }

  private mutating func addAbsolute(_ figure: String, _ size: Int, _ text: String?,
    limit: Double, unit: Unit)
  {
    guard let value = text.flatMap(Double.init) else {
      rows.append(Row(figure: figure, size: size, jobdeck: "failed", reference: "—", ratio: "—",
        target: "≤ " + Self.format(limit, unit), met: "not met"))
      return
    }
    measurements[figure, default: [:]][size] = Measurement(value: value, ratio: nil)
    rows.append(Row(figure: figure, size: size, jobdeck: Self.format(value, unit),
      reference: "—", ratio: "—", target: "≤ " + Self.format(limit, unit),
      met: value <= limit ? "met" : "not met"))
  }

  /// Peak memory against the store's size (`storeBytes`), which it must not exceed.
  mutating func addMemory(_ figure: String, _ size: Int, _ peak: Int, _ storeBytes: Int) {
    let ratio = Double(peak) / Double(storeBytes)
    measurements["peak RSS, \(figure)", default: [:]][size] = Measurement(
      value: Double(peak), ratio: ratio)
    rows.append(Row(figure: "peak RSS, \(figure)", size: size,
      jobdeck: String(format: "%.1f MB", Double(peak) / 1e6),
      reference: String(format: "store %.1f MB", Double(storeBytes) / 1e6),
      ratio: String(format: "%.2f", ratio), target: "ratio ≤ 1",
      met: peak <= storeBytes ? "met" : "not met"))
  }

  func table() -> String {
    let header = ["figure", "size", "JobDeck", "reference", "ratio", "target", "met"]
    let body = rows.map { [$0.figure, $0.sizeLabel ?? "\($0.size)", $0.jobdeck, $0.reference, $0.ratio,
      $0.target, $0.met] }
    var lines = ["| " + header.joined(separator: " | ") + " |",
      "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
    lines += body.map { "| " + $0.joined(separator: " | ") + " |" }
    return lines.joined(separator: "\n")
  }

  // MARK: - Helpers

  static func values(in output: String) -> [String: String] {
    var values: [String: String] = [:]
    for line in output.split(separator: "\n") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      values[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    return values
  }

  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }

  func log(_ text: String) {
    FileHandle.standardError.write(Data(("bench: " + text + "\n").utf8))
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
