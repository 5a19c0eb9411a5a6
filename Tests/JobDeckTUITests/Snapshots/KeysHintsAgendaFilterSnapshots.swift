// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let keysHintsAgendaFilter: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help

       No deadline matches 'xzdL'. Esc clears the filter.


















      /xzdL
       Enter keep  Esc clear  ↑ ↓ leave and move
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help

       No deadline matches 'xzdL'. Esc clears the filter.


































      /xzdL
       Enter keep  Esc clear  ↑ ↓ leave and move
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats

       No deadline matches 'xzdL'. Esc clears the filter.









      /xzdL
       Enter keep  Esc clear  ↑ ↓ leave and move
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta

       No deadline matches 'xzdL'. Esc clears






      /xzdL
       Enter keep  Esc clear
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
