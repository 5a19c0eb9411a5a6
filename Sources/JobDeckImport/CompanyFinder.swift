import Foundation
import JobDeckCore

/// A field read from an ad, with the words it came from and the rule that read them, so that
/// the preview and `import --explain` can show why.
struct FieldReading: Equatable {
  var value: String
  var phrase: String
  var rule: String

  var explanation: FieldExplanation { FieldExplanation(phrase: phrase, rule: rule) }
}

/// The hiring company, found as a person finds it: a labelled line, the header under the title,
/// "At Acme we…", a name with its legal form, an institution's name, "About Acme", "Acme is
/// hiring", "Join Acme", the contact's e-mail domain. Never a fragment such as "About us".
extension PostingFieldFinder {
  func companyReading(title: String?) -> FieldReading? {
    if let value = labelled(Self.companyLabels) {
      return FieldReading(value: Self.withoutTrailingPlace(value), phrase: value,
                          rule: "a “Company:” line")
    }
    if let titleLine = lines.first(where: { line in title.map { line.contains($0) } ?? false }),
      let company = Self.splitTitle(titleLine).company.map(CompanyFinder.strippingCareersWords),
      !CompanyFinder.isFragment(company)
    {
      return FieldReading(value: company, phrase: titleLine, rule: "the title line “<title> at/| <company>”")
    }
    if let header = headerLine(after: title), let company = header.first,
      PostingVocabulary.places.firstMatch(in: company)?.range.lowerBound != company.startIndex,
      !Self.isPlace(company),
      !Self.jobWords.isFound(in: company), !PostingVocabulary.remote.isFound(in: company),
      !CompanyFinder.isFragment(company)
    {
      return FieldReading(value: company, phrase: header.joined(separator: " · "),
                          rule: "the job board's header under the title (company · place · …)")
    }
    let text = lines.joined(separator: "\n")
    if let found = CompanyFinder.atNameWe(in: text) { return found }
    let titleLine = title.flatMap { title in lines.firstIndex { $0.contains(title) } }
    if let found = CompanyFinder.legalName(in: lines.prefix(8).joined(separator: "\n"))
      ?? CompanyFinder.institution(in: lines.prefix(6).enumerated().filter { $0.offset != titleLine }
        .map(\.element))
      ?? CompanyFinder.legalName(in: text)
      ?? CompanyFinder.about(in: lines)
      ?? CompanyFinder.hiring(in: lines)
    {
      return found
    }
    if let name = lineUnderTitle(title) {
      return FieldReading(value: name, phrase: name, rule: "the line under the title, above the place")
    }
    return CompanyFinder.weAre(in: lines.prefix(30)) ?? CompanyFinder.join(in: lines)
      ?? CompanyFinder.isA(in: lines) ?? CompanyFinder.emailDomain(in: text)
  }
}

extension PostingFieldFinder {
  /// "Nordlicht Energie GmbH, Hamburg": a labelled company line often names the place after a
  /// comma. Only a place and nothing else is taken off ("Acme, Inc." and "Smith, Jones &
  /// Partners" stay whole).
  static func withoutTrailingPlace(_ value: String) -> String {
    guard let comma = value.firstIndex(of: ",") else { return value }
    let name = value[..<comma].trimmingCharacters(in: .whitespaces)
    let rest = value[value.index(after: comma)...].trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, !rest.isEmpty, isOnlyPlace(rest) else { return value }
    return name
  }

  /// "Hamburg", "Lyon, France", "Austin, TX": a place with nothing else on the line.
  static func isOnlyPlace(_ text: String) -> Bool {
    if placeShape.isFound(in: text) { return true }
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    return parts.allSatisfy { part in
      guard let match = PostingVocabulary.places.firstMatch(in: part) else { return false }
      return match.range == part.startIndex..<part.endIndex
    }
  }
}

