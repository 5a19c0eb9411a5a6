// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let detailHostile: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
      ^[[2JEvil^[]52;c;aGk=^GCorp — Title^M^H^[[31mgnp.exe                     1–20/21
        id        evil-corp
        location  Nowhere^[[1A
        url       https://evil.example/^[]8;;x^G
        posted    2025-02-28
        tags      ^[[5mblink
        stage     screening

      Deadlines and events
        assessment       2025-03-16  [13d]
          “^[[31mdeadline^[[0m 16 March”

      History
        2025-02-21 09:00  screening

      Notes (Ctrl-E to edit)
        none

      Description
        Line one^[[2K^MOverwritten

       q back  Ctrl-E notes  o open URL  / filter  ? help  : commands  u undo
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
      ^[[2JEvil^[]52;c;aGk=^GCorp — Title^M^H^[[31mgnp.exe
        id        evil-corp
        location  Nowhere^[[1A
        url       https://evil.example/^[]8;;x^G
        posted    2025-02-28
        tags      ^[[5mblink
        stage     screening

      Deadlines and events
        assessment       2025-03-16  [13d]
          “^[[31mdeadline^[[0m 16 March”

      History
        2025-02-21 09:00  screening

      Notes (Ctrl-E to edit)
        none

      Description
        Line one^[[2K^MOverwritten
        clipboard ^[]52;c;ZXZpbA==^[\ done
















       q back  Ctrl-E notes  o open URL  / filter  ? help  : commands  u undo  X archive  e edit
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
      ^[[2JEvil^[]52;c;aGk=^GCorp —     1–8/22
      Title^M^H^[[31mgnp.exe
        id        evil-corp
        location  Nowhere^[[1A
        url https://evil.example/^[]8;;x^G
        posted    2025-02-28
        tags      ^[[5mblink
        stage     screening

       q back  Ctrl-E notes  o open URL
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
