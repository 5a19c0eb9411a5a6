import JobDeckCore

/// "Posted 3 days ago", "30+ days ago", "vor 2 Tagen", "il y a 5 jours": the posting's age as
/// job boards show it, counted back from the import date.
enum RelativePostedDateScanner {
  struct Found {
    var date: PostedDate
    var remark: String
    var phrase: String
  }

  private static let ago = TextPattern(
    #"\b(\d+)(\+)?\s*(d|days?|w|wks?|weeks?|mo|mos|months?|h|hrs?|hours?|m|mins?|minutes?)\s+ago\b"#)
  private static let foreignAgo = TextPattern(
    #"\b(?:vor|il y a|hace|hace más de|há|ha|há mais de|ponad|plus de)\s+(?:(mehr als|über|más de)\s+)?(\d+)(\+)?\s*(tagen?|tag|wochen?|monaten?|stunden?|jours?|semaines?|mois|heures?|d[ií]as?|semanas?|meses|horas?)\b|\b(\d+)(\+)?\s*(dagen|dag|weken|week|maanden|maand|uur|dni|dzień|tygodni|tydzień|miesięcy|miesiąc|godzin\w*|giorni|giorno|settimane|settimana|mesi|mese|ore|ora)\s+(?:geleden|temu|fa)\b"#)
  private static let today = TextPattern(
    #"\b(?:posted|published|listed|reposted|active|veröffentlicht|publié|publicado|geplaatst|opublikowano|dodano)\s*:?\s*(today|just now|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|vandaag|gisteren|dzisiaj|dziś|wczoraj)\b|\b(just posted|new today)\b"#)

  static func posted(in clauses: [Clause], importDate: CivilDate) -> Found? {
    for clause in clauses {
      if let match = today.firstMatch(in: clause.text) {
        let word = (match.group(0) ?? match.group(1) ?? "").folded
        let yesterday = ["yesterday", "gestern", "hier", "ayer", "gisteren", "wczoraj"]
          .contains(word)
        let date = importDate.adding(days: yesterday ? -1 : 0)
        return Found(date: PostedDate(date: date),
                     remark: "Posted date \(date) from “\(match.value)” (relative to the import date).",
                     phrase: match.value)
      }
      if let match = ago.firstMatch(in: clause.text),
        let count = match.group(0).flatMap({ Int($0) }), let unit = match.group(2)
      {
        return found(count: count, unit: unit, lowerBound: match.group(1) != nil,
                     phrase: match.value, importDate: importDate)
      }
      if let match = foreignAgo.firstMatch(in: clause.text) {
        let count = (match.group(1) ?? match.group(4)).flatMap { Int($0) }
        let unit = match.group(3) ?? match.group(6)
        let plus = match.group(2) != nil || match.group(5) != nil || match.group(0) != nil
          || match.value.folded.contains("plus de") || match.value.folded.contains("ponad")
          || match.value.folded.contains("mas de")
        if let count, let unit {
          return found(count: count, unit: unit, lowerBound: plus, phrase: match.value,
                       importDate: importDate)
        }
      }
    }
    return nil
  }

  private static func found(count: Int, unit: String, lowerBound: Bool, phrase: String,
                            importDate: CivilDate) -> Found? {
    let unit = unit.folded
    let date: CivilDate
    if unit.hasPrefix("h") || unit.hasPrefix("stund") || unit.hasPrefix("uur")
      || unit.hasPrefix("godzin") || unit == "m" || unit.hasPrefix("min") || unit.hasPrefix("or")
    {
      date = importDate
    } else if unit.hasPrefix("d") || unit.hasPrefix("tag") || unit.hasPrefix("jour")
      || unit.hasPrefix("giorn")
    {
      date = importDate.adding(days: -count)
    } else if unit.hasPrefix("w") || unit.hasPrefix("sem") || unit.hasPrefix("tyg")
      || unit.hasPrefix("tydz") || unit.hasPrefix("settiman")
    {
      date = importDate.adding(days: -7 * count)
    } else if unit.hasPrefix("mo") || unit.hasPrefix("mes") || unit.hasPrefix("mois")
      || unit.hasPrefix("maand") || unit.hasPrefix("miesi") || unit.hasPrefix("mes")
    {
      date = importDate.adding(months: -count)
    } else {
      return nil
    }
    let precision: PostedDate.Precision = lowerBound ? .onOrBefore : .exact
    let bound = lowerBound ? "on or before " : ""
    return Found(date: PostedDate(date: date, precision: precision),
                 remark: "Posted \(bound)\(date) from “\(phrase)” (relative to the import date).",
                 phrase: phrase)
  }
}

/// "Start: ASAP", "ab sofort", "rolling basis": the ad commits to no date, which the user should
/// still see.
enum OpenDateScanner {
  private static let open = TextPattern(
    #"\b(?:ASAP|as soon as possible|immediately|immediate start|start immediately|ab sofort|sofort|zum nächstmöglichen (?:zeitpunkt|termin)|nächstmöglich\w*|dès que possible|dès maintenant|immédiatement|de inmediato|incorporación inmediata|inmediata(?:mente)?|lo antes posible|per direct|per omgaand|zo snel mogelijk|zo spoedig mogelijk|od zaraz|od razu|jak najszybciej|flexible start(?: date)?|start date (?:is )?flexible|nach vereinbarung|to be agreed|à convenir|a convenir|in overleg|do uzgodnienia|natychmiast|(?:on )?a rolling basis|rolling (?:applications?|admissions?|deadline|recruitment)|open until filled|until (?:the )?(?:position|role|vacancy) (?:is|has been) filled|fortlaufend|laufend geprüft|au fil de l'eau|de forma continua|doorlopend)\b"#)

  static func phrases(in clauses: [Clause]) -> [String] {
    var phrases: [String] = []
    for clause in clauses {
      guard let match = open.firstMatch(in: clause.text) else { continue }
      let phrase = Clauses.phrase(clause.text, around: match.range)
      if !phrases.contains(phrase) { phrases.append(phrase) }
    }
    return phrases
  }
}

import Foundation
