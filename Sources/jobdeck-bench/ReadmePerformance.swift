import Foundation

/// Rewrites the README's "## Performance" section from the output of a benchmark run, so that
/// the figures a reader sees are those of a run and never typed in by hand.
enum ReadmePerformance {
  static let heading = "## Performance"
  /// Printed by a run just before the table of targets, which the section quotes.
  static let targetsHeading = "Targets:"

  static let introduction = """
    `Scripts/bench` builds JobDeck in release mode, generates seeded stores and CSV files (1–3 KB \
    descriptions, a third of the postings with applications, 1–3 deadlines each) and measures \
    each figure against references run on the same files: Python's `orjson` parsing the store, \
    and taskwarrior 2.6 answering the same agenda over the same due dates. CI runs it at 1,000 \
    postings to keep it working (`BenchmarkSmokeTests`, no timing assertions). \
    `Scripts/bench --update-readme …` regenerates this section from a run; the per-size figures, \
    profiles and history are in `Scripts/BENCHMARK-RESULTS.md`.
    """

  static func update(readme: String, fromRunOutput runOutput: String) throws {
    let output = try String(contentsOfFile: runOutput, encoding: .utf8)
    let text = try String(contentsOfFile: readme, encoding: .utf8)
    try Data(replacingSection(in: text, with: section(fromRunOutput: output)).utf8)
      .write(to: URL(fileURLWithPath: readme), options: .atomic)
  }

  /// The section's text: the introduction, where and how the run was made, its table of
  /// targets and its notes.
  static func section(fromRunOutput output: String) throws -> String {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: targetsHeading) else {
      throw BenchError("the run output has no table of targets (no line '\(targetsHeading)')")
    }
    let table = lines[(start + 1)...].prefix { $0.hasPrefix("|") }
    func value(_ prefix: String) -> String? {
      lines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
    let notes = lines.filter { $0.hasPrefix("note: ") || $0.hasPrefix("missing: ") }
      .map { "- " + $0.replacingOccurrences(of: "note: ", with: "") }
    var section = [heading, "", introduction, ""]
    section.append("Last run: `\(value("command: ") ?? "Scripts/bench")`, release build, on "
      + "\(value("machine: ") ?? "an unrecorded machine"); load average at its end "
      + "\(value("load average at the end of the run (1, 5, 15 min): ") ?? "unrecorded") "
      + "(1, 5, 15 min).")
    section.append("")
    section += table
    if !notes.isEmpty { section += ["", "Notes:"] + notes }
    return section.joined(separator: "\n") + "\n"
  }

  /// `text` with its performance section (up to the next `## ` heading) replaced; appended at
  /// the end when the README has none.
  static func replacingSection(in text: String, with section: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: heading) else {
      return text + (text.hasSuffix("\n") ? "\n" : "\n\n") + section
    }
    let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
    let replacement = section.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    // The section ends with an empty line: the file's last newline, or the blank line before
    // the next heading.
    lines.replaceSubrange(start..<end, with: replacement)
    return lines.joined(separator: "\n")
  }
}
