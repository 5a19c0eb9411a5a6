/// Month, weekday and number words in the languages job ads are written in (English, German,
/// French, Italian, Spanish, Portuguese, Dutch, Polish), with the regular-expression
/// alternations built from them.
enum DateVocabulary {
  /// Every spelling of every month, keyed by its folded form (lower case, no diacritics).
  /// Polish months appear in the nominative and the genitive ("marzec", "3 marca").
  /// Abbreviations that collide with common words ("ago" in "3 days ago", Polish "sie" against
  /// German "Sie") are left out on purpose.
  static let months: [String: Int] = {
    let spellings: [[String]] = [
      ["january", "jan", "januar", "janner", "janvier", "janv", "enero", "ene", "januari",
       "styczen", "stycznia", "sty", "gennaio", "gen", "janeiro"],
      ["february", "feb", "februar", "fevrier", "fevr", "fev", "febrero", "februari", "luty",
       "lutego", "lut", "febbraio", "fevereiro"],
      ["march", "mar", "marz", "maerz", "mrz", "mars", "marzo", "maart", "mrt", "marzec", "marca", "marco"],
      ["april", "apr", "avril", "avr", "abril", "abr", "kwiecien", "kwietnia", "kwi", "aprile"],
      ["may", "mai", "mayo", "mei", "maj", "maja", "maggio", "mag", "maio"],
      ["june", "jun", "juni", "juin", "junio", "czerwiec", "czerwca", "cze", "giugno", "giu", "junho"],
      ["july", "jul", "juli", "juillet", "juil", "julio", "lipiec", "lipca", "lip", "luglio", "lug", "julho"],
      ["august", "aug", "aout", "agosto", "augustus", "sierpien", "sierpnia"],
      ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "wrzesien", "wrzesnia",
       "wrz", "settembre", "setembro"],
      ["october", "oct", "oktober", "okt", "octobre", "octubre", "pazdziernik", "pazdziernika",
       "paz", "ottobre", "ott", "outubro"],
      ["november", "nov", "novembre", "noviembre", "listopad", "listopada", "lis", "novembro"],
      ["december", "dec", "dezember", "dez", "decembre", "diciembre", "dic", "grudzien", "grudnia",
       "gru", "dicembre", "dezembro"],
    ]
    var table: [String: Int] = [:]
    for (index, names) in spellings.enumerated() {
      for name in names { table[name] = index + 1 }
    }
    return table
  }()

  /// The month spellings as they may appear in text, diacritics included, longest first so
  /// that "septembre" wins over "sept".
  static let monthAlternation: String = {
    let written = [
      "jänner", "märz", "février", "févr", "fév", "août", "décembre", "déc", "styczeń",
      "kwiecień", "sierpień", "wrzesień", "września", "październik", "października", "grudzień",
      "paź", "março",
    ]
    let all = Set(months.keys).union(written)
    return all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
      .joined(separator: "|")
  }()

  /// Month spellings no English ad uses ("mars", "giugno", "października"): one in an ad says
  /// its numeric dates put the day first.
  static let nonEnglishMonthAlternation: String = {
    let english: Set<String> = [
      "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun",
      "july", "jul", "august", "aug", "september", "sep", "sept", "october", "oct", "november",
      "nov", "december", "dec",
    ]
    return monthAlternation.split(separator: "|").filter { word in
      word.count >= 4 && !english.contains(String(word).folded)
    }.joined(separator: "|")
  }()

  static func month(named word: String) -> Int? {
    var key = word.folded
    while key.hasSuffix(".") { key.removeLast() }
    return months[key]
  }

  /// ISO weekday numbers (1 = Monday) by folded spelling.
  static let weekdays: [String: Int] = {
    let spellings: [[String]] = [
      ["monday", "mon", "montag", "mo", "lundi", "lun", "lunes", "maandag", "poniedzialek"],
      ["tuesday", "tue", "tues", "dienstag", "di", "mardi", "mar", "martes", "dinsdag", "wtorek"],
      ["wednesday", "wed", "mittwoch", "mi", "mercredi", "mer", "miercoles", "woensdag", "sroda",
       "srode"],
      ["thursday", "thu", "thur", "thurs", "donnerstag", "do", "jeudi", "jeu", "jueves",
       "donderdag", "czwartek"],
      ["friday", "fri", "freitag", "fr", "vendredi", "ven", "viernes", "vrijdag", "piatek"],
      ["saturday", "sat", "samstag", "sa", "samedi", "sam", "sabado", "zaterdag", "sobota",
       "sobote"],
      ["sunday", "sun", "sonntag", "so", "dimanche", "dim", "domingo", "zondag", "niedziela",
       "niedziele"],
    ]
    var table: [String: Int] = [:]
    for (index, names) in spellings.enumerated() {
      for name in names { table[name] = index + 1 }
    }
    return table
  }()

  /// Full weekday names only (abbreviations such as "do" or "so" are ordinary words elsewhere).
  static let weekdayAlternation =
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|"
    + "fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|"
    + "mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|"
    + "sábado|sabado|domingo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    + "poniedziałek|wtorek|środa|środę|czwartek|piątek|sobota|sobotę|niedziela|niedzielę"

  static func weekday(named word: String) -> Int? { weekdays[word.folded] }

  /// Small numbers written as words, as durations use them ("six-week", "sechs Monate").
  static let numberWords: [String: Int] = [
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty-four": 24, "twenty": 20, "thirty": 30,
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12,
    "achtzehn": 18, "vierundzwanzig": 24,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "dix-huit": 18, "vingt-quatre": 24,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "dieciocho": 18,
    "veinticuatro": 24,
    "een": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "negen": 9, "tien": 10,
    "twaalf": 12,
    "jeden": 1, "jedna": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "piec": 5, "szesc": 6,
    "siedem": 7, "osiem": 8, "dziewiec": 9, "dziesiec": 10, "dwanascie": 12,
  ]

  static let numberWordAlternation: String = {
    let written = ["fünf", "zwölf", "pięć", "sześć", "dziewięć", "dziesięć", "dwanaście"]
    let all = Set(numberWords.keys).subtracting(["a", "an"]).union(written)
    return all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
      .joined(separator: "|")
  }()

  /// A number written in digits or as a word.
  static func number(from word: String) -> Int? {
    if let value = Int(word) { return value }
    return numberWords[word.folded]
  }
}
