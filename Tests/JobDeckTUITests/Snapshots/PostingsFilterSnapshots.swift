// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let postingsFilter: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
      Due       Company      Title                 Location    Stage       Posted
      [OVERDUE] Café 🍰 Labs Data 👩‍💻 Engineer      Zürich      —           ≤2025-02-01
      [58d]     Acme         Backend Engineer      Remote      saved
                Globex       Platform Engineer     Remote      rejected
















      /engineer
       Enter keep  Esc clear  ↑ ↓ leave and move
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
  ]
}
