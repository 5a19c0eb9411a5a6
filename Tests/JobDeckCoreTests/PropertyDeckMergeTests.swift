import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

/// Two machines change their copies at random (add, edit, move, delete, notes, deadlines) and
/// sync in random order through a shared copy, the way `jobdeck sync` does through git: at the
/// end both copies are equal, and every value that was saved is still in the deck or in its
/// conflicts, unless the machine that replaced or deleted it had seen it.
@Suite("Property: deck merge")
struct PropertyDeckMergeTests {
  /// A value saved on one machine: field `field` of record `id` set to `value` (compact JSON).
  private struct Written: Hashable {
    var id: String
    var field: String
    var value: String
  }

  private struct Replica {
    var deck = Deck()
    /// The shared copy as of this machine's last sync: git's merge base.
    var base = Deck()
  }

  private struct Simulation {
    var random: SeededGenerator
    var shared = Deck()
    var replicas = [Replica(), Replica()]
    var counter = 0
    var written: Set<Written> = []
    var superseded: Set<Written> = []
    var moves: [(application: String, at: Date)] = []
    var supersededMoves: Set<Date> = []

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func tick() -> Date {
      counter += 1
      return Date(timeIntervalSinceReferenceDate: 800_000_000 + Double(counter) * 60)
    }

    mutating func sync(_ index: Int) {
      var replica = replicas[index]
      if shared != replica.base {
        let clock = FixedWallClock(now: tick(), timeZone: TimeZone(identifier: "UTC") ?? .current)
        replica.deck = DeckMerge.merge(base: replica.base, ours: replica.deck, theirs: shared,
                                       clock: clock).deck
      }
      shared = replica.deck
      replica.base = replica.deck
      replicas[index] = replica
    }

    /// Records what `deck` holds for `field` of `id` as replaced by this machine.
    mutating func replace(_ field: String, of id: String, in record: some Encodable) {
      guard let value = Self.fields(of: record)[field] else { return }
      superseded.insert(Written(id: id, field: field, value: value))
    }

    mutating func write(_ field: String, of id: String, in record: some Encodable) {
      guard let value = Self.fields(of: record)[field] else { return }
      written.insert(Written(id: id, field: field, value: value))
    }

    /// Deleting is knowing every value the record held, its conflicts' values and its moves.
    mutating func forget(_ id: String, record: some Encodable, in deck: Deck) {
      for (field, value) in Self.fields(of: record) {
        superseded.insert(Written(id: id, field: field, value: value))
      }
      for conflict in deck.conflicts where conflict.recordID == id {
        superseded.insert(Written(id: id, field: conflict.field, value: conflict.losingValue))
      }
      if let application = deck.application(withID: id) {
        supersededMoves.formUnion(application.history.map(\.at))
      }
    }

    static func fields(of record: some Encodable) -> [String: String] {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      guard let data = try? encoder.encode(record),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return [:] }
      var fields: [String: String] = [:]
      for (key, value) in object {
        let piece = try? JSONSerialization.data(
          withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
        fields[key] = piece.map { String(decoding: $0, as: UTF8.self) }
      }
      return fields
    }

