// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let keysHelpEnd: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Keys  68–86/86
       Agenda
        x                   mark the deadline done
        z                   snooze the deadline or suggestion (then d: a day, w: a
                            week)
        y                   accept the selected suggestion (follow up, no response,
                            next stage, started…)
        r                   edit or reschedule the event or deadline: date, time,
                            place, link, note

       Stats
        b                   break the numbers down by source, method, type, tag or
                            month
        p                   period: all, the last 4, 13 or 52 weeks

       Detail
        q Esc               back to the list
        Ctrl-E              edit the application's notes in $EDITOR (Ctrl-E in the
                            field form too)
        o                   open the posting's URL in the browser

       j k PgDn PgUp scroll  q Esc ? close
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Keys  32–66/66
        n                   next match of the filter or search
        N                   previous match of the filter or search
        Esc                 clear the filter

       Postings
        s                   sort by deadline, posted date or company
        A                   apply to the posting: stage, date and a note

       Pipeline
        t                   add an event to the application: interview, call, take-home… with date, time, place, link
        C                   the application's contacts: a adds, e edits, D deletes, o writes or calls
        O                   the offer's terms: salary, start, contract, probation, notice, answer-by date
        M                   mark the application to compare with another (M again unmarks)
        =                   compare the marked application's offer with this one (nothing marked: every offer)
        h ←                 previous stage column
        l →                 next stage column
        L >                 move the application to the next stage (then a note; Enter skips it)
        H <                 move the application to the previous stage (then a note; Enter skips it)
        m                   move the application to any stage (then a note; Enter skips it)
        c                   show or hide closed applications

       Agenda
        x                   mark the deadline done
        z                   snooze the deadline or suggestion (then d: a day, w: a week)
        y                   accept the selected suggestion (follow up, no response, next stage, started…)
        r                   edit or reschedule the event or deadline: date, time, place, link, note

       Stats
        b                   break the numbers down by source, method, type, tag or month
        p                   period: all, the last 4, 13 or 52 weeks

       Detail
        q Esc               back to the list
        Ctrl-E              edit the application's notes in $EDITOR (Ctrl-E in the field form too)
        o                   open the posting's URL in the browser

       j k PgDn PgUp scroll  q Esc ? close
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Keys  87–96/96
       Stats
        b                break the numbers down by source, method,
                         type, tag or month
        p                period: all, the last 4, 13 or 52 weeks

       Detail
        q Esc            back to the list
        Ctrl-E           edit the application's notes in $EDITOR
                         (Ctrl-E in the field form too)
        o                open the posting's URL in the browser

       j k PgDn PgUp scroll  q Esc ? close
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
       Keys  126–132/132
       Detail
        q Esc       back to the list
        Ctrl-E      edit the application's
                    notes in $EDITOR (Ctrl-E
                    in the field form too)
        o           open the posting's URL in
                    the browser

       j k PgDn PgUp scroll  q Esc ? close
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
