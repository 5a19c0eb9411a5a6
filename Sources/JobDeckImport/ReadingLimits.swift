import Foundation

/// How much an import reads and how long it waits: files, standard input and web pages are read
/// against these, checked as the bytes arrive, so `/dev/zero`, `yes |` or a hostile server stop
/// with a message instead of filling memory or waiting forever.
public struct ReadingLimits: Sendable, Equatable {
  /// Bytes read at most (after decompression, for a web page).
  public var maximumBytes: Int
  /// How long a web server may take to start answering (status line and headers).
  public var connectTimeout: TimeInterval
  /// How long a whole fetch may take, answer and page together.
  public var totalTimeout: TimeInterval

  /// Long enough for a slow server across the world, short enough not to look hung.
  public static let standardConnectTimeout: TimeInterval = 10

  public init(maximumBytes: Int, connectTimeout: TimeInterval = standardConnectTimeout,
              totalTimeout: TimeInterval = 30) {
    self.maximumBytes = maximumBytes
    self.connectTimeout = min(connectTimeout, totalTimeout)
    self.totalTimeout = totalTimeout
  }

  /// A job ad or a page: the largest real ads are a few hundred KB.
  public static let ad = ReadingLimits(maximumBytes: 10_000_000)
  /// A tracking spreadsheet: a 100,000-row export with long descriptions is about 200 MB.
  public static let csv = ReadingLimits(maximumBytes: 512_000_000)

  /// The same limits with a total timeout of `seconds` (the connect timeout never exceeds it).
  public func withTotalTimeout(_ seconds: TimeInterval) -> ReadingLimits {
    ReadingLimits(maximumBytes: maximumBytes, connectTimeout: Self.standardConnectTimeout,
                  totalTimeout: seconds)
  }

  /// `10 MB`, `512 MB`, `1 GB`, `1500 bytes`: the largest unit that states the size exactly.
  public static func describe(bytes: Int) -> String {
    for (unit, size) in [("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1000),
                         ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
    where bytes >= size && bytes % size == 0 {
      return "\(bytes / size) \(unit)"
    }
    return "\(bytes) bytes"
  }

  /// `3 seconds`, `1 second`, `2.5 seconds`.
  public static func describe(seconds: TimeInterval) -> String {
    let number = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    return number + (seconds == 1 ? " second" : " seconds")
  }
}

/// A value typed for `--max-size` or `--timeout` that JobDeck does not accept; the message names
/// the option and the allowed range.
public struct ReadingLimitInputError: Error, CustomStringConvertible, Equatable {
  public var description: String
}

/// Parses the sizes and durations people type for the reading limits, within bounds, with no
/// arithmetic that can overflow.
public enum ReadingLimitInput {
  public static let smallestSize = 1000
  public static let largestSize = 16_000_000_000
  public static let shortestTimeout: TimeInterval = 1
  public static let longestTimeout: TimeInterval = 3600

  /// `20MB`, `1GB`, `512KB`, `1.5GB`, `64MiB`, `5000000` (bytes); decimal units are powers of
  /// 1000, `KiB`/`MiB`/`GiB` powers of 1024.
  public static func size(_ text: String, option: String = "--max-size") throws -> Int {
    let range = "\(ReadingLimits.describe(bytes: smallestSize)) to "
      + "\(ReadingLimits.describe(bytes: largestSize))"
    let notASize = ReadingLimitInputError(
      description: "\(option): '\(text)' is not a size (expected a number and a unit, e.g. 20MB, "
        + "1GB, 512KB; allowed: \(range))")
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces).lowercased()
    let multipliers: [String: Double] = [
      "": 1, "b": 1, "k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9,
      "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824,
    ]
    guard !number.isEmpty, number.count <= 20, number.filter({ $0 == "." }).count <= 1,
      let value = Double(number), value.isFinite, let multiplier = multipliers[unit]
    else { throw notASize }
    let bytes = value * multiplier
    guard bytes >= Double(smallestSize), bytes <= Double(largestSize) else {
      throw ReadingLimitInputError(
        description: "\(option): \(text) is out of range (allowed: \(range))")
    }
    return Int(bytes.rounded())
  }

  /// `5s`, `30s`, `2m`, `90` (seconds), `1.5s`.
  public static func timeout(_ text: String, option: String = "--timeout") throws -> TimeInterval {
    let range = "\(ReadingLimits.describe(seconds: shortestTimeout)) to "
      + "\(ReadingLimits.describe(seconds: longestTimeout))"
    let notADuration = ReadingLimitInputError(
      description: "\(option): '\(text)' is not a duration (expected e.g. 5s, 30s, 2m; "
        + "allowed: \(range))")
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces).lowercased()
    let multipliers: [String: Double] = [
      "": 1, "s": 1, "sec": 1, "second": 1, "seconds": 1, "m": 60, "min": 60, "minute": 60,
      "minutes": 60,
    ]
    guard !number.isEmpty, number.count <= 20, number.filter({ $0 == "." }).count <= 1,
      let value = Double(number), value.isFinite, let multiplier = multipliers[unit]
    else { throw notADuration }
    let seconds = value * multiplier
    guard seconds >= shortestTimeout, seconds <= longestTimeout else {
      throw ReadingLimitInputError(
        description: "\(option): \(text) is out of range (allowed: \(range))")
    }
    return seconds
  }
}
