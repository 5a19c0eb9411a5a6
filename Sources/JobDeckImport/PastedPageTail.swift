/// Job boards print other postings below the ad ("Similar jobs", "People also viewed"), and a
/// paste of the whole page carries them along: their titles, places and "3 days ago" belong to
/// other jobs, so extraction stops where such a list begins.
enum PastedPageTail {
  private static let marker = TextPattern(
    #"^\s*(?:similar jobs|similar job postings|more jobs(?: like this)?|more jobs from .{1,40}|people also viewed|jobs you (?:may|might) (?:be interested in|like)|recommended jobs(?: for you)?|related jobs|other jobs you may like|set alert for similar jobs|ähnliche (?:jobs|stellen(?:angebote)?)|weitere (?:passende )?jobs|das könnte dich (?:auch )?interessieren|offres similaires|offres d'emploi similaires|ces offres pourraient (?:aussi )?vous intéresser|empleos similares|ofertas similares|vergelijkbare vacatures|soortgelijke vacatures|podobne oferty|zobacz (?:też )?podobne oferty)\s*:?\s*$"#)

  /// No marker is longer than this many characters ("more jobs from " and 40 more, and a
  /// colon): lines whose text between the spaces around it is longer skip the pattern.
  private static let longestMarker = 60

  /// Swift's whitespace includes all that the pattern's `\s` does, so a line this rejects
  /// could not match.
  private static func mayBeMarker(_ line: Substring) -> Bool {
    guard line.count > longestMarker else { return true }
    let core = line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace)
    return core.count <= longestMarker
  }

  /// The text above the first "Similar jobs"-style line that follows at least three lines of ad.
  static func removed(from text: String) -> String {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    var seen = 0
    for (index, line) in lines.enumerated() {
      if line.allSatisfy(\.isWhitespace) { continue }
      if seen >= 3, mayBeMarker(line), marker.isFound(in: String(line)) {
        return lines[..<index].joined(separator: "\n")
      }
      seen += 1
    }
    return text
  }
}
