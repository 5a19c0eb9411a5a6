import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// One test per phrasing family of "Dates in job ads" (DOMAIN.md).
@Suite struct DatePhraseExtractorTests {
  private func extract(_ text: String, on importDate: CivilDate = TextAdFixtures.importDate)
    -> DatePhraseExtractor.Result
  {
    DatePhraseExtractor(importDate: importDate).extract(from: text)
  }

  private func day(_ text: String) -> CivilDate? { CivilDate(text) }

  private func dates(_ result: DatePhraseExtractor.Result, _ kind: DeadlineKind) -> [CivilDate] {
    result.deadlines.filter { $0.kind == kind }.compactMap {
      if case .allDay(let date) = $0.due { return date }
      return nil
    }
  }

  @Test(arguments: [
    "Please apply by March 3rd, 2025.",
    "Deadline: March 3, 2025",
    "Closing date: 3 March 2025",
    "Applications must be submitted by the 3rd of March 2025.",
    "Applications close on Monday, 3 March 2025.",
    "Valid until 2025-03-03",
    "Bewerbungsfrist: 03.03.2025",
    "Bewerbungsschluss ist der 3. März 2025.",
    "Date limite : 3 mars 2025",
    "Fecha límite: 3 de marzo de 2025",
    "Reageren kan tot 3 maart 2025.",
    "Zgłoszenia do 3 marca 2025",
    "CV do 3 marca 2025 r.",
    "Last day to apply: Mon, Mar. 3, 2025",
    "Deadline 3-Mar-2025",
    "Closing Date: 11:59pm, Monday 3rd March 2025",
    "Job Posting End Date: 03-03-2025",
    "This posting will remain open until 3/3/2025.",
    "Application review begins March 3, 2025.",
  ])
  func readsTheApplicationCutoffInEveryLanguageAndFormat(text: String) {
    let result = extract(text)
    #expect(dates(result, .applicationCutoff) == [day("2025-03-03")].compactMap { $0 }, "\(text)")
    #expect(result.deadlines.first?.phrase?.contains("3") == true)
    #expect(result.deadlines.first?.origin == .imported)
    #expect(result.deadlines.first?.owner == .posting(""))
  }

  @Test func keepsTheClauseTheDateCameFromAsItsPhrase() {
    let result = extract("About us: we build robots. Applications must be submitted by 3 March 2025. We value diversity.")
    #expect(result.deadlines.first?.phrase == "Applications must be submitted by 3 March 2025.")
  }

  @Test func readsAStartDateAfterStartLabelsInEveryLanguage() {
    for text in ["Start date: 1 April 2025", "Einstellungstermin: ab 1. April 2025",
                 "Début : à partir du 1er avril 2025", "Fecha de inicio: 1 de abril de 2025",
                 "Startdatum: 1 april 2025", "Data rozpoczęcia: od 1 kwietnia 2025",
                 "The programme starts on April 1st, 2025."] {
      #expect(dates(extract(text), .startDate) == [day("2025-04-01")].compactMap { $0 }, "\(text)")
    }
  }

  @Test func readsAbsolutePostedDates() {
    for text in ["Date posted: 5 February 2025", "Posting Date: 2025-02-05", "Posted on Feb 5, 2025", "Placed on 05/02/2025 in London",
                 "Veröffentlicht am 05.02.2025", "Date de publication : 5 février 2025",
                 "Publicado el 5 de febrero de 2025", "Data publikacji: 5 lutego 2025"] {
      #expect(extract(text).posted == PostedDate(date: CivilDate(year: 2025, month: 2, day: 5) ?? TextAdFixtures.importDate), "\(text)")
    }
  }

