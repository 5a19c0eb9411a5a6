// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let agendaSuggestions: [String: String] = [
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
      Suggestions (2)   y accept · z snooze · X dismiss
       SoundCloud · ML Intern: no news for 10 days since applied on 2025-02-21: add …
       ^[[2JEvil^[]52;c;aGk=^GCorp · Title^M^H^[[31mgnp.exe: no news for 10 days sin…






       x done  z snooze  r reschedule  Enter open  / filter  ? help  : commands
       /tmp/store.json              6 postings · 5 applications · 8 deadlines │ saved
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
      Suggestions (2)   y accept · z snooze · X dismiss
       SoundCloud · ML Intern: no news for 10 days since applied on 2025-02-21: add a follow-up task due today?
       ^[[2JEvil^[]52;c;aGk=^GCorp · Title^M^H^[[31mgnp.exe: no news for 10 days since screening on 2025-02-21: add a follow…






















       x done  z snooze  r reschedule  Enter open  / filter  ? help  : commands  u undo  a add  i import  q quit  X archive
       /tmp/store.json                                                      6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
      This week (1)
       assessment   in 2d SoundCloud      ML Intern
      Next two weeks (1)
       assessment  in 13d ^[[2JEvil^[]52… Title^M^H^[[31mgnp.exe
      Later (1)
       apply by    in 58d Acme            Backe… (not applied yet)
      Pending (1)
       probation…   waits 株式会社メルカ… ソフトウェアエンジニア
      Suggestions (2)   y accept · z snooze · X dismiss
       SoundCloud · ML Intern: no news for 10 days since applied…
       ^[[2JEvil^[]52;c;aGk=^GCorp · Title^M^H^[[31mgnp.exe: no …

       x done  z snooze  r reschedule  Enter open  / filter
       /tmp/store.json                           6p 5a 8d │ saved
      """##,
  ]
}
