import Foundation

extension Benchmark {
  /// The agenda as a person meets it after `jobdeck import` of a few new postings into the large
  /// store: an import rewrites the store, so whatever the agenda reads beside it must follow.
  /// Each run imports postings of its own (new companies, a cutoff within the agenda's 14 days),
  /// so every import changes the deck.
  mutating func measureAgendaAfterImports(store: String, size: Int) throws {
    log("size \(size): agenda after an import")
    let directory = URL(fileURLWithPath: store).deletingLastPathComponent().path
    var times: [Double] = []
    for index in 0..<runs {
      let csv = directory + "/new-postings-\(index).csv"
      var text = "Company,Title,Location,Deadline\r\n"
      for row in 0..<3 {
        text += "Imported Company \(index)-\(row),Data Intern,Berlin,2026-03-1\(row + 1)\r\n"
      }
      try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
      let imported = try Subprocess.run([jobdeck, "import", csv, "--store", store],
        environment: Self.nowEnvironment, timeout: 600)
      if !imported.output.contains("Imported 3 rows") {
        notes.append("import before the agenda at \(size): " + imported.output.prefix(200))
      }
      let outcome = try Subprocess.run(
        [jobdeck, "agenda", "--within", "14d", "--store", store], environment: Self.nowEnvironment)
      if !outcome.output.contains("Imported Company \(index)-0") {
        notes.append("agenda after an import at \(size) does not show the imported cutoff")
      }
      times.append(outcome.seconds)
    }
    addRatio("agenda, first after an import", size, Statistics.median(times), agendaReference,
      limit: 0.1, unit: .seconds)
  }
}
