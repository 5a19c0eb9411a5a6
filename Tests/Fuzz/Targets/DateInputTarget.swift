import JobDeckCore

/// libFuzzer target: what people type as dates and durations (`DateInput`, `DurationInput`,
/// `Period`). It must return without a trap, and whatever it accepts must be storable: a date
/// within `SupportedDates`, a period within `Period.limits`, lead times within a year.
private let todays = ["1900-01-01", "2024-02-29", "2026-11-22", "2199-12-31"]
  .compactMap(CivilDate.init)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for today in todays {
    if let date = try? DateInput.parse(text, today: today), !SupportedDates.contains(date) {
      fatalError("DateInput accepted \(date) for \(text.debugDescription) from \(today)")
    }
  }
  if let period = try? DurationInput.parse(text) {
    guard period.isWithinLimits else { fatalError("DurationInput accepted \(period)") }
    _ = period.added(to: SupportedDates.last)
    _ = period.lastDayOfTerm(startingOn: SupportedDates.first)
  }
  if let list = try? DurationInput.parseList(text), !list.allSatisfy(\.isWithinLimits) {
    fatalError("parseList accepted \(list)")
  }
  if let leads = try? DurationInput.parseLeadTimes(text),
    leads.count > DurationInput.maximumLeadTimes
      || !leads.allSatisfy(DurationInput.isLeadTimeWithinAYear)
  {
    fatalError("parseLeadTimes accepted \(leads)")
  }
  if let period = Period(text), !period.isWithinLimits { fatalError("Period accepted \(period)") }
  return 0
}
