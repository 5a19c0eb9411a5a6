// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let moveNote: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       saved 1  applied 1  screening 1  interview 1  offer 0  accepted 0  closed 1
      SoundCloud                  ML Intern                                 10d here


















      Note for screening (Enter: none): recruiter called
       Enter move  Esc don't move
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
      saved 1          applied 1        screening 1      interview 1      offer 0          accepted 0       closed 1
      Acme             SoundCloud       ^[[2JEvil^[]52;… 株式会社メルカリ                                   rejected: 1
       Backend Engine…  ML Intern        Title^M^H^[[31…  ソフトウェアエ…                                   withdrawn: 0
                                                                                                            no response: 0

                                                                                                            c: show






























      Note for moving SoundCloud · ML Intern to screening (Enter: none): recruiter called
       Enter move  Esc don't move
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       saved 1  applied 1  screening 1  interview 1  offer 0  acce
      SoundCloud          ML Intern                     10d here









      Note for screening (Enter: none): recruiter called
       Enter move  Esc don't move
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
