import Foundation
import JobDeckCore

/// The columns the CSV importer understands, and the header names people give them.
public enum CSVColumn: String, CaseIterable, Hashable, Sendable {
  case company, title, location, url, posted, deadline, stage, applied, description, notes, tags
  case salary, type, workplace
  /// Where the job was found, how the application was sent, to whom: read, not exported.
  case source, method, sentTo

  /// Names as spreadsheets head them, already normalized (lowercase, single spaces): English
  /// first, then German, French, Spanish, Dutch, Polish and Italian, the languages whose ads
  /// the importer reads. The first is the name the exporter writes.
  public var headerNames: [String] {
    switch self {
    case .company:
      return ["company", "employer", "organisation", "organization", "firma", "unternehmen",
        "arbeitgeber", "entreprise", "société", "employeur", "empresa", "bedrijf", "werkgever",
        "azienda"]
    case .title:
      return ["title", "position", "role", "job title", "job", "stelle", "titel", "jobtitel",
        "stellenbezeichnung", "poste", "intitulé", "intitulé du poste", "puesto", "cargo",
        "functie", "vacature", "stanowisko", "posizione", "ruolo"]
    case .location:
      return ["location", "city", "ort", "standort", "arbeitsort", "lieu", "ville", "ubicación",
        "ciudad", "locatie", "plaats", "lokalizacja", "miejsce", "sede", "città"]
    case .url: return ["url", "link", "job link", "posting url", "lien", "enlace", "collegamento"]
    case .posted: return ["posted", "date posted", "posted on"]
    case .deadline:
      return ["deadline", "closing date", "apply by", "due", "bewerbungsfrist", "frist",
        "bewerbungsschluss", "date limite", "fecha límite", "plazo", "sluitingsdatum",
        "termin składania", "scadenza"]
    case .stage: return ["stage", "status", "statut", "étape", "estado", "stato"]
    case .applied: return ["applied", "date applied", "applied on", "beworben am", "beworben"]
    case .description: return ["description", "beschreibung", "descripción", "beschrijving"]
    case .notes: return ["notes", "notizen", "notas", "notities", "notatki", "note"]
    case .tags: return ["tags"]
    case .salary:
      return ["salary", "compensation", "gehalt", "salaire", "salario", "salaris",
        "wynagrodzenie", "stipendio"]
    case .type: return ["type", "employment type"]
    case .workplace: return ["workplace", "remote"]
    case .source: return ["source", "found via", "found on", "found through", "where found"]
    case .method: return ["method", "application method", "applied via", "how applied"]
    case .sentTo: return ["sent to", "contact", "contact person", "applied to"]
    }
  }

  /// The column's place in `allCases`, found without hashing its name.
  var position: Int {
    switch self {
    case .company: return 0
    case .title: return 1
    case .location: return 2
    case .url: return 3
    case .posted: return 4
    case .deadline: return 5
    case .stage: return 6
    case .applied: return 7
    case .description: return 8
    case .notes: return 9
    case .tags: return 10
    case .salary: return 11
    case .type: return 12
    case .workplace: return 13
    case .source: return 14
    case .method: return 15
    case .sentTo: return 16
    }
  }

  /// The header name written on export: the importer's first synonym, capitalized.
  public var exportName: String {
    if self == .url { return "URL" }
    let name = headerNames[0]
    return name.prefix(1).uppercased() + name.dropFirst()
  }

  /// The column a header cell names, matched case-insensitively, trimmed, with `_` and `-` read
  /// as spaces ("Job_Title", "date-posted").
  public init?(header: String) {
    let normalized = CSVColumn.normalize(header)
    guard let column = CSVColumn.allCases.first(where: { $0.headerNames.contains(normalized) })
    else { return nil }
    self = column
  }

