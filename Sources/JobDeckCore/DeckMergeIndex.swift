/// The lookups merging a draft makes (which posting it is a re-import of, a posting's first
/// application, an owner's deadlines of a kind), kept in dictionaries that the merge keeps up to
/// date as it adds and changes records, so that a spreadsheet of 100,000 rows costs what its
/// rows do rather than rows times deck. Records by id come from the deck's own lists.
///
/// The index describes the deck it was built from, and stays valid only while that deck is
/// changed through the `index:` methods (`merge`, `apply`) and those that change no record the
/// index files (`move`, `appendNote`).
public struct DeckMergeIndex: Sendable {
  struct CompanyAndTitle: Hashable, Sendable {
    var company: String
    var title: String
  }

  /// What a posting is matched by; remembered so the entries can be moved when it changes.
  struct PostingKeys: Sendable {
    var url: String?
    var companyAndTitle: CompanyAndTitle
  }

  /// Posting indices, ascending, by comparable URL.
  var postingsByURL: [String: [Int]] = [:]
  /// Posting indices, ascending, by comparable company and title: all of them, and those
  /// without a URL (the only ones a draft with a URL may match by company and title).
  var postingsByCompanyAndTitle: [CompanyAndTitle: [Int]] = [:]
  var postingsWithoutURLByCompanyAndTitle: [CompanyAndTitle: [Int]] = [:]
  /// Parallel to `Deck.postings`.
  var postingKeys: [PostingKeys] = []
  var postingIDs = IdentifierCounters()

  /// Application indices, ascending, by posting id.
  var applicationsByPosting: [String: [Int]] = [:]

  /// Deadline indices, ascending, by owner and kind.
  var deadlinesByOwnerAndKind: [OwnerAndKind: [Int]] = [:]
  var deadlineIDs = IdentifierCounters()

  /// Built in one pass over the deck. `drafts` is how many drafts are about to be merged: room
  /// is made for that many more postings up front, rather than rehashing every key each time a
  /// table doubles.
  public init(_ deck: Deck, drafts: Int = 0) {
    let postings = deck.postings.count + drafts
    postingsByURL.reserveCapacity(postings)
    postingsByCompanyAndTitle.reserveCapacity(postings)
    postingKeys.reserveCapacity(postings)
    applicationsByPosting.reserveCapacity(deck.applications.count + drafts / 2)
    deadlinesByOwnerAndKind.reserveCapacity(deck.deadlines.count + drafts / 2)
    for (index, posting) in deck.postings.enumerated() {
      let keys = PostingKeys(posting)
      postingKeys.append(keys)
      register(posting: index, keys)
    }
    for (index, application) in deck.applications.enumerated() {
      noteApplication(application, at: index)
    }
    for (index, deadline) in deck.deadlines.enumerated() {
      noteDeadline(deadline, at: index)
    }
  }

  /// The posting `Deck.postingID(matching:)` finds for a draft with these keys, by index.
  func postingIndex(matching keys: PostingKeys) -> Int? {
    if let url = keys.url, let match = postingsByURL[url]?.first { return match }
    let key = keys.companyAndTitle
    guard !key.company.isEmpty || !key.title.isEmpty else { return nil }
    // With a URL, a posting with another URL is another ad; none has this URL (see above).
    let candidates = keys.url == nil
      ? postingsByCompanyAndTitle[key] : postingsWithoutURLByCompanyAndTitle[key]
    return candidates?.first
  }

  /// The index of the posting's first application, as `Deck.applications(forPosting:).first`.
  public func firstApplicationIndex(forPosting postingID: String) -> Int? {
    applicationsByPosting[postingID]?.first
  }

  /// The deck's posting at `index` was added or now reads `posting`: file it under its keys.
  mutating func postingChanged(at index: Int, to posting: Posting) {
    postingChanged(at: index, to: posting, keys: PostingKeys(posting))
  }

  /// `postingChanged(at:to:)` when the keys are known already (those of the draft it came from).
  mutating func postingChanged(at index: Int, to posting: Posting, keys: PostingKeys) {
    if index == postingKeys.count {
      postingKeys.append(keys)
      register(posting: index, keys)
      return
    }
    let old = postingKeys[index]
    guard old.url != keys.url || old.companyAndTitle != keys.companyAndTitle else { return }
    unregister(posting: index, old)
    postingKeys[index] = keys
    register(posting: index, keys)
  }

  mutating func noteApplication(_ application: Application, at index: Int) {
    if let postingID = application.postingID {
      applicationsByPosting[postingID, default: []].append(index)
    }
  }

  mutating func noteDeadline(_ deadline: Deadline, at index: Int) {
    deadlinesByOwnerAndKind[OwnerAndKind(owner: deadline.owner, kind: deadline.kind), default: []]
      .append(index)
  }

  private mutating func register(posting index: Int, _ keys: PostingKeys) {
    if let url = keys.url { Self.insert(index, into: &postingsByURL[url, default: []]) }
    Self.insert(index, into: &postingsByCompanyAndTitle[keys.companyAndTitle, default: []])
    if keys.url == nil {
      Self.insert(
        index, into: &postingsWithoutURLByCompanyAndTitle[keys.companyAndTitle, default: []])
    }
  }

  private mutating func unregister(posting index: Int, _ keys: PostingKeys) {
    if let url = keys.url { Self.remove(index, from: &postingsByURL, key: url) }
    Self.remove(index, from: &postingsByCompanyAndTitle, key: keys.companyAndTitle)
    if keys.url == nil {
      Self.remove(index, from: &postingsWithoutURLByCompanyAndTitle, key: keys.companyAndTitle)
    }
  }

  /// Keeps `indices` ascending; appending is the usual case (new records go last).
  private static func insert(_ index: Int, into indices: inout [Int]) {
    if let last = indices.last, last > index {
      let position = indices.partitioningIndex { $0 >= index }
      indices.insert(index, at: position)
    } else {
      indices.append(index)
    }
  }

  private static func remove<Key: Hashable>(_ index: Int, from table: inout [Key: [Int]], key: Key) {
    guard var indices = table[key] else { return }
    table[key] = nil
    let position = indices.partitioningIndex { $0 >= index }
    if position < indices.count, indices[position] == index { indices.remove(at: position) }
    if !indices.isEmpty { table[key] = indices }
  }
}

extension DeckMergeIndex.PostingKeys {
  init(_ posting: Posting) {
    url = Deck.comparableURL(posting.url)
    companyAndTitle = DeckMergeIndex.CompanyAndTitle(
      company: Deck.comparableText(posting.company), title: Deck.comparableText(posting.title))
  }
}

/// Where to start counting for each id base, handing out free ones as
/// `IdentifierMaker.unique(_:counter:isTaken:)` does, so that the 500th `acme-engineer` does not
/// try `-2` to `-500` again. Ids are only added while the index lives, so every counter below
/// the remembered one is taken.
struct IdentifierCounters: Sendable {
  private var nextCounter: [String: Int] = [:]

  /// `base` when no record in `records` has it, else `base-2`, `base-3`, … (the first free one).
  mutating func claim<Record>(_ base: String, among records: RecordList<Record>) -> String {
    let (id, counter) = IdentifierMaker.uniqueCounting(
      base, counter: nextCounter[base] ?? 2, isTaken: records.contains(id:))
    if let counter { nextCounter[base] = counter + 1 }
    return id
  }
}
