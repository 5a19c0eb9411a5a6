import Foundation
import JobDeckCore

/// Recognises the exact layout `StoreEncoder` writes, line by line, and decodes the record lines
/// on up to two cores.
///
/// Fed complete lines in order (a whole file, or chunks of one that end at a newline), so a
/// large store can be decoded while only a few megabytes of it are in memory. Any line that is
/// not exactly what the encoder writes (another indentation, a pretty-printed record, a blank
/// line, an older or newer `schemaVersion`), or a record that does not read, is a miss; the
/// caller then reads the whole file as one document with the same record readers, which say
/// where the problem is.
struct StoreLayout {
  private struct Miss: Error {}

  private enum Member: Int { case postings, applications, deadlines }

  private enum State: Equatable {
    case opening, version, settings, member(Member), records(Member), closing, end
  }

  private struct Job {
    var member: Member
    var start: Int
    var end: Int
  }

  /// What one worker decoded from its share of a chunk's record lines, in file order.
  private struct Share {
    var postings = RecordRun<Posting>()
    var applications = RecordRun<Application>()
    var deadlines = RecordRun<Deadline>()
    var missed = false
  }

  private var state = State.opening
  private var lastRecordHadComma = false
  private var settings = Settings()
  private var conflicts: [MergeConflict] = []
  /// Each worker's records, chunk by chunk, joined once at the end: appending them to one
  /// growing array would leave it up to twice the records' size, and copy them as it grows.
  private let postings = RecordRuns<Posting>()
  private let applications = RecordRuns<Application>()
  private let deadlines = RecordRuns<Deadline>()
  private let workers: Int
  /// See `StoreRecordReading.init(keepingDetails:)`.
  private let keepsDetails: Bool
  /// The file the lines are read from, where descriptions stay (see `StoreTextFile`); nil for
  /// bytes in memory, whose descriptions are copied out.
  private let textFile: StoreTextFile?
  /// Where in that file the next chunk of lines starts.
  private var consumedBytes = 0

  init(workers: Int = min(2, max(1, ProcessInfo.processInfo.activeProcessorCount)),
    keepingDetails: Bool = true, textFile: StoreTextFile? = nil)
  {
    self.workers = workers
    keepsDetails = keepingDetails
    self.textFile = textFile
  }

  /// The deck of a whole in-memory file, or nil when it is not in the layout.
  static func decode(_ bytes: UnsafeRawBufferPointer) -> Deck? {
    var layout = StoreLayout()
    guard let last = bytes.last, last == 0x0A, layout.consume(bytes) else { return nil }
    return layout.finish()
  }

  /// Decodes `bytes`, which must hold only complete lines (ending with `\n`); false for a miss.
  mutating func consume(_ bytes: UnsafeRawBufferPointer) -> Bool {
    do throws(Miss) {
      try consumeLines(bytes)
      return true
    } catch {
      return false
    }
  }

  private mutating func consumeLines(_ bytes: UnsafeRawBufferPointer) throws(Miss) {
    guard let base = bytes.baseAddress else { return }
    let chunkOffset = consumedBytes
    consumedBytes += bytes.count
    var jobs: [Job] = []
    var recordBytes = 0
    var start = 0
    while start < bytes.count {
      guard let found = memchr(base + start, 0x0A, bytes.count - start) else {
        throw Miss()
      }
      let end = base.distance(to: UnsafeRawPointer(found))
      let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
      if case .records(let member) = state, line.count > 5, line[4] == UInt8(ascii: "{") {
        // A record must follow the opening `[` or a record that ended in a comma.
        guard Self.isIndent(line, 4), lastRecordHadComma else { throw Miss() }
        let hasComma = line[line.count - 1] == UInt8(ascii: ",")
        let recordEnd = hasComma ? end - 1 : end
        jobs.append(Job(member: member, start: start + 4, end: recordEnd))
        recordBytes += recordEnd - start
        lastRecordHadComma = hasComma
      } else {
        try advance(past: line)
      }
      start = end + 1
    }
    try decode(jobs, in: bytes, at: chunkOffset, recordBytes: recordBytes)
  }

  /// The deck, once the closing `}` line has been consumed.
  mutating func finish() -> Deck? {
    guard state == .end else { return nil }
    let lists = JoinedLists(postings: postings, applications: applications, deadlines: deadlines)
    if workers > 1, lists.recordCount >= 10_000 {
      // Each kind's id index is a dictionary of its own: the postings' on one core, the
      // applications' and the deadlines' on the other.
      DispatchQueue.concurrentPerform(iterations: 2) { lists.join(half: $0) }
    } else {
      lists.join(half: 0)
      lists.join(half: 1)
    }
    var deck = Deck(settings: settings, conflicts: conflicts)
    deck.postings = lists.postingList
    deck.applications = lists.applicationList
    deck.deadlines = lists.deadlineList
    return deck
  }