enum CompanyFinder {
  /// A capitalised name of up to six words, small joining words allowed inside it
  /// ("Bundesamt für Kartographie und Geodäsie", "Fournil des Halles", "Harbour & Finch").
  static let name =
    #"\p{Lu}[\p{L}\p{N}&.'’-]*(?:[ \t]+(?:(?:of|for|and|de|di|du|des|der|für|und|y|e|et|van|von|la|le|del|degli|della|do|da|dos|das|&)[ \t]+)?\p{Lu}[\p{L}\p{N}&.'’-]*){0,5}"#
  /// Legal forms, longest first so that "GmbH & Co. KG" wins over "GmbH".
  static let legalForms =
    #"GmbH & Co\. KG|S\.A\. de C\.V\.|sp\. z o\.o\.|Pvt\.? Ltd\.?|Private Limited|S\.p\.A\.|S\.r\.l\.|S\.à r\.l\.|S\.A\.S\.?|S\.L\.|S\.A\.|B\.V\.|N\.V\.|e\.V\.|gGmbH|GmbH|KGaA|AG|SE|KG|Ltda\.?|Lda\.?|Ltd\.?|Limited|LLC|LLP|Inc\.?|plc|PLC|Corporation|Corp\.?|SAS|SARL|SpA|Srl|SA|SL|BV|NV|AB|Oy|ASA|U\.A\.|& Co\.?"#
  private static let legalName = TextPattern(
    "(" + name + #")(,?[ \t]+(?:"# + legalForms + #"))(?![\p{L}\p{N}])"#, caseSensitive: true)
  /// Articles and words that may open a sentence before a name ("Die Lumenta Health AG…").
  private static let leadingWords: Set<String> = [
    "The", "Die", "Der", "Das", "La", "Le", "Les", "El", "Los", "Las", "A", "O", "Il", "Lo", "Het",
    "De", "Our", "Wir", "We", "Join", "At", "About", "Client", "Our client", "Chez", "Bei", "Über",
    "Sobre",
  ]

  /// "We", "Our team", "About us": words that stand where a name would and are none.
  static func isFragment(_ name: String) -> Bool {
    let generic: Set<String> = [
      "we", "our", "the", "this", "you", "us", "wir", "nous", "il", "our team", "about us", "team",
      "uns", "nosotros", "ons", "nas", "careers", "jobs", "home", "company", "the company",
      "the team", "the role", "the job", "job", "karriere", "emploi", "empleo", "carrières",
    ]
    return generic.contains(name.lowercased()) || name.count < 2
      || !(name.first?.isUppercase ?? false) && !(name.first?.isNumber ?? false)
  }

  /// Drops a sentence's opening article: "Die Lumenta Health" → "Lumenta Health".
  static func trimmed(_ name: String) -> String {
    var words = name.split(separator: " ").map(String.init)
    while words.count > 1, let first = words.first, leadingWords.contains(first) {
      words.removeFirst()
    }
    return words.joined(separator: " ")
  }

  private static let atNameWe = TextPattern(
    #"(?:^|[.!?]\s+|\n)(?:At|Bei|Chez|Bij)\s+("# + name + #"),?\s+(?:we|our|wir|unser\w*|nous|nos|wij|onze)\b"#,
    caseSensitive: true)

  static func atNameWe(in text: String) -> FieldReading? {
    guard let match = atNameWe.firstMatch(in: text), let value = match.group(0),
      !isFragment(value)
    else { return nil }
    return FieldReading(value: value, phrase: match.value.trimmingCharacters(in: .whitespacesAndNewlines),
                        rule: "a sentence that begins “At <name> we”")
  }

  /// "Hooli B.V.", "Wir, die Felsberg Maschinenbau GmbH, …": the name before a legal form.
  static func legalName(in text: String) -> FieldReading? {
    for match in legalName.matches(in: text) {
      guard let rawName = match.group(0), let form = match.group(1) else { continue }
      let name = trimmed(rawName)
      guard !isFragment(name), !PostingFieldFinder.jobWords.isFound(in: name) else { continue }
      return FieldReading(value: name + form, phrase: phraseAround(match.range, in: text),
                          rule: "a name with its legal form (\(form.trimmingCharacters(in: CharacterSet(charactersIn: ", "))))")
    }
    return nil
  }

  /// Public bodies and universities, which have no legal form: "Comune di Valverde",
  /// "Department of Economics, Westmoor University" (the university, not its department).
  private static let institutionWord = TextPattern(
    #"\b(?:universit(?:y|ät|é|à|at|eit|ade|ad)|uniwersytet|politechnika|politecnico|hochschule|college|institut[eo]?|istituto|hospital|klinik\w*|sparkasse|comune|ayuntamiento|câmara municipal|provincie|gemeente|ville de|mairie|stadt|landkreis|bundesamt|landesamt|ministerium|ministry|ministère|fundaci[óo]n|fondation|stiftung|funda[çc][ãa]o|fondazione|trust|council|state of)\b"#)
  private static let secondaryInstitutionWord = TextPattern(
    #"\b(?:department|agency|administration|school of|faculty|fakultät|direction|dipartimento|departamento)\b"#)
  private static let hiringVerb =
    #"(?:is|are)\s+(?:hiring|looking|seeking|recruiting|growing)|sucht|recherche|busca|zoekt|poszukuje|cerca|está contratando|ogłasza|invites|seeks"#

  static func institution<Lines: Sequence<String>>(in lines: Lines) -> FieldReading? {
    for line in lines where line.count <= 80 && !line.hasSuffix(".")
      && line.split(separator: " ").count <= 8 && !PostingFieldFinder.labelLine.isFound(in: line)
      && !PostingFieldFinder.genderMarker.isFound(in: line)
    {
      let parts = line.components(separatedBy: CharacterSet(charactersIn: ",–—|·"))
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      let chosen = parts.first(where: { institutionWord.isFound(in: $0) })
        ?? parts.first(where: { secondaryInstitutionWord.isFound(in: $0) })
      // "Department" alone is a fact box's label, not a name.
      if let chosen, chosen.split(separator: " ").count >= 2,
        !PostingFieldFinder.jobWords.isFound(in: chosen), !PostingFieldFinder.factLabel.isFound(in: chosen)
      {
        return FieldReading(value: chosen, phrase: line, rule: "an institution's name on a line of its own")
      }
    }
    // "Das Bundesamt für … sucht", "Politechnika Mazurska ogłasza konkurs".
    for line in lines {
      if let match = hiring.firstMatch(in: line), let value = match.group(0),
        institutionWord.isFound(in: value)
      {
        return FieldReading(value: value, phrase: line, rule: "an institution that announces the post")
      }
    }
    return nil
  }

  private static let about = TextPattern(
    #"^(?:about|über|à propos d[e']|a propos d[e']|sobre|over|o firmie|chi è|wie zijn)\s*(?:(?:a|o|la|el|the|die|der|das|l['’])\s+)?(.{2,60}?)[:.]?$"#)
  private static let generic = TextPattern(
    #"^(?:the (?:job|role|team|position|company|opportunity|internship|program|programme)|you|us|this (?:role|job|position)|uns|nous|nosotros|ons|nas|la empresa|l'entreprise|l’entreprise|le poste|die stelle|das team|the employer|our team|the company|the job|el puesto|o cargo|de functie|nas|noi|siamo)$"#)

  static func about(in lines: [String]) -> FieldReading? {
    for line in lines {
      if let match = about.firstMatch(in: line), let name = match.group(0),
        !generic.isFound(in: name), !isFragment(name)
      {
        return FieldReading(value: name, phrase: line, rule: "a heading “About <name>”")
      }
    }
    return nil
  }

  private static let hiring = TextPattern(
    #"(?:^|[.!?]\s+)(?:(?:The|A|O|La|El|Die|Das|Der|Il|Het)\s+)?("# + name + #")\s+(?:"# + hiringVerb
      + ")", caseSensitive: true)

  static func hiring(in lines: [String]) -> FieldReading? {
    sentenceName(hiring, in: lines, rule: "a sentence “<name> is hiring / sucht / recherche …”")
  }

  /// The first line where `pattern`'s first group is a name (not "We", not a job title).
  private static func sentenceName(_ pattern: TextPattern, in lines: [String], rule: String)
    -> FieldReading?
  {
    for line in lines {
      if let match = pattern.firstMatch(in: line), let value = match.group(0).map(trimmed),
        !isFragment(value), !PostingFieldFinder.jobWords.isFound(in: value)
      {
        return FieldReading(value: value, phrase: line, rule: rule)
      }
    }
    return nil
  }

  /// "Hey there! We're Kiwibit, a fintech…": a name in apposition after "we are".
  private static let weAre = TextPattern(
    #"\b(?i:we're|we’re|we are|wir sind|nous sommes|somos|wij zijn|jesteśmy|siamo)\s+(?:(?i:die|der|das|the|la|le|les|el|los|het|de)\s+)?((?:[A-Z][\w&.'’-]*)(?:\s+[A-Z][\w&.'’-]*){0,2}?)\s*(?:,|\(|–|—| - |[.!](?:\s|$))"#,
    caseSensitive: true)

  static func weAre<Lines: Sequence<String>>(in lines: Lines) -> FieldReading? {
    for line in lines {
      if let name = weAre.firstMatch(in: line)?.group(0), !isFragment(name),
        !PostingVocabulary.places.isFound(in: name), !PostingFieldFinder.notCompany.isFound(in: name)
      {
        return FieldReading(value: name, phrase: line, rule: "“we are <name>”")
      }
    }
    return nil
  }

  private static let join = TextPattern(
    #"(?:\b(?i:join|joining|rejoignez|rejoins|rejoindre|únete a|unisciti a|junte-se à|dołącz do|werken bij|kom werken bij|werde teil von|komm zu|bei|chez)|\b(?:work|working|careers?|roles?|jobs?|positions?|team|life|internships?|opportunit(?:y|ies)|engineering|here|us|you|culture|people|benefits)\s+at)\s+("# + name + ")",
    caseSensitive: true)

  static func join(in lines: [String]) -> FieldReading? {
    for line in lines {
      for match in join.matches(in: line) {
        guard let value = match.group(0).map(trimmed), !isFragment(value),
          !isFragment(String(value.split(separator: " ").first ?? "")),
          PostingVocabulary.places.firstMatch(in: value)?.range.lowerBound != value.startIndex,
          DateVocabulary.month(named: String(value.split(separator: " ").first ?? "")) == nil
        else { continue }
        return FieldReading(value: value, phrase: line, rule: "“Join <name>” / “work at <name>”")
      }
    }
    return nil
  }

  /// "Maison Papillon est une marque de cosmétiques", "Acme is a fast-growing fintech": a
  /// sentence that says what kind of business the name is.
  private static let isA = TextPattern(
    #"(?:^|[.!?]\s+)("# + name + #")\s+(?:is|est|ist|es|è|é|is een|jest)\s+(?:a|an|une?|ein|eine|una?|um|uma|een|l['’]|la|le|el)\s*(?:[\p{L}-]+\s+){0,3}?(?i:company|startup|start-up|scale-up|business|firm|brand|agency|group|platform|provider|manufacturer|retailer|bank|fintech|consultancy|studio|marque|entreprise|société|agence|groupe|plateforme|unternehmen|firma|marke|agentur|empresa|marca|agencia|azienda|società|agenzia|bedrijf|merk|spółka|organi[sz]ation|organisme|charity|non-profit|nonprofit)\b"#,
    caseSensitive: true)

  static func isA(in lines: [String]) -> FieldReading? {
    sentenceName(isA, in: lines, rule: "“<name> is a company / est une marque …”")
  }

  private static let email = TextPattern(#"\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)\b"#)

  static func emailDomain(in text: String) -> FieldReading? {
    for match in email.matches(in: text) {
      guard let domain = match.group(0), let value = name(fromHost: domain) else { continue }
      return FieldReading(value: value, phrase: match.value, rule: "the contact's e-mail domain")
    }
    return nil
  }

  /// The words around a match, cut at line ends, for the explanation.
  static func phraseAround(_ range: Range<String.Index>, in text: String) -> String {
    let start = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) }
      ?? text.startIndex
    let end = text[range.upperBound...].firstIndex(of: "\n") ?? text.endIndex
    return String(text[start..<end]).trimmingCharacters(in: .whitespaces)
  }

  // MARK: - The page around the ad

  private static let careersWords = TextPattern(
    #"^(?:careers?|jobs?|karriere|stellenangebote|recrutement|carrières?|emplois?|empleo|trabaja con nosotros|lavora con noi|carreiras?|vacatures|werken bij|kariera|praca)\s*(?:at|bei|chez)?\s+|\s+(?:careers?|jobs?|karriere|stellenangebote|recrutement|carrières?|emplois?|empleo|carreiras?|vacatures|kariera)$"#)

  private static let titleAt = TextPattern(
    #"^.{3,}?\s+(?:at|bei|chez|@)\s+(\p{Lu}.{1,60})$"#, caseSensitive: true)

  /// A page's `<title>` ("ML Engineer at Brightwave Audio", "… | Hopfenwerk Karriere") or its
  /// `og:site_name`, when the ad's text names no company.
  static func fromPage(title pageTitle: String?, siteName: String?, jobTitle: String) -> FieldReading? {
    if let pageTitle {
      if let name = titleAt.firstMatch(in: pageTitle)?.group(0) {
        let value = strippingCareersWords(name)
        if !isFragment(value) {
          return FieldReading(value: value, phrase: "<title>\(pageTitle)</title>",
                              rule: "the page's title “<job> at <company>”")
        }
      }
      let parts = pageTitle.components(separatedBy: " | ").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      for part in parts.dropFirst() where part != jobTitle {
        let value = strippingCareersWords(part)
        if value != part || parts.count == 2, !isFragment(value),
          !PostingVocabulary.places.isFound(in: value), !PostingFieldFinder.jobWords.isFound(in: value)
        {
          return FieldReading(value: value, phrase: "<title>\(pageTitle)</title>",
                              rule: "the page's title “<job> | <company> Careers”")
        }
      }
    }
    if let siteName {
      let value = strippingCareersWords(siteName)
      let host = value.lowercased().replacingOccurrences(of: " ", with: "")
      if !isFragment(value), !boardHosts.contains(host),
        !boardHosts.contains(where: { host.hasPrefix($0 + ".") })
      {
        return FieldReading(value: value, phrase: "og:site_name \(siteName)",
                            rule: "the page's og:site_name")
      }
    }
    return nil
  }

  static func strippingCareersWords(_ text: String) -> String {
    var value = text.trimmingCharacters(in: .whitespaces)
    while let match = careersWords.firstMatch(in: value) {
      value.removeSubrange(match.range)
      value = value.trimmingCharacters(in: .whitespaces)
    }
    return value
  }

  /// Job boards and applicant-tracking hosts: their name is never the employer's.
  static let boardHosts: Set<String> = [
    "linkedin", "indeed", "stepstone", "glassdoor", "monster", "xing", "welcometothejungle",
    "greenhouse", "lever", "workable", "personio", "smartrecruiters", "myworkdayjobs", "workday",
    "usajobs", "naukri", "infojobs", "pracuj", "nofluffjobs", "justjoin", "jobs", "recruitee",
    "bamboohr", "ashbyhq", "teamtailor", "jobteaser", "apec", "francetravail", "indeedjobs",
    "example", "example-board", "gmail", "googlemail", "outlook", "hotmail", "yahoo", "gmx",
    "web", "icloud", "proton", "protonmail", "bund", "service", "arbeitsagentur", "interamt",
    "catho", "vagas", "computrabajo", "jooble", "talent", "reed", "totaljobs", "cv-library",
    "jobindex", "nationalevacaturebank", "werkzoeken", "olx", "subito", "jobsboard", "board",
  ]

  /// Second-level labels under which a country registers names ("co.uk", "com.br").
  private static let secondLevel: Set<String> = ["co", "com", "org", "net", "ac", "gov", "edu", "gob"]

  /// "jobs.shamrockfreight.ie" → "Shamrockfreight": the registered name, capitalised; nil for
  /// a job board's or a mail provider's host and for bare addresses.
  static func name(fromHost host: String) -> String? {
    var labels = host.lowercased().split(separator: ".").map(String.init)
    guard labels.count >= 2, !labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
    labels.removeLast()
    if labels.count >= 2, let last = labels.last, secondLevel.contains(last) { labels.removeLast() }
    guard let name = labels.last, !name.isEmpty, !boardHosts.contains(name) else { return nil }
    return name.prefix(1).uppercased() + name.dropFirst()
  }
}
