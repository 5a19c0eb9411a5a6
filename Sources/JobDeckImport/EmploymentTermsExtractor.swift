import JobDeckCore

/// Probation, initial terms and programme lengths, which become deadlines once the start date
/// is known: "Probezeit 6 Monate", "3 months initial + 9 months extension, subject to a
/// performance review at the end of the first 3-month term", "Duration: 6 months".
enum EmploymentTermsExtractor {
  struct Result {
    var terms = EmploymentTerms()
    var deadlines: [Deadline] = []
    var remarks: [String] = []
    /// The programme or contract length, when stated as one number.
    var contractLength: Period?
    var contractLengthPhrase: String?
  }

  private static let probation = TextPattern(
    #"\b(?:probation\w*|probezeit|p[ée]riode d'essai|p[ée]riode d’essai|per[ií]odo de prueba|proeftijd|okres\w* próbn\w*|trial period|introductory period)"#)
  private static let initialTerm = TextPattern(
    #"\binitial\b|\berste[nr]?\b|\binitiale?\b|\binicial\b|\beerste\b|\bpierwsz\w*"#)
  private static let review = TextPattern(
    #"\b(?:review|evaluation|appraisal|assessment|check-in|beurteilung|bewertung|feedbackgespräch|zwischengespräch|évaluation|bilan|evaluaci[oó]n|revisi[oó]n|beoordeling|evaluatie|functioneringsgesprek|ocen\w*)\b"#)
  private static let recurring = TextPattern(
    #"\b(?:every|each|annual|yearly|quarterly|alle|jährlich\w*|chaque|tous les|cada|anual|elke|co)\b"#)
  private static let contractCue = TextPattern(
    #"\b(?:duration|length|lasting|lasts|will last|runs for|run for|for a period of|fixed[- ]term|befristet\w*|dauer|laufzeit|praktikumsdauer|dur[ée]e|duraci[oó]n|duur|czas trwania|internship|praktikum|stage|pr[áa]cticas|beca|staż\w*|programme|program|placement|contract|vertrag|contrat|contrato|CDD|assignment|mission|traineeship|trainee|intern|werkstudent\w*|stagiair\w*|umowa)\b"#)
  private static let excluded = TextPattern(
    #"\b(?:experience|erfahrung\w*|exp[ée]rience|experiencia|ervaring|doświadczeni\w*|notice|kündigungsfrist|pr[ée]avis|preaviso|opzegtermijn|wypowiedzeni\w*|vacation|holidays?|urlaub\w*|leave|cong[ée]s?|vacaciones|vakantie\w*|urlop\w*|parental|ago|old|alt|semesters?|study|studium|per week|pro woche|par semaine|hours)\b"#)

  static func extract(from text: String, startDate: CivilDate?) -> Result {
    var result = Result()
    let clauses = Clauses.split(text)
    for clause in clauses {
      let durations = DurationScanner.durations(in: clause.text)
      guard !durations.isEmpty else { continue }
      let isProbation = probation.isFound(in: clause.text)
      if isProbation, result.terms.probation == nil,
        let duration = nearest(durations, to: probation.firstMatch(in: clause.text)?.range,
                             in: clause.text)
      {
        result.terms.probation = duration.longest
        if duration.isRange {
          result.remarks.append(
            "Probation stated as a range in “\(Clauses.phrase(clause.text, around: duration.range))”: took the longest, \(duration.longest).")
        }
      }
      if let reviewMatch = review.firstMatch(in: clause.text), !recurring.isFound(in: clause.text),
        result.terms.probationReviewAfter == nil,
        isProbation || initialTerm.isFound(in: clause.text) || clause.text.folded.contains("end of"),
        let duration = durations.first(where: { $0.range.lowerBound > reviewMatch.range.lowerBound })
          ?? durations.last
      {
        let offset = duration.period(duration.minimum)
        result.terms.probationReviewAfter = offset
        result.deadlines.append(
          Deadline(id: "", kind: .probationReview, due: .relative(to: .startDate, offset: offset),
                   phrase: Clauses.phrase(clause.text, around: reviewMatch.range),
                   owner: .posting(""), origin: .imported))
        result.remarks.append(
          "Probation review at start + \(offset) (“\(Clauses.phrase(clause.text, around: reviewMatch.range))”): "
            + (startDate.map {
              let day = DeadlineDue.relativeDate(of: .probationReview, offset: offset, from: $0)
              return "\(day) from the stated start \($0)."
            } ?? "pending until the start date is known."))
      }
      // "3 months initial + 9 months extension": the initial term works as a probation term.
      if !isProbation, result.terms.probation == nil, initialTerm.isFound(in: clause.text),
        let first = durations.first, !excluded.isFound(in: clause.text)
      {
        result.terms.probation = first.period(first.minimum)
      }
      if !isProbation, result.contractLengthPhrase == nil, contractCue.isFound(in: clause.text),
        !excluded.isFound(in: clause.text), !review.isFound(in: clause.text),
        let duration = durations.first
      {
        let phrase = Clauses.phrase(clause.text, around: duration.range)
        result.contractLengthPhrase = phrase
        if duration.isRange {
          result.remarks.append("Duration stated as a range in “\(phrase)”: no end date computed.")
        } else {
          result.contractLength = duration.period(duration.minimum)
        }
      }
    }
    result.terms.startDate = startDate
    return result
  }

  private static func nearest(_ durations: [StatedDuration], to range: Range<String.Index>?,
                              in text: String) -> StatedDuration? {
    guard let range else { return durations.first }
    func distance(_ duration: StatedDuration) -> Int {
      abs(text.distance(from: range.lowerBound, to: duration.range.lowerBound))
    }
    return durations.min { distance($0) < distance($1) }
  }
}
