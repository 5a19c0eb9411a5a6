// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let fieldForm: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Edit Acme · Backend Engineer

       Company     Acme
       Title       Senior Backend Engineer
                   the role's name
       Location    Remote
       URL
       Type
       Workplace
       Tags
       Salary
       Posted
       Apply by    2025-04-30
       Start
       End
       Found via
       Sent by
       Sent to
       Stage date  2025-02-21
       Ctrl-S saves · Ctrl-E: save, then notes in $EDITOR · Esc cancels

       Tab next field  Ctrl-S save  Ctrl-E $EDITOR  Esc cancel
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Edit Acme · Backend Engineer

       Company     Acme
       Title       Senior Backend Engineer
                   the role's name
       Location    Remote
       URL
       Type
       Workplace
       Tags
       Salary
       Posted
       Apply by    2025-04-30
       Start
       End
       Found via
       Sent by
       Sent to
       Stage date  2025-02-21
       Stage note

       Ctrl-S saves · Ctrl-E: save, then notes in $EDITOR · Esc cancels















       Tab next field  Ctrl-S save  Ctrl-E $EDITOR  Esc cancel
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Edit Acme · Backend Engineer

       Company     Acme
       Title       Senior Backend Engineer
                   the role's name
       Location    Remote
       URL
       Type
       Workplace
       Tags
       Ctrl-S saves · Ctrl-E: save, then notes in $EDITOR · Esc ca

       Tab next field  Ctrl-S save  Ctrl-E $EDITOR  Esc cancel
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
