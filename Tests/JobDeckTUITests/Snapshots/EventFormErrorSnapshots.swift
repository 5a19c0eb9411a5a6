// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let eventFormError: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       New event for Acme · Backend Engineer

       Kind      interview
       Date      2025-03-10
       Time      25:00
                 HH:MM, e.g. 14:30; blank: all day
       Zone
       Duration
       Place
       Link
       Title
       Note

       invalid time '25:00': expected HH:MM from 00:00 to 23:59, e.g. 14:30
       Enter on the last field or Ctrl-S saves · Esc cancels






       Tab next field  Ctrl-S save  Esc cancel
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       New event for Acme · Backend Engineer

       Kind      interview
       Date      2025-03-10
       Time      25:00
                 HH:MM, e.g. 14:30; blank: all day
       Zone
       Duration
       Place
       Link
       Title
       Note

       invalid time '25:00': expected HH:MM from 00:00 to 23:59, e.g. 14:30
       Enter on the last field or Ctrl-S saves · Esc cancels






















       Tab next field  Ctrl-S save  Esc cancel
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       New event for Acme · Backend Engineer

       Kind      interview
       Date      2025-03-10
       Time      25:00
                 HH:MM, e.g. 14:30; blank: all day
       Zone
       Duration
       invalid time '25:00': expected HH:MM from 00:00 to 23:59,
       e.g. 14:30
       Enter on the last field or Ctrl-S saves · Esc cancels

       Tab next field  Ctrl-S save  Esc cancel
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
