import Foundation

/// SplitMix64, seeded, for the property tests of this target (which cannot use
/// JobDeckTestSupport's `SeededGenerator`: Core's tests depend on Core alone).
struct PropertyRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// The seeds each property runs; `JOBDECK_PROPERTY_RUNS` asks for more.
  static func seeds(default count: Int) -> [UInt64] {
    let requested = ProcessInfo.processInfo.environment["JOBDECK_PROPERTY_RUNS"].flatMap(Int.init)
    return (0..<UInt64(max(requested ?? count, 1))).map { 0xC0DE_0000 + $0 }
  }
}
