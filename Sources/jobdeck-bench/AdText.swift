import Foundation
import JobDeckTestSupport

/// A long job ad as people paste it: a header, then paragraphs of the generator's prose with a
/// date-bearing line (cutoffs, starts, interviews, events long past) every few lines. Seeded,
/// so every run imports the same bytes.
enum AdText {
  static let datedLines = [
    "Applications close on %DAY% %MONTH% 2027.",
    "Our last team offsite was held on %DAY% %MONTH% 2026 in Lisbon.",
    "Start date: %DAY% %MONTH% 2027",
    "Interviews will take place on %MONTH% %DAY%, 2027.",
    "The programme runs from %DAY% %MONTH% to %DAY% %MONTH% 2027.",
    "Posted %DAY% days ago; we reply within 14 days.",
  ]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// At least `bytes` bytes of ad text.
  static func make(bytes: Int, seed: UInt64 = 7) -> String {
    var random = SeededGenerator(seed: seed)
    func pick(_ items: [String]) -> String { items[Int.random(in: 0..<items.count, using: &random)] }
    var lines = ["Senior Data Engineer (m/f/d)", "Nimbus Analytics GmbH", "Berlin, Germany",
                 "Posted on 2 November 2026", ""]
    var size = lines.reduce(0) { $0 + $1.utf8.count + 1 }
    var index = 0
    while size < bytes {
      var line: String
      if index % 7 == 6 {
        line = ""
      } else if index % 10 == 0 {
        line = pick(datedLines)
        while let range = line.range(of: "%DAY%") {
          line.replaceSubrange(range, with: String(Int.random(in: 1...28, using: &random)))
        }
        while let range = line.range(of: "%MONTH%") { line.replaceSubrange(range, with: pick(months)) }
      } else {
        line = (0..<2).map { _ in pick(Vocabulary.sentences) }.joined(separator: " ")
          .replacingOccurrences(of: "%TAG%", with: pick(Vocabulary.tags))
      }
      lines.append(line)
      size += line.utf8.count + 1
      index += 1
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