  @Test func readsRangesAsStartAndContractEnd() {
    let cases = [
      ("Internship period: from 2 June to 8 August 2025", "2025-06-02", "2025-08-08"),
      ("Programme dates: June 2 – August 8, 2025", "2025-06-02", "2025-08-08"),
      ("Summer school: 3 - 7 June 2025", "2025-06-03", "2025-06-07"),
      ("The internship runs 2 June through 8 August 2025.", "2025-06-02", "2025-08-08"),
      ("Zeitraum: 01.06.2025 - 31.08.2025", "2025-06-01", "2025-08-31"),
      ("Incorporación: del 3 de marzo al 29 de agosto de 2025", "2025-03-03", "2025-08-29"),
      ("Staż od 1 lipca do 30 września 2025", "2025-07-01", "2025-09-30"),
      ("Stage du 7 avril au 3 octobre 2025", "2025-04-07", "2025-10-03"),
    ]
    for (text, start, end) in cases {
      let result = extract(text)
      #expect(dates(result, .startDate) == [day(start)].compactMap { $0 }, "\(text)")
      #expect(dates(result, .contractEnd) == [day(end)].compactMap { $0 }, "\(text)")
      #expect(result.startDate == day(start))
    }
  }

  @Test func rangeWithoutYearsTakesTheNextOccurrenceAndSaysSo() {
    let result = extract("Internship: 2 June through 8 August", on: CivilDate(year: 2025, month: 7, day: 1) ?? TextAdFixtures.importDate)
    #expect(dates(result, .startDate) == [day("2026-06-02")].compactMap { $0 })
    #expect(dates(result, .contractEnd) == [day("2026-08-08")].compactMap { $0 })
    #expect(result.remarks.contains { $0.contains("year inferred") })
  }

  @Test func missingYearIsTheNextOccurrenceAfterTheImportDateMarkedInferred() {
    let result = extract("Apply by 3 March.", on: CivilDate(year: 2025, month: 5, day: 1) ?? TextAdFixtures.importDate)
    #expect(dates(result, .applicationCutoff) == [day("2026-03-03")].compactMap { $0 })
    #expect(result.deadlines.first?.phrase?.contains("year inferred: 2026") == true)
    #expect(result.remarks.contains { $0.contains("2026-03-03") && $0.contains("next occurrence") })
  }

  @Test func missingYearCountsFromThePostingDateWhenTheAdHasOne() {
    let text = "Posted on 20 November 2024\nClosing date: 15 January"
    let result = extract(text, on: CivilDate(year: 2025, month: 2, day: 10) ?? TextAdFixtures.importDate)
    #expect(dates(result, .applicationCutoff) == [day("2025-01-15")].compactMap { $0 })
    #expect(result.remarks.contains { $0.contains("posting date") })
  }

  @Test func weekdayPicksTheYearWhenTheYearIsMissing() {
    // 3 March is a Monday in 2025 and a Tuesday in 2026.
    let result = extract("Deadline: Tuesday, 3 March", on: CivilDate(year: 2025, month: 2, day: 1) ?? TextAdFixtures.importDate)
    #expect(dates(result, .applicationCutoff) == [day("2026-03-03")].compactMap { $0 })
  }

  @Test func ambiguousSlashDateIsFlaggedNotGuessed() {
    let result = extract("Junior Analyst\nDeadline: 03/04/2025")
    #expect(result.deadlines.isEmpty)
    #expect(result.remarks.contains { $0.contains("Ambiguous") && $0.contains("03/04/2025") })
  }

  @Test func ambiguousSlashDateIsSettledByCues() {
    let byPlace = extract("Junior Analyst, London, UK\nDeadline: 03/04/2025")
    #expect(dates(byPlace, .applicationCutoff) == [day("2025-04-03")].compactMap { $0 })
    let byCurrency = extract("Pay: $25/hour\nDeadline: 03/04/2025")
    #expect(dates(byCurrency, .applicationCutoff) == [day("2025-03-04")].compactMap { $0 })
    let byOtherDate = extract("Posted: 15/02/2025\nDeadline: 03/04/2025")
    #expect(dates(byOtherDate, .applicationCutoff) == [day("2025-04-03")].compactMap { $0 })
    let byLanguage = extract("Wir freuen uns auf deine Bewerbung und die Zusammenarbeit mit dir.\nBewerbungsfrist: 03/04/2025")
    #expect(dates(byLanguage, .applicationCutoff) == [day("2025-04-03")].compactMap { $0 })
    let identical = extract("Deadline: 04/04/2025")
    #expect(dates(identical, .applicationCutoff) == [day("2025-04-04")].compactMap { $0 })
  }

