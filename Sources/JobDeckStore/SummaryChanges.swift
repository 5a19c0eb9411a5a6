import Foundation
import Glibc
import JobDeckCore

/// `store.json.summary.changes`: what the saves since the summary was made changed in it, so the
/// agenda after `jobdeck move` reads two weeks of rows instead of decoding the store again.
///
/// A deadline's row depends only on its *family*: a posting with its applications and every
/// deadline they own (an application without a posting is a family of its own). A save appends
/// the difference to the journal; then, when the summary (or the summary with these changes) was
/// that of the store as it was just before, the families the difference touches are added to the
/// ones already changed, and the file is rewritten with every row of those families, as the deck
/// now has them, and the set of owners whose rows in the summary they replace. A reader takes the
/// summary's rows, leaves out those owners' rows, and adds these.
///
/// Like the summary, a cache: its header names the store and journal version it describes and
/// the summary it amends; any mismatch, or anything that does not read, and the agenda rebuilds
/// the summary from the store. Writing it is best effort and never fails a save.
///
///     {"jobdeckSummaryChangesOf":"<key now>","base":"<summary key>","deadlines":N}
///     {"families":["p:<posting id>","a:<application id>",…],"owners":["p:<id>","a:<id>",…]}
///     one `SummaryRowFormat` line per row of those families
enum SummaryChanges {
  struct Contents {
    var families: Set<String>
    /// `ownerKey(_:)` of every owner whose rows in the summary these rows replace.
    var owners: Set<String>
    var rows: [AgendaRow]
    var deadlineCount: Int
  }

  static func path(for target: String) -> String { target + ".summary.changes" }

  static func ownerKey(_ owner: DeadlineOwner) -> String {
    switch owner {
    case .posting(let id): return "p:" + id
    case .application(let id): return "a:" + id
    }
  }

  // MARK: Recording a save

  /// After a save appended `operations` (the difference from `previous` to `deck`) to the
  /// journal: `keyBefore` names the store and journal as they were before the append, `keyAfter`
  /// as they are now.
  static func record(_ operations: [StoreJournal.Operation], previous: Deck, deck: Deck,
    target: String, keyBefore: String, keyAfter: String, like store: FileSystem.Status)
  {
    guard let summaryKey = StoreSummary.key(ofSummaryAt: target + ".summary") else { return }
    var families = Set<String>()
    var owners = Set<String>()
    if summaryKey != keyBefore {
      // The summary is older: only changes that bring it up to the version before this save
      // can be carried on.
      guard let earlier = read(at: path(for: target), key: keyBefore, base: summaryKey,
        readingRows: false)
      else { return }
      families = earlier.families
      owners = earlier.owners
    }
    let touched = touchedFamilies(by: operations, previous: previous, deck: deck)
    families.formUnion(touched.families)
    owners.formUnion(touched.owners)
    let family = Family(families: families)
    for deck in [previous, deck] {
      for index in deck.applications.indices
      where family.contains(applicationID: deck.applications[index].id,
        postingID: deck.applications[index].postingID)
      {
        owners.insert("a:" + deck.applications[index].id)
      }
    }
    // A posting's family key is its owner key; an application's own family ("a:"), its owner's.
    owners.formUnion(families)
    let members = family.members(of: deck, owners: OwnerSet(owners))
    write(Contents(families: families, owners: owners, rows: Agenda.rows(of: members),
      deadlineCount: deck.deadlines.count), key: keyAfter, base: summaryKey,
      to: path(for: target), beside: target, like: store)
  }

