import Foundation

/// What merging one imported posting did to the deck.
public enum MergeOutcome: Hashable, Sendable {
  /// A new posting under this id.
  case added(String)
  /// An existing posting (found by URL, or by company and title) took new values; `changes`
  /// names what changed ("title", "deadline apply by", …) so the CLI can say so.
  case updated(String, changes: [String])
  /// The posting was already on file exactly as imported.
  case unchanged(String)

  public var postingID: String {
    switch self {
    case .added(let id), .updated(let id, _), .unchanged(let id): return id
    }
  }
}

/// Re-importing an ad must refresh what the deck knows about it, never create a second copy:
/// people paste the same ad again after it changes, and re-run the same spreadsheet import.
extension Deck {
  /// The posting a draft is a re-import of: same URL first; else same company and title
  /// (compared case- and whitespace-insensitively) unless both carry URLs that differ, which
  /// marks two ads for the same role (e.g. two cities).
  public func postingID(matching draft: PostingDraft) -> String? {
    DeckMergeIndex(self).postingIndex(matching: DeckMergeIndex.PostingKeys(draft.posting))
      .map { postings[$0].id }
  }

  /// The posting an imported ad is a second import of: the same URL, company and title
  /// (`postingID(matching:)`), or the same ad text even when the user has since renamed the
  /// posting.
  public func reimportTarget(of draft: PostingDraft) -> String? {
    if let id = postingID(matching: draft) { return id }
    guard let text = draft.posting.description.map(Deck.comparableText), !text.isEmpty else {
      return nil
    }
    // Descriptions are mostly held still as the JSON they were read from (`LongText`): each is
    // ruled out by its signature, read in place, before it is decoded and compared.
    // Read together, in the order of the store file they are kept in (`LongText`).
    let wanted = ComparableTextSignature(of: text)
    var described: [Int] = []
    var descriptions: [LongText] = []
    postings.forEach(in: postings.indices) { position, posting in
      guard let description = posting.pointee.descriptionText else { return }
      described.append(position)
      descriptions.append(description)
    }
    var candidates: [Int] = []
    LongText.forEachJSONBody(of: descriptions) { index, body, _ in
      let signature = body.map(ComparableTextSignature.init(ofJSONBody:))
        ?? ComparableTextSignature(of: descriptions[index].string)
      if signature.mayRead(as: wanted) { candidates.append(index) }
    }
    return candidates.sorted().first {
      Deck.comparableText(descriptions[$0].string) == text
    }.map { postings[described[$0]].id }
  }

  /// Which posting a merge updates: the one the draft is a re-import of (as scripts expect),
  /// the one the user chose when asked about a duplicate, or none (add it anyway).
  public enum MergeTarget: Hashable, Sendable {
    case matching
    case posting(String)
    case newPosting
  }

  /// The posting on file a draft duplicates: a re-import of it, or the same URL or the same
  /// company, title and location (`duplicate(of:)`). Asked about before an interactive import.
  public func duplicateID(of draft: PostingDraft) -> String? {
    postingID(matching: draft) ?? duplicate(of: draft.posting)?.id
  }

  /// Adds the draft as a new posting, or updates the posting it is a re-import of.
  ///
  /// On update, draft fields that are non-empty replace the stored ones (id and createdAt stay);
  /// imported deadlines are matched by kind and owner, keep their ids (their calendar UIDs) and
  /// get a new `revision` when their date moves. Deadlines the user typed or edited, and those
  /// already done or dismissed, are never touched, and no second deadline of a kind the posting
  /// already has is added. Every deadline arriving here is marked `.imported`.
  @discardableResult
  public mutating func merge(_ draft: PostingDraft, at time: Date,
                             into target: MergeTarget = .matching) -> MergeOutcome {
    var index = DeckMergeIndex(self)
    return merge(draft, at: time, into: target, index: &index)
  }

