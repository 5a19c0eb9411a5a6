import Foundation

/// The user's application to one posting (or to a company and role with no posting on file),
/// with every stage move it has been through.
public struct Application: Identifiable, Hashable, Codable, Sendable {
  public var id: String
  /// The posting applied to; nil when the user tracks an application without a posting.
  public var postingID: String?
  /// Used when there is no posting; otherwise the posting's company and title are shown.
  public var company: String?
  public var title: String?
  public var stage: Stage
  /// Every move, oldest first: how the user answers "when did I apply?".
  public var history: [StageChange]
  public var notes: String
  public var contacts: [Contact]
  /// Facts that turn into deadlines once known: the start date, the probation term, the offer's
  /// answer-by date. Kept on the application because they belong to this job, not the ad.
  public var terms: EmploymentTerms
  public var createdAt: Date
  public var updatedAt: Date
  /// When the user archived it: hidden from lists and the agenda, kept on file. Nil: not
  /// archived.
  public var archivedAt: Date?
  /// Where the person found the job (not where the posting's record came from).
  public var source: ApplicationSource?
  /// How the application was sent.
  public var method: ApplicationMethod?
  /// The person or address it went to ("Jana Weber, HR", "jobs@acme.example", a postal
  /// address): what a proof-of-search list asks for.
  public var sentTo: String?

  public init(id: String, postingID: String?, company: String? = nil, title: String? = nil,
              stage: Stage = .saved, history: [StageChange] = [], notes: String = "",
              contacts: [Contact] = [], terms: EmploymentTerms = EmploymentTerms(),
              createdAt: Date, updatedAt: Date? = nil, archivedAt: Date? = nil,
              source: ApplicationSource? = nil, method: ApplicationMethod? = nil,
              sentTo: String? = nil) {
    self.id = id
    self.postingID = postingID
    self.company = company
    self.title = title
    self.stage = stage
    self.history = history
    self.notes = notes
    self.contacts = contacts
    self.terms = terms
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.archivedAt = archivedAt
    self.source = source
    self.method = method
    self.sentTo = sentTo
  }

  public var isArchived: Bool { archivedAt != nil }

  /// When the application last changed stage (or was created): the basis of follow-ups.
  public var lastMovedAt: Date { history.last?.at ?? createdAt }

  /// Takes where it was found, how and to whom it was sent from an import, each only where it
  /// is still empty: what the person typed before stays. True when anything changed.
  public mutating func fillInSending(source: ApplicationSource?, method: ApplicationMethod?,
                                     sentTo: String?) -> Bool
  {
    let before = (self.source, self.method, self.sentTo)
    if self.source == nil { self.source = source }
    if self.method == nil { self.method = method }
    if self.sentTo == nil { self.sentTo = sentTo }
    return before != (self.source, self.method, self.sentTo)
  }
}

/// One move between stages. `from` is nil for the entry that records the first stage.
public struct StageChange: Hashable, Codable, Sendable {
  public var from: Stage?
  public var to: Stage
  public var at: Date
  public var note: String?

  public init(from: Stage?, to: Stage, at: Date, note: String? = nil) {
    self.from = from
    self.to = to
    self.at = at
    self.note = note
  }
}

public struct Contact: Hashable, Codable, Sendable {
  public var name: String
  public var role: String?
  public var email: String?
  public var phone: String?
  public var note: String?

  public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil,
              note: String? = nil) {
    self.name = name
    self.role = role
    self.email = email
    self.phone = phone
    self.note = note
  }
}

/// What the user learns once an offer arrives or is accepted; the deadline engine derives the
/// offer-response, start, probation and resignation dates from these.
public struct EmploymentTerms: Hashable, Codable, Sendable {
  public var offerResponseBy: CivilDate?
  public var startDate: CivilDate?
  /// Length of probation or of an initial term ("6 months").
  public var probation: Period?
  /// When the probation review happens, counted from the start ("P3M": at the end of the first
  /// three months). Nil: two weeks before probation ends.
  public var probationReviewAfter: Period?
  /// The end of a fixed-term contract or internship.
  public var contractEnd: CivilDate?
  /// The pay offered, which may differ from what the ad said.
  public var salary: Compensation?
  public var contractType: EmploymentType?
  /// The notice either side must give in the offered job (not the current one: that is
  /// `Settings.currentNoticePeriod`).
  public var noticePeriod: Period?

  public init(offerResponseBy: CivilDate? = nil, startDate: CivilDate? = nil,
              probation: Period? = nil, probationReviewAfter: Period? = nil,
              contractEnd: CivilDate? = nil, salary: Compensation? = nil,
              contractType: EmploymentType? = nil, noticePeriod: Period? = nil) {
    self.offerResponseBy = offerResponseBy
    self.startDate = startDate
    self.probation = probation
    self.probationReviewAfter = probationReviewAfter
    self.contractEnd = contractEnd
    self.salary = salary
    self.contractType = contractType
    self.noticePeriod = noticePeriod
  }

  public var isEmpty: Bool { self == EmploymentTerms() }
}
