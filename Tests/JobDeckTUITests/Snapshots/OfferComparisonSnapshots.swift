// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let offerComparison: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Offers side by side

       company      SoundCloud                       ^[[2JEvil^[]52;c;aGk=^GCorp
       title        ML Intern                        Title^M^H^[[31mgnp.exe
       stage        offer                            offer
       salary       52000 EUR/year                   —
       contract     —                                —
       location     Berlin                           Nowhere^[[1A
       workplace    —                                —
       start        2025-04-01                       —
       probation    6 months                         —
       notice       —                                —
       contract end —                                —
       answer by    —                                —







       q Esc close
       …l/share/jobdeck/store.json 6 postings · 5 applications · 11 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Offers side by side

       company      SoundCloud                                           ^[[2JEvil^[]52;c;aGk=^GCorp
       title        ML Intern                                            Title^M^H^[[31mgnp.exe
       stage        offer                                                offer
       salary       52000 EUR/year                                       —
       contract     —                                                    —
       location     Berlin                                               Nowhere^[[1A
       workplace    —                                                    —
       start        2025-04-01                                           —
       probation    6 months                                             —
       notice       —                                                    —
       contract end —                                                    —
       answer by    —                                                    —























       q Esc close
       /home/user/.local/share/jobdeck/store.json                          6 postings · 5 applications · 11 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Offers side by side (1 of 2; widen the terminal for more)

       company      SoundCloud
       title        ML Intern
       stage        offer
       salary       52000 EUR/year
       contract     —
       location     Berlin
       workplace    —
       start        2025-04-01
       probation    6 months

       q Esc close
       …me/user/.local/share/jobdeck/store.json 6p 5a 11d │ saved
      """##,
  ]
}
