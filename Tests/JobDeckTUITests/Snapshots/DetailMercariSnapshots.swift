// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let detailMercari: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
      株式会社メルカリ — ソフトウェアエンジニア
        id        mercari-engineer
        location  東京
        posted    2025-02-25
        stage     interview

      Deadlines and events
        apply by         2025-03-03
          “締切 2025年3月3日”
        interview        2025-03-03 18:00 (2025-03-04 02:00 Asia/Tokyo)  [TODAY]
        probation ends   waits for start date

      Offer (O to change)
        probation 6 months

      History
        2025-02-21 09:00  interview

      Notes (Ctrl-E to edit)
        none

       q back  Ctrl-E notes  o open URL  / filter  ? help  : commands  u undo
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
      株式会社メルカリ — ソフトウェアエンジニア
        id        mercari-engineer
        location  東京
        posted    2025-02-25
        stage     interview

      Deadlines and events
        apply by         2025-03-03
          “締切 2025年3月3日”
        interview        2025-03-03 18:00 (2025-03-04 02:00 Asia/Tokyo)  [TODAY]
        probation ends   waits for start date

      Offer (O to change)
        probation 6 months

      History
        2025-02-21 09:00  interview

      Notes (Ctrl-E to edit)
        none

















       q back  Ctrl-E notes  o open URL  / filter  ? help  : commands  u undo  X archive  e edit
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
      株式会社メルカリ —                1–8/22
      ソフトウェアエンジニア
        id        mercari-engineer
        location  東京
        posted    2025-02-25
        stage     interview

      Deadlines and events

       q back  Ctrl-E notes  o open URL
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