    mutating func change(_ index: Int) {
      var deck = replicas[index].deck
      let now = tick()
      let token = "v\(counter)"
      switch Int.random(in: 0..<10, using: &random) {
      case 0:
        deck.postings.append(Posting(id: "p\(counter)", title: token, company: "C\(counter)",
                                     createdAt: now))
      case 1:
        let postingID = deck.postings.isEmpty ? nil : random.pick(deck.postings).id
        deck.applications.append(Application(
          id: "a\(counter)", postingID: postingID, company: "C", stage: .saved,
          history: [StageChange(from: nil, to: .saved, at: now)], notes: token,
          createdAt: now))
        moves.append(("a\(counter)", now))
      case 2:
        let owners = deck.postings.map { DeadlineOwner.posting($0.id) }
          + deck.applications.map { DeadlineOwner.application($0.id) }
        guard !owners.isEmpty else { break }
        deck.deadlines.append(Deadline(id: "d\(counter)", kind: .interview,
                                       due: .allDay(CivilDate(dayNumber: counter)),
                                       owner: random.pick(owners), note: token))
      case 3, 4:
        guard !deck.applications.isEmpty else { break }
        let position = Int.random(in: 0..<deck.applications.count, using: &random)
        let id = deck.applications[position].id
        replace("notes", of: id, in: deck.applications[position])
        deck.applications[position].notes = token
        deck.applications[position].updatedAt = now
        write("notes", of: id, in: deck.applications[position])
      case 5:
        guard !deck.applications.isEmpty else { break }
        let position = Int.random(in: 0..<deck.applications.count, using: &random)
        let from = deck.applications[position].stage
        let to = random.pick(Stage.allCases.filter { $0 != from })
        deck.applications[position].history.append(StageChange(from: from, to: to, at: now))
        deck.applications[position].stage = to
        deck.applications[position].updatedAt = now
        moves.append((deck.applications[position].id, now))
      case 6:
        guard !deck.postings.isEmpty else { break }
        let position = Int.random(in: 0..<deck.postings.count, using: &random)
        let id = deck.postings[position].id
        let field = random.chance(0.5) ? "location" : "title"
        replace(field, of: id, in: deck.postings[position])
        if field == "location" {
          deck.postings[position].location = random.chance(0.2) ? nil : token
        } else {
          deck.postings[position].title = token
        }
        deck.postings[position].updatedAt = now
        write(field, of: id, in: deck.postings[position])
      case 7:
        guard !deck.deadlines.isEmpty else { break }
        let position = Int.random(in: 0..<deck.deadlines.count, using: &random)
        let id = deck.deadlines[position].id
        let field = random.chance(0.5) ? "note" : "due"
        replace(field, of: id, in: deck.deadlines[position])
        if field == "note" {
          deck.deadlines[position].note = token
        } else {
          deck.deadlines[position].due = .allDay(CivilDate(dayNumber: counter))
        }
        deck.deadlines[position].revision += 1
        write(field, of: id, in: deck.deadlines[position])
      case 8:
        guard !deck.deadlines.isEmpty else { break }
        let deadline = deck.deadlines.remove(at: Int.random(in: 0..<deck.deadlines.count,
                                                            using: &random))
        forget(deadline.id, record: deadline, in: deck)
      default:
        // Deleting an application deletes its deadlines, as the UI does.
        guard !deck.applications.isEmpty else { break }
        let application = random.pick(deck.applications)
        forget(application.id, record: application, in: deck)
        for deadline in deck.deadlines(ownedBy: .application(application.id)) {
          forget(deadline.id, record: deadline, in: deck)
        }
        deck.deadlines.removeAll { $0.owner == .application(application.id) }
        deck.applications.removeAll { $0.id == application.id }
      }
      replicas[index].deck = deck
    }

    /// The values saved and never seen replaced, that are neither in the deck nor in its
    /// conflicts.
    func lost(in deck: Deck) -> [String] {
      var records: [String: [String: String]] = [:]
      for posting in deck.postings { records[posting.id] = Self.fields(of: posting) }
      for application in deck.applications { records[application.id] = Self.fields(of: application) }
      for deadline in deck.deadlines { records[deadline.id] = Self.fields(of: deadline) }
      let kept = Set(deck.conflicts.map {
        Written(id: $0.recordID, field: $0.field, value: $0.losingValue)
      })
      var lost = written.subtracting(superseded).subtracting(kept)
        .filter { records[$0.id]?[$0.field] != $0.value }
        .map { "\($0.id).\($0.field) = \($0.value)" }
      let histories = Dictionary(deck.applications.map { ($0.id, Set($0.history.map(\.at))) },
                                 uniquingKeysWith: { first, _ in first })
      for move in moves where !supersededMoves.contains(move.at) {
        if histories[move.application]?.contains(move.at) != true {
          lost.append("move of \(move.application) at \(move.at)")
        }
      }
      return lost.sorted()
    }
  }

  @Test(arguments: SeededGenerator.seeds(default: 1_000))
  func bothMachinesConvergeAndLoseNothing(seed: UInt64) {
    var simulation = Simulation(seed: seed)
    for _ in 0..<Int.random(in: 5...40, using: &simulation.random) {
      let machine = Int.random(in: 0...1, using: &simulation.random)
      if simulation.random.chance(0.3) {
        simulation.sync(machine)
      } else {
        simulation.change(machine)
      }
    }
    simulation.sync(0)
    simulation.sync(1)
    simulation.sync(0)
    #expect(simulation.replicas[0].deck == simulation.replicas[1].deck, "seed \(seed)")
    #expect(simulation.lost(in: simulation.shared) == [], "seed \(seed)")
  }
}
