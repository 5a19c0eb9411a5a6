import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckImport

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
    // The file is read a few MB at a time into rows (a 100,000-row export is 200 MB of text).
    var result: CSVImportBatches
    do {
      result = try PostingSource.importCSV(at: path, importedAt: clock.now,
                                           limit: try limits(for: .csv).maximumBytes)
    } catch let error as CSVError {
      throw CommandFailure.user("\(path): \(error)")
    }
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
    reportRemarks(in: result.batches, path: path)
    let rowCount = result.rowCount
    if dryRun {
      say("Would import \(Plural.count(rowCount, "row")) from \(path).")
      return
    }
    let now = clock.now
    // The rows go once merged: the deck shares their text, and the save needs only the deck.
    var batches = result.batches
    result.batches = []
    let tally = try storeOptions.session.update { deck -> (added: Int, updated: Int) in
      var added = 0
      var updated = 0
      for outcome in deck.importCSVRows(batches: &batches, at: now, timeZone: clock.timeZone) {
        switch outcome {
        case .added: added += 1
        case .updated: updated += 1
        case .unchanged: break
        }
      }
      deck.refreshDerivedDeadlines()
      return (added, updated)
    }
    say("Imported \(Plural.count(rowCount, "row")) from \(path): \(tally.added) new, \(tally.updated) updated, "
      + "\(rowCount - tally.added - tally.updated) unchanged"
      + (result.errors.isEmpty ? "." : "; skipped \(Plural.count(result.errors.count, "bad row"))."))
  }
}

extension ImportCommand {
  /// The most row remarks printed; a spreadsheet with the same problem in every row would
  /// otherwise print a line per row.
  static let remarkLimit = 50

  /// What the import left out of rows it did import (a URL it dropped, a type it does not know),
  /// on standard error, by row.
  private func reportRemarks(in batches: [[CSVImportedRow]], path: String) {
    var printed = 0
    var more = 0
    for batch in batches {
      for row in batch {
        for remark in row.draft.remarks {
          guard printed < Self.remarkLimit else {
            more += 1
            continue
          }
          printError("\(path): row \(row.row): \(remark)")
          printed += 1
        }
      }
    }
    if more > 0 { printError("\(path): … and \(Plural.count(more, "more remark")) like these") }
  }
}