  @Test func conflictingCuesLeaveTheDateFlagged() {
    let result = extract("Office in London. Salary $90,000.\nDeadline: 03/04/2025")
    #expect(result.deadlines.isEmpty)
    #expect(result.remarks.contains { $0.contains("Ambiguous") })
  }

  @Test func readsAbbreviationsAndApostropheYears() {
    #expect(dates(extract("Deadline: Sept. 15, 2025"), .applicationCutoff) == [day("2025-09-15")].compactMap { $0 })
    let start = extract("Start: Feb’26")
    #expect(dates(start, .startDate) == [day("2026-02-01")].compactMap { $0 })
    #expect(start.remarks.contains { $0.contains("day not stated") })
    #expect(dates(extract("Start: Feb '26"), .startDate) == [day("2026-02-01")].compactMap { $0 })
    #expect(dates(extract("Bewerbung bis 31. Okt. 2025"), .applicationCutoff) == [day("2025-10-31")].compactMap { $0 })
  }

  @Test func relativePostedDatesCountBackFromTheImportDate() {
    let cases: [(String, String, PostedDate.Precision)] = [
      ("Posted today", "2025-02-10", .exact),
      ("Posted yesterday", "2025-02-09", .exact),
      ("Posted 5 days ago", "2025-02-05", .exact),
      ("Reposted 3d ago · 120 applicants", "2025-02-07", .exact),
      ("2 weeks ago", "2025-01-27", .exact),
      ("Posted 30+ days ago", "2025-01-11", .onOrBefore),
      ("Vor 3 Tagen veröffentlicht", "2025-02-07", .exact),
      ("Publié il y a 2 jours", "2025-02-08", .exact),
      ("Publicado hace 4 días", "2025-02-06", .exact),
      ("3 dagen geleden", "2025-02-07", .exact),
      ("Opublikowano 2 dni temu", "2025-02-08", .exact),
    ]
    for (text, expected, precision) in cases {
      let posted = extract(text).posted
      #expect(posted?.date == day(expected), "\(text)")
      #expect(posted?.precision == precision, "\(text)")
    }
  }

  @Test func aStatedPostedDateBeatsARelativeOne() {
    let result = extract("Posted 3 days ago\nDate posted: 5 February 2025")
    #expect(result.posted == PostedDate(date: CivilDate(year: 2025, month: 2, day: 5) ?? TextAdFixtures.importDate))
  }

  @Test func openStartDatesAreKeptWithoutADeadline() {
    for text in ["Start: ASAP", "Start date: immediately", "Eintritt: ab sofort",
                 "Applications are reviewed on a rolling basis.", "Incorporación inmediata",
                 "Prise de poste : dès que possible", "Eintritt: nach Vereinbarung",
                 "Rozpoczęcie pracy: od zaraz"] {
      let result = extract(text)
      #expect(result.deadlines.isEmpty, "\(text)")
      #expect(result.openDates.count == 1, "\(text)")
    }
  }

  @Test func cutoffWithTimeAndZoneIsTimed() throws {
    let result = extract("Applications must be submitted by March 3rd, 2025, 5 pm EST.")
    let deadline = try #require(result.deadlines.first)
    guard case .timed(let instant, let zone) = deadline.due else {
      Issue.record("expected a timed deadline, got \(deadline.due)")
      return
    }
    #expect(zone == "America/New_York")
    #expect(instant == Date(timeIntervalSince1970: 1_741_039_200))  // 2025-03-03T22:00:00Z
  }

