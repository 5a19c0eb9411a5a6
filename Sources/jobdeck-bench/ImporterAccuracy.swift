import Foundation
import JobDeckCore
import JobDeckImport
import JobDeckTestSupport

/// `jobdeck-bench accuracy [--corpus DIR] [--python PATH]`: how well the importer reads the
/// labelled ads of `Tests/Fixtures/ads`, field by field, beside Python's `dateparser`
/// (`search_dates`) on the same texts. dateparser finds dates but not what they mean, so it is
/// scored on "the labelled date is among the dates found", and JobDeck is shown on that measure
/// too; JobDeck's own score also needs the right kind (a cutoff read as a start is wrong).
struct ImporterAccuracy {
  var ads: [CorpusAd]
  var python: String?

  static let dateparserScript = """
    import datetime, json, re, sys, warnings
    warnings.filterwarnings("ignore")
    from dateparser.search import search_dates
    ads = json.load(open(sys.argv[1]))
    found = {}
    for ad in ads:
        text = re.sub(r"<[^>]+>", "\\n", ad["text"]) if ad["html"] else ad["text"]
        base = datetime.datetime.fromisoformat(ad["imported"] + "T12:00:00")
        try:
            results = search_dates(text, languages=["en", "de", "fr", "it", "es", "pt", "nl", "pl"],
                                   settings={"RELATIVE_BASE": base})
        except Exception:
            results = None
        found[ad["file"]] = sorted({moment.date().isoformat() for _, moment in results or []})
    json.dump(found, open(sys.argv[2], "w"))
    """

  func table() throws -> String {
    let readings = ads.map { ad in
      CorpusReading(ad, draft: PostingImporter.draft(
        fromText: ad.text, contentTypeHint: nil, importDate: ad.importDate, url: ad.url))
    }
    let dateparser = try python.map(dateparserDates)
    var rows = [
      "| field | JobDeck: right, with its kind | JobDeck: date found | dateparser: date found |",
      "|---|---|---|---|",
    ]
    for field in CorpusReading.fields {
      let right = readings.filter { $0.correct[field] == true }.count
      var row = "| \(field) | \(Self.share(right, readings.count)) |"
      if CorpusReading.dateFields.contains(field) {
        let stated = ads.indices.filter { !CorpusReading.statedDates(ads[$0], field).isEmpty }
        let jobdeckFound = stated.filter { index in
          CorpusReading.statedDates(ads[index], field).contains(where: readings[index].allDays.contains)
        }.count
        row += " \(Self.share(jobdeckFound, stated.count)) |"
        if let dateparser {
          let found = stated.filter { index in
            let days = Set(dateparser[ads[index].file] ?? [])
            return CorpusReading.statedDates(ads[index], field).contains(where: days.contains)
          }.count
          row += " \(Self.share(found, stated.count)) |"
        } else {
          row += " (not run) |"
        }
      } else {
        row += " – | – |"
      }
      rows.append(row)
    }
    let invented = readings.map(\.inventedCutoffs.count).reduce(0, +)
    rows.append("| invented cutoffs | \(invented) | – | – |")
    var text = rows.joined(separator: "\n")
    text += "\n\n\(ads.count) ads (\(ads.filter(\.isHeldOut).count) held out); \"date found\": of the ads that state such a date, those where it is among the dates read, whatever their kind."
    if python == nil {
      text += "\nmissing: Python's dateparser (pip install dateparser; set PYTHON=…); its column was not run."
    }
    return text
  }

  static func share(_ part: Int, _ whole: Int) -> String {
    String(format: "%d/%d = %.1f%%", part, whole, Double(part) / Double(max(1, whole)) * 100)
  }

  /// Every date `search_dates` finds in each ad, by file name.
  private func dateparserDates(_ python: String) throws -> [String: [String]] {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("jobdeck-bench-accuracy-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("ads.json")
    let output = directory.appendingPathComponent("found.json")
    let script = directory.appendingPathComponent("search.py")
    let ads: [[String: Any]] = ads.map {
      ["file": $0.file, "text": $0.text, "imported": $0.importDate.description,
       "html": $0.file.hasSuffix(".html")]
    }
    try JSONSerialization.data(withJSONObject: ads).write(to: input)
    try Data(Self.dateparserScript.utf8).write(to: script)
    _ = try Subprocess.run([python, script.path, input.path, output.path], timeout: 600)
    let found = try JSONSerialization.jsonObject(with: Data(contentsOf: output))
    return found as? [String: [String]] ?? [:]
  }

}
