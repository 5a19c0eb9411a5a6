// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let statsByMethodFiltered: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Applications up to 2025-03-03 matching 'linkedin': 2 (p: all)

       Funnel (each counts for every stage it reached)
         saved         2
         applied       2  100%
         screening     1   50%
         interview     0    0%
         offer         0
         accepted      0

       Answers: 1 of 2 sent (50%); no answer 1 (50%): 0 marked no response, 0
       withdrawn, 1 waiting

       Sent per week
         2025-02-03 ███████████████████████████████████████████████████████████████ 1
         2025-02-10 ███████████████████████████████████████████████████████████████ 1
         2025-02-17                                                                 0
         2025-02-24                                                                 0
         2025-03-03                                                                 0

      filter: linkedin  (n/N next/previous, Esc clears)
       b breakdown  p period  / filter  ? help  : commands  u undo  a add  i import
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Applications up to 2025-03-03 matching 'linkedin': 2 (p:    Sent per week
       all)                                                          2025-02-03 ███████████████████████████████████████████ 1
                                                                     2025-02-10 ███████████████████████████████████████████ 1
       Funnel (each counts for every stage it reached)               2025-02-17                                             0
         saved         2                                             2025-02-24                                             0
         applied       2  100%                                       2025-03-03                                             0
         screening     1   50%
         interview     0    0%                                     By method (answer: median days to the first answer)
         offer         0                                             method      apps sent  answered intv offer  answer
         accepted      0                                             online form    2    2    1  50%    0     0  14

       Answers: 1 of 2 sent (50%); no answer 1 (50%): 0 marked
       no response, 0 withdrawn, 1 waiting

       Times in days        median  90th pct  ended  open
         to first answer        14      > 27      1     1
         in saved              1.0       1.0      1     0
         in applied             14      > 27      1     1
         in screening        > 6.1     > 6.1      0     1
       Method: Kaplan–Meier (open applications are censored)
       "> N": not reached yet, N the longest wait so far.















      filter: linkedin  (n/N next/previous, Esc clears)
       b breakdown  p period  / filter  ? help  : commands  u undo  a add  i import  q quit  X archive
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Applications up to 2025-03-03 matching 'linkedin': 2 (p:
       all)

       Funnel (each counts for every stage it reached)
         saved         2
         applied       2  100%
         screening     1   50%
         interview     0    0%
         offer         0
         accepted      0

      filter: linkedin  (n/N next/previous, Esc clears)
       b breakdown  p period  / filter  ? help  : commands  u undo
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
