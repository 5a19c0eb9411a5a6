import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckStore

/// Journals as a crash, a disk error or a clumsy hand leaves them: random bytes, cut short, and
/// valid journals with bytes flipped, inserted, removed or lines shuffled.
private struct JournalMutator {
  var generator: SeededGenerator

  /// A valid journal of a few saves of random edits (hostile text included), as lines.
  mutating func validJournal(seed: UInt64) throws -> (deck: Deck, lines: [Data]) {
    var edits = DeckEdits(seed: seed)
    var deck = edits.generator.deck(maximumRecords: 4)
    deck.startRecordingChanges()
    let start = deck
    let base = StoreJournal.Base(size: Int64(generator.next() % 1_000_000),
      inode: generator.next() % 100_000, modified: Int64(generator.next() % (1 << 62)),
      hash: String(generator.next(), radix: 16))
    var lines = [StoreJournal.headerLine(for: base)]
    for _ in 0..<Int.random(in: 1...5, using: &generator) {
      var next = deck
      edits.edit(&next)
      if let operations = StoreJournal.operations(from: deck, to: next), !operations.isEmpty,
        let line = try? StoreJournal.line(for: operations)
      {
        lines.append(line)
        deck = next
      }
    }
    return (start, lines)
  }

  /// One damage of `data`, from byte `protectedPrefix` on.
  mutating func mutate(_ data: Data, protectedPrefix: Int = 0) -> Data {
    var bytes = [UInt8](data)
    let from = min(protectedPrefix, bytes.count)
    func position(_ generator: inout SeededGenerator, inclusiveEnd: Bool = false) -> Int {
      let upper = bytes.count + (inclusiveEnd ? 1 : 0)
      return upper > from ? Int.random(in: from..<upper, using: &generator) : from
    }
    let interesting: [UInt8] = Array("{}[]\",:\\\n 0-9eEtfnu".utf8) + [0, 0x7F, 0xC3, 0xFF]
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      switch Int.random(in: 0...6, using: &generator) {
      case 0 where bytes.count > from:
        bytes[position(&generator)] = UInt8.random(in: 0...255, using: &generator)
      case 1 where bytes.count > from:
        bytes[position(&generator)] = generator.pick(interesting)
      case 2:
        bytes.insert(generator.pick(interesting), at: position(&generator, inclusiveEnd: true))
      case 3 where bytes.count > from:
        let start = position(&generator)
        let end = min(bytes.count, start + Int.random(in: 1...40, using: &generator))
        bytes.removeSubrange(start..<end)
      case 4:
        // Cut short, as a crash mid-append does.
        bytes.removeSubrange(position(&generator, inclusiveEnd: true)...)
      case 5:
        var lines = bytes[from...].split(separator: UInt8(ascii: "\n"),
          omittingEmptySubsequences: false).map(Array.init)
        if lines.count > 1 {
          lines.swapAt(Int.random(in: 0..<lines.count, using: &generator),
            Int.random(in: 0..<lines.count, using: &generator))
        }
        bytes = Array(bytes[..<from]) + Array(lines.joined(separator: [UInt8(ascii: "\n")]))
      default:
        let noise = (0..<Int.random(in: 1...24, using: &generator)).map { _ in
          UInt8.random(in: 0...255, using: &generator)
        }
        bytes.insert(contentsOf: noise, at: position(&generator, inclusiveEnd: true))
      }
    }
    return Data(bytes)
  }
}