  /// `merge(_:at:into:)` for one of many drafts: `index`, built once for all of them, answers
  /// its lookups and is kept in step with the deck.
  @discardableResult
  public mutating func merge(_ draft: PostingDraft, at time: Date,
                             into target: MergeTarget = .matching,
                             index: inout DeckMergeIndex) -> MergeOutcome {
    let time = time.truncatedToSeconds
    let keys = DeckMergeIndex.PostingKeys(draft.posting)
    let found: Int?
    switch target {
    // The first posting with the matched one's id, as a lookup by that id finds it.
    case .matching:
      found = index.postingIndex(matching: keys).flatMap { postings.index(ofID: postings[$0].id) }
    case .posting(let id): found = postings.index(ofID: id)
    case .newPosting: found = nil
    }
    guard let position = found else {
      var posting = draft.posting
      posting.createdAt = time
      posting.updatedAt = time
      posting.id = index.postingIDs.claim(
        IdentifierMaker.slug(company: posting.company, title: posting.title), among: postings)
      postings.append(posting)
      index.postingChanged(at: postings.count - 1, to: posting, keys: keys)
      for deadline in draft.deadlines {
        add(Deadline.imported(from: deadline, owner: .posting(posting.id)), index: &index)
      }
      return .added(posting.id)
    }

    let postingID = postings[position].id
    var changes = postings[position].absorb(draft.posting)
    if !changes.isEmpty {
      postings[position].updatedAt = time
      index.postingChanged(at: position, to: postings[position])
    }
    changes += mergeDeadlines(draft.deadlines, owner: .posting(postingID), index: &index)
    if !draft.terms.isEmpty, let application = index.firstApplicationIndex(forPosting: postingID),
      fillTerms(draft.terms, ofApplicationAt: application, at: time)
    {
      changes.append("terms")
    }
    return changes.isEmpty ? .unchanged(postingID) : .updated(postingID, changes: changes)
  }

  /// `apply(toPosting:stage:at:)` for a posting on file, keeping `index` in step.
  @discardableResult
  public mutating func apply(toPosting postingID: String, stage: Stage, at time: Date,
                             index: inout DeckMergeIndex) throws -> String
  {
    let id = try apply(toPosting: postingID, stage: stage, at: time)
    index.noteApplication(applications[applications.count - 1], at: applications.count - 1)
    return id
  }

  /// `add(_:)` for a deadline, keeping `index` in step.
  private mutating func add(_ deadline: Deadline, index: inout DeckMergeIndex) {
    var deadline = deadline
    deadline.id = index.deadlineIDs.claim(
      deadline.owner.id + "/" + IdentifierMaker.slug(deadline.displayName), among: deadlines)
    deadlines.append(deadline)
    index.noteDeadline(deadline, at: deadlines.count - 1)
  }

  /// Pairs the i-th draft deadline of a kind with the i-th stored one of that kind and owner.
  private mutating func mergeDeadlines(_ drafts: [Deadline], owner: DeadlineOwner,
                                       index: inout DeckMergeIndex) -> [String]
  {
    var changes: [String] = []
    var usedOfKind: [DeadlineKind: Int] = [:]
    for draft in drafts {
      let existing = index.deadlinesByOwnerAndKind.all(OwnerAndKind(owner: owner, kind: draft.kind))
      let position = usedOfKind[draft.kind, default: 0]
      usedOfKind[draft.kind] = position + 1
      guard position < existing.count else {
        add(Deadline.imported(from: draft, owner: owner), index: &index)
        changes.append("new deadline \(draft.kind.displayName)")
        continue
      }
      if let change = update(deadlineAt: existing[position], from: draft) {
        changes.append(change)
      }
    }
    return changes
  }

  /// Takes a draft deadline's date, phrase and lead times onto the stored one of its kind, if
  /// the engine still owns that one; returns the change's name, nil when nothing changed.
  mutating func update(deadlineAt index: Int, from draft: Deadline) -> String? {
    let stored = deadlines[index]
    guard stored.origin == .imported || stored.origin == .derived,
      stored.status == .pending
    else { return nil }
    var changed = false
    if stored.due != draft.due {
      deadlines[index].due = draft.due
      deadlines[index].revision += 1
      changed = true
    }
    if let phrase = draft.phrase, !phrase.isEmpty, phrase != stored.phrase {
      deadlines[index].phrase = phrase
      changed = true
    }
    if let leadTimes = draft.leadTimes, leadTimes != stored.leadTimes {
      deadlines[index].leadTimes = leadTimes
      changed = true
    }
    return changed ? "deadline \(draft.kind.displayName)" : nil
  }

