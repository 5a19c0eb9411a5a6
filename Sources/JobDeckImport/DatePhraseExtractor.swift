import Foundation
import JobDeckCore

/// Finds the dates a job ad states in prose and what each one means, keeping the phrase it came
/// from so a person can check it.
///
/// Pure: the only "now" it knows is the import date it is given, which anchors relative
/// phrases ("3 days ago") and years the ad leaves out.
public struct DatePhraseExtractor: Sendable {
  public struct Result: Hashable, Sendable {
    /// Cutoffs, starts, ends, interviews… as imported deadlines (id "", owner `.posting("")`).
    public var deadlines: [Deadline] = []
    public var posted: PostedDate?
    public var remarks: [String] = []
    /// Phrases such as "Start: ASAP" or "applications reviewed on a rolling basis".
    public var openDates: [String] = []
    public var startDate: CivilDate?
    public var contractEnd: CivilDate?
    /// The rule that read the posted date and each deadline (`FieldExplanation.key(for:)`).
    public var explanations: [String: FieldExplanation] = [:]
    /// What a missing year was counted from, when not the posted or the import date.
    var yearBasis: String?
    /// Deadlines whose day the ad left out ("start: September 2025"), by index.
    var dayMissing: Set<Int> = []
  }

  public var importDate: CivilDate

  public init(importDate: CivilDate) {
    self.importDate = importDate
  }

  public func extract(from text: String) -> Result {
    var result = Result()
    let clauses = Clauses.split(text)
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map(String.init)
    let order = DateOrderCues.order(in: text)

    let relative = RelativePostedDateScanner.posted(in: clauses, importDate: importDate)
    result.openDates = OpenDateScanner.phrases(in: clauses)

    // The posted date comes first: it is the reference for years other dates leave out.
    var pending: [(Clause, DateMention, DateMeaning?, [DateMention])] = []
    for clause in clauses {
      let mentions = DateMentionScanner.scan(clause.text, order: order)
      guard !mentions.isEmpty else { continue }
      let inherited = clause.startsLine
        ? Self.previousLine(before: clause.lineIndex, in: lines).flatMap(DateLabels.labelOnlyLine)
        : nil
      let labels = DateLabels.labels(in: clause.text)
      for (index, mention) in mentions.enumerated() where !mention.isRangeEnd {
        let meaning = Self.meaning(of: index, in: mentions, labels: labels, clause: clause.text)
          ?? inherited
        pending.append((clause, mention, meaning, mentions))
      }
    }
    for (clause, mention, meaning, _) in pending where meaning == .posted {
      if result.posted == nil, let date = resolve(mention, clause: clause.text, meaning: .posted,
                                                   reference: importDate, result: &result) {
        result.posted = PostedDate(date: date.date)
        result.explanations["posted"] = FieldExplanation(
          phrase: date.phrase, rule: Self.labelRule(in: clause.text, before: mention, for: [.posted]))
      }
    }
    // "Applications open 1 October", "Open & closing dates 06/17/2025 to 06/24/2025": the day
    // applications open is the day the ad went up, when it states no other.
    for (clause, mention, meaning, _) in pending where meaning == .applicationWindow {
      if result.posted == nil, let date = resolve(mention, clause: clause.text, meaning: .posted,
                                                   reference: importDate, result: &result,
                                                   backwards: false) {
        result.posted = PostedDate(date: date.date)
        result.explanations["posted"] = FieldExplanation(
          phrase: date.phrase,
          rule: Self.labelRule(in: clause.text, before: mention, for: [.applicationWindow])
            + ": the day applications open")
      }
    }
    // A stated date beats "3 days ago", which job boards round.
    if result.posted == nil, let relative {
      result.posted = relative.date
      result.remarks.append(relative.remark)
      result.explanations["posted"] = FieldExplanation(
        phrase: relative.phrase, rule: "an age (“3 days ago”) counted back from the import date")
    }
    var reference = result.posted?.date ?? importDate
    // An old ad with no posted date: "Apply by 30 May" beside "starts 1 September 2025" is May
    // 2025, not next May. The year comes from the ad's own dates before today's.
    // Only dates that say what they are count: "founded in January 2024" is history.
    let statedDays = pending.compactMap { pending -> CivilDate? in
      guard let meaning = pending.2, meaning != .unrelated,
        case .calendar(let year?, let month, let day) = pending.1.reading
      else { return nil }
      return CivilDate(year: year, month: month, day: day ?? 1)
    }
    if result.posted == nil, let earliest = statedDays.min(), earliest < importDate {
      reference = earliest.adding(months: -6)
      result.yearBasis = "the ad's own dates (six months before its earliest, \(earliest))"
    }
    for (clause, mention, meaning, mentions) in pending where meaning != .posted {
      interpret(mention, meaning: meaning, clause: clause.text, mentions: mentions,
                reference: reference, into: &result)
    }
    Self.preferStatedDays(&result)
    result.deadlines = Self.removingDuplicates(result.deadlines)
    for deadline in result.deadlines where deadline.kind == .applicationCutoff {
      if let day = deadline.due.statedDay, day < importDate {
        result.remarks.append(
          "The application cutoff \(day) has passed (before the import date \(importDate)); it is kept as the ad states it.")
      }
    }
    return result
  }

