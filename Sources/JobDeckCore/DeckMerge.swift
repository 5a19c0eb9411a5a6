import Foundation

/// What a three-way merge of two machines' decks gives.
public struct DeckMergeResult: Hashable, Sendable {
  /// The merged deck; its `conflicts` hold the earlier unresolved conflicts of both sides and the
  /// new ones.
  public var deck: Deck
  /// The conflicts this merge met (already in `deck.conflicts`).
  public var conflicts: [MergeConflict]
  /// What the user should hear about: an edit that beat a delete, a record brought back because
  /// something kept refers to it, a field changed on both sides.
  public var notices: [String]
}

/// The merge of two copies of a deck that started from a common ancestor (git's merge base),
/// record by record and field by field, so that a sync never loses what either side saved.
///
/// - A record changed on one side only takes that side's version; changes to different records
///   or different fields of one record both win.
/// - A stage history is the union of both histories in time order; any other list both sides
///   changed (tags, contacts, suggestion answers) is the union too: what either side added,
///   less what either side removed.
/// - An edit beats a delete of the same record, and a notice says so; a record that a kept
///   record refers to (an application's posting, a deadline's owner) is kept too.
/// - When both sides changed one field to different values, the side whose record changed later
///   (`updatedAt`; for records without one, the higher `revision`, then the value) wins, and the
///   other value goes to `Deck.conflicts`.
///
/// Fields are compared in their `Codable` form (`EncodedValue`), so fields added to a record
/// type later merge without changes here. The result depends only on the three decks and the
/// clock, and is the same with `ours` and `theirs` swapped.
public enum DeckMerge {
  public static func merge(base: Deck, ours: Deck, theirs: Deck,
                           clock: some WallClock) -> DeckMergeResult {
    if ours == theirs || theirs == base {
      return DeckMergeResult(deck: ours, conflicts: [], notices: [])
    }
    if ours == base { return DeckMergeResult(deck: theirs, conflicts: [], notices: []) }
    var merger = RecordMerger(recordedAt: clock.now)
    var postings = merger.collection(.posting, base: base.postings, ours: ours.postings,
                                     theirs: theirs.postings)
    var applications = merger.collection(.application, base: base.applications,
                                         ours: ours.applications, theirs: theirs.applications)
    let deadlines = merger.collection(.deadline, base: base.deadlines, ours: ours.deadlines,
                                      theirs: theirs.deadlines)
    for deadline in deadlines.records {
      switch deadline.owner {
      case .application(let id): merger.restore(id, in: &applications, neededBy: deadline.id)
      case .posting(let id): merger.restore(id, in: &postings, neededBy: deadline.id)
      }
    }
    for application in applications.records {
      if let postingID = application.postingID {
        merger.restore(postingID, in: &postings, neededBy: application.id)
      }
    }
    let settings = merger.record(.settings, id: "settings", base: base.settings,
                                 ours: ours.settings, theirs: theirs.settings)
    var deck = Deck(postings: postings.records, applications: applications.records,
                    deadlines: deadlines.records, settings: settings)
    deck.conflicts = mergedConflicts(base: base.conflicts, ours: ours.conflicts,
                                     theirs: theirs.conflicts, new: merger.conflicts, in: deck)
    return DeckMergeResult(deck: deck, conflicts: merger.conflicts, notices: merger.notices)
  }

  /// Conflicts as a set: one resolved on either side stays resolved, one met on either side is
  /// kept, and those of records no longer in the deck go.
  private static func mergedConflicts(base: [MergeConflict], ours: [MergeConflict],
                                      theirs: [MergeConflict], new: [MergeConflict],
                                      in deck: Deck) -> [MergeConflict] {
    let baseIDs = Set(base.map(\.identity))
    let ourIDs = Set(ours.map(\.identity))
    let theirIDs = Set(theirs.map(\.identity))
    var seen = Set<String>()
    var result: [MergeConflict] = []
    let ordered = base + (ours + theirs + new).sorted { $0.identity < $1.identity }
    for conflict in ordered where !seen.contains(conflict.identity) {
      let id = conflict.identity
      let kept = baseIDs.contains(id)
        ? ourIDs.contains(id) && theirIDs.contains(id)
        : true
      guard kept, deck.contains(conflict) else { continue }
      seen.insert(id)
      result.append(conflict)
    }
    return result
  }
}

extension Deck {
  func contains(_ conflict: MergeConflict) -> Bool {
    switch conflict.collection {
    case .posting: return posting(withID: conflict.recordID) != nil
    case .application: return application(withID: conflict.recordID) != nil
    case .deadline: return deadline(withID: conflict.recordID) != nil
    case .settings: return true
    }
  }
}

/// One collection's records after the merge, with the versions it dropped (deleted records),
/// which come back if something kept refers to them.
struct MergedCollection<Record> {
  var kept: [OccurrenceKey: Record]
  var dropped: [OccurrenceKey: Record]
  /// The common ancestor's order, then records new on either side by creation time and id.
  var order: [OccurrenceKey]