  /// Copies terms the ad states onto an application, only where the user has not entered a
  /// value already. Returns whether anything was filled.
  mutating func fillTerms(_ terms: EmploymentTerms, ofApplicationAt index: Int, at time: Date)
    -> Bool
  {
    var current = applications[index].terms
    let before = current
    if current.offerResponseBy == nil { current.offerResponseBy = terms.offerResponseBy }
    if current.startDate == nil { current.startDate = terms.startDate }
    if current.probation == nil { current.probation = terms.probation }
    if current.probationReviewAfter == nil {
      current.probationReviewAfter = terms.probationReviewAfter
    }
    if current.contractEnd == nil { current.contractEnd = terms.contractEnd }
    guard current != before else { return false }
    applications[index].terms = current
    applications[index].updatedAt = time
    return true
  }

  /// URLs compared without surrounding spaces, a trailing slash or the scheme/host's case.
  static func comparableURL(_ url: String?) -> String? {
    guard var text = url?.trimmedOfWhitespaceAndNewlines, !text.isEmpty else {
      return nil
    }
    if text.isPrintableASCII { return asciiComparableURL(text) }
    while text.hasSuffix("/") { text.removeLast() }
    if let schemeEnd = text.schemeSeparatorRange {
      let hostEnd = text[schemeEnd.upperBound...].firstIndex(of: "/") ?? text.endIndex
      text = text[..<hostEnd].lowercased() + text[hostEnd...]
    }
    return text
  }

  /// `comparableURL(_:)` of trimmed printable ASCII, on its bytes: there every character is
  /// one byte, so the byte searches find what the character searches do. A URL already in
  /// that form (nearly every one) comes back as itself, sharing its storage: an import keeps
  /// one for each posting it has merged.
  private static func asciiComparableURL(_ text: String) -> String {
    var bytes = Array(text.utf8)
    let slash = UInt8(ascii: "/")
    let original = bytes.count
    while bytes.last == slash { bytes.removeLast() }
    var changed = bytes.count != original
    var schemeEnd: Int?
    var index = 0
    while index + 2 < bytes.count {
      if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == slash, bytes[index + 2] == slash {
        schemeEnd = index + 3
        break
      }
      index += 1
    }
    if let schemeEnd {
      let hostEnd = bytes[schemeEnd...].firstIndex(of: slash) ?? bytes.count
      for position in 0..<hostEnd where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[position]) {
        bytes[position] += 32
        changed = true
      }
    }
    return changed ? String(decoding: bytes, as: UTF8.self) : text
  }

  /// Lowercased, with runs of whitespace collapsed to one space and the ends trimmed.
  static func comparableText(_ text: String) -> String {
    text.collapsedLowercase
  }
}

extension Posting {
  /// Takes the draft's non-empty values; returns the names of the fields that changed.
  mutating func absorb(_ draft: Posting) -> [String] {
    var changes: [String] = []
    func take<Value: Equatable>(_ keyPath: WritableKeyPath<Posting, Value>, _ value: Value,
                                _ name: String) {
      if self[keyPath: keyPath] != value {
        self[keyPath: keyPath] = value
        changes.append(name)
      }
    }
    func nonEmpty(_ text: String?) -> String? {
      guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        return nil
      }
      return text
    }
    if let title = nonEmpty(draft.title) { take(\.title, title, "title") }
    if let company = nonEmpty(draft.company) { take(\.company, company, "company") }
    if let location = nonEmpty(draft.location) { take(\.location, location, "location") }
    if let workplace = draft.workplace { take(\.workplace, workplace, "workplace") }
    if let type = draft.employmentType { take(\.employmentType, type, "employmentType") }
    if let url = nonEmpty(draft.url) { take(\.url, url, "url") }
    if let source = nonEmpty(draft.source) { take(\.source, source, "source") }
    if let posted = draft.posted { take(\.posted, posted, "posted") }
    if let compensation = draft.compensation, nonEmpty(compensation.text) != nil
      || compensation.minimum != nil || compensation.maximum != nil
    {
      take(\.compensation, compensation, "compensation")
    }
    if !draft.tags.isEmpty { take(\.tags, draft.tags, "tags") }
    // Taken as held (read from a file or not), without making a String of it to keep.
    if let description = draft.descriptionText, nonEmpty(description.string) != nil {
      take(\.descriptionText, description, "description")
    }
    return changes
  }
}