  /// The nearest non-blank line above, skipping one blank line as pasted fact boxes have.
  static func previousLine(before index: Int, in lines: [String]) -> String? {
    var cursor = index - 1
    var skipped = 0
    while cursor >= 0 {
      if !lines[cursor].trimmingCharacters(in: .whitespaces).isEmpty { return lines[cursor] }
      skipped += 1
      if skipped > 1 { return nil }
      cursor -= 1
    }
    return nil
  }

  // MARK: - Meaning

  /// The nearest strong label before the date (after the previous date), else the nearest weak
  /// one, else a strong label just after it ("3 March is the closing date").
  static func meaning(of index: Int, in mentions: [DateMention], labels: [DateLabel],
                      clause: String) -> DateMeaning? {
    let mention = mentions[index]
    let segmentStart = index > 0 ? mentions[index - 1].range.upperBound : clause.startIndex
    let before = labels.filter {
      $0.range.lowerBound >= segmentStart && $0.range.upperBound <= mention.range.lowerBound
    }
    if let strong = before.last(where: \.isStrong) { return strong.meaning }
    // A small word ("by", "from") leans on a date only from close by: "By clicking Accept you
    // agree to our Cookie Policy (12 March 2025)" says nothing about applying by 12 March.
    if let weak = before.last,
      clause.distance(from: weak.range.upperBound, to: mention.range.lowerBound) <= 30,
      weak.meaning != .applicationCutoff || DateLabels.applyWords.isFound(in: clause)
    {
      return weak.meaning
    }
    let lastIndex = mention.rangeEndIndex ?? index
    let segmentEnd = lastIndex + 1 < mentions.count
      ? mentions[lastIndex + 1].range.lowerBound : clause.endIndex
    let after = labels.filter {
      $0.range.lowerBound >= mentions[lastIndex].range.upperBound
        && $0.range.upperBound <= segmentEnd && $0.isStrong
    }
    if let meaning = after.first?.meaning { return meaning }
    // "Start: 1 June 2025 or 1 September 2025": an unlabelled date continues the one before.
    guard index > 0 else { return nil }
    let previous = mentions[index - 1].isRangeEnd ? max(0, index - 2) : index - 1
    return meaning(of: previous, in: mentions, labels: labels, clause: clause)
  }

  // MARK: - Interpretation

