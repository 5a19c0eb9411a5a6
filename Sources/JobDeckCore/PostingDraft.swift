/// What an importer understood from one job ad, before it is saved: shown to the user as a
/// preview (with every date's phrase) and then merged into the deck.
public struct PostingDraft: Hashable, Sendable {
  /// The posting's id is empty until the deck assigns one.
  public var posting: Posting
  /// Deadlines found in the ad; ids empty and owner `.posting("")` until merged.
  public var deadlines: [Deadline]
  /// What the importer was unsure of: an ambiguous date it would not guess, a year it inferred,
  /// "start ASAP" (no date). Shown beside the preview.
  public var remarks: [String]
  /// Dates stated only as "ASAP", "immediately" or "rolling basis": there is no date to store,
  /// but the user should know the posting said so.
  public var openDates: [String]
  /// The initial term, probation and review terms the ad states, which become deadlines once the
  /// start date is known.
  public var terms: EmploymentTerms

  public init(posting: Posting, deadlines: [Deadline] = [], remarks: [String] = [],
              openDates: [String] = [], terms: EmploymentTerms = EmploymentTerms()) {
    self.posting = posting
    self.deadlines = deadlines
    self.remarks = remarks
    self.openDates = openDates
    self.terms = terms
  }
}