extension Deadline {
  /// A draft deadline as the deck stores it: owned, pending, first revision, marked imported so
  /// that the next re-import may update it.
  static func imported(from draft: Deadline, owner: DeadlineOwner) -> Deadline {
    var deadline = draft
    deadline.owner = owner
    deadline.origin = .imported
    deadline.status = .pending
    deadline.revision = 0
    return deadline
  }
}

/// What `Deck.comparableText` keeps of ASCII text, which it only lowercases and whose
/// whitespace it only collapses: the count of its letters and digits, and the sum of their
/// lowercase bytes. Two ASCII texts with the same comparable form have the same signature, and
/// ASCII text never has a comparable form with other characters; text with other characters
/// can have any (the Kelvin sign lowercases to `k`), so it is always compared in full.
struct ComparableTextSignature: Equatable {
  var alphanumerics = 0
  var lowercaseSum = 0
  var isASCII = true

  init(of text: String) {
    var text = text
    text.withUTF8 { add($0) }
  }

  /// Read in place from a text's canonical JSON body: each `\` starts an escape (`\u00xx`,
  /// else two bytes) standing for `"`, `\` or a control character, none of them a letter, a
  /// digit or non-ASCII, so escapes are skipped whole.
  init(ofJSONBody body: UnsafeRawBufferPointer) {
    self.init(of: "")
    let bytes = body.assumingMemoryBound(to: UInt8.self)
    var position = 0
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\\") {
        let isUnicode = position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "u")
        position += isUnicode ? 6 : 2
      } else {
        add(byte)
        position += 1
      }
    }
  }

  private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
    for byte in bytes { add(byte) }
  }

  private mutating func add(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
      alphanumerics += 1
      lowercaseSum += Int(byte)
    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
      alphanumerics += 1
      lowercaseSum += Int(byte) + 32
    case 0x80...:
      isASCII = false
    default:
      break
    }
  }

  /// Whether a text with this signature may have the comparable form `wanted` is the signature
  /// of.
  func mayRead(as wanted: ComparableTextSignature) -> Bool {
    !isASCII || self == wanted
  }
}

/// Postings that are the same job: what `add posting` asks about before adding a second copy.
extension Deck {
  /// The posting on file that `posting` duplicates: the same URL (as `comparableURL` sees it),
  /// or the same company, title and location once case, spacing and punctuation are ignored
  /// ("SumUp GmbH, Berlin" and "sumup gmbh berlin" match). `excluding` leaves one id out (the
  /// posting being edited).
  public func duplicate(of posting: Posting, excluding: String? = nil) -> Posting? {
    let url = Deck.comparableURL(posting.url)
    let key = Deck.duplicateKey(posting)
    return postings.first { existing in
      guard existing.id != excluding else { return false }
      if let url, Deck.comparableURL(existing.url) == url { return true }
      return Deck.duplicateKey(existing) == key
    }
  }

  static func duplicateKey(_ posting: Posting) -> [String] {
    [posting.company, posting.title, posting.location ?? ""].map { text in
      text.lowercased().unicodeScalars
        .map { CharacterSet.alphanumerics.contains($0) ? String($0) : " " }
        .joined().split(separator: " ").joined(separator: " ")
    }
  }
}
