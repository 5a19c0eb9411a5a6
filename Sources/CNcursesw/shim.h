#ifndef JOBDECK_CNCURSESW_SHIM_H
#define JOBDECK_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without this define wget_wch is not declared.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift imports only macros that expand to plain literals; these are expressions, so each one
// gets a function wrapper here.

static inline attr_t jd_attr_normal(void) { return A_NORMAL; }
static inline attr_t jd_attr_bold(void) { return A_BOLD; }
static inline attr_t jd_attr_dim(void) { return A_DIM; }
static inline attr_t jd_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t jd_attr_reverse(void) { return A_REVERSE; }
static inline attr_t jd_attr_standout(void) { return A_STANDOUT; }
static inline attr_t jd_attr_color(void) { return A_COLOR; }
static inline attr_t jd_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline int jd_key_f(int n) { return KEY_F(n); }
static inline int jd_key_f0(void) { return KEY_F0; }

static inline WINDOW *jd_stdscr(void) { return stdscr; }
static inline int jd_max_rows(WINDOW *window) { return getmaxy(window); }
static inline int jd_max_columns(WINDOW *window) { return getmaxx(window); }
static inline int jd_cursor_column(WINDOW *window) { return getcurx(window); }

// Mouse masks are macro expressions too (their layout depends on NCURSES_MOUSE_VERSION).
static inline mmask_t jd_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t jd_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t jd_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t jd_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int jd_key_mouse(void) { return KEY_MOUSE; }

static inline int jd_colors(void) { return COLORS; }
static inline int jd_color_pairs(void) { return COLOR_PAIRS; }

static inline int jd_cchar_max(void) { return CCHARW_MAX; }

// glibc declares wcwidth only under _XOPEN_SOURCE, which SwiftPM drops (see above). Curses
// measures cells with it, so the blitter asks the same function.
extern int wcwidth(wchar_t character);
static inline int jd_wcwidth(wchar_t character) { return wcwidth(character); }

#endif
