import Foundation

/// One figure as measured at one size: JobDeck's own value (seconds or bytes) and, for figures
/// compared with a reference tool or with the store's size, that ratio.
struct Measurement {
  var value: Double
  var ratio: Double?
}

/// The targets of issue 16 ("Store v2"), each with the figure the issue started from, printed
/// after every run so that a run says by itself where JobDeck stands.
///
/// A target is checked at the largest size of the run; growth compares that size's figure with
/// the smallest size's, against the growth of the data (linear or better means the figure grows
/// no faster than the data).
struct TargetTable {
  struct Target {
    var figure: String
    /// The issue's starting figure, as it was written.
    var today: String
    var limit: Double
    var unit: Unit
    /// The measured figures this target reads; the worst of them is what must meet the limit.
    var sources: [String]
    /// Checked on the ratio (÷ a reference or ÷ the store's size) rather than on the value.
    var usesRatio: Bool
  }

  enum Unit {
    case seconds, milliseconds, ratio

    func format(_ value: Double) -> String {
      switch self {
      case .seconds: return String(format: "%.2f s", value)
      case .milliseconds: return String(format: "%.1f ms", value * 1000)
      case .ratio: return String(format: "%.2f×", value)
      }
    }
  }

  static let memoryFigures = [
    "peak RSS, open", "peak RSS, keystrokes", "peak RSS, agenda",
    "peak RSS, agenda, summary rebuilt", "peak RSS, agenda after changes",
    "peak RSS, save (jobdeck move)", "peak RSS, import",
  ]

  static let targets: [Target] = [
    Target(figure: "first paint of the UI ÷ orjson parsing the same file", today: "0.51–0.69×",
      limit: 0.25, unit: .ratio, sources: ["open to first screen"], usesRatio: true),
    Target(figure: "agenda ÷ taskwarrior, fresh", today: "0.07–0.10×", limit: 0.1, unit: .ratio,
      sources: ["agenda --within 14d"], usesRatio: true),
    Target(figure: "agenda ÷ taskwarrior, after a move", today: "0.07–0.10×", limit: 0.1,
      unit: .ratio, sources: ["agenda, first after a move"], usesRatio: true),
    Target(figure: "agenda ÷ taskwarrior, after an import", today: "not measured", limit: 0.1,
      unit: .ratio, sources: ["agenda, first after an import"], usesRatio: true),
    Target(figure: "agenda ÷ taskwarrior, after a summary rebuild", today: "0.46×", limit: 0.1,
      unit: .ratio, sources: ["agenda, summary rebuilt"], usesRatio: true),
    Target(figure: "CSV import of N rows", today: "4.5–6.7 s", limit: 3, unit: .seconds,
      sources: ["import CSV"], usesRatio: false),
    Target(figure: "keystroke p99", today: "15.5 ms", limit: 0.008, unit: .milliseconds,
      sources: ["keystroke p99 (next frame)"], usesRatio: false),
    Target(figure: "a stage move in the UI: move, undo, back to the table (slowest key)",
      today: "not measured", limit: 0.008, unit: .milliseconds,
      sources: ["stage move in the UI (slowest key)"], usesRatio: false),
    Target(figure: "full-text search (slowest key)", today: "128 ms", limit: 0.100,
      unit: .milliseconds,
      sources: ["full-text search, common word", "full-text search, no match"], usesRatio: false),
    Target(figure: "one save", today: "24 ms", limit: 0.025, unit: .milliseconds,
      sources: ["save one stage move"], usesRatio: false),
    Target(figure: "peak memory ÷ store size (worst figure)", today: "≤ 1.84×", limit: 1.0,
      unit: .ratio, sources: memoryFigures, usesRatio: true),
  ]

  /// Measurements by figure, then by size.
  var measurements: [String: [Int: Measurement]]
  var sizes: [Int]

  func text() -> String {
    guard let largest = sizes.max(), let smallest = sizes.min() else { return "" }
    let growthHeader = smallest < largest
      ? "growth \(Self.sizeName(smallest))→\(Self.sizeName(largest)) (data ×\(largest / smallest))"
      : "growth"
    let header = ["figure (at \(Self.sizeName(largest)))", "today", "target", "measured",
      "measured ÷ target", "met", growthHeader]
    var lines = ["| " + header.joined(separator: " | ") + " |",
      "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
    for target in Self.targets {
      lines.append("| " + row(target, largest: largest, smallest: smallest).joined(separator: " | ")
        + " |")
    }
    return lines.joined(separator: "\n")
  }

  private func row(_ target: Target, largest: Int, smallest: Int) -> [String] {
    let limitText = "≤ " + target.unit.format(target.limit)
    // The worst source at the largest size decides; its name is shown when there are several.
    let candidates = target.sources.compactMap { source -> (String, Double)? in
      guard let measurement = measurements[source]?[largest] else { return nil }
      let checked = target.usesRatio ? measurement.ratio : measurement.value
      return checked.map { (source, $0) }
    }
    guard let (source, value) = candidates.max(by: { $0.1 < $1.1 }) else {
      return [target.figure, target.today, limitText, "not measured", "—", "—", "—"]
    }
    let measured = target.unit.format(value)
      + (target.sources.count > 1 ? " (\(source.replacingOccurrences(of: "peak RSS, ", with: "")))" : "")
    return [target.figure, target.today, limitText, measured,
      String(format: "%.2f", value / target.limit), value <= target.limit ? "yes" : "no",
      growth(of: source, largest: largest, smallest: smallest)]
  }

  /// The figure's own value (time or bytes, never a ratio to a reference that grows too) at the
  /// largest size over the smallest, and whether it grew no faster than the data.
  private func growth(of source: String, largest: Int, smallest: Int) -> String {
    guard smallest < largest, let large = measurements[source]?[largest]?.value,
      let small = measurements[source]?[smallest]?.value, small > 0
    else { return "—" }
    let factor = large / small
    let dataFactor = Double(largest) / Double(smallest)
    return String(format: "×%.1f", factor) + (factor <= dataFactor ? " (linear or better)" : " (**faster than the data**)")
  }

  static func sizeName(_ size: Int) -> String {
    size % 1000 == 0 ? "\(size / 1000)k" : "\(size)"
  }
}

/// Where and how a run was made, printed with its tables so that the figures can be read in
/// context (the README's performance section is regenerated from this output).
enum MachineDescription {
  static func lines(command: String) -> [String] {
    var cpu = "unknown CPU"
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = line.firstIndex(of: ":")
    {
      cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
    var load = "unknown"
    if let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
      load = text.split(separator: " ").prefix(3).joined(separator: " ")
    }
    return [
      "machine: \(cores) cores, \(cpu), \(String(format: "%.0f", memory)) GiB RAM",
      "load average at the end of the run (1, 5, 15 min): \(load)",
      "command: \(command)",
    ]
  }
}