/// The reader under a seeded random harness bounded in time: no input crashes it, and every
/// failure names the journal's path, line and column. `JOBDECK_FUZZ_SECONDS` runs it longer and
/// `JOBDECK_FUZZ_SEED` repeats a run.
@Suite("Fuzz: the journal reader")
struct FuzzJournalReaderTests {
  static let path = "/fuzz/store.json.journal"
  static var seconds: Double {
    ProcessInfo.processInfo.environment["JOBDECK_FUZZ_SECONDS"].flatMap(Double.init) ?? 2
  }
  static var seed: UInt64 {
    ProcessInfo.processInfo.environment["JOBDECK_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x10_A5
  }

  /// A failure must be positioned; the line-by-line reader must agree with the loader on which
  /// line is the first bad one, and find none when the loader found none.
  private func checkReading(_ data: Data, context: String) {
    let eachLine: StoreJournal.LineByLine
    do {
      eachLine = try StoreJournal.readEachLine(data, path: Self.path)
    } catch {
      guard case .newerSchemaVersion = error else {
        Issue.record("readEachLine threw \(error); \(context)")
        return
      }
      #expect(throws: StoreError.self) { try StoreJournal.parse(data, path: Self.path) }
      return
    }
    let firstBad: Int? = {
      if case .failure? = eachLine.header { return eachLine.headerLine?.number }
      return eachLine.saves.first { if case .failure = $0.operations { true } else { false } }?
        .line.number
    }()
    do {
      _ = try StoreJournal.parse(data, path: Self.path)
      #expect(firstBad == nil, "parse accepted what readEachLine rejects; \(context)")
    } catch {
      switch error {
      case .journalLineUnusable(let path, let line, let column, _, _),
        .journalHeaderUnusable(let path, let line, let column, _, _):
        #expect(path == Self.path, "\(context)")
        #expect(line >= 1 && column >= 1, "\(error); \(context)")
        #expect(error.description.hasPrefix("\(Self.path):\(line):\(column): "), "\(context)")
        #expect(firstBad == line, "\(error); \(context)")
      default:
        Issue.record("unpositioned failure \(error); \(context)")
      }
    }
  }

  @Test func randomAndDamagedJournalsReadOrFailWithPathLineAndColumn() throws {
    var mutator = JournalMutator(generator: SeededGenerator(seed: Self.seed))
    let deadline = ContinuousClock.now + .milliseconds(Int(Self.seconds * 1000))
    var cases = 0
    while ContinuousClock.now < deadline || cases < 200 {
      cases += 1
      let context = "case \(cases), JOBDECK_FUZZ_SEED=\(Self.seed)"
      if mutator.generator.chance(0.15) {
        let noise = (0..<Int.random(in: 0...200, using: &mutator.generator)).map { _ in
          UInt8.random(in: 0...255, using: &mutator.generator)
        }
        checkReading(Data(noise), context: context)
        continue
      }
      let lines = try mutator.validJournal(seed: mutator.generator.next()).lines
      let valid = lines.reduce(Data(), +)
      checkReading(valid, context: context + " (undamaged)")
      checkReading(mutator.mutate(valid), context: context)
    }
    #expect(cases >= 200)
    print("journal reader fuzz: \(cases) cases (each a valid journal and a damaged one, or"
      + " random bytes) in \(Self.seconds) s, seed \(Self.seed): 0 crashes")
  }

  /// The real files: a journal damaged after its header loads or stops with its position, and
  /// after `repairJournal()` it always loads, keeping every line that reads.
  @Test func aDamagedJournalAlwaysLoadsAfterRepair() throws {
    var mutator = JournalMutator(generator: SeededGenerator(seed: Self.seed &+ 1))
    let deadline = ContinuousClock.now + .milliseconds(Int(Self.seconds * 1000))
    var cases = 0
    var repaired = 0
    while ContinuousClock.now < deadline || cases < 20 {
      cases += 1
      let context = "case \(cases), JOBDECK_FUZZ_SEED=\(Self.seed)"
      let directory = try TemporaryDirectory()
      let store = StoreFile(path: directory.file("store.json"), journalPolicy: .always)
      var edits = DeckEdits(seed: mutator.generator.next())
      try store.save(edits.generator.deck(maximumRecords: 4), ifUnchangedSince: nil)
      // Read back, as a session does: a journal save writes what a read deck's changes touched.
      let loaded = try store.load()
      var deck = loaded.deck
      var fingerprint = loaded.fingerprint
      for _ in 0..<4 {
        var next = deck
        edits.edit(&next)
        fingerprint = try store.save(next, ifUnchangedSince: fingerprint, previous: deck)
        deck = next
      }
      guard let journal = Disk.bytes(store.journalPath),
        let headerEnd = journal.firstIndex(of: UInt8(ascii: "\n"))
      else { continue }
      let damaged = mutator.mutate(Data(journal), protectedPrefix: headerEnd + 1)
      try damaged.write(to: URL(fileURLWithPath: store.journalPath))
      let before = try StoreJournal.readEachLine(damaged, path: store.journalPath)
      do {
        _ = try store.load()
      } catch let error as StoreError {
        guard case .journalLineUnusable(let path, let line, let column, _, _) = error else {
          Issue.record("unexpected \(error); \(context)")
          continue
        }
        #expect(error.description.hasPrefix("\(path):\(line):\(column): "), "\(context)")
      }
      let storeBytes = Disk.bytes(store.path)
      let recovery = try store.repairJournal()
      repaired += recovery.setAsidePath == nil ? 0 : 1
      #expect(Disk.bytes(store.path) == storeBytes, "\(context)")
      let kept = before.saves.filter { if case .success = $0.operations { true } else { false } }
      #expect(recovery.keptSaveCount == kept.count, "\(context)")
      if let keptAt = recovery.setAsidePath {
        let text = Data(try #require(Disk.bytes(keptAt), "\(context)"))
        for save in before.saves {
          guard case .failure = save.operations else { continue }
          #expect(text.range(of: Data(save.line.bytes)) != nil, "\(context)")
        }
      }
      do {
        let loaded = try store.load()
        let storeData = Data(try #require(storeBytes))
        var expected = try StoreDecoder().decode(storeData, path: store.path).deck
        StoreJournal.replay(kept.flatMap { (try? $0.operations.get()) ?? [] }, onto: &expected)
        #expect(loaded.deck == expected, "\(context)")
        _ = try store.check()
      } catch {
        Issue.record("after repair: \(error); \(context)")
      }
    }
    #expect(cases >= 20)
    #expect(repaired > 0, "no damage needed a repair; the harness tests nothing")
    print("journal repair fuzz: \(cases) damaged journals on disk, \(repaired) needed a repair;"
      + " all load after it; seed \(Self.seed)")
  }
}