  private func interpret(_ mention: DateMention, meaning: DateMeaning?, clause: String,
                         mentions: [DateMention], reference: CivilDate, into result: inout Result) {
    if case .ambiguous(let first, let second, let year) = mention.reading {
      let written = String(clause[mention.range])
      let what = meaning.map { " (\(Self.describe($0)))" } ?? ""
      result.remarks.append(
        "Ambiguous date “\(written)”\(what) in “\(Clauses.phrase(clause, around: mention.range))”: "
          + "\(Self.monthName(second)) \(first) or \(Self.monthName(first)) \(second), \(year)? "
          + "Nothing in the ad settles it, so it was not imported.")
      return
    }
    if meaning == .unrelated {
      if let date = resolve(mention, clause: clause, meaning: nil, reference: reference,
                            result: &result, quiet: true) {
        result.remarks.append(
          "Date \(date.date) in “\(date.phrase)” is history or page furniture (founded, updated, ©); not imported.")
      }
      return
    }
    // A bare range ("3 - 7 June 2025") on a fact line is the programme's period; in a sentence
    // about something else ("the workshop on 18-19 September") it is not.
    let meaning = meaning
      ?? (mention.rangeEndIndex.map {
        Self.isProgrammePeriod(clause, range: mention.range.lowerBound..<mentions[$0].range.upperBound)
      } == true ? .start : nil)
    guard let meaning else {
      if !mention.isWeak, let date = resolve(mention, clause: clause, meaning: nil,
                                             reference: reference, result: &result, quiet: true) {
        result.remarks.append(
          "Date \(date.date) in “\(date.phrase)” has no label saying what it is; not imported.")
      }
      return
    }
    if let endIndex = mention.rangeEndIndex {
      let end = mentions[endIndex]
      let whole = mention.range.lowerBound..<end.range.upperBound
      guard let first = resolve(mention, clause: clause, meaning: .start, reference: reference,
                                result: &result, phraseRange: whole),
        // A range's end without a year follows its start, not the import date.
        let last = resolve(end, clause: clause, meaning: .end, reference: first.date,
                           result: &result, phraseRange: whole)
      else { return }
      switch meaning {
      case .applicationCutoff, .applicationWindow:
        add(.applicationCutoff, last, clause: clause, mention: end, into: &result)
      case .interview, .assessment, .offerResponse:
        add(Self.kind(for: meaning) ?? .interview, first, clause: clause, mention: mention,
            into: &result)
        result.remarks.append("“\(first.phrase)” is a window; the reminder uses its first day.")
      case .unrelated:
        return
      case .start, .end, .posted:
        add(.startDate, first, clause: clause, mention: mention, into: &result)
        add(.contractEnd, last, clause: clause, mention: end, into: &result)
        if result.startDate == nil { result.startDate = first.date }
        if result.contractEnd == nil { result.contractEnd = last.date }
      }
      return
    }
    guard meaning != .applicationWindow, let kind = Self.kind(for: meaning),
      let date = resolve(mention, clause: clause, meaning: meaning, reference: reference,
                         result: &result)
    else { return }
    // "Founded by two engineers on 4 May 2010": a date years before the import is history,
    // not a deadline, when only a small word precedes it. A labelled one ("Applications must be
    // received by 16 March 2015") and a cutoff (its small word stands beside words about
    // applying) are kept: they are what the (old) ad says.
    if date.date < importDate.adding(days: -400),
      meaning != .applicationCutoff,
      !DateLabels.labels(in: clause).contains(where: { $0.isStrong && $0.meaning == meaning })
    {
      result.remarks.append(
        "Date \(date.date) in “\(date.phrase)” is long past; not imported as a \(Self.describe(meaning)).")
      return
    }
    add(kind, date, clause: clause, mention: mention, into: &result)
    if kind == .startDate, result.startDate == nil { result.startDate = date.date }
    if kind == .contractEnd, result.contractEnd == nil { result.contractEnd = date.date }
  }

  private struct ResolvedDate {
    var date: CivilDate
    var phrase: String
    var dayStated = true
  }

