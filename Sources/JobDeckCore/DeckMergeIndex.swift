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

  /// Posting indices by comparable URL.
  var postingsByURL = IndexTable<String>()
  /// Posting indices by comparable company and title: all of them, and those without a URL
  /// (the only ones a draft with a URL may match by company and title).
  var postingsByCompanyAndTitle = IndexTable<CompanyAndTitle>()
  var postingsWithoutURLByCompanyAndTitle = IndexTable<CompanyAndTitle>()
  /// Parallel to `Deck.postings`.
  var postingKeys: [PostingKeys] = []
  var postingIDs = IdentifierCounters()

  /// Application indices by posting id.
  var applicationsByPosting = IndexTable<String>()

  /// Deadline indices by owner and kind.
  var deadlinesByOwnerAndKind = IndexTable<OwnerAndKind>()
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
    if let url = keys.url, let match = postingsByURL.first(url) { return match }
    let key = keys.companyAndTitle
    guard !key.company.isEmpty || !key.title.isEmpty else { return nil }
    // With a URL, a posting with another URL is another ad; none has this URL (see above).
    return keys.url == nil
      ? postingsByCompanyAndTitle.first(key) : postingsWithoutURLByCompanyAndTitle.first(key)
  }

  /// The index of the posting's first application, as `Deck.applications(forPosting:).first`.
  public func firstApplicationIndex(forPosting postingID: String) -> Int? {
    applicationsByPosting.first(postingID)
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
    if let postingID = application.postingID { applicationsByPosting.insert(index, for: postingID) }
  }

  mutating func noteDeadline(_ deadline: Deadline, at index: Int) {
    deadlinesByOwnerAndKind.insert(index, for: OwnerAndKind(owner: deadline.owner, kind: deadline.kind))
  }

  private mutating func register(posting index: Int, _ keys: PostingKeys) {
    if let url = keys.url { postingsByURL.insert(index, for: url) }
    postingsByCompanyAndTitle.insert(index, for: keys.companyAndTitle)
    if keys.url == nil { postingsWithoutURLByCompanyAndTitle.insert(index, for: keys.companyAndTitle) }
  }

  private mutating func unregister(posting index: Int, _ keys: PostingKeys) {
    if let url = keys.url { postingsByURL.remove(index, for: url) }
    postingsByCompanyAndTitle.remove(index, for: keys.companyAndTitle)
    if keys.url == nil { postingsWithoutURLByCompanyAndTitle.remove(index, for: keys.companyAndTitle) }
  }
}

/// Record indices filed by key, ascending for each key. The first index of a key is kept on its
/// own and only the others in an array: almost every key has one record (a URL, a posting's
/// application, its apply-by date), and an array for each would be an allocation per record.
struct IndexTable<Key: Hashable & Sendable>: Sendable {
  private var firsts: [Key: Int] = [:]
  /// The indices after the first, for the keys that have more than one.
  private var others: [Key: [Int]] = [:]

  mutating func reserveCapacity(_ count: Int) {
    firsts.reserveCapacity(count)
  }

  /// The key's lowest index.
  func first(_ key: Key) -> Int? { firsts[key] }

  /// The key's indices, ascending.
  func all(_ key: Key) -> [Int] {
    guard let first = firsts[key] else { return [] }
    return [first] + (others[key] ?? [])
  }

  /// Files `index` under `key`; appending is the usual case (new records go last).
  mutating func insert(_ index: Int, for key: Key) {
    guard let first = firsts[key] else {
      firsts[key] = index
      return
    }
    if index < first {
      firsts[key] = index
      others[key, default: []].insert(first, at: 0)
      return
    }
    var rest = others.removeValue(forKey: key) ?? []
    if let last = rest.last, last > index {
      rest.insert(index, at: rest.partitioningIndex { $0 >= index })
    } else {
      rest.append(index)
    }
    others[key] = rest
  }

  mutating func remove(_ index: Int, for key: Key) {
    guard let first = firsts[key] else { return }
    var rest = others.removeValue(forKey: key) ?? []
    if first == index {
      firsts[key] = rest.isEmpty ? nil : rest.removeFirst()
    } else {
      let position = rest.partitioningIndex { $0 >= index }
      if position < rest.count, rest[position] == index { rest.remove(at: position) }
    }
    if !rest.isEmpty { others[key] = rest }
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
