// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let pastedAd: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Import a pasted ad
       3 lines, 123 bytes · Ctrl-D: preview · Esc: cancel
       Data Engineer (m/f/d)
       Quokka GmbH · Berlin
       Apply by 2025-03-20. Questions? Don't hesitate: x, q, D and A are just
       letters.














      pasted 3 lines; Ctrl-D previews the import
       Ctrl-D preview  Ctrl-V clipboard  Esc cancel
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Import a pasted ad
       3 lines, 123 bytes · Ctrl-D: preview · Esc: cancel
       Data Engineer (m/f/d)
       Quokka GmbH · Berlin
       Apply by 2025-03-20. Questions? Don't hesitate: x, q, D
       and A are just letters.





      pasted 3 lines; Ctrl-D previews the import
       Ctrl-D preview  Ctrl-V clipboard  Esc cancel
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