  /// The families a difference touches, old and new (a record may move between them), and the
  /// owners of the deadlines it puts or deletes.
  private static func touchedFamilies(by operations: [StoreJournal.Operation], previous: Deck,
    deck: Deck) -> (families: Set<String>, owners: Set<String>)
  {
    var families = Set<String>()
    var owners = Set<String>()
    var applicationIDs = Set<String>()
    var deadlineIDs = Set<String>()
    for operation in operations {
      switch operation {
      case .putPosting(let posting): families.insert("p:" + posting.id)
      case .putApplication(let application): applicationIDs.insert(application.id)
      case .putDeadline(let deadline): deadlineIDs.insert(deadline.id)
      case .putSettings, .putConflicts: break  // Neither decides a row.
      case .delete(.postings, let id): families.insert("p:" + id)
      case .delete(.applications, let id): applicationIDs.insert(id)
      case .delete(.deadlines, let id): deadlineIDs.insert(id)
      }
    }
    var ownersToPlace = Set<String>()
    let changedDeadlines = IDLookup(deadlineIDs)
    for deck in [previous, deck] {
      if !deadlineIDs.isEmpty {
        for index in deck.deadlines.indices where changedDeadlines.contains(deck.deadlines[index].id) {
          let owner = deck.deadlines[index].owner
          owners.insert(ownerKey(owner))
          switch owner {
          case .posting(let id): families.insert("p:" + id)
          case .application(let id): ownersToPlace.insert(id)
          }
        }
      }
    }
    applicationIDs.formUnion(ownersToPlace)
    guard !applicationIDs.isEmpty else { return (families, owners) }
    var found = Set<String>()
    let changedApplications = IDLookup(applicationIDs)
    for deck in [previous, deck] {
      for index in deck.applications.indices
      where changedApplications.contains(deck.applications[index].id) {
        families.insert(Family.key(of: deck.applications[index]))
        found.insert(deck.applications[index].id)
      }
    }
    // An application in neither deck (a deadline's dangling owner) is a family of its own.
    for id in applicationIDs.subtracting(found) { families.insert("a:" + id) }
    return (families, owners)
  }

  /// Which records belong to a set of families. Ids are looked up as they are (no "p:" key
  /// built per record): the walk covers every record of a 100,000-posting deck on each save.
  private struct Family {
    let postingIDs: IDLookup
    let unlinkedApplicationIDs: IDLookup

    init(families: Set<String>) {
      var postings = Set<String>()
      var applications = Set<String>()
      for key in families {
        if key.hasPrefix("p:") { postings.insert(String(key.dropFirst(2))) }
        if key.hasPrefix("a:") { applications.insert(String(key.dropFirst(2))) }
      }
      postingIDs = IDLookup(postings)
      unlinkedApplicationIDs = IDLookup(applications)
    }

    static func key(of application: Application) -> String {
      application.postingID.map { "p:" + $0 } ?? "a:" + application.id
    }

    func contains(applicationID: String, postingID: String?) -> Bool {
      if let postingID { return postingIDs.contains(postingID) }
      return unlinkedApplicationIDs.contains(applicationID)
    }

    /// The families' postings and applications, and the deadlines of `owners`, in deck order.
    /// Records are read in place by index: passing each to a closure would copy all of them.
    func members(of deck: Deck, owners: OwnerSet) -> Deck {
      var members = Deck(settings: deck.settings)
      for index in deck.postings.indices where postingIDs.contains(deck.postings[index].id) {
        members.postings.append(deck.postings[index])
      }
      for index in deck.applications.indices
      where contains(applicationID: deck.applications[index].id,
        postingID: deck.applications[index].postingID)
      {
        members.applications.append(deck.applications[index])
      }
      for index in deck.deadlines.indices where owners.contains(deck.deadlines[index].owner) {
        members.deadlines.append(deck.deadlines[index])
      }
      return members
    }
  }

  // MARK: File

  private static func headerPrefix(key: String, base: String) -> [UInt8] {
    Array("{\"jobdeckSummaryChangesOf\":\"\(key)\",\"base\":\"\(base)\",\"deadlines\":".utf8)
  }

  static func write(_ contents: Contents, key: String, base: String, to path: String,
    beside target: String, like store: FileSystem.Status)
  {
    StoreSummary.replaceCache(at: path, beside: target, tag: "summary-changes-", like: store) {
      write throws(StoreError) in
      var writer = StoreRecordWriter()
      writer.bytes.append(contentsOf: headerPrefix(key: key, base: base))
      writer.bytes.append(contentsOf: "\(contents.deadlineCount)}\n".utf8)
      for (name, set) in [("{\"families\":[", contents.families), ("],\"owners\":[", contents.owners)] {
        writer.bytes.append(contentsOf: name.utf8)
        for (index, item) in set.sorted().enumerated() {
          if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
          writer.string(item)
        }
      }
      writer.bytes.append(contentsOf: "]}\n".utf8)
      for row in contents.rows {
        SummaryRowFormat.write(row, into: &writer)
        writer.bytes.append(UInt8(ascii: "\n"))
      }
      try write(writer.bytes)
    }
  }

