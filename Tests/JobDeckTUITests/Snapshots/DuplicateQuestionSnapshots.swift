// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let duplicateQuestion: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
      Due       Company      Title                 Location    Stage       Posted
      [OVERDUE] Café 🍰 Labs Data 👩‍💻 Engineer      Zürich      —           ≤2025-02-01
      [TODAY]   株式会社メ…  ソフトウェアエンジニ… 東京        interview   2025-02-25
      [2d]      SoundCloud   ML Intern             Berlin      applied     2025-02-20
      [13d]     ^[[2JEvil^[… Title^M^H^[[31mgnp.e… Nowhere^[[… screening   2025-02-28
      [58d]     Acme         Backend Engineer      Remote      saved
                Globex       Platform Engineer     Remote      rejected













      soundcloud · ML  intern is already on file as SoundCloud · ML Intern (soundcloud
       u update it  a add anyway  n Esc cancel
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
      Due       Company    Title           Stage       Posted
      [OVERDUE] Café 🍰 L… Data 👩‍💻 Engine… —           ≤2025-02-01
      [TODAY]   株式会社…  ソフトウェアエ… interview   2025-02-25
      [2d]      SoundCloud ML Intern       applied     2025-02-20
      [13d]     ^[[2JEvil… Title^M^H^[[31… screening   2025-02-28
      [58d]     Acme       Backend Engine… saved
                Globex     Platform Engin… rejected




      soundcloud · ML  intern is already on file as SoundCloud · M
       u update it  a add anyway  n Esc cancel
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
