import Foundation

/// A job ad the user is looking at, whether or not they have applied.
public struct Posting: Identifiable, Hashable, Codable, Sendable {
  public var id: String
  public var title: String
  public var company: String
  public var location: String?
  public var workplace: Workplace?
  public var employmentType: EmploymentType?
  public var url: String?
  /// Where the posting came from: a job board's name, "csv", "pasted", a file name.
  public var source: String?
  public var posted: PostedDate?
  public var compensation: Compensation?
  public var tags: [String]
  /// The ad's text, often kilobytes: read from a store it stays undecoded until used.
  public var descriptionText: LongText?
  public var createdAt: Date
  public var updatedAt: Date
  /// When the user archived it: hidden from lists and the agenda, kept on file. Nil: not
  /// archived.
  public var archivedAt: Date?

  public init(id: String, title: String, company: String, location: String? = nil,
              workplace: Workplace? = nil, employmentType: EmploymentType? = nil,
              url: String? = nil, source: String? = nil, posted: PostedDate? = nil,
              compensation: Compensation? = nil, tags: [String] = [], description: String? = nil,
              createdAt: Date, updatedAt: Date? = nil, archivedAt: Date? = nil) {
    self.id = id
    self.title = title
    self.company = company
    self.location = location
    self.workplace = workplace
    self.employmentType = employmentType
    self.url = url
    self.source = source
    self.posted = posted
    self.compensation = compensation
    self.tags = tags
    self.descriptionText = description.map(LongText.init)
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.archivedAt = archivedAt
  }

  public var isArchived: Bool { archivedAt != nil }

  /// The ad's text as a `String` (decoded on each read from a store's bytes: a search over
  /// many postings reads `descriptionText` in place instead).
  public var description: String? {
    get { descriptionText?.string }
    set { descriptionText = newValue.map(LongText.init) }
  }

  enum CodingKeys: String, CodingKey {
    case id, title, company, location, workplace, employmentType, url, source, posted
    case compensation, tags, descriptionText = "description", createdAt, updatedAt, archivedAt
  }
}

public enum Workplace: String, CaseIterable, Codable, Sendable {
  case onSite, hybrid, remote
}

public enum EmploymentType: String, CaseIterable, Codable, Sendable {
  case internship, graduateProgramme, workingStudent, fullTime, partTime, contract
}

/// When a posting went up. Job boards often say only "30+ days ago", which is a lower bound on
/// its age, not a date: `precision` keeps that honest.
public struct PostedDate: Hashable, Codable, Sendable {
  public enum Precision: String, CaseIterable, Codable, Sendable {
    /// The posting went up on `date`.
    case exact
    /// The posting went up on `date` or earlier ("30+ days ago").
    case onOrBefore
  }

  public var date: CivilDate
  public var precision: Precision

  public init(date: CivilDate, precision: Precision = .exact) {
    self.date = date
    self.precision = precision
  }
}

/// Pay as the ad states it, plus what could be parsed from that text.
public struct Compensation: Hashable, Codable, Sendable {
  public enum Period: String, Codable, Sendable, CaseIterable {
    case year, month, hour
  }

  /// Exactly as written in the ad: "€ 42K", "3466€ per month gross".
  public var text: String
  public var minimum: Double?
  public var maximum: Double?
  /// ISO 4217 code: EUR, USD, GBP.
  public var currency: String?
  public var period: Period?

  public init(text: String, minimum: Double? = nil, maximum: Double? = nil,
              currency: String? = nil, period: Period? = nil) {
    self.text = text
    self.minimum = minimum
    self.maximum = maximum
    self.currency = currency
    self.period = period
  }
}
