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
  /// Where the title, company and posted date came from (the phrase and the rule that matched),
  /// keyed by field name, for the preview and `import --explain`. Dates keep their phrase on the
  /// deadline itself.
  public var explanations: [String: FieldExplanation]

  public init(posting: Posting, deadlines: [Deadline] = [], remarks: [String] = [],
              openDates: [String] = [], terms: EmploymentTerms = EmploymentTerms(),
              explanations: [String: FieldExplanation] = [:]) {
    self.posting = posting
    self.deadlines = deadlines
    self.remarks = remarks
    self.openDates = openDates
    self.terms = terms
    self.explanations = explanations
  }
}

/// The words of an ad a field was read from, and the rule that read it ("“At Acme we build…”",
/// "a sentence that begins “At <Name> we”"), so a person can check the importer's reading.
public struct FieldExplanation: Hashable, Sendable {
  public var phrase: String
  public var rule: String

  public init(phrase: String, rule: String) {
    self.phrase = phrase
    self.rule = rule
  }

  /// The key a deadline's explanation is filed under in `PostingDraft.explanations`.
  public static func key(for deadline: Deadline) -> String {
    "\(deadline.kind.rawValue): \(deadline.phrase ?? "")"
  }
}
