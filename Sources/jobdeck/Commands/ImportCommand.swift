import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckImport
import JobDeckStore

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a job ad (a file, - for a pasted ad, or a URL) or a CSV spreadsheet.",
    discussion: """
      Job ads: the title, company, location, pay, employment type and every date the ad states \
      (apply by, start, end, posted, probation and review terms) are extracted, each date with \
      the words it came from. Web pages: schema.org JobPosting data first, else the page text. \
      --explain shows, under each field and date, the words it came from and the rule that read \
      them; a cutoff already past is kept and marked "cutoff passed". Importing the same ad \
      again (same URL, same text, or same company and title) updates what changed, keeps the \
      first posted date and your own edits, and says which.

      CSV: a header row names the columns (company, title/position/role, location, url/link, \
      posted, deadline, stage/status, applied, description, notes, tags, salary, type, \
      workplace). A bad row stops the import before anything is written, unless --skip-bad.

      --dry-run --json prints what would be imported as one JSON object: {"posting": {title, \
      company, location, employmentType, postedOn, compensation: {text, min, max, currency, \
      period}}, "deadlines": [{kind, date, relativeTo, offset, phrase}], "remarks", \
      "openDates"}.

      Limits: an ad, a page or standard input is read up to 10 MB, a CSV file up to 512 MB \
      (--max-size changes either); a web page must start answering within 10 seconds and \
      arrive within 30 (--timeout sets the total). Directories, FIFOs, sockets, devices and \
      binary content (NUL bytes, images, PDFs) are refused.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "A file, - (standard input), an http(s) URL, or a .csv file.") var source: String
  @Flag(help: "Show what would be imported; write nothing.") var dryRun = false
  @Flag(help: "Print JSON for scripts.") var json = false
  @Flag(help: "Show, for every field and date, the words of the ad it came from and the rule that read them.")
  var explain = false
  @Flag(help: "CSV: import the good rows and report the bad ones.") var skipBad = false
  @Flag(help: "An ad that duplicates a posting on file: add it as a second posting instead of updating that one (without a terminal, the default is to update it).")
  var addAnyway = false
  @Flag(help: "An ad that duplicates a posting on file: update that one without asking.")
  var update = false
  @Option(help: "Use this title when the ad's cannot be found (or to replace it).") var title: String?
  @Option(help: "Use this company when the ad's cannot be found (or to replace it).") var company: String?
  @Option(help: ArgumentHelp(
    "Read at most this much (20MB, 1GB; default 10MB for an ad or page, 512MB for a CSV).",
    valueName: "size")) var maxSize: String?
  @Option(help: ArgumentHelp(
    "Give up on a URL after this long (5s, 2m; default 30s; the server must start answering within 10s).",
    valueName: "duration")) var timeout: String?

  /// The limits for this import: the defaults for its kind, changed by the options.
  private func limits(for defaults: ReadingLimits) throws -> ReadingLimits {
    var limits = defaults
    do {
      if let maxSize { limits.maximumBytes = try ReadingLimitInput.size(maxSize) }
      if let timeout { limits = limits.withTotalTimeout(try ReadingLimitInput.timeout(timeout)) }
    } catch let error as ReadingLimitInputError {
      throw CommandFailure.usage(error.description)
    }
    return limits
  }

  func validate() throws {
    if update && addAnyway { throw ValidationError("use --update or --add-anyway, not both") }
  }

  func run() throws {
    if case .csvFile(let path) = PostingSource.kind(of: source) {
      try importCSV(path)
    } else {
      try importAd()
    }
  }

  private func importAd() throws {
    let clock = storeOptions.clock
    var draft = try PostingSource.draft(from: source, today: clock.today,
                                        limits: try limits(for: .ad))
    if let title { draft.posting.title = title }
    if let company { draft.posting.company = company }
    let preview = ImportPreviewText(today: clock.today, explaining: explain)
    if dryRun {
      sayRendered(json ? JSONOutput.escapingTerminalControls(PostingImporter.dryRunJSON(draft))
                : preview.render(draft))
      return
    }
    guard !draft.posting.title.isEmpty || !draft.posting.company.isEmpty else {
      throw CommandFailure.user(
        "found no title or company in \(source); give them with --title and --company")
    }
    for (field, value) in [("title", draft.posting.title), ("company", draft.posting.company)]
    where value.isEmpty {
      printError("warning: found no \(field) in \(source); give it with --\(field) (or edit the posting)")
    }
    let now = clock.now
    // On a terminal a duplicate is asked about (standard input is the ad itself for `-`);
    // scripts keep the update a re-import has always been, told which posting it updated.
    var choice: DuplicateChoice = addAnyway ? .addAnyway : update ? .update
      : (DuplicatePrompt.canAsk && source != "-" ? .ask : .update)
    var target: Deck.MergeTarget = choice == .addAnyway ? .newPosting : .matching
    var outcome: MergeOutcome
    var kept: [String] = []
    while true {
      do {
        (outcome, kept) = try storeOptions.session.update { deck -> (MergeOutcome, [String]) in
          if choice == .ask, let id = deck.duplicateID(of: draft),
            let existing = deck.posting(withID: id)
          {
            throw DuplicateFound(existing: existing)
          }
          var merged = draft
          var kept: [String] = []
          var into = target
          if target == .matching, let id = Reimport.target(
            of: draft, in: deck, reading: PostingImporter.storedAdReading) { into = .posting(id) }
          if case .posting(let id) = into, let existing = deck.posting(withID: id) {
            let reimport = Reimport(draft, over: existing, reading: PostingImporter.storedAdReading)
            (merged, kept) = (reimport.draft, reimport.kept)
          }
          let outcome = deck.merge(merged, at: now, into: into)
          deck.refreshDerivedDeadlines()
          return (outcome, kept)
        }
        break
      } catch let found as DuplicateFound {
        choice = DuplicatePrompt.ask(about: found.existing)
        switch choice {
        case .cancel, .ask:
          say("Nothing imported.")
          return
        case .update: target = .posting(found.existing.id)
        case .addAnyway: target = .newPosting
        }
      }
    }
    if json {
      sayRendered(JSONOutput.escapingTerminalControls(PostingImporter.dryRunJSON(draft)))
      return
    }
    switch outcome {
    case .added(let id): say(id + "\nImported as a new posting.")
    case .updated(let id, let changes):
      say(id + "\nUpdated the posting on file, \(id): " + changes.joined(separator: ", ")
        + " (--add-anyway adds a second posting instead).")
    case .unchanged(let id):
      say(id + "\nAlready on file as \(id); nothing changed (--add-anyway adds a second posting).")
    }
    if !kept.isEmpty { say("Kept " + kept.joined(separator: ", ") + ".") }
    sayRendered(preview.render(draft))
  }

  private func importCSV(_ path: String) throws {
    let clock = storeOptions.clock
    let limit = try limits(for: .csv).maximumBytes
    guard !dryRun else {
      // The file is read a few MB at a time into rows (a 100,000-row export is 200 MB of text).
      let result = try Self.readCSV(path) {
        try PostingSource.importCSV(at: path, importedAt: clock.now, limit: limit)
      }
      var remarks = RowRemarks()
      for batch in result.batches { remarks.note(batch) }
      try report(result, remarks: remarks, path: path)
      say("Would import \(Plural.count(result.rowCount, "row")) from \(path).")
      return
    }
    // Rows are merged while the rest of the file is read on another thread; the merged deck is
    // saved only once the whole file was read and found good (or --skip-bad).
    let feed = CSVBatchFeed(path: path, importedAt: clock.now, limit: limit,
      spill: DescriptionSpill(besideStoreAt: storeOptions.path))
    var remarks = RowRemarks()
    var rowCount = 0
    var result: CSVImportBatches?
    let tally: (added: Int, updated: Int)
    do {
      tally = try storeOptions.session.update { deck -> (added: Int, updated: Int) in
        let now = clock.now
        let original = deck
        var outcomes: [MergeOutcome] = []
        repeat {
          deck = original
          remarks = RowRemarks()
          rowCount = 0
          outcomes = deck.importCSVRows(
            expecting: feed.expectedRows(), at: now, timeZone: clock.timeZone
          ) {
            let batch = feed.nextBatch()
            if let batch {
              remarks.note(batch)
              rowCount += batch.count
            }
            return batch
          }
        } while feed.takeVoid()
        let read = try CSVReadFailure.wrapping { try Self.readCSV(path) { try feed.result() } }
        result = read
        try CSVReadFailure.wrapping { try report(read, remarks: remarks, path: path) }
        var added = 0
        var updated = 0
        for outcome in outcomes {
          switch outcome {
          case .added: added += 1
          case .updated: updated += 1
          case .unchanged: break
          }
        }
        deck.refreshDerivedDeadlines()
        return (added, updated)
      }
    } catch let failure as CSVReadFailure {
      throw failure.error
    } catch {
      // The file's problems come first, as when it was read before the store was opened.
      if result == nil {
        repeat {
          remarks = RowRemarks()
          while let batch = feed.nextBatch() { remarks.note(batch) }
        } while feed.takeVoid()
        try report(try Self.readCSV(path) { try feed.result() }, remarks: remarks, path: path)
      }
      throw error
    }
    let errors = result?.errors ?? []
    say("Imported \(Plural.count(rowCount, "row")) from \(path): \(tally.added) new, \(tally.updated) updated, "
      + "\(rowCount - tally.added - tally.updated) unchanged"
      + (errors.isEmpty ? "." : "; skipped \(Plural.count(errors.count, "bad row"))."))
  }

  /// `read()`, with a CSV error said as the user sees it.
  private static func readCSV(_ path: String, _ read: () throws -> CSVImportBatches) throws
    -> CSVImportBatches
  {
    do {
      return try read()
    } catch let error as CSVError {
      throw CommandFailure.user("\(path): \(error)")
    }
  }

  /// Prints the bad rows and stops (unless --skip-bad), then the ignored columns and the remarks.
  private func report(_ result: CSVImportBatches, remarks: RowRemarks, path: String) throws {
    for error in result.errors {
      printError("\(path): \(error)")
    }
    if !result.errors.isEmpty && !skipBad {
      throw CommandFailure.user(
        "\(Plural.count(result.errors.count, "bad row")) in \(path); nothing was imported. "
          + "Fix them, or import the good rows with --skip-bad.")
    }
    if !result.ignoredColumns.isEmpty {
      printError("\(path): ignored columns: "
        + result.ignoredColumns.prefix(20).map { QuotedExcerpt.quoted($0) }
          .joined(separator: ", ")
        + (result.ignoredColumns.count > 20
          ? ", … and \(result.ignoredColumns.count - 20) more" : ""))
    }
    for line in remarks.lines { printError("\(path): \(line)") }
  }
}

/// What the import left out of rows it did import (a URL it dropped, a type it does not know),
/// by row, gathered as the rows pass: the first `limit` said, the rest counted.
struct RowRemarks {
  /// A spreadsheet with the same problem in every row would otherwise print a line per row.
  static let limit = 50

  private(set) var said: [String] = []
  private var more = 0

  mutating func note(_ rows: [CSVImportedRow]) {
    for row in rows {
      for remark in row.draft.remarks {
        guard said.count < Self.limit else {
          more += 1
          continue
        }
        said.append("row \(row.row): \(remark)")
      }
    }
  }

  /// The lines to print, after the file's name.
  var lines: [String] {
    said + (more > 0 ? ["… and \(Plural.count(more, "more remark")) like these"] : [])
  }
}

/// A problem of the CSV file met while the store is being updated: said already, and thrown on
/// as it is once the update has given up.
private struct CSVReadFailure: Error {
  let error: any Error

  static func wrapping<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw CSVReadFailure(error: error)
    }
  }
}
