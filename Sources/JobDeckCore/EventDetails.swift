import Foundation

/// What an event or task has beyond its date: its own title, how long it lasts, where it
/// happens, its video link and the user's note. Carried from the deadline into the agenda's
/// rows and entries, so every place that lists a deadline (agenda, remind, the UI) can show them.
public struct EventDetails: Hashable, Sendable {
  /// The fields, in a box shared by copies, or nil when all are empty: every agenda row and
  /// entry carries one of these, most deadlines are not events, and the fields inline took
  /// 120 bytes of each.
  private var box: SharedBox<Fields>?

  private struct Fields: Hashable, Sendable {
    var title: String?
    var duration: Period?
    var place: String?
    var link: String?
    var note: String?
  }

  private var fields: Fields {
    get { box?.value ?? Fields() }
    set { box = newValue == Fields() ? nil : SharedBox(newValue) }
  }

  public var title: String? {
    get { box?.value.title }
    set { fields.title = newValue }
  }

  public var duration: Period? {
    get { box?.value.duration }
    set { fields.duration = newValue }
  }

  public var place: String? {
    get { box?.value.place }
    set { fields.place = newValue }
  }

  public var link: String? {
    get { box?.value.link }
    set { fields.link = newValue }
  }

  /// The note given with `deadline add --note` or in the event form.
  public var note: String? {
    get { box?.value.note }
    set { fields.note = newValue }
  }

  public init(title: String? = nil, duration: Period? = nil, place: String? = nil,
    link: String? = nil, note: String? = nil)
  {
    fields = Fields(title: title, duration: duration, place: place, link: link, note: note)
  }

  public init(_ deadline: Deadline) {
    self.init(title: deadline.title, duration: deadline.duration, place: deadline.place,
      link: deadline.link, note: deadline.note.flatMap { $0.isEmpty ? nil : $0 })
  }

  public static func == (lhs: EventDetails, rhs: EventDetails) -> Bool {
    lhs.box === rhs.box || lhs.fields == rhs.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

  /// The note on one line, cut to `width` columns with an ellipsis: for the agenda's rows.
  public func shortNote(width: Int) -> String? {
    guard let note else { return nil }
    let line = note.split(whereSeparator: \.isNewline).joined(separator: " ")
    return TerminalText.truncated(line, toWidth: width)
  }

  public var isEmpty: Bool { box == nil }

  /// `start` plus `duration`, counted in `zone` (calendar arithmetic: an event across a DST
  /// change keeps its wall-clock length in days, its hours are hours).
  public static func end(of start: Date, lasting duration: Period, in zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    var components = DateComponents()
    components.year = duration.years
    components.month = duration.months
    components.day = duration.weeks * 7 + duration.days
    components.hour = duration.hours
    components.minute = duration.minutes
    return calendar.date(byAdding: components, to: start) ?? start
  }
}
