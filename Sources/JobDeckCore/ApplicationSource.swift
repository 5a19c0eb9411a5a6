import Foundation

/// Where the person found the job (LinkedIn, a referral, the company's site), as opposed to a
/// posting's `source`, which says where the record came from (typed in, a CSV, a file or URL).
/// One of the usual channels, or any text the person chose ("Berlin Startup Jobs newsletter").
///
/// Stored as one string: a known channel by its case name (`companySite`), anything else as
/// typed, so free text survives unchanged and statistics group the known channels however
/// they were typed.
public struct ApplicationSource: RawRepresentable, Hashable, Codable, Sendable {
  public enum Channel: String, CaseIterable, Sendable {
    case companySite, linkedIn, referral, jobBoard, recruiter, university, other

    public var displayName: String {
      switch self {
      case .companySite: return "company site"
      case .linkedIn: return "LinkedIn"
      case .referral: return "referral"
      case .jobBoard: return "job board"
      case .recruiter: return "recruiter"
      case .university: return "university"
      case .other: return "other"
      }
    }
  }

  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  public init(_ channel: Channel) { rawValue = channel.rawValue }

  /// What the person typed: a channel's name in any spelling ("LinkedIn", "company site",
  /// "job-board") becomes that channel; other text is kept, trimmed. Nil for blank text.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return nil }
    let key = ApplicationSource.letters(trimmed)
    if let channel = Channel.allCases.first(where: { ApplicationSource.letters($0.rawValue) == key }) {
      rawValue = channel.rawValue
    } else {
      rawValue = trimmed
    }
  }

  /// The known channel, or nil for free text.
  public var channel: Channel? { Channel(rawValue: rawValue) }

  public var displayName: String { channel?.displayName ?? rawValue }

  private static func letters(_ text: String) -> String {
    String(text.lowercased().filter { $0.isLetter })
  }
}

/// How the application was sent: what unemployment offices ask for ("online, e-mail, post, in
/// person") plus through a recruiter.
public enum ApplicationMethod: String, CaseIterable, Codable, Sendable {
  case onlineForm, email, post, inPerson, recruiter

  public var displayName: String {
    switch self {
    case .onlineForm: return "online form"
    case .email: return "e-mail"
    case .post: return "post"
    case .inPerson: return "in person"
    case .recruiter: return "recruiter"
    }
  }

  /// "online form", "Online-Form", "onlineForm", "e-mail", "email", "E-Mail" all name a method;
  /// nil for anything else.
  public init?(parsing text: String) {
    let key = String(text.lowercased().filter { $0.isLetter })
    guard let match = ApplicationMethod.allCases.first(where: { $0.rawValue.lowercased() == key })
    else { return nil }
    self = match
  }

  public static var allowedNames: String {
    allCases.map(\.displayName).joined(separator: ", ")
  }
}
