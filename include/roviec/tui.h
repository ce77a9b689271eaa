/*
 * tui: the full-screen board, the second face over the core.  One loop owns
 * the screen (htop's model): views handle requests and return flags, only
 * the loop draws; between keys no transaction and no stepped statement is
 * open, and the database's data_version is polled so that what others
 * commit shows within a second.
 */
#ifndef ROVIEC_TUI_H
#define ROVIEC_TUI_H

#include "roviec/err.h"
#include "roviec/session.h"

/* 1 when standard input and output are terminals. */
int tui_possible(void);

/* Runs the board for the acting person until they quit or hang up; with
 * colour 0 it is drawn without colours whatever the terminal can do.
 * RV_OK on a normal exit; RV_REFUSED when the terminal cannot be used
 * (unknown TERM, no UTF-8 locale), with err saying what to do. */
enum rv_code tui_run(struct session *s, int colour, struct rv_err *err);

#endif
