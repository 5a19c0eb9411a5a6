// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let stats: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Applications up to 2025-03-03: 5 (p: all)

       Funnel (each counts for every stage it reached)
         saved         5
         applied       4   80%
         screening     2   50%
         interview     1   50%
         offer         0    0%
         accepted      0

       Answers: 3 of 4 sent (75%); no answer 1 (25%): 0 marked no response, 0
       withdrawn, 1 waiting

       Sent per week
         2025-02-03 ███████████████████████████████████████████████████████████████ 2
         2025-02-10 ███████████████████████████████▌                                1
         2025-02-17 ███████████████████████████████▌                                1
         2025-02-24                                                                 0
         2025-03-03                                                                 0


       b breakdown  p period  / filter  ? help  : commands  u undo  a add  i import
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Applications up to 2025-03-03: 5 (p: all)                   Sent per week
                                                                     2025-02-03 ███████████████████████████████████████████ 2
       Funnel (each counts for every stage it reached)               2025-02-10 █████████████████████▌                      1
         saved         5                                             2025-02-17 █████████████████████▌                      1
         applied       4   80%                                       2025-02-24                                             0
         screening     2   50%                                       2025-03-03                                             0
         interview     1   50%
         offer         0    0%                                     By source (answer: median days to the first answer)
         accepted      0                                             source       apps sent  answered intv offer  answer
                                                                     LinkedIn        2    2    1  50%    0     0  14
       Answers: 3 of 4 sent (75%); no answer 1 (25%): 0 marked       (not set)       1    0         -    0     0  -
       no response, 0 withdrawn, 1 waiting                           company site    1    1    1 100%    0     0  9.0
                                                                     referral        1    1    1 100%    1     0  7.0
       Times in days        median  90th pct  ended  open
         to first answer       9.0      > 27      3     1
         in saved              1.0     > 5.1      1     1
         in applied            9.0      > 27      3     1
         in screening          8.0       8.0      1     1
         in interview         > 11      > 11      0     1
       Method: Kaplan–Meier (open applications are censored)
       "> N": not reached yet, N the longest wait so far.
















       b breakdown  p period  / filter  ? help  : commands  u undo  a add  i import  q quit  X archive
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Applications up to 2025-03-03: 5 (p: all)

       Funnel (each counts for every stage it reached)
         saved         5
         applied       4   80%
         screening     2   50%
         interview     1   50%
         offer         0    0%
         accepted      0

       Answers: 3 of 4 sent (75%); no answer 1 (25%): 0 marked no

       b breakdown  p period  / filter  ? help  : commands  u undo
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
