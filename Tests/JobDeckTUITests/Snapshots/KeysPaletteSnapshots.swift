// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let keysPalette: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
      : mo
       L >            move the application to the next stage (then a note; Enter ski…
       H <            move the application to the previous stage (then a note; Enter…
       m              move the application to any stage (then a note; Enter skips it)
       n              next match of the filter or search
       N              previous match of the filter or search
       S              sync the store with its git remote, as jobdeck sync (saves fir…
       M              mark the application to compare with another (M again unmarks)
       x              mark the deadline done  (Agenda)
       X              archive the posting or application, or bring it back (Agenda: …
       E              edit every field of the posting in $EDITOR (a mistake is shown…
       :              command palette: type to find any command, Enter runs it
       i              import a posting from a file, a URL or a paste
       =              compare the marked application's offer with this one (nothing …
       O              the offer's terms: salary, start, contract, probation, notice,…
       l →            next stage column
       b              break the numbers down by source, method, type, tag or month  …
       h ←            previous stage column
       D              delete the selected record (asks first, naming it and what goe…


       type to find  ↑ ↓ choose  Enter run  Esc close
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
      : mo
       L >            move the application to the next stage (then a note; Enter skips it)
       H <            move the application to the previous stage (then a note; Enter skips it)
       m              move the application to any stage (then a note; Enter skips it)
       n              next match of the filter or search
       N              previous match of the filter or search
       S              sync the store with its git remote, as jobdeck sync (saves first, reloads after)
       M              mark the application to compare with another (M again unmarks)
       x              mark the deadline done  (Agenda)
       X              archive the posting or application, or bring it back (Agenda: dismiss the deadline or suggestion)
       E              edit every field of the posting in $EDITOR (a mistake is shown with its line)
       :              command palette: type to find any command, Enter runs it
       i              import a posting from a file, a URL or a paste
       =              compare the marked application's offer with this one (nothing marked: every offer)
       O              the offer's terms: salary, start, contract, probation, notice, answer-by date
       l →            next stage column
       b              break the numbers down by source, method, type, tag or month  (Stats)
       h ←            previous stage column
       D              delete the selected record (asks first, naming it and what goes with it)
       e              edit the posting's or application's fields in a form: company, title, location, URL, type, workplace, …
       s              sort by deadline, posted date or company  (Postings)
       r              edit or reschedule the event or deadline: date, time, place, link, note  (Agenda)
       Ctrl-E         edit the application's notes in $EDITOR (Ctrl-E in the field form too)  (Detail)
      ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────













       type to find  ↑ ↓ choose  Enter run  Esc close
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
      : mo
       L >          move the application to the next stage (then…
       H <          move the application to the previous stage (…
       m            move the application to any stage (then a no…
       n            next match of the filter or search
       N            previous match of the filter or search
       S            sync the store with its git remote, as jobde…
       M            mark the application to compare with another…
       x            mark the deadline done  (Agenda)
       X            archive the posting or application, or bring…


       type to find  ↑ ↓ choose  Enter run  Esc close
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
      : mo
       L >      move the application to the …
       H <      move the application to the …
       m        move the application to any …
       n        next match of the filter or …
       N        previous match of the filter…
       S        sync the store with its git …


       type to find  ↑ ↓ choose  Enter run
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
