import Foundation
import JobDeckTestSupport

/// The seeded generator of the property tests: JobDeckTestSupport's, so a failing seed
/// reproduces everywhere.
typealias PropertyRandom = SeededGenerator

extension SeededGenerator {
  /// The seeds each property runs; `JOBDECK_PROPERTY_RUNS` asks for more.
  static func seeds(default count: Int) -> [UInt64] {
    let requested = ProcessInfo.processInfo.environment["JOBDECK_PROPERTY_RUNS"].flatMap(Int.init)
    return (0..<UInt64(max(requested ?? count, 1))).map { 0xC0DE_0000 + $0 }
  }
}
