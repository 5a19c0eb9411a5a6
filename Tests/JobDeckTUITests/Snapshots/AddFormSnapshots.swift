// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let addForm: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Add a posting

       Company    Zalando
       Title      データ分析 🧪 Analyst
       Location
       URL
       Apply by   2025-03-3
                  keep typing: YYYY-MM-DD
       Stage
                  blank: posting only; or saved, applied, …

       Tab/Shift-Tab: fields · Enter on the last field or Ctrl-S: save · Esc: cancel









       Tab next field  Ctrl-S save  Esc cancel
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Add a posting

       Company    Zalando
       Title      データ分析 🧪 Analyst
       Location
       URL
       Apply by   2025-03-3
                  keep typing: YYYY-MM-DD
       Stage
                  blank: posting only; or saved, applied, …

       Tab/Shift-Tab: fields · Enter on the last field or Ctrl-S: save · Esc: cancel

























       Tab next field  Ctrl-S save  Esc cancel
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
       Add a posting

       Company    Zalando
       Title      データ分析 🧪 Analyst
       Location
       URL
       Apply by   2025-03-3
                  keep typing: YYYY-MM-DD

       Tab next field fCtrl-S saveerEsc cancel
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
