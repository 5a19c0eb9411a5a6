// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let importPreview: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
      Import preview — y or Enter adds it, n or Esc cancels
        company   Zalando
        title     Werkstudent Data
        location  Berlin
      Dates found
        apply by         2025-03-31
          from “Bewerbungsfrist: 31.03.2025”
      Remarks
        • year inferred for 'Start: 1. April'












       y add  n cancel
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
  ]
}