  /// The changes if they describe the store and journal version `key` names and amend the
  /// summary `base` names; nil otherwise or when they do not read.
  static func read(at path: String, key: String, base: String, readingRows: Bool = true)
    -> Contents?
  {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let bytes = [UInt8](data)
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let prefix = headerPrefix(key: key, base: base)
    guard lines.count >= 3, lines.last?.isEmpty == true, let header = lines.first,
      header.count > prefix.count + 1, header.starts(with: prefix),
      header.last == UInt8(ascii: "}"),
      let count = Int(String(decoding: header[(header.startIndex + prefix.count)..<(header.endIndex - 1)],
        as: UTF8.self)), count >= 0
    else { return nil }
    guard let (families, owners) = Array(lines[1]).withUnsafeBytes(readSets) else { return nil }
    var rows: [AgendaRow] = []
    var zones: [String: TimeZone] = [:]
    if readingRows {
      for line in lines[2..<(lines.count - 1)] {
        guard let row = Array(line).withUnsafeBytes({ try? SummaryRowFormat.read($0, zones: &zones) })
        else { return nil }
        rows.append(row)
      }
    }
    return Contents(families: families, owners: owners, rows: rows, deadlineCount: count)
  }

  /// The second line: the families and the owners.
  private static func readSets(_ raw: UnsafeRawBufferPointer) -> (Set<String>, Set<String>)? {
    var families = Set<String>()
    var owners = Set<String>()
    var reader = StoreReader(raw)
    do throws(StoreReadError) {
      try reader.readObject { reader, name throws(StoreReadError) -> UInt32 in
        let isFamilies = keyIs(name, "families")
        guard isFamilies || keyIs(name, "owners") else { throw StoreReadError() }
        try reader.readArray { reader throws(StoreReadError) in
          let item = try reader.readString()
          if isFamilies { families.insert(item) } else { owners.insert(item) }
        }
        return isFamilies ? 1 : 2
      }
    } catch {
      return nil
    }
    return reader.isAtEnd ? (families, owners) : nil
  }
}

/// Owners as `SummaryChanges.ownerKey` names them, asked about without building a key per
/// question: the agenda asks it of every row it reads.
struct OwnerSet {
  private let postings: IDLookup
  private let applications: IDLookup

  init(_ keys: Set<String>) {
    var postings = Set<String>()
    var applications = Set<String>()
    for key in keys {
      if key.hasPrefix("p:") { postings.insert(String(key.dropFirst(2))) }
      if key.hasPrefix("a:") { applications.insert(String(key.dropFirst(2))) }
    }
    self.postings = IDLookup(postings)
    self.applications = IDLookup(applications)
  }

  var isEmpty: Bool { postings.isEmpty && applications.isEmpty }

  func contains(_ owner: DeadlineOwner) -> Bool {
    switch owner {
    case .posting(let id): return postings.contains(id)
    case .application(let id): return applications.contains(id)
    }
  }
}

/// A set of ids that answers "no" for most ids without hashing them: an id whose length no
/// member has is not a member. A save asks it of every record of the deck (240,000 at 100,000
/// postings), and hashing each id cost more than the rest of the save.
struct IDLookup {
  private let ids: Set<String>
  /// Bit `n` is set when a member is `n` UTF-8 bytes long (lengths of 256 or more share bit 255).
  private let lengths: (UInt64, UInt64, UInt64, UInt64)

  init(_ ids: Set<String>) {
    self.ids = ids
    var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for id in ids {
      let length = min(id.utf8.count, 255)
      let bit = UInt64(1) << UInt64(length % 64)
      switch length / 64 {
      case 0: bits.0 |= bit
      case 1: bits.1 |= bit
      case 2: bits.2 |= bit
      default: bits.3 |= bit
      }
    }
    lengths = bits
  }

  var isEmpty: Bool { ids.isEmpty }

  func contains(_ id: String) -> Bool {
    let length = min(id.utf8.count, 255)
    let word: UInt64
    switch length / 64 {
    case 0: word = lengths.0
    case 1: word = lengths.1
    case 2: word = lengths.2
    default: word = lengths.3
    }
    guard word & (UInt64(1) << UInt64(length % 64)) != 0 else { return false }
    return ids.contains(id)
  }
}
