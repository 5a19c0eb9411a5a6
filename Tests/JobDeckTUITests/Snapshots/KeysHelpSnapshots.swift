// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let keysHelp: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       Keys  1–19/97
       Everywhere
        1                   show the postings table
        2                   show the pipeline by stage
        3                   show the agenda of deadlines
        4                   show the statistics: funnel, answers, applications per
                            week, breakdown
        Tab                 next view
        Shift-Tab           previous view
        ?                   show every key (this help)
        :                   command palette: type to find any command, Enter runs it
        u                   undo the last change
        Ctrl-R              redo what was undone
        a                   add a posting by hand
        i                   import a posting from a file, a URL or a paste
        S                   sync the store with its git remote, as jobdeck sync (saves
                            first, reloads after)
        q                   save and quit
        D                   delete the selected record (asks first, naming it and what
                            goes with it)

       j k PgDn PgUp scroll  q Esc ? close
       …al/share/jobdeck/store.json 6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "120x40": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats                                                    2025-03-03  ? help
       Keys  1–35/77
       Everywhere
        1                   show the postings table
        2                   show the pipeline by stage
        3                   show the agenda of deadlines
        4                   show the statistics: funnel, answers, applications per week, breakdown
        Tab                 next view
        Shift-Tab           previous view
        ?                   show every key (this help)
        :                   command palette: type to find any command, Enter runs it
        u                   undo the last change
        Ctrl-R              redo what was undone
        a                   add a posting by hand
        i                   import a posting from a file, a URL or a paste
        S                   sync the store with its git remote, as jobdeck sync (saves first, reloads after)
        q                   save and quit
        D                   delete the selected record (asks first, naming it and what goes with it)
        X                   archive the posting or application, or bring it back (Agenda: dismiss the deadline or suggestion)
        V                   show or hide archived postings and applications
        e                   edit the posting's or application's fields in a form: company, title, location, URL, type,
                            workplace, tags, salary, dates, stage date and note
        E                   edit every field of the posting in $EDITOR (a mistake is shown with its line)

       Moving and finding
        j ↓                 next row (detail: scroll down)
        k ↑                 previous row (detail: scroll up)
        g Home              first row (detail: top)
        G End               last row (detail: end)
        PgDn Space          one page down
        PgUp                one page up
        Enter               open the selected record's detail
        /                   filter the list (detail: search the text); Enter keeps it, Esc clears
        n                   next match of the filter or search
        N                   previous match of the filter or search
        Esc                 clear the filter


       j k PgDn PgUp scroll  q Esc ? close
       /home/user/.local/share/jobdeck/store.json                           6 postings · 5 applications · 8 deadlines │ saved
      """##,
    "60x15": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats
       Keys  1–10/109
       Everywhere
        1                show the postings table
        2                show the pipeline by stage
        3                show the agenda of deadlines
        4                show the statistics: funnel, answers,
                         applications per week, breakdown
        Tab              next view
        Shift-Tab        previous view
        ?                show every key (this help)
        :                command palette: type to find any

       j k PgDn PgUp scroll  q Esc ? close
       …ome/user/.local/share/jobdeck/store.json 6p 5a 8d │ saved
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
       Keys  1–7/150
       Everywhere
        1           show the postings table
        2           show the pipeline by stage
        3           show the agenda of
                    deadlines
        4           show the statistics:
                    funnel, answers,

       j k PgDn PgUp scroll  q Esc ? close
       …e/jobdeck/store.json 6p 5a 8d │ saved
      """##,
  ]
}
