// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let agenda: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
      Overdue (1)
       apply by         2025-03-01          MISSED Café 🍰 Labs  Data 👩‍💻 Engineer
      Today (1)
       interview        2025-03-03 18:00     today 株式会社メル… ソフトウェアエンジニ…
      This week (1)
       assessment       2025-03-05           in 2d SoundCloud    ML Intern
      Next two weeks (1)
       assessment       2025-03-16          in 13d ^[[2JEvil^[]… Title^M^H^[[31mgnp.e…
      Later (1)
       apply by         2025-04-30          in 58d Acme          Ba… (not applied yet)
      Pending (1)
       probation ends   waits for start date       株式会社メル… ソフトウェアエンジニ…









       x done  z snooze  r reschedule  Enter open  / filter  ? help  : commands
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
      Overdue (1)
       apply by         2025-03-01          MISSED Café 🍰 Labs                  Data 👩‍💻 Engineer
      Today (1)
       interview        2025-03-03 18:00     today 株式会社メルカリ              ソフトウェアエンジニア
      This week (1)
       assessment       2025-03-05           in 2d SoundCloud                    ML Intern
      Next two weeks (1)
       assessment       2025-03-16          in 13d ^[[2JEvil^[]52;c;aGk=^GCorp   Title^M^H^[[31mgnp.exe
      Later (1)
       apply by         2025-04-30          in 58d Acme                          Backend Engineer (not applied yet)
      Pending (1)
       probation ends   waits for start date       株式会社メルカリ              ソフトウェアエンジニア

























       x done  z snooze  r reschedule  Enter open  / filter  ? help  : commands  u undo  a add  i import  q quit  X archive
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
      Overdue (1)
       apply by    MISSED Café …  Data 👩‍💻 Eng…
      Today (1)
       interview    today 株式会… ソフトウェ…
      This week (1)
       assessment   in 2d SoundC… ML Intern
      Next two weeks (1)
       assessment  in 13d ^[[2JE… Title^M^H^[…

       x done  z snooze  r reschedule
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
