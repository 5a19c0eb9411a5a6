// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let offerComparison: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Offers side by side

       company    SoundCloud                        ^[[2JEvil^[]52;c;aGk=^GCorp
       title      ML Intern                         Title^M^H^[[31mgnp.exe
       salary     52000 EUR/year                    —
       start      2025-04-01                        —
       contract   —                                 —
       probation  6 months                          —
       notice     —                                 —
       answer by  —                                 —











       q Esc close
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Offers side by side

       company    SoundCloud                                            ^[[2JEvil^[]52;c;aGk=^GCorp
       title      ML Intern                                             Title^M^H^[[31mgnp.exe
       salary     52000 EUR/year                                        —
       start      2025-04-01                                            —
       contract   —                                                     —
       probation  6 months                                              —
       notice     —                                                     —
       answer by  —                                                     —



























       q Esc close
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Offers side by side

       company    SoundCloud              ^[[2JEvil^[]52;c;aGk=^…
       title      ML Intern               Title^M^H^[[31mgnp.exe
       salary     52000 EUR/year          —
       start      2025-04-01              —
       contract   —                       —
       probation  6 months                —
       notice     —                       —
       answer by  —                       —


       q Esc close
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
