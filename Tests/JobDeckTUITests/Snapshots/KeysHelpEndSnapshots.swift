// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let keysHelpEnd: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Keys  79–97/97
                            month
        p                   period: all, the last 4, 13 or 52 weeks

       Detail
        q Esc               back to the list
        Ctrl-E              edit the application's notes in $EDITOR (Ctrl-E in the
                            field form too)
        o                   open the posting's URL in the browser

       In a text field (forms, prompts, the palette)
        ←                   cursor one character left
        →                   cursor one character right
        Home Ctrl-A         cursor to the start of the field
        End                 cursor to the end of the field
        Backspace           delete the character before the cursor
        Delete              delete the character under the cursor
        Ctrl-U              delete from the start of the field to the cursor
        Ctrl-K              delete from the cursor to the end of the field
        Ctrl-W              delete the word before the cursor

       j k PgDn PgUp scroll  q Esc ? close
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Keys  43–77/77
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

       In a text field (forms, prompts, the palette)
        ←                   cursor one character left
        →                   cursor one character right
        Home Ctrl-A         cursor to the start of the field
        End                 cursor to the end of the field
        Backspace           delete the character before the cursor
        Delete              delete the character under the cursor
        Ctrl-U              delete from the start of the field to the cursor
        Ctrl-K              delete from the cursor to the end of the field
        Ctrl-W              delete the word before the cursor

       j k PgDn PgUp scroll  q Esc ? close
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Keys  100–109/109
        →                cursor one character right
        Home Ctrl-A      cursor to the start of the field
        End              cursor to the end of the field
        Backspace        delete the character before the cursor
        Delete           delete the character under the cursor
        Ctrl-U           delete from the start of the field to the
                         cursor
        Ctrl-K           delete from the cursor to the end of the
                         field
        Ctrl-W           delete the word before the cursor

       j k PgDn PgUp scroll  q Esc ? close
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
       Keys  144–150/150
                    the cursor
        Ctrl-U      delete from the start of
                    the field to the cursor
        Ctrl-K      delete from the cursor to
                    the end of the field
        Ctrl-W      delete the word before the
                    cursor

       j k PgDn PgUp scroll  q Esc ? close
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
