/// A sentence or a line of an ad: the unit a date's meaning is read from and the phrase it is
/// shown with.
struct Clause {
  var text: String
  var lineIndex: Int
  /// True when the clause is the first of its line: only then may a label-only previous line
  /// lend it a meaning.
  var startsLine: Bool
}

enum Clauses {
  /// Sentence ends: a full stop after a lower-case word of four letters or more (so "3. März",
  /// "Sept. 2025", "z.B." and "e.g." do not end a sentence), or a semicolon.
  private static let sentenceEnd = TextPattern(
    #"(?<=[a-zà-ÿ0-9]{4}[.!?])\s+(?=[A-ZÀ-Ý0-9„"(])|;\s+"#, caseSensitive: true)

  static func split(_ text: String) -> [Clause] {
    var clauses: [Clause] = []
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (lineIndex, rawLine) in lines.enumerated() {
      let line = String(rawLine)
      var start = line.startIndex
      var first = true
      for match in sentenceEnd.matches(in: line) {
        let piece = String(line[start..<match.range.lowerBound]).collapsingWhitespace
        if !piece.isEmpty {
          clauses.append(Clause(text: piece, lineIndex: lineIndex, startsLine: first))
          first = false
        }
        start = match.range.upperBound
      }
      let piece = String(line[start...]).collapsingWhitespace
      if !piece.isEmpty {
        clauses.append(Clause(text: piece, lineIndex: lineIndex, startsLine: first))
      }
    }
    return clauses
  }

  /// The clause as a phrase a person can check: whole when short, else a window around the part
  /// that matters, cut at word boundaries when one is near (a line of a million letters without
  /// a space is cut where the window ends).
  static func phrase(_ clause: String, around range: Range<String.Index>, limit: Int = 180)
    -> String
  {
    guard clause.count > limit else { return clause }
    let before = clause.distance(from: clause.startIndex, to: range.lowerBound)
    let lowerOffset = max(0, before - limit / 2)
    var lower = clause.index(clause.startIndex, offsetBy: lowerOffset)
    let upperOffset = min(clause.count, lowerOffset + limit)
    var upper = clause.index(clause.startIndex, offsetBy: upperOffset)
    if upper < range.upperBound { upper = range.upperBound }
    let wordReach = 24
    var reach = 0
    while lower > clause.startIndex, reach < wordReach,
      !clause[clause.index(before: lower)].isWhitespace
    {
      lower = clause.index(before: lower)
      reach += 1
    }
    reach = 0
    while upper < clause.endIndex, reach < wordReach, !clause[upper].isWhitespace {
      upper = clause.index(after: upper)
      reach += 1
    }
    var text = String(clause[lower..<upper]).trimmingCharacters(in: .whitespaces)
    if lower > clause.startIndex { text = "…" + text }
    if upper < clause.endIndex { text += "…" }
    return text
  }
}

import Foundation
