#ifndef AGORA_CNCURSESW_SHIM_H
#define AGORA_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which silently hides the wide-character API.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Globals and macros that Swift cannot import (or cannot read under strict concurrency).
static inline WINDOW *agora_stdscr(void) { return stdscr; }
static inline WINDOW *agora_curscr(void) { return curscr; }
static inline int agora_lines(void) { return LINES; }
static inline int agora_cols(void) { return COLS; }
static inline int agora_colors(void) { return COLORS; }
static inline int agora_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *agora_stdout(void) { return stdout; }
static inline FILE *agora_stdin(void) { return stdin; }

static const attr_t agora_a_normal = A_NORMAL;
static const attr_t agora_a_bold = A_BOLD;
static const attr_t agora_a_reverse = A_REVERSE;
static const attr_t agora_a_underline = A_UNDERLINE;
static const attr_t agora_a_dim = A_DIM;

static const int agora_key_code_yes = KEY_CODE_YES;
static const mmask_t agora_all_mouse_events = ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION;
static const mmask_t agora_button1_pressed = BUTTON1_PRESSED;
static const mmask_t agora_button1_released = BUTTON1_RELEASED;
static const mmask_t agora_button1_clicked = BUTTON1_CLICKED;
static const mmask_t agora_button1_double_clicked = BUTTON1_DOUBLE_CLICKED;
static const mmask_t agora_button4_pressed = BUTTON4_PRESSED;
#if NCURSES_MOUSE_VERSION > 1
static const mmask_t agora_button5_pressed = BUTTON5_PRESSED;
#else
static const mmask_t agora_button5_pressed = 0;
#endif

static inline int agora_color_pair(int pair) { return COLOR_PAIR(pair); }

// Columns the C library (and so curses) gives a character; declared here because <wchar.h> only
// declares it under _XOPEN_SOURCE, which SwiftPM drops.
extern int wcwidth(wchar_t character);
static inline int agora_wcwidth(wchar_t character) { return wcwidth(character); }

#endif