  @Test func cutoffWithATimeButNoZoneStaysAllDay() {
    let result = extract("Bewerbungsschluss: 15.03.2025, 23:59 Uhr")
    #expect(dates(result, .applicationCutoff) == [day("2025-03-15")].compactMap { $0 })
    #expect(result.deadlines.first?.phrase?.contains("23:59") == true)
  }

  @Test func readsInterviewAndAssessmentDates() {
    let result = extract("Interviews will be held on 20 March 2025. The assessment centre takes place on 27 March 2025.")
    #expect(dates(result, .interview) == [day("2025-03-20")].compactMap { $0 })
    #expect(dates(result, .assessment) == [day("2025-03-27")].compactMap { $0 })
  }

  @Test func aLabelOnItsOwnLineGovernsTheDateBelowIt() {
    let result = extract("Application deadline\n28 February 2025\nStart date\n\n1 April 2025")
    #expect(dates(result, .applicationCutoff) == [day("2025-02-28")].compactMap { $0 })
    #expect(dates(result, .startDate) == [day("2025-04-01")].compactMap { $0 })
  }

  @Test func unlabelledDatesAreReportedNotImported() {
    let result = extract("Founded on 12 May 2010, we now employ 300 people.")
    #expect(result.deadlines.isEmpty)
    #expect(result.remarks.contains { $0.contains("2010-05-12") })
  }

  @Test func numbersThatAreNotDatesAreIgnored() {
    let result = extract("We grew 24/7 support to 3.5 million users; version 2.1. Call +49 30 1234 5678.")
    #expect(result.deadlines.isEmpty)
    #expect(result.remarks.isEmpty)
  }
}

@Suite struct DatePhraseRobustnessTests {
  @Test func historicDatesAreNotDeadlines() {
    let result = DatePhraseExtractor(importDate: TextAdFixtures.importDate)
      .extract(from: "Founded by two engineers on 4 May 2010, we now have 300 staff.")
    #expect(result.deadlines.isEmpty)
    #expect(result.remarks.contains { $0.contains("2010-05-04") })
  }

  /// Arbitrary text built from the pieces dates are made of must never crash the importer.
  @Test func survivesArbitraryText() {
    let pieces = ["3", "31", "12", "2025", "'26", ".", "/", "-", "–", " ", "\n", "March", "märz",
                  "września", "Sept.", "deadline", "start", "from", "to", "bis", "od", "do", ":",
                  "5 pm EST", "23:59", "€", "$", "42K", "months", "probation", "(m/w/d)", "ago",
                  "30+", "days", "<p>", "&amp;", "é", "👩‍💻", "\u{202E}", ";", "\r\n"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<40 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += pieces[Int(state >> 33) % pieces.count]
      }
      let draft = PostingImporter.draft(fromText: text, contentTypeHint: nil,
                                        importDate: TextAdFixtures.importDate, source: nil)
      #expect(draft.posting.description != nil || text.isEmpty)
      _ = PostingImporter.dryRunJSON(draft)
    }
  }
}

@Suite struct DatePhraseMoreLabelsTests {
  private func kinds(_ text: String) -> [DeadlineKind: DeadlineDue] {
    let result = DatePhraseExtractor(importDate: TextAdFixtures.importDate).extract(from: text)
    return Dictionary(result.deadlines.map { ($0.kind, $0.due) }, uniquingKeysWith: { first, _ in first })
  }

  @Test func readsEndsAndOfferDates() {
    let found = kinds("The contract ends on 31 December 2025. Offers will be made by 30 April 2025.")
    #expect(found[.contractEnd] == CivilDate("2025-12-31").map(DeadlineDue.allDay))
    #expect(found[.offerResponse] == CivilDate("2025-04-30").map(DeadlineDue.allDay))
  }