  /// Fills in a missing year (the next occurrence on or after the reference; for a posted date,
  /// the last one on or before it) and a missing day (1st for a start, last day otherwise),
  /// and says so in the remarks and the phrase.
  private func resolve(_ mention: DateMention, clause: String, meaning: DateMeaning?,
                       reference: CivilDate, result: inout Result,
                       phraseRange: Range<String.Index>? = nil, quiet: Bool = false,
                       backwards: Bool? = nil)
    -> ResolvedDate?
  {
    guard case .calendar(let statedYear, let month, let statedDay) = mention.reading else {
      return nil
    }
    var phrase = Clauses.phrase(clause, around: phraseRange ?? mention.range)
    var notes: [String] = []
    let day: Int
    if let statedDay {
      day = statedDay
    } else {
      guard meaning != .posted else { return nil }
      let probe = CivilDate(year: statedYear ?? reference.year, month: month, day: 1)
      day = meaning == .start ? 1 : (probe?.lastDayOfMonth.day ?? 28)
      notes.append("day not stated: took the \(meaning == .start ? "first" : "last") of the month")
    }
    let year: Int
    if let statedYear {
      year = statedYear
    } else {
      year = Self.inferYear(month: month, day: day, weekday: mention.weekday,
                            reference: reference, backwards: backwards ?? (meaning == .posted))
      notes.append("year inferred: \(year)")
    }
    guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
    if !notes.isEmpty, !quiet {
      phrase += " [\(notes.joined(separator: "; "))]"
      let basis = meaning == .posted ? "the import date \(reference)"
        : result.yearBasis ?? (result.posted != nil ? "the posting date \(reference)"
          : "the import date \(reference)")
      result.remarks.append(
        "“\(Clauses.phrase(clause, around: mention.range))” → \(date): "
          + notes.joined(separator: "; ")
          + (statedYear == nil ? " (next occurrence after \(basis))" : "")
          + ".")
    }
    return ResolvedDate(date: date, phrase: phrase, dayStated: statedDay != nil)
  }

  static func inferYear(month: Int, day: Int, weekday: Int?, reference: CivilDate,
                        backwards: Bool) -> Int {
    let candidates = backwards
      ? [reference.year, reference.year - 1] : [reference.year, reference.year + 1]
    let valid = candidates.filter { year in
      guard let date = CivilDate(year: year, month: month, day: day) else { return false }
      return backwards ? date <= reference : date >= reference
    }
    // A weekday ("Monday, 3 March") picks the year whose calendar agrees with it.
    if let weekday {
      let agreeing = candidates.filter {
        CivilDate(year: $0, month: month, day: day)?.isoWeekday == weekday
      }
      if agreeing.count == 1, let year = agreeing.first { return year }
    }
    return valid.first ?? reference.year
  }

  private func add(_ kind: DeadlineKind, _ date: ResolvedDate, clause: String,
                   mention: DateMention, into result: inout Result) {
    var due = DeadlineDue.allDay(date.date)
    if [.applicationCutoff, .interview, .assessment, .offerResponse].contains(kind),
      let time = TimeOfDayScanner.time(in: clause), let zone = time.timeZone,
      let timeZone = TimeZone(identifier: zone)
    {
      due = .timed(date.date.instant(hour: time.hour, minute: time.minute, in: timeZone),
                   timeZone: zone)
    }
    if !date.dayStated { result.dayMissing.insert(result.deadlines.count) }
    let deadline = Deadline(id: "", kind: kind, due: due, phrase: date.phrase,
                            owner: .posting(""), origin: .imported)
    result.deadlines.append(deadline)
    let meanings = DateLabels.meanings(of: kind)
    result.explanations[FieldExplanation.key(for: deadline)] = FieldExplanation(
      phrase: date.phrase,
      rule: DateLabels.labels(in: clause).contains(where: { meanings.contains($0.meaning) })
        ? Self.labelRule(in: clause, before: mention, for: meanings)
        : "a range on a line about the programme or contract period")
  }

  /// "the label “closing date”", "the word “bis” beside words about applying": which words
  /// gave a date its meaning.
  static func labelRule(in clause: String, before mention: DateMention, for meanings: [DateMeaning])
    -> String
  {
    let labels = DateLabels.labels(in: clause).filter { meanings.contains($0.meaning) }
    let before = labels.filter { $0.range.upperBound <= mention.range.lowerBound }
    guard let label = before.last(where: \.isStrong) ?? before.last ?? labels.first
    else { return "the label on the line above" }
    let words = String(clause[label.range])
    return label.isStrong ? "the label “\(words)”"
      : label.meaning == .applicationCutoff
        ? "the word “\(words)” beside words about applying" : "the word “\(words)”"
  }

