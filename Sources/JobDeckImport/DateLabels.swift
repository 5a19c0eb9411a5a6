import JobDeckCore

/// The words near a date that say what it means, in every language the importer reads.
enum DateMeaning: Equatable {
  case applicationCutoff, start, end, posted, interview, assessment, offerResponse
  /// "Applications open 1 May – 31 May": a window whose end is the cutoff.
  case applicationWindow
  /// "Founded on", "Last updated", "©", a cookie policy's date: the date is history or page
  /// furniture, never a deadline, whatever small word stands further back ("By clicking…").
  case unrelated
}

/// A label found in a clause, with how sure it is: a "strong" label ("deadline", "Beginn")
/// names the date; a "weak" one ("by", "ab", "od") only leans.
struct DateLabel {
  var meaning: DateMeaning
  var range: Range<String.Index>
  var isStrong: Bool
}

enum DateLabels {
  private static let strong: [(DateMeaning, TextPattern)] = [
    (.posted, TextPattern(
      #"\b(?:date posted|(?:job )?posting date|date of posting|posted(?: on)?|placed on|published(?: on)?|publication date|listed on|reposted|job posted|date de publication|publiée?s? le|publiée?|mise en ligne|veröffentlicht(?: am)?|veröffentlichungsdatum|online seit|erstellt am|eingestellt am|fecha de publicaci[oó]n|publicad[oa](?: el)?|geplaatst(?: op)?|gepubliceerd(?: op)?|plaatsingsdatum|data publikacji|opublikowan[aoy]|dodan[aoy]|pubblicat[oa](?: il)?|data di pubblicazione|publicad[oa] em|data de publica[çc][ãa]o|advert placed|advertised(?: on)?)\b"#)),
    (.applicationWindow, TextPattern(
      #"\b(?:applications? (?:are |is )?open(?:s)?|application (?:period|window)|open(?:ing)? (?:&|and) closing dates?|(?:announcement|vacancy|posting|registration) opens|opening date|bewerbungszeitraum|période de candidature|candidatures ouvertes|periodo de (?:solicitud|inscripci[oó]n)|inscripciones abiertas|inscri[çc][õo]es abertas|candidaturas abertas|candidature aperte|sollicitatieperiode)\b"#)),
    (.applicationCutoff, TextPattern(
      #"(?:\b(?:application deadline|deadline|(?:job )?posting end date|end of posting|posting (?:closes|expires|end)|(?:advert|vacancy|job ad|listing|window) closes|(?:application )?review begins|review of applications (?:begins|starts)|priority deadline|first review|(?:applications?|cvs?|submissions?) received after|closing date|closing|closes|close on|close at|close|applications? (?:are |is )?due|(?:days?|hours?|time) left to apply|apply by|apply before|apply until|apply no later than|must be (?:submitted|received)|submitted (?:by|before|no later than)|submit (?:by|before)|valid until|valid through|valid thru|open until|accepting applications until|applications? due|due date|last date|last day to apply|expires?(?: on)?|expiry date|expiration date|bewerbungsfrist|bewerbungsschluss|bewerbungsende|einsendeschluss|bewerben sie sich bis|bewirb dich bis|frist|date limite|date de clôture|clôture des candidatures|candidatures? jusqu|postuler avant|avant le|fecha l[ií]mite|plazo(?: de (?:inscripci[oó]n|solicitud|presentaci[oó]n))?|fecha de cierre|cierre de (?:la )?convocatoria|sluitingsdatum|reageren (?:kan )?(?:tot|voor|vóór)|solliciteren (?:kan )?(?:tot|voor|vóór)|uiterlijk|termin (?:składania|nadsyłania|zgłoszeń|aplikacji)|aplikuj do|zgłoszenia (?:przyjmujemy )?do|ważn[ae] do|oferta ważna do|cv do|rekrutacja trwa do|scadenza|data di scadenza|termine (?:per|di) (?:la )?presentazione|termine ultimo|prazo(?: de candidatura| para inscri[çc][ãa]o| de inscri[çc][ãa]o)?|data limite|vacante disponible hasta|last date|registration closes?|submission deadline)\b)"#)),
    (.interview, TextPattern(
      #"\b(?:interviews?|interview day|vorstellungsgespr[äa]ch\w*|auswahlgespr[äa]ch\w*|entretiens?|audition(?:s)? des candidats|entrevistas?|colloqui[oi]|sollicitatiegesprek\w*|gesprekken|rozmow[ayę]\w*)\b"#)),
    (.assessment, TextPattern(
      #"\b(?:assessment(?: cent(?:er|re)s?| days?)?|take-home|coding (?:challenge|test)|online (?:aptitude )?test|aptitude test|written (?:test|exam\w*)|test day|auswahltag|auswahltest|einstellungstest|assessment-center|épreuve écrite|prueba técnica|fecha del? examen|examen (?:escrito|te[óo]rico|pr[áa]ctico)|prova (?:scritta|orale|online|escrita)|prova|egzamin\w*|superdays?|super days?)\b"#)),
    (.offerResponse, TextPattern(
      #"\b(?:offers? (?:will be|are) (?:made|sent|extended|communicated)|offer response|respond to (?:the|an|your) offer|accept (?:the|an|your) offer)\b"#)),
    (.end, TextPattern(
      #"\b(?:(?:contract(?:ed)?|contrato|contratto|fixed[- ]term|befristet|vertrag|contrat|cdd|umowa|assignment|appointment|mission|internship|placement|praktikum|stage|staż|czas określony)\s+(?:[\w,]+\s+){0,5}?(?:until|till|through|bis(?: zum)?|jusqu'au|jusqu’au|hasta(?: el)?|fino al?|até|tot|do)|(?:runs?|lasts?|running) (?:until|till|through)|end:|ende:|fin du stage|fin de (?:la )?mission|fin de contrat|einde|zakończeni\w*|koniec|end date|ends(?: on)?|ending(?: on)?|contract end|end of (?:the )?(?:contract|internship|programme|program)|enddatum|vertragsende|date de fin|fin du contrat|fecha de (?:fin|finalizaci[oó]n)|einddatum|data zakończenia)\b"#)),
    (.start, TextPattern(
      #"(?:\b(?:start date|starting date|start:|starts(?: on)?|starting(?: on| in| from)?|start (?:on|in|at|from)|(?<!week )commenc\w*|(?<!week )begin(?:s|ning)?(?: on| in)?|joining date|entry date|available from|(?:your )?first day(?: of work)?|erster arbeitstag|premier jour|primer día|eerste werkdag|pierwszy dzień pracy|einstellungstermin|eintrittstermin|eintrittsdatum|eintritt|einstieg\w*|startdatum|starttermin|arbeitsbeginn|beginn|ab dem|date de début|début|prise de poste|à pourvoir|fecha de (?:inicio|incorporaci[oó]n)|incorporaci[oó]n|inicio|ingangsdatum|aanvang|data rozpoczęcia|rozpoczęcie(?: współpracy)?|początek (?:pracy|współpracy|stażu)|start pracy|start stażu|start \p{L}+:|zu besetzen|take up (?:the |this )?(?:post|position|role|appointment)|prise de fonctions?|data de in[íi]cio|in[íi]cio|inizio|stageperiode|\w+(?:start|beginn)|programme dates?|program dates?|internship dates?|internship period|praktikumszeitraum|zeitraum|période de stage|periodo de pr[áa]cticas|okres stażu))"#)),
  ]

  /// Words that mark a date as history or page furniture.
  private static let unrelated = TextPattern(
    #"(?:\b(?:(?:last |zuletzt )?(?:updated|modified|reviewed|revised|aktualisiert|geändert)(?: on| am)?|last edited|founded(?: on| in)?|founding|established(?: on| in)?|incorporated(?: on| in)?|since|gegründet(?: am)?|gründung\w*|seit|fondée?s?(?: le| en)?|créée?(?: le| en)?|mise? à jour(?: le)?|depuis|fundad[oa](?: el| en)?|actualizad[oa](?: el)?|desde el año|opgericht(?: op| in)?|bijgewerkt(?: op)?|sinds|założon[aoy]|zaktualizowan[aoy]|od roku|copyright|all rights reserved|cookies?|privacy|datenschutz)\b|©)"#)

  /// Words about applying: a small word such as "until" or "bis" makes its date a cutoff only
  /// beside one of these ("the contract runs until 31 March" gives no cutoff).
  static let applyWords = TextPattern(
    #"\b(?:appl(?:y|ying|ications?|icants?)|candida\w*|cvs?|résumés?|resumes?|submi\w*|send|envo\w*|envi[ae]\w*|inscr[ií]\w*|bewerb\w*|unterlagen|solicitud\w*|sollicit\w*|reageer\w*|reageren|aplik\w*|zgłosz\w*|rekrutacj\w*|dossiers?|domand[ae]|invia\w*|postul\w*|regist(?:er|ration)|closing|closes?|deadline)\b"#)

  private static let leftToApply = TextPattern(#"\b(?:days?|hours?|time) left to apply\b"#)

  private static let weak: [(DateMeaning, TextPattern)] = [
    (.start, TextPattern(
      #"\b(?:from|ab|von|à partir du|à partir de|dès le|a partir del|a partir de|a partire dal|dal|desde|vanaf|per|od|as of)\b"#)),
    (.applicationCutoff, TextPattern(
      #"(?:\b(?:by|before|until|till|bis|spätestens|jusqu'au|jusqu’au|jusqu'à|avant|hasta|antes del|entro(?: e non oltre)?(?: il)?|até|tot|voor|vóór|do|przed)\b)"#)),
  ]

  static func labels(in clause: String) -> [DateLabel] {
    var found: [DateLabel] = []
    for (meaning, pattern) in strong {
      for match in pattern.matches(in: clause) {
        found.append(DateLabel(meaning: meaning, range: match.range, isStrong: true))
      }
    }
    for match in unrelated.matches(in: clause)
    where !found.contains(where: { $0.range.overlaps(match.range) }) {
      found.append(DateLabel(meaning: .unrelated, range: match.range, isStrong: true))
    }
    // Workday's apply box: "End Date: March 28, 2025 (18 days left to apply)" ends the posting.
    if leftToApply.isFound(in: clause) {
      for index in found.indices where found[index].meaning == .end {
        found[index].meaning = .applicationCutoff
      }
    }
    for (meaning, pattern) in weak {
      for match in pattern.matches(in: clause)
      where !found.contains(where: { $0.range.overlaps(match.range) }) {
        found.append(DateLabel(meaning: meaning, range: match.range, isStrong: false))
      }
    }
    // "application period" also contains "period": the longer label says more.
    let kept = found.filter { label in
      !found.contains { other in
        other.range != label.range && other.range.lowerBound <= label.range.lowerBound
          && other.range.upperBound >= label.range.upperBound
      }
    }
    return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The label meanings that make a date a deadline of `kind`.
  static func meanings(of kind: DeadlineKind) -> [DateMeaning] {
    switch kind {
    case .applicationCutoff: return [.applicationCutoff, .applicationWindow]
    case .startDate: return [.start]
    case .contractEnd: return [.end, .start]
    case .interview: return [.interview]
    case .assessment: return [.assessment]
    case .offerResponse: return [.offerResponse]
    default: return []
    }
  }

  /// A line that is only a label ("Application deadline", "Start date:"), whose date sits on the
  /// next line, as job boards lay out their fact boxes.
  static func labelOnlyLine(_ line: String) -> DateMeaning? {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    // "Applications close on 10/31/2025." holds its own date: it lends no label to the next line.
    guard !trimmed.isEmpty, trimmed.count <= 40, !DateMentionScanner.containsDecimalDigit(trimmed)
    else { return nil }
    let found = labels(in: trimmed).filter(\.isStrong)
    guard let first = found.first else { return nil }
    let rest = trimmed.replacingCharacters(in: first.range, with: "")
      .trimmingCharacters(in: CharacterSet(charactersIn: " :-–*•|"))
    return rest.split(separator: " ").count <= 2 ? first.meaning : nil
  }
}

import Foundation
