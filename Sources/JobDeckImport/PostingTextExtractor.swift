import Foundation
import JobDeckCore

/// Turns a job ad pasted as plain text into a draft: fields, pay, tags, and every date with the
/// phrase it came from. Deterministic: the same text and import date give the same draft.
public enum PostingTextExtractor {
  public static func extract(text: String, importDate: CivilDate, source: String?) -> PostingDraft {
    var text = unixLineBreaks(text)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let pasted = text
    text = PastedPageTail.removed(from: text)
    let window = AnalysedText.window(of: text)
    text = window.text
    let finder = PostingFieldFinder(text: text)
    let titleReading = finder.titleReading()
    let title = titleReading?.value
    let clauses = Clauses.split(text)
    let dates = DatePhraseExtractor(importDate: importDate).extract(from: text)
    var terms = EmploymentTermsExtractor.extract(from: text, startDate: dates.startDate)

    var deadlines = dates.deadlines + terms.deadlines
    var remarks = (window.remark.map { [$0] } ?? []) + dates.remarks + terms.remarks
    terms.terms.contractEnd = dates.contractEnd
    if dates.contractEnd == nil, let start = dates.startDate, let length = terms.contractLength,
      let phrase = terms.contractLengthPhrase
    {
      let end = length.lastDayOfTerm(startingOn: start)
      terms.terms.contractEnd = end
      deadlines.append(
        Deadline(id: "", kind: .contractEnd, due: .allDay(end),
                 phrase: phrase + " [end computed: start \(start) + \(length)]",
                 owner: .posting(""), origin: .imported))
      remarks.append("Contract end \(end) computed from the start \(start) and “\(phrase)”.")
    } else if dates.startDate == nil, dates.contractEnd == nil, let length = terms.contractLength,
      let phrase = terms.contractLengthPhrase
    {
      remarks.append("Duration \(length) (“\(phrase)”): the end date follows once the start date is known.")
    }
    for phrase in dates.openDates {
      remarks.append("No date, only “\(phrase)”.")
    }

    let typeText = finder.labelled(PostingFieldFinder.typeLabels)
    let company = finder.companyReading(title: title)
    let posting = Posting(
      id: "",
      title: title ?? "",
      company: company?.value ?? "",
      location: finder.location(),
      workplace: workplace(in: text),
      employmentType: employmentType(title: title, labelled: typeText, text: text),
      url: nil,
      source: source,
      posted: dates.posted,
      compensation: CompensationParser.compensation(in: clauses),
      tags: tags(in: text),
      description: pasted,
      createdAt: importDate.instant(hour: 12, in: TimeZone(identifier: "UTC") ?? .current))
    var draft = PostingDraft(posting: posting, deadlines: deadlines, remarks: remarks,
                             openDates: dates.openDates, terms: terms.terms,
                             explanations: dates.explanations)
    if let company { draft.explanations["company"] = company.explanation }
    if let titleReading { draft.explanations["title"] = titleReading.explanation }
    draft.dropDatesOutsideSupportedRange()
    return draft
  }

  /// `\r\n` and `\r` as `\n`, byte by byte (the text is UTF-8, where a CR byte is only ever a
  /// CR); Foundation's `replacingOccurrences` bridges a 2 MB ad through NSString twice.
  static func unixLineBreaks(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var afterCR = false
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\n"), afterCR {
        afterCR = false
        continue
      }
      afterCR = byte == UInt8(ascii: "\r")
      bytes.append(afterCR ? UInt8(ascii: "\n") : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The title decides first (an internship ad mentions "full-time" too), then a labelled
  /// "Employment type" line, then the whole text, most specific type first.
  static func employmentType(title: String?, labelled: String?, text: String) -> EmploymentType? {
    for source in [title, labelled].compactMap({ $0 }) {
      if let type = employmentType(in: source, isTitle: true) { return type }
    }
    guard let found = employmentType(in: text, isTitle: false) else { return nil }
    // "You will mentor our interns": an early-career word in the body of an ad whose title
    // does not say so is trusted only if it recurs or nothing else names the type.
    if [.internship, .workingStudent, .graduateProgramme].contains(found) {
      let pattern: TextPattern
      switch found {
      case .internship: pattern = PostingVocabulary.internship
      case .workingStudent: pattern = PostingVocabulary.workingStudent
      default: pattern = PostingVocabulary.graduateProgramme
      }
      let senior = title.map { PostingVocabulary.seniorTitle.isFound(in: $0) } ?? false
      let other = employmentType(in: text, excluding: [.internship, .workingStudent, .graduateProgramme])
      if senior || (pattern.count(in: text) < 2 && other != nil) { return other }
    }
    return found
  }

  private static func employmentType(in text: String, excluding: Set<EmploymentType>)
    -> EmploymentType?
  {
    if !excluding.contains(.contract), PostingVocabulary.contract.isFound(in: text) { return .contract }
    if PostingVocabulary.fullTime.isFound(in: text) { return .fullTime }
    if PostingVocabulary.partTime.isFound(in: text) { return .partTime }
    return nil
  }

  private static func employmentType(in text: String, isTitle: Bool) -> EmploymentType? {
    if PostingVocabulary.internship.isFound(in: text)
      || (isTitle && PostingVocabulary.internshipTitle.isFound(in: text))
    {
      return .internship
    }
    if PostingVocabulary.workingStudent.isFound(in: text) { return .workingStudent }
    if PostingVocabulary.graduateProgramme.isFound(in: text) { return .graduateProgramme }
    if PostingVocabulary.contract.isFound(in: text)
      || (isTitle && PostingVocabulary.contractTitle.isFound(in: text))
    {
      return .contract
    }
    if PostingVocabulary.fullTime.isFound(in: text) { return .fullTime }
    if PostingVocabulary.partTime.isFound(in: text) { return .partTime }
    return nil
  }

  static func workplace(in text: String) -> Workplace? {
    if PostingVocabulary.notRemote.isFound(in: text) { return .onSite }
    // A header line such as "Remote - US" states the workplace outright.
    let header = text.split(whereSeparator: \.isNewline).prefix(10).map(String.init)
    if header.contains(where: {
      $0.count <= 40 && PostingFieldFinder.remoteLine.isFound(in: $0.trimmingCharacters(in: .whitespaces))
        && !PostingVocabulary.hybrid.isFound(in: $0)
    }) {
      return .remote
    }
    if PostingVocabulary.fullyRemote.isFound(in: text) { return .remote }
    if PostingVocabulary.hybrid.isFound(in: text) { return .hybrid }
    let remote = PostingVocabulary.remote.isFound(in: text)
    let onSite = PostingVocabulary.onSite.isFound(in: text)
    if remote, onSite { return .hybrid }
    if remote { return .remote }
    if onSite { return .onSite }
    return nil
  }

  static func tags(in text: String) -> [String] {
    var found: [(name: String, offset: Int)] = []
    for (name, pattern) in PostingVocabulary.skills {
      guard let match = pattern.firstMatch(in: text) else { continue }
      found.append((name, text.distance(from: text.startIndex, to: match.range.lowerBound)))
    }
    found.sort { $0.offset != $1.offset ? $0.offset < $1.offset : $0.name < $1.name }
    return found.map(\.name)
  }
}