  /// "à partir de mars 2025" and "Date de début : 03/03/2025" in one ad: the stated day wins,
  /// and the start and end follow the dates that have one.
  private static func preferStatedDays(_ result: inout Result) {
    let exactKinds = Set(result.deadlines.indices.filter { !result.dayMissing.contains($0) }
      .map { result.deadlines[$0].kind })
    result.deadlines = result.deadlines.indices.filter { index in
      !result.dayMissing.contains(index) || !exactKinds.contains(result.deadlines[index].kind)
    }.map { result.deadlines[$0] }
    result.dayMissing = []
    func firstDate(_ kind: DeadlineKind) -> CivilDate? {
      for deadline in result.deadlines where deadline.kind == kind {
        if case .allDay(let date) = deadline.due { return date }
      }
      return nil
    }
    result.startDate = firstDate(.startDate)
    result.contractEnd = firstDate(.contractEnd)
  }

  static func removingDuplicates(_ deadlines: [Deadline]) -> [Deadline] {
    struct Key: Hashable {
      var kind: DeadlineKind
      var due: DeadlineDue
    }
    var seen = Set<Key>()
    return deadlines.filter { seen.insert(Key(kind: $0.kind, due: $0.due)).inserted }
  }

  private static let programmeWords = TextPattern(
    #"\b(?:term|period|dates?|programme|program|internship|placement|co-op|contract|assignment|mission|employment|stage|stag\w*|praktikum\w*|\w*zeitraum|laufzeit|dauer|pr[áa]cticas|per[íi]odo|\w*periode|période|durée|durata|duraci[óo]n|dura[çc][ãa]o|duur|okres|czas trwania|staż\w*|est[áa]gio|traineeship|summer|fall|autumn|winter|spring|sommer|été)\b"#)
  /// The days of an event, not of the job: "Induction week: 2–6 June", "Open days 3–4 May".
  private static let eventWords = TextPattern(
    #"\b(?:week|woche|semaine|semana|settimana|week|tydzień|days?|tage?|journées?|d[íi]as?|giorn[oi]|sessions?|workshops?|bootcamp|induction|onboarding|open days?|info\w*|webinar\w*|fair|messe|salon|feria)\b"#)

  /// A fact line that is little more than the range ("June 2 – August 8, 2025"), or a
  /// sentence about the programme or the term, holds its period; "Superdays will be held on
  /// February 20-21" does not.
  static func isProgrammePeriod(_ clause: String, range: Range<String.Index>) -> Bool {
    if eventWords.isFound(in: clause) { return false }
    if programmeWords.isFound(in: clause) { return true }
    let rest = String(clause[..<range.lowerBound]) + " " + String(clause[range.upperBound...])
    return rest.split(whereSeparator: { !$0.isLetter }).count <= 2
  }

  static func kind(for meaning: DateMeaning) -> DeadlineKind? {
    switch meaning {
    case .applicationCutoff: return .applicationCutoff
    case .start: return .startDate
    case .end: return .contractEnd
    case .interview: return .interview
    case .assessment: return .assessment
    case .offerResponse: return .offerResponse
    case .posted, .applicationWindow, .unrelated: return nil
    }
  }

  static func describe(_ meaning: DateMeaning) -> String {
    switch meaning {
    case .applicationCutoff, .applicationWindow: return "application cutoff"
    case .start: return "start date"
    case .end: return "end date"
    case .posted: return "posted date"
    case .interview: return "interview"
    case .assessment: return "assessment"
    case .offerResponse: return "offer response"
    case .unrelated: return "date of something else"
    }
  }

  static func monthName(_ month: Int) -> String {
    let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"]
    return (1...12).contains(month) ? names[month - 1] : "month \(month)"
  }
}