  static func normalize(_ text: String) -> String {
    if let normalized = asciiNormalized(text) { return normalized }
    let spaced = text.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }
    return String(spaced).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// `normalize(_:)` for ASCII text, from its bytes (it runs on every stage and workplace
  /// cell): `A-Z` lowercased, `_` `-` and the whitespace bytes (9–13, 32; `\r\n` is whitespace
  /// as its two bytes are) make single spaces between words. Nil for other text.
  static func asciiNormalized(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      guard byte < 0x80 else { return nil }
      if byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "-")
      {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(0x20)
        pendingSpace = false
      }
      bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Cell values people write for stages, employment types and workplaces.
enum CSVVocabulary {
  static let stageSynonyms: [String: Stage] = [
    "interviewing": .interview, "interviews": .interview, "offer received": .offer,
    "no response": .ghosted, "ghosted": .ghosted, "no answer": .ghosted,
    "wishlist": .saved, "bookmarked": .saved, "to apply": .saved,
    "declined": .withdrawn, "withdrawn": .withdrawn, "withdrew": .withdrawn,
    "rejected": .rejected, "hired": .accepted, "accepted": .accepted,
    "phone screen": .screening, "screen": .screening, "applied": .applied,
    // German, French, Spanish and Dutch trackers.
    "gemerkt": .saved, "beworben": .applied, "telefoninterview": .screening,
    "vorstellungsgespräch": .interview, "angebot": .offer, "absage": .rejected,
    "keine antwort": .ghosted, "zurückgezogen": .withdrawn, "angenommen": .accepted,
    "postulé": .applied, "candidature envoyée": .applied, "entretien": .interview,
    "offre": .offer, "refusé": .rejected, "refus": .rejected, "sans réponse": .ghosted,
    "retiré": .withdrawn, "accepté": .accepted,
    "guardado": .saved, "postulado": .applied, "aplicado": .applied, "entrevista": .interview,
    "oferta": .offer, "rechazado": .rejected, "sin respuesta": .ghosted, "retirado": .withdrawn,
    "aceptado": .accepted,
    "gesolliciteerd": .applied, "sollicitatiegesprek": .interview, "aanbod": .offer,
    "afgewezen": .rejected, "geen reactie": .ghosted, "teruggetrokken": .withdrawn,
  ]

  /// A stage by its own name, its display name, or a synonym; nil when unknown.
  static func stage(_ text: String) -> Stage? {
    let key = CSVColumn.normalize(text)
    if let stage = Stage(rawValue: key) { return stage }
    if let stage = Stage.allCases.first(where: { $0.displayName == key }) { return stage }
    return stageSynonyms[key]
  }

  static var stageNames: String {
    Stage.allCases.map(\.rawValue).joined(separator: ", ")
      + " (or: " + stageSynonyms.keys.sorted().joined(separator: ", ") + ")"
  }

  static let employmentTypes: [String: EmploymentType] = [
    "internship": .internship, "intern": .internship, "praktikum": .internship,
    "graduate programme": .graduateProgramme, "graduate program": .graduateProgramme,
    "graduateprogramme": .graduateProgramme, "graduate": .graduateProgramme,
    "trainee": .graduateProgramme, "traineeship": .graduateProgramme,
    "working student": .workingStudent, "workingstudent": .workingStudent,
    "werkstudent": .workingStudent,
    "full time": .fullTime, "fulltime": .fullTime, "permanent": .fullTime,
    "part time": .partTime, "parttime": .partTime,
    "contract": .contract, "contractor": .contract, "freelance": .contract,
    "fixed term": .contract, "temporary": .contract,
  ]

  static func employmentType(_ text: String) -> EmploymentType? {
    employmentTypes[CSVColumn.normalize(text)]
  }

  /// What the exporter writes for an employment type: a value `employmentType(_:)` reads back.
  static func name(of type: EmploymentType) -> String { type.displayName }

  static let workplaces: [String: Workplace] = [
    "remote": .remote, "fully remote": .remote, "yes": .remote, "true": .remote,
    "hybrid": .hybrid, "partly remote": .hybrid, "partial": .hybrid,
    "on site": .onSite, "onsite": .onSite, "office": .onSite, "in office": .onSite,
    "no": .onSite, "false": .onSite,
  ]

  static func workplace(_ text: String) -> Workplace? { workplaces[CSVColumn.normalize(text)] }

  static func name(of workplace: Workplace) -> String {
    switch workplace {
    case .onSite: return "on-site"
    case .hybrid: return "hybrid"
    case .remote: return "remote"
    }
  }
}