  var records: [Record] { order.compactMap { kept[$0] } }
}

/// A record's place among those with its id: the first has occurrence 0. Only a hand-edited
/// store repeats an id; keying the merge by id and occurrence keeps the later records of a
/// repeated id as records of their own instead of losing them on the next sync.
struct OccurrenceKey: Hashable {
  var id: String
  var occurrence: Int

  static func first(_ id: String) -> OccurrenceKey { OccurrenceKey(id: id, occurrence: 0) }
}

/// One side's records by `OccurrenceKey`, in the side's order.
struct RecordsByOccurrence<Record: Identifiable & Hashable & Sendable> where Record.ID == String {
  private let list: RecordList<Record>
  /// The records after the first of their id; empty unless the list repeats an id.
  private var repeats: [OccurrenceKey: Record] = [:]
  private(set) var keys: [OccurrenceKey]

  init(_ list: RecordList<Record>) {
    self.list = list
    guard list.hasRepeatedIDs else {
      keys = list.map { OccurrenceKey.first($0.id) }
      return
    }
    var seen: [String: Int] = [:]
    keys = []
    keys.reserveCapacity(list.count)
    for record in list {
      let key = OccurrenceKey(id: record.id, occurrence: seen[record.id, default: 0])
      seen[record.id] = key.occurrence + 1
      if key.occurrence > 0 { repeats[key] = record }
      keys.append(key)
    }
  }

  subscript(key: OccurrenceKey) -> Record? {
    key.occurrence == 0 ? list[id: key.id] : repeats[key]
  }
}

/// The field-by-field merge, collecting conflicts and notices as it goes.
struct RecordMerger {
  let recordedAt: Date
  var conflicts: [MergeConflict] = []
  var notices: [String] = []

  /// Records are matched by id and, for an id a hand-edited store repeats, by which of its
  /// records they are (the first with the first, the second with the second).
  mutating func collection<Record: Codable>(
    _ kind: MergeConflict.Collection, base baseList: RecordList<Record>,
    ours ourList: RecordList<Record>, theirs theirList: RecordList<Record>
  ) -> MergedCollection<Record> {
    let base = RecordsByOccurrence(baseList)
    let ours = RecordsByOccurrence(ourList)
    let theirs = RecordsByOccurrence(theirList)
    var result = MergedCollection<Record>(kept: [:], dropped: [:], order: base.keys)
    var added: [(key: OccurrenceKey, created: Double)] = []
    for side in [ours, theirs] {
      for key in side.keys where base[key] == nil {
        let created = side[key].flatMap { EncodedValue.of($0)?.object?["createdAt"]?.double }
        added.append((key, created ?? 0))
      }
    }
    added.sort {
      ($0.created, $0.key.id, $0.key.occurrence) < ($1.created, $1.key.id, $1.key.occurrence)
    }
    var seen = Set(base.keys)
    for record in added where seen.insert(record.key).inserted { result.order.append(record.key) }

    for key in result.order {
      let id = key.id
      let ancestor = base[key]
      switch (ours[key], theirs[key]) {
      case let (ours?, theirs?):
        result.kept[key] = record(kind, id: id, base: ancestor, ours: ours, theirs: theirs)
      case let (remaining?, nil), let (nil, remaining?):
        guard let ancestor else {
          result.kept[key] = remaining
          continue
        }
        if remaining == ancestor {
          result.dropped[key] = remaining
        } else {
          result.kept[key] = remaining
          notices.append("\(kind.rawValue) \(id) was changed on one side and deleted on the"
            + " other: the changed one is kept")
        }
      case (nil, nil):
        if let ancestor { result.dropped[key] = ancestor }
      }
    }
    return result
  }

  /// Brings back a dropped record that `dependent` (kept) refers to.
  mutating func restore<Record>(_ id: String, in collection: inout MergedCollection<Record>,
                                neededBy dependent: String) {
    let key = OccurrenceKey.first(id)
    guard collection.kept[key] == nil, let record = collection.dropped.removeValue(forKey: key)
    else { return }
    collection.kept[key] = record
    notices.append("\(id) was deleted on one side but \(dependent) still refers to it: kept")
  }

