// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let offerForm: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Offer from Acme · Backend Engineer

       Salary     52000
       Currency   EUR
       Per        year
       Start      2025-04-01
       Contract   full
       Probation  6m
       Notice     1m
       Answer by  2025-03-10
                  the date to answer the offer by

       Enter on the last field or Ctrl-S saves · Esc cancels








       Tab next field  Ctrl-S save  Esc cancel
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Offer from Acme · Backend Engineer

       Salary     52000
       Currency   EUR
       Per        year
       Start      2025-04-01
       Contract   full
       Probation  6m
       Notice     1m
       Answer by  2025-03-10
                  the date to answer the offer by

       Enter on the last field or Ctrl-S saves · Esc cancels
























       Tab next field  Ctrl-S save  Esc cancel
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Offer from Acme · Backend Engineer

       Salary     52000
       Currency   EUR
       Per        year
       Start      2025-04-01
       Contract   full
       Probation  6m
       Notice     1m
       Answer by  2025-03-10
       Enter on the last field or Ctrl-S saves · Esc cancels

       Tab next field  Ctrl-S save  Esc cancel
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