  /// The runs of each kind joined into indexed lists, in two halves that may run at once: each
  /// writes only its own lists.
  private final class JoinedLists: @unchecked Sendable {
    let postings: RecordRuns<Posting>
    let applications: RecordRuns<Application>
    let deadlines: RecordRuns<Deadline>
    var postingList = RecordList<Posting>()
    var applicationList = RecordList<Application>()
    var deadlineList = RecordList<Deadline>()

    init(postings: RecordRuns<Posting>, applications: RecordRuns<Application>,
      deadlines: RecordRuns<Deadline>)
    {
      self.postings = postings
      self.applications = applications
      self.deadlines = deadlines
    }

    var recordCount: Int { postings.count + applications.count + deadlines.count }

    func join(half: Int) {
      if half == 0 {
        postingList = RecordList(chunks: postings.joined(chunkCapacity: RecordList<Posting>.chunkCapacity))
      } else {
        applicationList = RecordList(
          chunks: applications.joined(chunkCapacity: RecordList<Application>.chunkCapacity))
        deadlineList = RecordList(
          chunks: deadlines.joined(chunkCapacity: RecordList<Deadline>.chunkCapacity))
      }
    }
  }

  // MARK: Layout lines

  private mutating func advance(past line: UnsafeRawBufferPointer) throws(Miss) {
    switch state {
    case .opening:
      guard line.elementsEqual("{".utf8) else { throw Miss() }
      state = .version
    case .version:
      guard line.elementsEqual("  \"schemaVersion\": \(StoreFormat.schemaVersion),".utf8) else {
        throw Miss()
      }
      state = .settings
    case .settings:
      let prefix = "  \"settings\": "
      guard line.count > prefix.utf8.count + 1, line.starts(with: prefix.utf8),
        line[line.count - 1] == UInt8(ascii: ",")
      else { throw Miss() }
      var reader = StoreReader(
        UnsafeRawBufferPointer(rebasing: line[prefix.utf8.count..<line.count - 1]))
      guard let read = try? StoreRecordReading.settings(&reader), reader.isAtEnd else {
        throw Miss()
      }
      settings = read
      state = .member(.postings)
    case .member(.postings) where conflicts.isEmpty && line.starts(with: Self.conflictsPrefix.utf8):
      conflicts = try Self.conflicts(in: line)
    case .member(let member):
      let name = "  \"\(Self.name(of: member))\": "
      let separator = member == .deadlines ? "" : ","
      if line.elementsEqual((name + "[").utf8) {
        state = .records(member)
        lastRecordHadComma = true
      } else if line.elementsEqual((name + "[]" + separator).utf8) {
        state = Self.after(member)
      } else {
        throw Miss()
      }
    case .records(let member):
      let separator = member == .deadlines ? "" : ","
      // `[` followed directly by `]` is never written (an empty member is `[]`), and a record
      // that ends in a comma must be followed by another.
      guard !lastRecordHadComma, line.elementsEqual(("  ]" + separator).utf8) else {
        throw Miss()
      }
      state = Self.after(member)
    case .closing:
      guard line.elementsEqual("}".utf8) else { throw Miss() }
      state = .end
    case .end:
      throw Miss()
    }
  }

  private static let conflictsPrefix = "  \"conflicts\": "

  /// The conflicts line (`StoreEncoder`): a few small objects; an empty list is never written.
  private static func conflicts(in line: UnsafeRawBufferPointer) throws(Miss)
    -> [MergeConflict]
  {
    let start = conflictsPrefix.utf8.count
    guard line.count > start + 1, line[line.count - 1] == UInt8(ascii: ",") else {
      throw Miss()
    }
    var reader = StoreReader(UnsafeRawBufferPointer(rebasing: line[start..<line.count - 1]))
    guard let conflicts = try? StoreRecordReading.conflicts(&reader), reader.isAtEnd,
      !conflicts.isEmpty
    else { throw Miss() }
    return conflicts
  }

  private static func after(_ member: Member) -> State {
    switch member {
    case .postings: return .member(.applications)
    case .applications: return .member(.deadlines)
    case .deadlines: return .closing
    }
  }

  private static func name(of member: Member) -> String {
    switch member {
    case .postings: return "postings"
    case .applications: return "applications"
    case .deadlines: return "deadlines"
    }
  }

  private static func isIndent(_ line: UnsafeRawBufferPointer, _ count: Int) -> Bool {
    (0..<count).allSatisfy { line[$0] == 0x20 }
  }

  // MARK: Records