  /// One record from three versions. Falls back to the winning side's whole record in the
  /// impossible case that the merged fields do not decode (a record type with rules between its
  /// fields that `Codable` enforces).
  mutating func record<Record: Codable & Equatable>(
    _ kind: MergeConflict.Collection, id: String, base: Record?, ours: Record, theirs: Record
  ) -> Record {
    if ours == theirs || base == theirs { return ours }
    if base == ours { return theirs }
    guard let ourFields = EncodedValue.of(ours)?.object,
          let theirFields = EncodedValue.of(theirs)?.object
    else { return ours }
    let baseFields = base.flatMap { EncodedValue.of($0)?.object }
    let ourRank = SideRank(ourFields)
    let theirRank = SideRank(theirFields)
    let oursWins = theirRank < ourRank
    let keys = Set(ourFields.keys).union(theirFields.keys).union(baseFields?.keys ?? [:].keys)
    var merged: [String: EncodedValue] = [:]
    for key in keys.sorted() {
      let ancestor = baseFields?[key] ?? .null
      let our = ourFields[key] ?? .null
      let their = theirFields[key] ?? .null
      let value: EncodedValue
      if our == their || ancestor == their {
        value = our
      } else if ancestor == our {
        value = their
      } else if key == "updatedAt" {
        value = (our.double ?? 0) >= (their.double ?? 0) ? our : their
      } else if key == "revision" {
        value = (our.double ?? 0) >= (their.double ?? 0) ? our : their
      } else if let union = Self.union(ancestor, our, their, inTimeOrder: key == "history") {
        value = union
      } else {
        let fieldOursWins = Self.lastMove(ourFields, theirFields, field: key) ?? oursWins
        let (kept, lost) = fieldOursWins ? (our, their) : (their, our)
        let (keptRank, lostRank) = fieldOursWins ? (ourRank, theirRank) : (theirRank, ourRank)
        value = kept
        conflicts.append(MergeConflict(
          collection: kind, recordID: id, field: key, losingValue: lost.text,
          keptChangedAt: keptRank.changedAt, losingChangedAt: lostRank.changedAt,
          recordedAt: recordedAt))
        notices.append("\(kind.rawValue) \(id): \(key) was changed on both sides; the later"
          + " change is kept and the other is listed by `jobdeck conflicts`")
      }
      if value != .null { merged[key] = value }
    }
    if case .integer(let revision)? = merged["revision"],
       merged != ourFields, merged != theirFields {
      // A calendar replaces an event only when its SEQUENCE grows past both it has seen.
      merged["revision"] = .integer(revision + 1)
    }
    return EncodedValue.object(merged).decoded(as: Record.self) ?? (oursWins ? ours : theirs)
  }

  /// Three-way union of a list both sides changed (tags, contacts, lead times, a stage history,
  /// the settings' suggestion answers): entries added on either side, less those removed on
  /// either side. Kept entries stay in the ancestor's order and added ones follow by their text;
  /// a history goes in time order (`at`). Nil when a side is not a list (it was cleared).
  private static func union(_ base: EncodedValue, _ ours: EncodedValue, _ theirs: EncodedValue,
                            inTimeOrder: Bool) -> EncodedValue? {
    guard let our = ours.array, let their = theirs.array, base == .null || base.array != nil
    else { return nil }
    let ancestor = base.array ?? []
    let inAncestor = Set(ancestor)
    let inOurs = Set(our)
    let inTheirs = Set(their)
    var seen = Set<EncodedValue>()
    let kept = ancestor.filter {
      inOurs.contains($0) && inTheirs.contains($0) && seen.insert($0).inserted
    }
    let added = (our + their).filter { !inAncestor.contains($0) && seen.insert($0).inserted }
      .sorted { $0.text < $1.text }
    guard inTimeOrder else { return .array(kept + added) }
    return .array((kept + added).sorted {
      let left = $0.object?["at"]?.double ?? 0
      let right = $1.object?["at"]?.double ?? 0
      return left != right ? left < right : $0.text < $1.text
    })
  }

  /// For `stage`: which side moved last (its history's latest `at`); nil when that cannot tell.
  private static func lastMove(_ ours: [String: EncodedValue], _ theirs: [String: EncodedValue],
                               field: String) -> Bool? {
    guard field == "stage",
          let our = ours["history"]?.array?.compactMap({ $0.object?["at"]?.double }).max(),
          let their = theirs["history"]?.array?.compactMap({ $0.object?["at"]?.double }).max(),
          our != their
    else { return nil }
    return our > their
  }
}

/// Which side's version of a record is the later one: by `updatedAt`, then `revision`, then the
/// whole record's text (so the choice never depends on which side is "ours").
struct SideRank: Comparable {
  var updatedAt: Double
  var revision: Int64
  var text: String
  var changedAt: Date?

  init(_ fields: [String: EncodedValue]) {
    let time = fields["updatedAt"]?.double
    updatedAt = time ?? -Double.greatestFiniteMagnitude
    if case .integer(let value)? = fields["revision"] { revision = value } else { revision = -1 }
    text = EncodedValue.object(fields).text
    changedAt = time.map { Date(timeIntervalSinceReferenceDate: $0) }
  }

  static func < (lhs: SideRank, rhs: SideRank) -> Bool {
    (lhs.updatedAt, lhs.revision, lhs.text) < (rhs.updatedAt, rhs.revision, rhs.text)
  }

  static func == (lhs: SideRank, rhs: SideRank) -> Bool {
    (lhs.updatedAt, lhs.revision, lhs.text) == (rhs.updatedAt, rhs.revision, rhs.text)
  }
}
