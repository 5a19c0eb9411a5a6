// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let postings: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
      Due       Company      Title                 Location    Stage       Posted
      [OVERDUE] Café 🍰 Labs Data 👩‍💻 Engineer      Zürich      —           ≤2025-02-01
      [TODAY]   株式会社メ…  ソフトウェアエンジニ… 東京        interview   2025-02-25
      [2d]      SoundCloud   ML Intern             Berlin      applied     2025-02-20
      [13d]     ^[[2JEvil^[… Title^M^H^[[31mgnp.e… Nowhere^[[… screening   2025-02-28
      [58d]     Acme         Backend Engineer      Remote      saved
                Globex       Platform Engineer     Remote      rejected














       s sort  A apply  Enter open  / filter  ? help  : commands  u undo  a add
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
      Due       Company                 Title                                   Location               Stage       Posted
      [OVERDUE] Café 🍰 Labs            Data 👩‍💻 Engineer                        Zürich                 —           ≤2025-02-01
      [TODAY]   株式会社メルカリ        ソフトウェアエンジニア                  東京                   interview   2025-02-25
      [2d]      SoundCloud              ML Intern                               Berlin                 applied     2025-02-20
      [13d]     ^[[2JEvil^[]52;c;aGk=^… Title^M^H^[[31mgnp.exe                  Nowhere^[[1A           screening   2025-02-28
      [58d]     Acme                    Backend Engineer                        Remote                 saved
                Globex                  Platform Engineer                       Remote                 rejected






























       s sort  A apply  Enter open  / filter  ? help  : commands  u undo  a add  i import  q quit  X archive  e edit
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
      Due       Compa… Title       Stage
      [OVERDUE] Café … Data 👩‍💻 En… —
      [TODAY]   株式…  ソフトウェ… interview
      [2d]      Sound… ML Intern   applied
      [13d]     ^[[2J… Title^M^H^… screening
      [58d]     Acme   Backend En… saved
                Globex Platform E… rejected


       s sort  A apply  Enter open  / filter
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
