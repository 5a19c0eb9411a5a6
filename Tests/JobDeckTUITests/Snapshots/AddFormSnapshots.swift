// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let addForm: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda                     2025-03-03  ? help
       Add a posting

       Company
       Title
       Location
       URL
       Apply by
                  YYYY-MM-DD, optional

       Tab/Shift-Tab: fields · Enter on the last field or Ctrl-S: save · Esc: cancel












       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda                                                             2025-03-03  ? help
       Add a posting

       Company
       Title
       Location
       URL
       Apply by
                  YYYY-MM-DD, optional

       Tab/Shift-Tab: fields · Enter on the last field or Ctrl-S: save · Esc: cancel




























       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda
       Add a posting

       Company
       Title
       Location
       URL
       Apply by
                  YYYY-MM-DD, optional

       Tab/Shift-Tab: fields · Enter on the la
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
