/// Decides whether "03/04/2025" in an ad means 3 April or 4 March, from the rest of the ad.
///
/// An unambiguous slash date elsewhere ("15/04/2025") settles it outright. Otherwise the
/// currency, places and language vote; a date is read only when every cue points the same way,
/// so a US dollar salary in a London ad leaves it flagged rather than guessed.
enum DateOrderCues {
  private static let slashDate = TextPattern(#"\b(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})\b"#)
  private static let monthFirstCurrency = TextPattern(#"(?<![A-Za-z])(?:US\$|USD)|(?<![A-Z])\$\s?\d"#, caseSensitive: true)
  private static let dayFirstCurrency = TextPattern(
    #"€|£|\b(?:EUR|GBP|CHF|PLN|INR|AUD|NZD|SEK|NOK|DKK)\b|\bzł|₹|A\$|NZ\$"#, caseSensitive: true)
  private static let monthFirstPlaces = TextPattern(
    #"\b(?:United States|USA|U\.S\.A?\.?|New York|NYC|San Francisco|Los Angeles|Seattle|Boston|Chicago|Austin|Denver|Atlanta|Miami|Washington,? D\.?C|Philadelphia|San Diego|San Jose|Palo Alto|Mountain View|Menlo Park|Remote \(US\)|US-based|US only)\b"#)
  private static let dayFirstPlaces = TextPattern(
    #"\b(?:United Kingdom|UK|England|Scotland|Ireland|London|Manchester|Edinburgh|Dublin|Germany|Deutschland|Berlin|Munich|München|Hamburg|Frankfurt|Cologne|Köln|Stuttgart|France|Paris|Lyon|Spain|España|Madrid|Barcelona|Netherlands|Nederland|Amsterdam|Rotterdam|Utrecht|Eindhoven|Belgium|Brussels|Poland|Polska|Warsaw|Warszawa|Kraków|Krakow|Wrocław|Austria|Vienna|Wien|Switzerland|Zurich|Zürich|Geneva|Italy|Milan|Rome|Portugal|Lisbon|Sweden|Stockholm|Denmark|Copenhagen|Norway|Oslo|Finland|Helsinki|India|Bangalore|Bengaluru|Mumbai|Australia|Sydney|Melbourne|New Zealand|Auckland|Singapore|EU|Europe|EMEA)\b"#)
  private static let nonEnglish = TextPattern(
    #"\b(?:und|der|die|das|mit|wir|für|sie|le|la|les|et|des|nous|pour|avec|el|los|las|y|con|para|nosotros|het|een|wij|voor|met|jij|oraz|dla|jest|się|na|w)\b"#)
  private static let nonEnglishMonth = TextPattern(
    #"\d\.?\s*(?:de\s+)?(?:"# + DateVocabulary.nonEnglishMonthAlternation + #")\b"#)
  private static let english = TextPattern(#"\b(?:the|and|with|you|we|for|our|will|are)\b"#)

  static func order(in text: String) -> NumericDateOrder? {
    var dayFirstDecisive = false
    var monthFirstDecisive = false
    for match in slashDate.matches(in: text) {
      guard let first = match.group(0).flatMap({ Int($0) }),
        let second = match.group(1).flatMap({ Int($0) })
      else { continue }
      if first > 12, second <= 12 { dayFirstDecisive = true }
      if second > 12, first <= 12 { monthFirstDecisive = true }
    }
    if dayFirstDecisive != monthFirstDecisive { return dayFirstDecisive ? .dayFirst : .monthFirst }

    var dayFirstVotes = 0
    var monthFirstVotes = 0
    if dayFirstCurrency.isFound(in: text) { dayFirstVotes += 1 }
    if monthFirstCurrency.isFound(in: text) { monthFirstVotes += 1 }
    if dayFirstPlaces.isFound(in: text) { dayFirstVotes += 1 }
    if monthFirstPlaces.isFound(in: text) { monthFirstVotes += 1 }
    // Every language the importer reads except (American) English writes the day first.
    var foreignWords = nonEnglish.count(in: text)
    // "6 février 2026" in a French ad speaks for its "08/01/2026".
    if nonEnglishMonth.isFound(in: text) { foreignWords += 3 }
    let englishWords = english.count(in: text)
    if foreignWords > englishWords, foreignWords >= 3 { dayFirstVotes += 1 }
    if dayFirstVotes > 0, monthFirstVotes == 0 { return .dayFirst }
    if monthFirstVotes > 0, dayFirstVotes == 0 { return .monthFirst }
    return nil
  }
}
