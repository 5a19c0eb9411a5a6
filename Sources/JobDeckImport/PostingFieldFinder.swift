import JobDeckCore

/// Title, company and location from the layout people paste: labelled lines ("Location: …"),
/// a first strong line, "Title at Company", "About Company", "Company · City" header lines.
struct PostingFieldFinder {
  let lines: [String]

  init(text: String) {
    lines = text.split(whereSeparator: \.isNewline).map { String($0).collapsingWhitespace }
      .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "#*•·|-–— \t")) }
      .filter { !$0.isEmpty }
  }

  static let titleLabels =
    #"job ?title|title|position|role|job|vacancy|stelle|stellenbezeichnung|jobtitel|berufsbezeichnung|position|poste|intitulé du poste|titre du poste|puesto|vacante|cargo|functie|vacature|functietitel|stanowisko"#
  static let companyLabels =
    #"company|company name|employer|agency|organi[sz]ation|hiring organi[sz]ation|unternehmen|arbeitgeber|firma|entreprise|société|employeur|empresa|compañía|bedrijf|werkgever|organisatie|pracodawca|firma"#
  static let locationLabels =
    #"location|locations|job location|work location|place of work|based in|office|city|standort|arbeitsort|einsatzort|dienstort|ort|lieu|lieu de travail|localisation|ville|ubicación|ubicacion|localización|lugar de trabajo|ciudad|locatie|standplaats|werklocatie|plaats|lokalizacja|miejsce pracy|miasto"#
  static let typeLabels =
    #"employment type|job type|contract type|type of employment|type of contract|work type|schedule|anstellungsart|vertragsart|beschäftigungsart|art der anstellung|arbeitszeit|type de contrat|type d'emploi|type de poste|tipo de contrato|tipo de empleo|jornada|dienstverband|soort dienstverband|rodzaj umowy|typ umowy|wymiar pracy|wymiar etatu"#

  /// The value of the first "Label: value" line (or a label line followed by its value).
  func labelled(_ labels: String, accepting accept: (String) -> Bool = { _ in true }) -> String? {
    let inline = TextPattern(#"^(?:"# + labels + #")\s*[:：]\s*(.+)$"#)
    let alone = TextPattern(#"^(?:"# + labels + #")\s*[:：]?$"#)
    for (index, line) in lines.enumerated() {
      if let match = inline.firstMatch(in: line), let value = match.group(0) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, accept(trimmed) { return trimmed }
      }
      if alone.isFound(in: line), index + 1 < lines.count, lines[index + 1].count <= 100,
        accept(lines[index + 1])
      {
        return lines[index + 1]
      }
    }
    return nil
  }

  private static let boilerplate = TextPattern(
    #"^(?:skip to (?:main )?content|apply(?: now| for this job)?|easy apply|save(?: job)?|share(?: this job)?|sign in|log in|menu|home|jobs?|careers?|about the (?:job|role)|job description|description|overview|back to (?:search|jobs|results)|report (?:this )?job|cookies?.*|accept.*|promoted|actively recruiting|be an early applicant|see more|show more|job details|stellenbeschreibung|stellenangebot|offre d'emploi|description du poste|oferta de empleo|descripción|vacature|oferta pracy|new|neu|nouveau)$"#)
  /// "Salary: …", but not the German gender colon of "Werkstudent:in Data Engineering".
  static let labelLine = TextPattern(#"^[\p{L} '’/()-]{2,40}[:：](?!in\b|innen\b)\s*\S"#)
  static let genderMarker = TextPattern(
    #"\((?:[mwfdhxk]\s*/\s*){1,3}[mwfdhxk](?:iv|ivers)?\)|\((?:all genders|alle geschlechter|gn\*?|h/f/x|f/h/x|m/w/x|w/m/d|m/f/x|m/v/x|k/m)\)|\bm/w/d\b|\bw/m/d\b|\bm/f/d\b|\bh/f\b|\bf/h\b"#)
  static let jobWords = TextPattern(
    #"\b(?:intern\w*|engineers?|developer|manager|analyst|scientist|designer|researcher|consultant|specialist|associate|architect|lead|head of|director|assistant|coordinator|officer|administrator|technician|trainee|graduate|apprentice|student|praktik\w*|werkstudent\w*|entwickler\w*|ingenieur\w*|berater\w*|referent\w*|sachbearbeiter\w*|mitarbeiter\w*|leiter\w*|stagiaire|stage|alternan\w*|ingénieur\w*|développeu\w*|chargée?|chef de projet|becari[oa]|pr[áa]cticas|ingenier[oa]|desarrollador\w*|analista|stagiair\w*|medewerker|ontwikkelaar|staż\w*|programista|inżynier|specjalista|product owner|scrum master|accountant|representative|recruiter|nurse|teacher|editor|writer|programmer|tester|operator|advisor|executive|técnic[oa]\w*|istruttore|asystent\w*|enfermer\w*|engenheir\w*|vende(?:u|dor)\w*|\w*medewerker|addett[oa]\w*|kundenberater\w*|controller|projektmanager\w*|receptionist|lecturer|electrician|postdoc\w*)\b"#)

  /// Fact-box labels that stand on their own line with the value below ("Department",
  /// "Engineering"): neither line is the title.
  static let factLabel = TextPattern(
    #"^(?:locations?|department|team|employment type|job type|contract type|compensation|salary|pay|seniority level|job function|industries|schedule|shift and schedule|workplace type|category|function|experience level|company|standort|abteilung|bereich|anstellungsart|vertragsart|gehalt|arbeitszeit|lieu|type de contrat|salaire|secteur|ubicación|departamento|tipo de contrato|salario|locatie|afdeling|salaris|lokalizacja|dział|wynagrodzenie)\s*:?$"#)

  func title() -> String? { titleReading()?.value }

  /// "The post of Assistant Engineer (Electrical)", "na stanowisko asystenta": public notices
  /// name the post in a sentence under an institution's heading.
  private static let postOf = TextPattern(
    #"\b(?:for the post of|the post of|post of|position of|na stanowisko|stanowisko|poste d['’]|posto di|posti di|plaza de|Stelle (?:als|eines|einer))\s+(.{3,80}?)(?:[.;,]|$)"#)
  /// "RECRUITMENT NOTIFICATION No. 04/2025", "BANDO DI CONCORSO": a notice's heading in capitals.
  private static func isShouted(_ line: String) -> Bool {
    let letters = line.filter(\.isLetter)
    return letters.count >= 6 && letters.allSatisfy(\.isUppercase)
  }
  /// "Analista de Crédito Jr.": a title may end in an abbreviation's full stop.
  private static func endsSentence(_ line: String) -> Bool {
    line.hasSuffix(".") && !abbreviationAtEnd.isFound(in: line)
  }
  private static let abbreviationAtEnd = TextPattern(#"\b(?:Jr|Sr|Jun|Sen|Inc|Ltd|Co|Ing|Dr)\.$"#)

  func titleReading() -> FieldReading? {
    if let value = labelled(Self.titleLabels) {
      return FieldReading(value: Self.splitTitle(value).title, phrase: value, rule: "a “Title:” line")
    }
    var head: [String] = []
    for (index, line) in lines.prefix(16).enumerated() where !Self.boilerplate.isFound(in: line) {
      if Self.factLabel.isFound(in: line) { continue }
      if index > 0, Self.factLabel.isFound(in: lines[index - 1]) { continue }
      head.append(line)
    }
    let candidates = head.filter {
      $0.count <= 120 && !Self.labelLine.isFound(in: $0) && $0.split(separator: " ").count <= 16
    }
    func reading(_ line: String, _ rule: String) -> FieldReading {
      FieldReading(value: Self.splitTitle(line).title, phrase: line, rule: rule)
    }
    if let marked = candidates.first(where: { Self.genderMarker.isFound(in: $0) }) {
      return reading(marked, "the first line with a gender marker such as (m/w/d)")
    }
    for line in lines.prefix(5) {
      if let match = Self.postOf.firstMatch(in: line), let value = match.group(0) {
        return FieldReading(value: value, phrase: line, rule: "“the post of <title>”")
      }
    }
    // An institution's name or a notice's heading heads the ad but is not its title.
    let plain = candidates.filter {
      !Self.isShouted($0) && CompanyFinder.institution(in: [$0]) == nil
    }
    if let worded = plain.first(where: {
      Self.jobWords.isFound(in: $0) && !Self.endsSentence($0) && $0.split(separator: " ").count <= 10
    }) {
      return reading(worded, "the first line that names a job")
    }
    if let first = plain.first(where: { !Self.endsSentence($0) }) {
      return reading(first, "the first line of the ad")
    }
    if let first = candidates.first(where: { !Self.endsSentence($0) }) {
      return reading(first, "the first line of the ad")
    }
    for line in lines.prefix(20) {
      if let match = Self.hiringTitle.firstMatch(in: line), let value = match.group(0) {
        return FieldReading(value: value, phrase: line, rule: "“we are looking for <title>”")
      }
    }
    return nil
  }

  private static let hiringTitle = TextPattern(
    #"\b(?:looking for|hiring|seeking|recruiting|wir suchen|sucht|nous recherchons|recherche|buscamos|busca|zoeken|zoekt|poszukujemy|szukamy)\s+(?:an?\s+|eine?n?\s+|une?\s+|una?\s+|een\s+)?(.{3,80}?)(?:\s+(?:to|who|for|in|at|zur|für|pour|para|die|der|qui|que|om)\b|[.!,;]|$)"#)

  func location() -> String? {
    // Indeed's "Work Location: In person" says how, not where.
    if let value = labelled(Self.locationLabels, accepting: { !Self.workplaceOnly.isFound(in: $0) }) {
      return value
    }
    let title = title()
    if let header = headerLine(after: title),
      let place = header.dropFirst().first(where: Self.isPlace) ?? header.first(where: {
        PostingVocabulary.places.isFound(in: $0)
      })
    {
      return Self.strippingWorkplace(place)
    }
    if let place = placeBelowCompany(title: title) { return place }
    // "Homeoffice möglich" and "Télétravail partiel" say hybrid, not where.
    if let remoteLine = lines.prefix(10).first(where: {
      $0.count <= 40 && Self.remoteLine.isFound(in: $0) && !PostingVocabulary.hybrid.isFound(in: $0)
    }) {
      return remoteLine
    }
    for line in lines where line.count <= 60 && !Self.labelLine.isFound(in: line) {
      if PostingVocabulary.places.isFound(in: line), line.split(separator: " ").count <= 6,
        !Self.jobWords.isFound(in: line)
      {
        return Self.placePart(of: line)
      }
    }
    let based = TextPattern(
      #"\b(?:based in|located in|office in|offices in|in our|standort|in unserem büro in|basé à|situé à|ubicado en|gevestigd in|z siedzibą w|w)\s+((?:[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\p{L}.'-]*)(?:[ ,]+[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\p{L}.'-]*){0,2})"#,
      caseSensitive: true)
    for line in lines {
      for match in based.matches(in: line) {
        if let place = match.group(0), PostingVocabulary.places.isFound(in: place) { return place }
      }
    }
    for line in lines {
      if let match = PostingVocabulary.places.firstMatch(in: line) { return match.value }
    }
    return nil
  }

  /// "We're Hiring!", "We are Remote-first.": words after "we are" that name no company.
  static let notCompany = TextPattern(
    #"^(?:hiring|growing|looking|recruiting|seeking|remote\S*|here|back|excited|proud|open|on|one|not|building|expanding|fully|always|currently|now|still|a|an|the|all|so|very|committed|dedicated|passionate|proud|happy|an?\s.*)$"#)

  static let workplaceOnly = TextPattern(
    #"^(?:in[- ]person|on[- ]?site|in[- ]office|office[- ]based|hybrid|hybride|h[ií]brido|vor ort|präsenz|présentiel|sur site|presencial|op locatie|stacjonarnie)\.?$"#)

  /// Place lines the city list does not know: "Columbus, OH 43215", "Waterloo, ON",
  /// "Leeds LS10".
  static let placeShape = TextPattern(
    #"^\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,2}(?:,\s?(?!AG|SE|SA|BV|NV|AB|KG)[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?|\s+[A-Z]{1,2}\d{1,2}[A-Z]?(?:\s\d[A-Z]{2})?)(?:\s*\([^)]*\))?$"#,
    caseSensitive: true)
  /// One to three capitalised words on a line of their own ("Bremen", "Sophia Antipolis").
  private static let bareName = TextPattern(
    #"^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}(?:,\s*\p{L}+)?$"#, caseSensitive: true)

  static func isPlace(_ text: String) -> Bool {
    let text = text.trimmingCharacters(in: .whitespaces)
    return PostingVocabulary.places.isFound(in: text) || placeShape.isFound(in: text)
  }

  /// A line that can only be a header fact, never a company name: a type, a workplace, pay.
  private static func isFactLine(_ line: String) -> Bool {
    PostingVocabulary.fullTime.isFound(in: line) || PostingVocabulary.partTime.isFound(in: line)
      || PostingVocabulary.contract.isFound(in: line)
      || PostingVocabulary.internship.isFound(in: line)
      || PostingVocabulary.internshipTitle.isFound(in: line)
      || PostingVocabulary.workingStudent.isFound(in: line)
      || PostingVocabulary.hybrid.isFound(in: line) || PostingVocabulary.remote.isFound(in: line)
      || PostingVocabulary.onSite.isFound(in: line) || workplaceOnly.isFound(in: line)
      || line.contains(where: { "€$£".contains($0) })
  }

  /// "Newark, NJ (Hybrid)" → "Newark, NJ".
  static func strippingWorkplace(_ place: String) -> String {
    let pattern = TextPattern(#"\s*\((?:hybrid|remote|on-?site|in-office|hybride|télétravail)\)\s*$"#)
    guard let match = pattern.firstMatch(in: place) else { return place }
    return String(place[..<match.range.lowerBound])
  }

  /// Title, company, then the place: the header of Indeed, StepStone and Welcome to the Jungle
  /// pastes, where the place is often a city no list knows ("Bremen", "Leeds LS10").
  private func placeBelowCompany(title: String?) -> String? {
    guard let title, let index = lines.firstIndex(where: { $0.contains(title) }),
      index + 2 < lines.count
    else { return nil }
    let company = lines[index + 1]
    guard !Self.isPlace(company), !Self.isFactLine(company), !Self.labelLine.isFound(in: company)
    else { return nil }
    for line in lines[(index + 2)..<min(lines.count, index + 4)] {
      let parts = line.components(separatedBy: CharacterSet(charactersIn: "·|•"))
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      if let place = parts.first(where: Self.isPlace) { return Self.strippingWorkplace(place) }
      if parts.count == 1, let only = parts.first, Self.bareName.isFound(in: only),
        !Self.isFactLine(only), !Self.jobWords.isFound(in: only), !Self.boilerplate.isFound(in: only),
        !Self.factLabel.isFound(in: only)
      {
        return only
      }
    }
    return nil
  }

  static let remoteLine = TextPattern(
    #"^(?:remote|fully remote|100\s?% remote|remote-first|anywhere|télétravail|homeoffice|zdalnie|teletrabajo)\b"#)

  /// A legal form anywhere in a line (`CompanyFinder.legalForms`); letters or digits must not
  /// touch it, as `\b` would not hold after the full stop of "S.A." or "B.V.".
  static let legalForm = TextPattern(
    #"(?<![\p{L}\p{N}])(?:"# + CompanyFinder.legalForms + #")(?![\p{L}\p{N}])"#, caseSensitive: true)

  static func endsWithLegalForm(_ line: String) -> Bool {
    guard let last = legalForm.matches(in: line).last else { return false }
    return last.range.upperBound == line.endIndex
  }

  /// The short line under the title, when the line after it names a place: the layout of
  /// StepStone, Welcome to the Jungle and LinkedIn pastes (title, company, city).
  func lineUnderTitle(_ title: String?) -> String? {
    guard let title, let index = lines.firstIndex(where: { $0.contains(title) }),
      index + 2 < lines.count
    else { return nil }
    let candidate = lines[index + 1]
    let following = lines[(index + 2)..<min(lines.count, index + 4)]
    guard candidate.count <= 60, candidate.split(separator: " ").count <= 8,
      !candidate.contains(where: \.isNumber), !candidate.contains(":"),
      !candidate.hasSuffix(".") || Self.endsWithLegalForm(candidate),
      !Self.jobWords.isFound(in: candidate), !Self.isPlace(candidate),
      !Self.isFactLine(candidate), !Self.boilerplate.isFound(in: candidate),
      !Self.factLabel.isFound(in: candidate),
      following.contains(where: { line in
        Self.isPlace(line) || PostingVocabulary.places.isFound(in: line)
          || PostingVocabulary.remote.isFound(in: line) || Self.isFactLine(line)
          || TextPattern(#"^(?:"# + Self.locationLabels + #")\s*[:：]"#).isFound(in: line)
      })
    else { return nil }
    return candidate
  }

  /// "Acme Robotics · Berlin, Germany (Hybrid) · 3 days ago": the line under a job board's
  /// title, split into its parts.
  func headerLine(after title: String?) -> [String]? {
    guard let title, let index = lines.firstIndex(where: { $0.contains(title) }),
      index + 1 < lines.count
    else { return nil }
    let line = lines[index + 1]
    guard line.count <= 120, !line.hasSuffix("."), !Self.labelLine.isFound(in: line) else {
      return nil
    }
    let parts = line.components(separatedBy: CharacterSet(charactersIn: "·|•"))
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    return parts.count >= 2 ? parts : nil
  }

  /// "Hooli B.V. – Amsterdam" → "Amsterdam"; a line that is only a place stays whole.
  static func placePart(of line: String) -> String {
    for separator in [" – ", " — ", " - ", " | ", " · "] where line.contains(separator) {
      let parts = line.components(separatedBy: separator)
      if let place = parts.first(where: {
        PostingVocabulary.places.isFound(in: $0) && !legalForm.isFound(in: $0)
      }) {
        return place.trimmingCharacters(in: .whitespaces)
      }
    }
    return line
  }

  /// "Machine Learning Intern at Acme" and "Machine Learning Intern – Acme GmbH".
  static func splitTitle(_ line: String) -> (title: String, company: String?) {
    let at = TextPattern(#"^(.{3,}?)\s+(?:at|bei|chez|@)\s+([A-Z0-9].{1,60})$"#, caseSensitive: true)
    if let match = at.firstMatch(in: line), let title = match.group(0), let company = match.group(1),
      jobWords.isFound(in: title) || genderMarker.isFound(in: title)
    {
      return (title, company)
    }
    for separator in [" | ", " – ", " — ", " - "] where line.contains(separator) {
      let parts = line.components(separatedBy: separator).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard let titleIndex = parts.firstIndex(where: {
        jobWords.isFound(in: $0) || genderMarker.isFound(in: $0)
      }) else { continue }
      // A dash may join a title to anything ("– NLP (Fall 2025)"); only a name with a legal
      // form, or any name after "|", is taken for the company.
      let company = parts.enumerated().first { index, part in
        index != titleIndex && !jobWords.isFound(in: part) && !PostingVocabulary.places.isFound(in: part)
          && !PostingVocabulary.remote.isFound(in: part) && part.count <= 60
          && (separator == " | " || legalForm.isFound(in: part))
      }?.element
      if company == nil, parts.enumerated().contains(where: { index, part in
        index != titleIndex && !PostingVocabulary.places.isFound(in: part)
          && !PostingVocabulary.remote.isFound(in: part)
      }) {
        // "Stage – Data Analyst (H/F)": every part belongs to the title.
        return (line, nil)
      }
      return (parts[titleIndex], company)
    }
    return (line, nil)
  }
}

import Foundation