  /// Decodes the jobs on `workers` threads, each a contiguous run of about equal bytes, then
  /// appends the results in file order.
  private mutating func decode(_ jobs: [Job], in bytes: UnsafeRawBufferPointer, at offset: Int,
    recordBytes: Int) throws(Miss)
  {
    guard !jobs.isEmpty else { return }
    let shareCount = recordBytes < 256 * 1024 ? 1 : workers
    var bounds = [0]
    var target = recordBytes / shareCount
    var covered = 0
    for (index, job) in jobs.enumerated() where bounds.count < shareCount {
      covered += job.end - job.start
      if covered >= target {
        bounds.append(index + 1)
        target += recordBytes / shareCount
      }
    }
    bounds.append(jobs.count)
    // Each share reads the shared bytes and returns its own records.
    let keepsDetails = self.keepsDetails
    let textFile = self.textFile
    let shares = ConcurrentParts.map(bounds.count - 1) { share in
      StoreLayout.decode(jobs[bounds[share]..<bounds[share + 1]], in: bytes,
        keepingDetails: keepsDetails, texts: textFile.map { ($0, offset) })
    }
    let missed = shares.contains { $0.missed }
    for share in shares {
      postings.append(share.postings)
      applications.append(share.applications)
      deadlines.append(share.deadlines)
    }
    if missed { throw Miss() }
  }

  private static func decode(_ jobs: ArraySlice<Job>, in bytes: UnsafeRawBufferPointer,
    keepingDetails: Bool, texts: (file: StoreTextFile, offset: Int)?) -> Share
  {
    var share = Share(
      postings: RecordRun(capacity: jobs.count { $0.member == .postings }),
      applications: RecordRun(capacity: jobs.count { $0.member == .applications }),
      deadlines: RecordRun(capacity: jobs.count { $0.member == .deadlines }))
    var records = StoreRecordReading(keepingDetails: keepingDetails)
    if let texts {
      records.longTexts.keep(in: texts.file, bytes: bytes, offset: texts.offset)
    } else {
      // The share's descriptions fit in its bytes: one block for them all.
      records.longTexts.reserve(jobs.reduce(0) { $0 + $1.end - $1.start })
    }
    defer { records.longTexts.finish() }
    do throws(StoreReadError) {
      for job in jobs {
        var reader = StoreReader(UnsafeRawBufferPointer(rebasing: bytes[job.start..<job.end]))
        switch job.member {
        case .postings: share.postings.append(try records.posting(&reader))
        case .applications: share.applications.append(try records.application(&reader))
        case .deadlines: share.deadlines.append(try records.deadline(&reader))
        }
        guard reader.isAtEnd else { throw StoreReadError() }
      }
    } catch {
      share.missed = true
    }
    return share
  }
}

/// One worker's records of one kind from one chunk, in storage of exactly their number that
/// `RecordRuns` takes over: joining the runs then moves each record once instead of copying it
/// (a retain and a release for each of its strings) and dropping the original.
private struct RecordRun<Record> {
  private(set) var start: UnsafeMutablePointer<Record>?
  private(set) var count = 0
  private var capacity = 0

  init() {}

  init(capacity: Int) {
    self.capacity = capacity
    start = capacity > 0 ? UnsafeMutablePointer<Record>.allocate(capacity: capacity) : nil
  }

  mutating func append(_ record: Record) {
    guard let start, count < capacity else {
      preconditionFailure("a chunk's share has more records than its lines")
    }
    (start + count).initialize(to: record)
    count += 1
  }
}

/// The runs of one kind of record in file order; owns their storage until `joined()`.
private final class RecordRuns<Record> {
  private var runs: [RecordRun<Record>] = []

  func append(_ run: RecordRun<Record>) {
    runs.append(run)
  }

  var count: Int { runs.reduce(0) { $0 + $1.count } }

  /// Every record, moved into chunks of `chunkCapacity` (every one full but the last), as a
  /// `RecordList` takes them over.
  func joined(chunkCapacity: Int) -> [ContiguousArray<Record>] {
    var chunks: [ContiguousArray<Record>] = []
    var remaining = count
    chunks.reserveCapacity((remaining + chunkCapacity - 1) / chunkCapacity)
    var runIndex = 0
    var taken = 0
    while remaining > 0 {
      let size = min(chunkCapacity, remaining)
      chunks.append(ContiguousArray(unsafeUninitializedCapacity: size) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        while initialized < size {
          let run = runs[runIndex]
          guard let start = run.start, taken < run.count else {
            // Drained: its storage goes now, so that a kind's records are not held twice.
            run.start?.deallocate()
            runs[runIndex] = RecordRun()
            runIndex += 1
            taken = 0
            continue
          }
          let moved = min(run.count - taken, size - initialized)
          (base + initialized).moveInitialize(from: start + taken, count: moved)
          initialized += moved
          taken += moved
        }
      })
      remaining -= size
    }
    for run in runs[runIndex...] { run.start?.deallocate() }
    runs = []
    return chunks
  }

  deinit {
    for run in runs {
      run.start?.deinitialize(count: run.count)
      run.start?.deallocate()
    }
  }
}
