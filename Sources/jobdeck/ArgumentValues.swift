import ArgumentParser
import JobDeckCore

/// Stage names as typed on the command line: `jobdeck move sumup interview`.
extension Stage: ExpressibleByArgument {
  public init?(argument: String) {
    // `no-response`, `no response`, `no_response` and the store's `ghosted` are one stage.
    let key = normalizedChoice(argument)
    guard let stage = Stage.allCases.first(where: {
      normalizedChoice($0.rawValue) == key || normalizedChoice($0.displayName) == key
    }) else { return nil }
    self = stage
  }

  /// As people say them: `no-response` rather than the store's `ghosted` (also accepted).
  public static var allValueStrings: [String] {
    allCases.map { $0.displayName.replacingOccurrences(of: " ", with: "-") }
  }
}

/// Accepts both the store's spelling (`fullTime`) and the one people type (`full-time`).
extension EmploymentType: ExpressibleByArgument {
  public init?(argument: String) {
    guard let value = Self.choice(matching: argument) else { return nil }
    self = value
  }

  public static var allValueStrings: [String] { allCases.map { kebabCase($0.rawValue) } }
}

/// `online-form`, `e-mail`, `in person`, and the store's `onlineForm`.
extension ApplicationMethod: ExpressibleByArgument {
  public init?(argument: String) {
    guard let value = Self.choice(matching: argument, alsoMatching: \.displayName) else {
      return nil
    }
    self = value
  }

  public static var allValueStrings: [String] {
    allCases.map { $0.displayName.replacingOccurrences(of: " ", with: "-") }
  }
}

extension Workplace: ExpressibleByArgument {
  public init?(argument: String) {
    guard let value = Self.choice(matching: argument) else { return nil }
    self = value
  }

  public static var allValueStrings: [String] { allCases.map { kebabCase($0.rawValue) } }
}

extension DeadlineKind: ExpressibleByArgument {
  public init?(argument: String) {
    guard let value = Self.choice(matching: argument, alsoMatching: \.displayName) else {
      return nil
    }
    self = value
  }

  public static var allValueStrings: [String] { allCases.map { kebabCase($0.rawValue) } }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
  /// The case whose raw value (or other name) matches `argument`, ignoring case and punctuation.
  /// An argument holding a control or invisible character is no choice at all: ignoring it
  /// as punctuation would accept `inter\u{1B}view` and echo the escape back.
  static func choice(matching argument: String, alsoMatching otherName: ((Self) -> String)? = nil)
    -> Self?
  {
    guard !argument.unicodeScalars.contains(where: TerminalText.isUnsafeForTerminal),
      !argument.contains("\t"), !argument.contains("\n")
    else { return nil }
    let key = normalizedChoice(argument)
    return allCases.first { value in
      normalizedChoice(value.rawValue) == key
        || otherName.map { normalizedChoice($0(value)) } == key
    }
  }
}

/// `Full-Time`, `full_time` and `fullTime` all mean the same choice.
func normalizedChoice(_ text: String) -> String {
  String(text.lowercased().filter { $0.isLetter || $0.isNumber })
}
