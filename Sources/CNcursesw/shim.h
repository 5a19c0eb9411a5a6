#ifndef JOBDECK_CNCURSESW_SHIM_H
#define JOBDECK_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without this define wget_wch is not declared.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
