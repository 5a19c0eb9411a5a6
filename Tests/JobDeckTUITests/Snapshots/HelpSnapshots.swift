// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let help: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda                     2025-03-03  ? help
       Keys (any key closes)
       1 2 3 Tab Shift-Tab   postings / pipeline / agenda
       j k ↑ ↓               move the selection
       Enter                 open the detail
       s                     sort postings (deadline, posted, company)
       /  n N  Esc           filter postings, next/previous, clear
       h l ← →               pipeline: previous/next column
       L >   H <             move to the next/previous stage
       m                     move to any stage (picker)
       c                     pipeline: show/hide closed applications
       x   z d   z w         agenda: done, snooze a day / a week
       e   o                 detail: edit notes, open the URL
       PgUp PgDn             detail: scroll
       a   i                 add a posting, import a file or URL
       u   Ctrl-R            undo, redo
       q   Esc               back; q quits from a top view






       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda                                                             2025-03-03  ? help
       Keys (any key closes)
       1 2 3 Tab Shift-Tab   postings / pipeline / agenda
       j k ↑ ↓               move the selection
       Enter                 open the detail
       s                     sort postings (deadline, posted, comp
       /  n N  Esc           filter postings, next/previous, clear
       h l ← →               pipeline: previous/next column
       L >   H <             move to the next/previous stage
       m                     move to any stage (picker)
       c                     pipeline: show/hide closed applicatio
       x   z d   z w         agenda: done, snooze a day / a week
       e   o                 detail: edit notes, open the URL
       PgUp PgDn             detail: scroll
       a   i                 add a posting, import a file or URL
       u   Ctrl-R            undo, redo
       q   Esc               back; q quits from a top view






















       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda
       Keys (any key closes)
       1 2 3 Tab Shift-Tab   postings / pipeli
       j k ↑ ↓               move the selectio
       Enter                 open the detail
       s                     sort postings (de
       /  n N  Esc           filter postings,
       h l ← →               pipeline: previou
       L >   H <             move to the next/
       m                     move to any stage

       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
