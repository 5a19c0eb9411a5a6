import Foundation
import JobDeckCore

/// Recognises the exact layout `StoreEncoder` writes, line by line, and decodes the record lines
/// on up to two cores.
///
/// Fed complete lines in order (a whole file, or chunks of one that end at a newline), so a
/// large store can be decoded while only a few megabytes of it are in memory. Any line that is
/// not exactly what the encoder writes (another indentation, a pretty-printed record, a blank
/// line, an older or newer `schemaVersion`) is a `FastPathMiss`; the caller then decodes the
/// whole file the trusted way.
struct FastStoreLayout {
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
    var postings: [Posting] = []
    var applications: [Application] = []
    var deadlines: [Deadline] = []
    var missed = false
  }

  private var state = State.opening
  private var lastRecordHadComma = false
  private var settings = Settings()
  private var conflicts: [MergeConflict] = []
  private var postings: [Posting] = []
  private var applications: [Application] = []
  private var deadlines: [Deadline] = []
  private let workers: Int

  init(workers: Int = min(2, max(1, ProcessInfo.processInfo.activeProcessorCount))) {
    self.workers = workers
  }

  /// The deck of a whole in-memory file, or nil when it needs the trusted path.
  static func decode(_ bytes: UnsafeRawBufferPointer) -> Deck? {
    var layout = FastStoreLayout()
    do throws(FastPathMiss) {
      guard let last = bytes.last, last == 0x0A else { return nil }
      try layout.consume(bytes)
      return try layout.finish()
    } catch {
      return nil
    }
  }

  /// Decodes `bytes`, which must hold only complete lines (ending with `\n`).
  mutating func consume(_ bytes: UnsafeRawBufferPointer) throws(FastPathMiss) {
    guard let base = bytes.baseAddress else { return }
    var jobs: [Job] = []
    var recordBytes = 0
    var start = 0
    while start < bytes.count {
      guard let found = memchr(base + start, 0x0A, bytes.count - start) else {
        throw FastPathMiss()
      }
      let end = base.distance(to: UnsafeRawPointer(found))
      let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
      if case .records(let member) = state, line.count > 5, line[4] == UInt8(ascii: "{") {
        // A record must follow the opening `[` or a record that ended in a comma.
        guard Self.isIndent(line, 4), lastRecordHadComma else { throw FastPathMiss() }
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
    try decode(jobs, in: bytes, recordBytes: recordBytes)
  }

  /// The deck, once the closing `}` line has been consumed.
  func finish() throws(FastPathMiss) -> Deck {
    guard state == .end else { throw FastPathMiss() }
    return Deck(postings: postings, applications: applications, deadlines: deadlines,
      settings: settings, conflicts: conflicts)
  }

  // MARK: Layout lines

  private mutating func advance(past line: UnsafeRawBufferPointer) throws(FastPathMiss) {
    switch state {
    case .opening:
      guard Self.equals(line, "{") else { throw FastPathMiss() }
      state = .version
    case .version:
      guard Self.equals(line, "  \"schemaVersion\": \(StoreFormat.schemaVersion),") else {
        throw FastPathMiss()
      }
      state = .settings
    case .settings:
      let prefix = "  \"settings\": "
      guard line.count > prefix.utf8.count + 1, Self.hasPrefix(line, prefix),
        line[line.count - 1] == UInt8(ascii: ",")
      else { throw FastPathMiss() }
      var reader = FastJSONReader(
        UnsafeRawBufferPointer(rebasing: line[prefix.utf8.count..<line.count - 1]))
      settings = try FastRecordDecoding().settings(&reader)
      guard reader.isAtEnd else { throw FastPathMiss() }
      state = .member(.postings)
    case .member(.postings) where conflicts.isEmpty && Self.hasPrefix(line, Self.conflictsPrefix):
      conflicts = try Self.conflicts(in: line)
    case .member(let member):
      let name = "  \"\(Self.name(of: member))\": "
      let separator = member == .deadlines ? "" : ","
      if Self.equals(line, name + "[") {
        state = .records(member)
        lastRecordHadComma = true
      } else if Self.equals(line, name + "[]" + separator) {
        state = Self.after(member)
      } else {
        throw FastPathMiss()
      }
    case .records(let member):
      let separator = member == .deadlines ? "" : ","
      // `[` followed directly by `]` is never written (an empty member is `[]`), and a record
      // that ends in a comma must be followed by another.
      guard !lastRecordHadComma, Self.equals(line, "  ]" + separator) else {
        throw FastPathMiss()
      }
      state = Self.after(member)
    case .closing:
      guard Self.equals(line, "}") else { throw FastPathMiss() }
      state = .end
    case .end:
      throw FastPathMiss()
    }
  }

  private static let conflictsPrefix = "  \"conflicts\": "

  /// The conflicts line (`StoreEncoder.conflictsLine`): a few small objects, read by the store's
  /// `JSONDecoder`; an empty list is never written.
  private static func conflicts(in line: UnsafeRawBufferPointer) throws(FastPathMiss)
    -> [MergeConflict]
  {
    let start = conflictsPrefix.utf8.count
    guard line.count > start + 1, line[line.count - 1] == UInt8(ascii: ",") else {
      throw FastPathMiss()
    }
    let json = Data(UnsafeRawBufferPointer(rebasing: line[start..<line.count - 1]))
    guard let conflicts = try? StoreDecoder.jsonDecoder().decode([MergeConflict].self, from: json),
      !conflicts.isEmpty
    else { throw FastPathMiss() }
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

  private static func equals(_ line: UnsafeRawBufferPointer, _ text: String) -> Bool {
    line.count == text.utf8.count && hasPrefix(line, text)
  }

  private static func hasPrefix(_ line: UnsafeRawBufferPointer, _ text: String) -> Bool {
    guard line.count >= text.utf8.count else { return false }
    return zip(line, text.utf8).allSatisfy { $0 == $1 }
  }

  private static func isIndent(_ line: UnsafeRawBufferPointer, _ count: Int) -> Bool {
    (0..<count).allSatisfy { line[$0] == 0x20 }
  }

  // MARK: Records

  /// Decodes the jobs on `workers` threads, each a contiguous run of about equal bytes, then
  /// appends the results in file order.
  private mutating func decode(_ jobs: [Job], in bytes: UnsafeRawBufferPointer, recordBytes: Int)
    throws(FastPathMiss)
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
    let shares = UnsafeMutableBufferPointer<Share>.allocate(capacity: bounds.count - 1)
    shares.initialize(repeating: Share())
    defer { shares.deinitialize().deallocate() }
    let work = ShareWork(jobs: jobs, bounds: bounds, bytes: bytes, shares: shares)
    if shares.count == 1 {
      work.run(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: shares.count) { work.run($0) }
    }
    if shares.contains(where: { $0.missed }) { throw FastPathMiss() }
    for share in shares {
      postings.append(contentsOf: share.postings)
      applications.append(contentsOf: share.applications)
      deadlines.append(contentsOf: share.deadlines)
    }
  }

  /// One chunk's decoding, handed to the worker threads. Each worker reads the shared bytes and
  /// writes only its own slot of `shares`, which outlives `concurrentPerform`.
  private struct ShareWork: @unchecked Sendable {
    let jobs: [Job]
    let bounds: [Int]
    let bytes: UnsafeRawBufferPointer
    let shares: UnsafeMutableBufferPointer<Share>

    func run(_ share: Int) {
      shares[share] = FastStoreLayout.decode(jobs[bounds[share]..<bounds[share + 1]], in: bytes)
    }
  }

  private static func decode(_ jobs: ArraySlice<Job>, in bytes: UnsafeRawBufferPointer) -> Share {
    var share = Share()
    var records = FastRecordDecoding()
    do throws(FastPathMiss) {
      for job in jobs {
        var reader = FastJSONReader(UnsafeRawBufferPointer(rebasing: bytes[job.start..<job.end]))
        switch job.member {
        case .postings: share.postings.append(try records.posting(&reader))
        case .applications: share.applications.append(try records.application(&reader))
        case .deadlines: share.deadlines.append(try records.deadline(&reader))
        }
        guard reader.isAtEnd else { throw FastPathMiss() }
      }
    } catch {
      share.missed = true
    }
    return share
  }
}