  @Test func interviewWithTimeAndZoneIsTimed() {
    let found = kinds("Interview: 20 March 2025, 14:00 CET")
    guard case .timed(let instant, let zone)? = found[.interview] else {
      Issue.record("expected a timed interview")
      return
    }
    #expect(zone == "Europe/Berlin")
    #expect(instant == CivilDate(year: 2025, month: 3, day: 20)?.instant(
      hour: 14, in: TimeZone(identifier: "Europe/Berlin") ?? .current))
  }

  @Test(arguments: [("EDT", "America/New_York"), ("PST", "America/Los_Angeles"),
                    ("CEST", "Europe/Berlin"), ("GMT", "Europe/London"), ("BST", "Europe/London"),
                    ("UTC", "UTC")])
  func mapsZoneAbbreviationsToIANAZones(abbreviation: String, identifier: String) {
    #expect(TimeOfDayScanner.time(in: "by 5 pm \(abbreviation)")?.timeZone == identifier)
  }
}

@Suite struct DatePhraseContractAndZoneTests {
  private func result(_ text: String) -> DatePhraseExtractor.Result {
    DatePhraseExtractor(importDate: TextAdFixtures.importDate).extract(from: text)
  }

  @Test func contractUntilIsTheContractEndNotACutoff() {
    let found = result("Start: 1 July 2025 (or earlier). Contract until 30 June 2026.")
    #expect(found.contractEnd == CivilDate(year: 2026, month: 6, day: 30))
    #expect(found.deadlines.allSatisfy { $0.kind != .applicationCutoff })
  }

  @Test func polishStartAndEndLabels() {
    let found = result("Rozpoczęcie: 1.07.2025, zakończenie: 30.09.2025")
    #expect(found.startDate == CivilDate(year: 2025, month: 7, day: 1))
    #expect(found.contractEnd == CivilDate(year: 2025, month: 9, day: 30))
  }

  @Test func applicationsReceivedAfterATimeAreACutoff() {
    let found = result("Applications received after 5:00 p.m. ET on Friday, March 14, 2025 will not be considered.")
    guard case .timed(let instant, let zone)? = found.deadlines.first?.due else {
      Issue.record("expected a timed cutoff")
      return
    }
    #expect(zone == "America/New_York")
    #expect(instant == Date(timeIntervalSince1970: 1_741_986_000))  // 2025-03-14T21:00:00Z
  }

  @Test func midnightInANamedZoneIsTheEndOfThatDay() {
    let found = result("Applications close at midnight on 14/03/2025 (UK time).")
    guard case .timed(let instant, let zone)? = found.deadlines.first?.due else {
      Issue.record("expected a timed cutoff")
      return
    }
    #expect(zone == "Europe/London")
    #expect(instant == CivilDate(year: 2025, month: 3, day: 14)?.instant(
      hour: 23, minute: 59, in: TimeZone(identifier: "Europe/London") ?? .current))
  }

  @Test(arguments: [
    ("Apply by midnight Pacific, September 5, 2025.", "America/Los_Angeles", 23, 59),
    ("Announcement closes: March 24, 2025 at 11:59 p.m. Eastern", "America/New_York", 23, 59),
    ("Bewerbungsschluss: 12. Dezember 2025, 23:59 CET", "Europe/Berlin", 23, 59),
  ])
  func aZoneWordAfterTheTimeSetsTheCutoffsZone(text: String, zone: String, hour: Int, minute: Int) {
    guard case .timed(let instant, let found)? = result(text).deadlines.first?.due,
      let timeZone = TimeZone(identifier: zone)
    else {
      Issue.record("expected a timed cutoff in \(text)")
      return
    }
    #expect(found == zone)
    let day = CivilDate(containing: instant, in: timeZone)
    #expect(instant == day.instant(hour: hour, minute: minute, in: timeZone))
  }
}
