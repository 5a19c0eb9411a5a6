import Foundation
import JobDeckStore
import JobDeckTestSupport

/// `jobdeck-bench [--sizes 1000,10000,100000] [--runs 5] [--only open,keys,agenda,save,import,limits]
/// [--data DIR] [--jobdeck PATH]` generates the data, measures every figure against its reference
/// and prints the figures' table, then the table of targets and the machine it ran on.
/// `jobdeck-bench generate --sizes … [--data DIR]` only writes the data files.
/// `jobdeck-bench readme RUN-OUTPUT README.md` rewrites the README's performance section from
/// the output of a run.
/// `jobdeck-bench child …` is the benchmark's own in-process measurement, run in a child;
/// `jobdeck-bench child measure …` the small process that starts and measures every program run.
/// `jobdeck-bench accuracy [--corpus DIR]` scores the ad importer on the labelled corpus beside
/// Python's dateparser (`Scripts/bench-accuracy` installs it in a virtual environment first).
func runBenchmark() throws {
  var arguments = Array(CommandLine.arguments.dropFirst())
  if arguments.first == "child" {
    let rest = Array(arguments.dropFirst())
    if rest.first == "measure" { return try Subprocess.measure(Array(rest.dropFirst())) }
    switch (rest.first, rest.count) {
    case ("keys", 3): try InProcessFigures.keystrokes(store: rest[1], runs: Int(rest[2]) ?? 5)
    case ("save", 3): try InProcessFigures.save(store: rest[1], runs: Int(rest[2]) ?? 5)
    case ("load", 3): try InProcessFigures.load(store: rest[1], runs: Int(rest[2]) ?? 5)
    case ("encode", 3): try InProcessFigures.encode(store: rest[1], runs: Int(rest[2]) ?? 5)
    case ("import", 3): try InProcessFigures.importCSV(csv: rest[1], store: rest[2])
    case ("import-phases", 3): try InProcessFigures.importCSVPhases(csv: rest[1], store: rest[2])
    case ("import-nosave", 2): try InProcessFigures.importCSVWithoutSaving(csv: rest[1])
    default: throw BenchError("unknown child measurement: \(rest)")
    }
    return
  }
  if arguments.first == "readme" {
    guard arguments.count == 3 else { throw BenchError("usage: jobdeck-bench readme RUN-OUTPUT README.md") }
    try ReadmePerformance.update(readme: arguments[2], fromRunOutput: arguments[1])
    return
  }
  if arguments.first == "accuracy" {
    var corpus = CorpusAd.directory
    if let index = arguments.firstIndex(of: "--corpus"), index + 1 < arguments.count {
      corpus = URL(fileURLWithPath: arguments[index + 1])
    }
    let accuracy = ImporterAccuracy(ads: CorpusAd.all(in: corpus),
                                    python: ReferenceTools.python(importing: "dateparser"))
    print(try accuracy.table())
    return
  }
  let generateOnly = arguments.first == "generate"
  if generateOnly { arguments.removeFirst() }
  var sizes = [1000, 10000, 100_000]
  var runs = 5
  let executableDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().path
  var data = ".build/bench-data"
  var jobdeck = executableDirectory + "/jobdeck"
  var only: Set<String>?
  var command = ["Scripts/bench"]
  var index = 0
  func value() throws -> String {
    index += 1
    guard index < arguments.count else { throw BenchError("\(arguments[index - 1]) needs a value") }
    return arguments[index]
  }
  while index < arguments.count {
    switch arguments[index] {
    case "--sizes":
      sizes = try value().split(separator: ",").compactMap { Int($0) }
      command += ["--sizes", sizes.map(String.init).joined(separator: ",")]
    case "--runs":
      runs = max(1, Int(try value()) ?? 5)
      command += ["--runs", "\(runs)"]
    case "--only":
      let groups = try value().split(separator: ",").map(String.init)
      if let unknown = groups.first(where: { !Benchmark.groups.contains($0) }) {
        throw BenchError("--only: unknown figure group '\(unknown)' (one of \(Benchmark.groups.joined(separator: ", ")))")
      }
      only = Set(groups)
      command += ["--only", groups.joined(separator: ",")]
    case "--data": data = try value()
    case "--jobdeck": jobdeck = try value()
    default: throw BenchError("unknown argument \(arguments[index])")
    }
    index += 1
  }
  data = URL(fileURLWithPath: data).standardizedFileURL.path
  if generateOnly {
    for size in sizes { try DataFiles(directory: data, size: size).prepare() }
    return
  }
  guard FileManager.default.isExecutableFile(atPath: jobdeck) else {
    throw BenchError("no jobdeck binary at \(jobdeck); build it first (swift build -c release)")
  }
  let python = ReferenceTools.pythonWithOrjson()
  let task = ReferenceTools.taskwarrior()
  var benchmark = Benchmark(
    sizes: sizes, runs: runs, dataDirectory: data, jobdeck: jobdeck,
    bench: CommandLine.arguments[0].contains("/")
      ? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
      : (Subprocess.find(CommandLine.arguments[0]) ?? CommandLine.arguments[0]),
    python: python, task: task)
  benchmark.only = only
  try benchmark.run()
  print(benchmark.table())
  print("")
  print("Medians of \(runs) run(s); keystroke p99 over all keys of all runs.")
  if python == nil {
    print("missing: Python's orjson (pip install orjson); the open figure has no reference.")
  }
  if task == nil {
    print("missing: taskwarrior 2.6 (apt-get install taskwarrior); the agenda figure has no reference.")
  }
  for note in benchmark.notes { print("note: " + note) }
  print("")
  print(ReadmePerformance.targetsHeading)
  print(benchmark.targetTable.text())
  print("")
  for line in MachineDescription.lines(command: command.joined(separator: " ")) { print(line) }
}

/// Finds the reference tools; the benchmark installs nothing itself.
enum ReferenceTools {
  static func pythonWithOrjson() -> String? { python(importing: "orjson") }

  /// The interpreter (`PYTHON`, else `python3`) that can import `module`.
  static func python(importing module: String) -> String? {
    var candidates: [String] = []
    if let chosen = ProcessInfo.processInfo.environment["PYTHON"] { candidates.append(chosen) }
    candidates += ["python3", "/usr/bin/python3"]
    for candidate in candidates {
      guard let path = Subprocess.find(candidate) else { continue }
      if let outcome = try? Subprocess.run([path, "-c", "import \(module)"], checked: false),
        outcome.status == 0
      {
        return path
      }
    }
    return nil
  }

  static func taskwarrior() -> String? {
    guard let path = Subprocess.find("task"),
      let outcome = try? Subprocess.run([path, "--version"], checked: false),
      outcome.output.hasPrefix("2.")
    else { return nil }
    return path
  }
}

// As `jobdeck` does, so that the figures measured in process are the program's.
ProcessMemory.returnLargeBlocksWhenFreed()
do {
  try runBenchmark()
} catch {
  FileHandle.standardError.write(Data("jobdeck-bench: \(error)\n".utf8))
  exit(1)
}
