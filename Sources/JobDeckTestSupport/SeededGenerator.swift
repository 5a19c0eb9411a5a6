import Foundation

/// A reproducible random source for property tests (SplitMix64): the same seed gives the same
/// cases on every machine, so a failing seed printed by a test can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// True with the given probability.
  public mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < probability
  }

  /// One of `choices`, which must not be empty.
  public mutating func pick<Choices: RandomAccessCollection>(_ choices: Choices)
    -> Choices.Element where Choices.Index == Int
  {
    choices[choices.startIndex + Int.random(in: 0..<choices.count, using: &self)]
  }
}

/// The seeds a property test runs: a fixed list so failures reproduce, plus more when
/// `JOBDECK_PROPERTY_RUNS` asks for a longer run.
public enum PropertySeeds {
  public static func seeds(default count: Int) -> [UInt64] {
    let requested = ProcessInfo.processInfo.environment["JOBDECK_PROPERTY_RUNS"].flatMap(Int.init)
    return (0..<UInt64(max(requested ?? count, 1))).map { 0x5EED_0000 + $0 }
  }
}
