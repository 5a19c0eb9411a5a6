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
    #"company|company name|employer|organi[sz]ation|hiring organi[sz]ation|unternehmen|arbeitgeber|firma|entreprise|société|employeur|empresa|compañía|bedrijf|werkgever|organisatie|pracodawca|firma"#
  static let locationLabels =
    #"location|locations|job location|work location|place of work|based in|office|city|standort|arbeitsort|einsatzort|dienstort|ort|lieu|lieu de travail|localisation|ville|ubicación|ubicacion|localización|lugar de trabajo|ciudad|locatie|standplaats|werklocatie|plaats|lokalizacja|miejsce pracy|miasto"#
  static let typeLabels =
    #"employment type|job type|contract type|type of employment|type of contract|work type|schedule|anstellungsart|vertragsart|beschäftigungsart|art der anstellung|arbeitszeit|type de contrat|type d'emploi|type de poste|tipo de contrato|tipo de empleo|jornada|dienstverband|soort dienstverband|rodzaj umowy|typ umowy|wymiar pracy|wymiar etatu"#

  /// The value of the first "Label: value" line (or a label line followed by its value).
  func labelled(_ labels: String) -> String? {
    let inline = TextPattern(#"^(?:"# + labels + #")\s*[:：]\s*(.+)$"#)
    let alone = TextPattern(#"^(?:"# + labels + #")\s*[:：]?$"#)
    for (index, line) in lines.enumerated() {
      if let match = inline.firstMatch(in: line), let value = match.group(0) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { return trimmed }
      }
      if alone.isFound(in: line), index + 1 < lines.count, lines[index + 1].count <= 100 {
        return lines[index + 1]
      }
    }
    return nil
  }

  private static let boilerplate = TextPattern(
    #"^(?:skip to (?:main )?content|apply(?: now| for this job)?|easy apply|save(?: job)?|share(?: this job)?|sign in|log in|menu|home|jobs?|careers?|about the (?:job|role)|job description|description|overview|back to (?:search|jobs|results)|report (?:this )?job|cookies?.*|accept.*|promoted|actively recruiting|be an early applicant|see more|show more|job details|stellenbeschreibung|stellenangebot|offre d'emploi|description du poste|oferta de empleo|descripción|vacature|oferta pracy|new|neu|nouveau)$"#)
  private static let labelLine = TextPattern(#"^[\p{L} '’/()-]{2,40}[:：]\s*\S"#)
  static let genderMarker = TextPattern(
    #"\((?:[mwfdhxk]\s*/\s*){1,3}[mwfdhxk](?:iv|ivers)?\)|\((?:all genders|alle geschlechter|gn\*?|h/f/x|f/h/x|m/w/x|w/m/d|m/f/x|m/v/x|k/m)\)|\bm/w/d\b|\bw/m/d\b|\bm/f/d\b|\bh/f\b|\bf/h\b"#)
  static let jobWords = TextPattern(
    #"\b(?:intern\w*|engineers?|developer|manager|analyst|scientist|designer|researcher|consultant|specialist|associate|architect|lead|head of|director|assistant|coordinator|officer|administrator|technician|trainee|graduate|apprentice|student|praktik\w*|werkstudent\w*|entwickler\w*|ingenieur\w*|berater\w*|referent\w*|sachbearbeiter\w*|mitarbeiter\w*|leiter\w*|stagiaire|stage|alternan\w*|ingénieur\w*|développeu\w*|chargée?|chef de projet|becari[oa]|pr[áa]cticas|ingenier[oa]|desarrollador\w*|analista|stagiair\w*|medewerker|ontwikkelaar|staż\w*|programista|inżynier|specjalista|product owner|scrum master|accountant|representative|recruiter|nurse|teacher|editor|writer|programmer|tester|operator|advisor|executive)\b"#)

  /// Fact-box labels that stand on their own line with the value below ("Department",
  /// "Engineering"): neither line is the title.
  static let factLabel = TextPattern(
    #"^(?:locations?|department|team|employment type|job type|contract type|compensation|salary|pay|seniority level|job function|industries|schedule|shift and schedule|workplace type|category|function|experience level|company|standort|abteilung|bereich|anstellungsart|vertragsart|gehalt|arbeitszeit|lieu|type de contrat|salaire|secteur|ubicación|departamento|tipo de contrato|salario|locatie|afdeling|salaris|lokalizacja|dział|wynagrodzenie)\s*:?$"#)

  func title() -> String? {
    if let value = labelled(Self.titleLabels) { return Self.splitTitle(value).title }
    var head: [String] = []
    for (index, line) in lines.prefix(16).enumerated() where !Self.boilerplate.isFound(in: line) {
      if Self.factLabel.isFound(in: line) { continue }
      if index > 0, Self.factLabel.isFound(in: lines[index - 1]) { continue }
      head.append(line)
    }
    let candidates = head.filter {
      $0.count <= 120 && !Self.labelLine.isFound(in: $0) && $0.split(separator: " ").count <= 16
    }
    if let marked = candidates.first(where: { Self.genderMarker.isFound(in: $0) }) {
      return Self.splitTitle(marked).title
    }
    if let worded = candidates.first(where: {
      Self.jobWords.isFound(in: $0) && !$0.hasSuffix(".") && $0.split(separator: " ").count <= 10
    }) {
      return Self.splitTitle(worded).title
    }
    if let first = candidates.first(where: { !$0.hasSuffix(".") }) {
      return Self.splitTitle(first).title
    }
    let hiring = TextPattern(
      #"\b(?:looking for|hiring|seeking|recruiting|wir suchen|sucht|nous recherchons|recherche|buscamos|busca|zoeken|zoekt|poszukujemy|szukamy)\s+(?:an?\s+|eine?n?\s+|une?\s+|una?\s+|een\s+)?(.{3,80}?)(?:\s+(?:to|who|for|in|at|zur|für|pour|para|die|der|qui|que|om)\b|[.!,;]|$)"#)
    for line in lines.prefix(20) {
      if let match = hiring.firstMatch(in: line), let value = match.group(0) { return value }
    }
    return nil
  }

  func company(title: String?) -> String? {
    if let value = labelled(Self.companyLabels) { return value }
    if let titleLine = lines.first(where: { line in title.map { line.contains($0) } ?? false }),
      let company = Self.splitTitle(titleLine).company
    {
      return company
    }
    if let header = headerLine(after: title), let company = header.first,
      PostingVocabulary.places.firstMatch(in: company)?.range != company.startIndex..<company.endIndex,
      !Self.jobWords.isFound(in: company), !PostingVocabulary.remote.isFound(in: company)
    {
      return company
    }
    if let legal = lines.prefix(8).first(where: { line in
      line.count <= 80 && Self.legalForm.isFound(in: line) && !Self.labelLine.isFound(in: line)
        && !line.hasSuffix(".")
    }) {
      return Self.stripPlace(legal)
    }
    let about = TextPattern(
      #"^(?:about|über|à propos d[e']|a propos d[e']|sobre|over|o firmie)\s*(.{2,60}?)[:.]?$"#)
    let generic = TextPattern(
      #"^(?:the (?:job|role|team|position|company|opportunity|internship|program|programme)|you|us|this (?:role|job|position)|uns|nous|nosotros|ons|nas|la empresa|l'entreprise|l’entreprise|le poste|die stelle|das team|the employer|our team|the company)$"#)
    for line in lines {
      if let match = about.firstMatch(in: line), let name = match.group(0), !generic.isFound(in: name),
        name.first?.isUppercase == true
      {
        return name
      }
    }
    let hiring = TextPattern(
      #"^((?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z][\w&.'’-]*|&|GmbH|AG|SE|Ltd\.?|Inc\.?|LLC|SA|SAS|BV|B\.V\.)){0,4})\s+(?:is|are)\s+(?:hiring|looking|seeking|recruiting|growing)|^((?:[A-Z][\w&.'’-]*)(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:sucht|recherche|busca|zoekt|poszukuje)\b"#,
      caseSensitive: true)
    let join = TextPattern(
      #"\b(?:join|joining|bei|chez|at)\s+((?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z][\w&.'’-]*|&|GmbH|AG|SE|Ltd\.?|Inc\.?|LLC|SA|SAS|BV|B\.V\.)){0,3})"#,
      caseSensitive: true)
    let notNames: Set<String> = ["We", "Our", "The", "This", "You", "Us", "Wir", "Nous", "Il", "Our team"]
    for line in lines {
      if let match = hiring.firstMatch(in: line), let name = match.group(0) ?? match.group(1),
        !notNames.contains(name)
      {
        return name
      }
    }
    if let name = lineUnderTitle(title) { return name }
    for line in lines {
      for match in join.matches(in: line) {
        guard let name = match.group(0), !notNames.contains(name),
          !notNames.contains(String(name.split(separator: " ").first ?? "")),
          PostingVocabulary.places.firstMatch(in: name)?.range.lowerBound != name.startIndex,
          DateVocabulary.month(named: String(name.split(separator: " ").first ?? "")) == nil
        else { continue }
        return name
      }
    }
    return nil
  }

  func location() -> String? {
    if let value = labelled(Self.locationLabels) { return value }
    if let header = headerLine(after: title()),
      let place = header.first(where: { PostingVocabulary.places.isFound(in: $0) })
    {
      return place
    }
    if let remoteLine = lines.prefix(10).first(where: {
      $0.count <= 40 && Self.remoteLine.isFound(in: $0)
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

  static let remoteLine = TextPattern(
    #"^(?:remote|fully remote|100\s?% remote|remote-first|anywhere|télétravail|homeoffice|zdalnie|teletrabajo)\b"#)

  static let legalForm = TextPattern(
    #"(?:\b(?:GmbH|AG|SE|KG|KGaA|Ltd|Limited|Inc|LLC|LLP|plc|PLC|Corp|Corporation|SA|SAS|SARL|S\.A\.S?|S\.L\.|SL|SpA|S\.p\.A\.|BV|NV|N\.V\.|AB|ASA|Oy|sp\. z o\.o\.|S\.A\.|e\.V\.|gGmbH|GmbH & Co\. KG)\b\.?|B\.V\.)"#,
    caseSensitive: true)

  /// "Hooli B.V. – Amsterdam" → "Hooli B.V.".
  static func stripPlace(_ line: String) -> String {
    for separator in [" – ", " — ", " - ", " | ", " · ", ", "] where line.contains(separator) {
      let parts = line.components(separatedBy: separator)
      if let first = parts.first, parts.dropFirst().allSatisfy({ PostingVocabulary.places.isFound(in: $0) || PostingVocabulary.remote.isFound(in: $0) || PostingVocabulary.hybrid.isFound(in: $0) }) {
        return first.trimmingCharacters(in: .whitespaces)
      }
    }
    return line
  }

  /// The short line under the title, when the line after it names a place: the layout of
  /// StepStone, Welcome to the Jungle and LinkedIn pastes (title, company, city).
  private func lineUnderTitle(_ title: String?) -> String? {
    guard let title, let index = lines.firstIndex(where: { $0.contains(title) }),
      index + 2 < lines.count
    else { return nil }
    let candidate = lines[index + 1]
    let next = lines[index + 2]
    guard candidate.count <= 50, candidate.split(separator: " ").count <= 6,
      !candidate.contains(where: \.isNumber), !candidate.contains(":"), !candidate.hasSuffix("."),
      !Self.jobWords.isFound(in: candidate), !PostingVocabulary.places.isFound(in: candidate),
      !PostingVocabulary.remote.isFound(in: candidate), !Self.boilerplate.isFound(in: candidate),
      PostingVocabulary.places.isFound(in: next) || PostingVocabulary.remote.isFound(in: next)
    else { return nil }
    return candidate
  }

  /// "Acme Robotics · Berlin, Germany (Hybrid) · 3 days ago": the line under a job board's
  /// title, split into its parts.
  private func headerLine(after title: String?) -> [String]? {
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
