import Foundation

/// The agenda's order and sections over positions: a view of 100,000 entries sorts and groups
/// integers into one array of entries, instead of moving and copying the entries themselves.
extension Agenda {
  /// `entries.sorted(by: isOrderedBefore)`, stable, for 100,000 entries (`order(of:)`).
  public static func sorted(_ entries: consuming [AgendaEntry]) -> [AgendaEntry] {
    let order = order(of: entries)
    var entries = entries
    placeInOrder(&entries, order)
    return entries
  }

  /// The positions of `entries` in agenda order (`isOrderedBefore`, ties by position), for a
  /// view that reads a few entries through it instead of moving them all. Date, whole second
  /// of the time and kind are packed into one word and radix sorted; entries that tie on it
  /// (one day's all-day deadlines of one kind) are ordered by the first sixteen bytes of
  /// their ids as integers, and only ties on those by the comparison itself.
  public static func order(of entries: [AgendaEntry]) -> [Int] {
    entries.withUnsafeBufferPointer { entries in
      // Fields read in place: a copy of an entry retains each of its strings.
      func precedes(_ left: Int, _ right: Int) -> Bool {
        isOrderedBefore(entries[left], entries[right])
          || (!isOrderedBefore(entries[right], entries[left]) && left < right)
      }
      let keys = OrderKeys(entries)
      guard let packed = keys.packed else { return entries.indices.sorted(by: precedes) }
      var order = RadixSort.positions(count: entries.count, sortedBy: [packed])
      for run in RadixSort.runs(of: order, in: [packed]) {
        // Same day, second and kind: what is left is the exact time, then the id.
        guard let ids = keys.idPrefixes, !run.contains(where: { entries[order[$0]].time != nil })
        else {
          order[run].sort(by: precedes)
          continue
        }
        var byID = run.map { (ids[order[$0]].high, ids[order[$0]].low, order[$0]) }
        byID.sort { $0 < $1 }
        for (offset, keyed) in byID.enumerated() { order[run.lowerBound + offset] = keyed.2 }
        // Ids whose first sixteen bytes are the same.
        var tieStart = 0
        for offset in 1...byID.count {
          if offset < byID.count, byID[offset].0 == byID[tieStart].0,
            byID[offset].1 == byID[tieStart].1
          {
            continue
          }
          if offset - tieStart > 1 {
            order[(run.lowerBound + tieStart)..<(run.lowerBound + offset)].sort(by: precedes)
          }
          tieStart = offset
        }
      }
      return order
    }
  }

  /// The words `order(of:)` sorts by.
  private struct OrderKeys {
    /// Date, time and kind in one word, in the comparison's order; nil when the dates are too
    /// far apart to pack (then the comparison does all the work).
    var packed: [UInt64]?
    /// The ids' first sixteen bytes, when every id starts with ASCII: ASCII bytes order as
    /// the Strings do, where other text compares by its normalized form.
    var idPrefixes: [(high: UInt64, low: UInt64)]?

    /// Bits of the packed word: date, then time of day, then kind.
    private static let timeBits = 20
    private static let kindBits = 6

    init(_ entries: UnsafeBufferPointer<AgendaEntry>) {
      func dateKey(_ date: CivilDate) -> Int { date.year * 1024 + date.month * 32 + date.day }
      var earliest = Int.max
      var latest = Int.min
      // By position: a copy of an entry retains each of its strings.
      for position in entries.indices {
        guard let date = entries[position].date else { continue }
        earliest = min(earliest, dateKey(date))
        latest = max(latest, dateKey(date))
      }
      let dateBits = 64 - Self.timeBits - Self.kindBits
      let (spread, overflows) = latest >= earliest
        ? latest.subtractingReportingOverflow(earliest) : (0, false)
      if !overflows, spread < (1 << dateBits) - 1 {
        // Undated after every date; all-day after every timed entry of its day. A timed
        // entry's day is its day in the user's zone: its instant is within a day and a half
        // of that day's UTC midnight (zones are within ±18 hours), so seconds from two days
        // before it fit in the time bits.
        let undated = UInt64(spread + 1)
        let allDay = UInt64((1 << Self.timeBits) - 1)
        packed = entries.indices.map { position in
          var kind = UInt64(kindRanks[entries[position].kind] ?? 0)
          guard let date = entries[position].date else {
            return undated << UInt64(64 - dateBits) | allDay << UInt64(Self.kindBits) | kind
          }
          var time = allDay
          if let instant = entries[position].time {
            // Kind after the exact time, which whole seconds do not settle: timed entries of
            // one second tie here whatever their kinds, and are ordered by the comparison.
            kind = 0
            // Out of range (a hand-edited year 90000) is clamped: the order stays right, as
            // ties are settled by the exact times.
            let since1970 = instant.timeIntervalSince1970
            let seconds = since1970.isFinite ? Int(min(max(since1970, -1e15), 1e15)) : 0
            let offset = seconds - (date.dayNumber - 2) * 86_400
            time = UInt64(min(max(offset, 0), Int(allDay) - 1))
          }
          return UInt64(dateKey(date) - earliest) << UInt64(64 - dateBits)
            | time << UInt64(Self.kindBits) | kind
        }
      }
      var prefixes: [(high: UInt64, low: UInt64)] = []
      prefixes.reserveCapacity(entries.count)
      for position in entries.indices {
        var id = entries[position].id
        let prefix = id.withUTF8 { bytes -> (high: UInt64, low: UInt64)? in
          // The seventeenth byte too: a combining mark there would change the sixteenth
          // character's normalized form.
          guard bytes.prefix(17).allSatisfy({ $0 < 0x80 }) else { return nil }
          return RadixSort.prefixWords(bytes)
        }
        guard let prefix else { return }
        prefixes.append(prefix)
      }
      idPrefixes = prefixes
    }
  }

  /// `groups` as positions into `entries`, taken in `order`: the non-empty sections in
  /// `AgendaSection` order, each with its entries' positions in the order given.
  public static func sections(of entries: [AgendaEntry], in order: [Int])
    -> [(section: AgendaSection, positions: [Int])]
  {
    // One pass into buckets, not one filter per section.
    var members = [[Int]](repeating: [], count: AgendaSection.allCases.count)
    entries.withUnsafeBufferPointer { entries in
      // Fields read in place: a copy of an entry retains each of its strings.
      for position in order {
        let section = AgendaSection(urgency: entries[position].urgency,
                                    flags: entries[position].flags)
        members[section.ordinal].append(position)
      }
    }
    return zip(AgendaSection.allCases, members).compactMap { section, positions in
      positions.isEmpty ? nil : (section, positions)
    }
  }
}

extension AgendaSection {
  /// The position in `allCases`, without building that array.
  var ordinal: Int {
    switch self {
    case .overdue: return 0
    case .passed: return 1
    case .today: return 2
    case .thisWeek: return 3
    case .nextTwoWeeks: return 4
    case .later: return 5
    case .pending: return 6
    }
  }
}
