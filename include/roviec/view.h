/*
 * view: the views of the board and the state of the loop that shows them
 * (tig's struct view + view_ops).  A view's draw paints its body from what
 * it holds in memory and never touches storage; open and request may read
 * and act, each in its own short transaction.
 */
#ifndef ROVIEC_VIEW_H
#define ROVIEC_VIEW_H

#include <signal.h>

#include "roviec/action.h"
#include "roviec/keys.h"
#include "roviec/model.h"
#include "roviec/session.h"

/* What a request did, for the loop (htop's handler flags). */
enum {
	VIEW_HANDLED = 1 << 0,
	VIEW_REDRAW = 1 << 1,
	VIEW_RELOAD = 1 << 2,	/* re-read from the database, then redraw */
	VIEW_CLOSE = 1 << 3,	/* pop this view */
	VIEW_QUIT = 1 << 4
};

struct tui;
struct view;

struct view_ops {
	const char *name;
	/* Reads what the view shows; 0, or -1 with the status line set. */
	int (*load)(struct tui *t, struct view *v);
	/* Paints the body between the title and the status line. */
	void (*draw)(struct tui *t, struct view *v, int top, int height, int width);
	/* Handles one request; returns VIEW_* flags (0: not handled). */
	int (*request)(struct tui *t, struct view *v, enum request req);
	void (*done)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	void *data;
	char title[256];
};

#define TUI_MAX_VIEWS 8

struct tui {
	struct session *s;
	struct unit unit;		/* the board's unit */
	struct view *views[TUI_MAX_VIEWS];
	int depth;
	char status[1200];
	int status_is_error;
	int colour;
	int body_height;		/* rows for the body, for paging */
	day_t day;			/* today, as of the last reading */
	time_t loaded_at;		/* the moment of the last reading */
	volatile sig_atomic_t *hangup;
	/* The duty the view on top is on ("": none), and what the rules let
	 * the acting person do with it: the key line offers only that. */
	char here_ref[40];
	struct action_facts here;
	int may_create;			/* heads the board's unit or one above */
	unsigned acted;			/* actions taken here (the board's own
					 * commits do not move data_version) */
};

/* Sets the status line (printf-style); error shows it as a refusal. */
/* Writes text at y, x, cut to width columns (never in the middle of a
 * character or a grapheme, as a byte count would). */
void tui_put(int y, int x, const char *text, int width);

void tui_status(struct tui *t, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Pushes a view and loads it; 0, or -1 (the view is freed). */
int tui_push(struct tui *t, struct view *v);

/* Runs the form of action a on the duty ref, showing what is being
 * decided; a value refused is kept and the cursor put on it.  Returns
 * VIEW_* flags. */
int tui_action(struct tui *t, const struct action *a, const char *ref);

/* The new-duty form (all six clears); VIEW_* flags. */
int tui_new_duty(struct tui *t);

/* The duty the view on top is on (NULL: none): reads what its key line
 * may offer. */
void tui_here(struct tui *t, const char *ref);

/* Asks for one line of text to look for (title, label); 1 with *folded
 * the folded text (NULL when left empty), 0 when cancelled or refused
 * (the status line says so).  *shown gets the text as typed, in NFC. */
int tui_ask_text(struct tui *t, const char *title, const char *label,
    char **folded, char **shown);

/* A view with these ops and data; NULL (data freed) when out of memory or
 * when data is NULL. */
struct view *view_new(const struct view_ops *ops, void *data);

/* The views. */
struct view *board_new(struct tui *t);
struct view *duty_view_new(struct tui *t, const char *ref);
struct view *help_view_new(struct tui *t);
struct view *units_view_new(struct tui *t);
/* The Decree 335/2025 sheets of the board's unit for this month (issue #13). */
struct view *evaluation_view_new(struct tui *t);

/* Shows only units whose name or code holds folded (taken; NULL: all). */
void units_filter(struct view *v, char *folded);

/* Shows the board of another unit (by code); 0, or -1 with the status set. */
int tui_show_unit(struct tui *t, const char *code);

/* Shows only duties whose title holds folded (the view takes it; NULL
 * shows all again). */
void board_search(struct view *v, char *folded);

/* Forgets what the board knew of the unit shown before (a new unit's
 * board starts afresh). */
void board_reset_unit(struct view *v);

/* Attributes for a duty's row: overdue and flagged stand out in colour
 * and, without colour, in bold and underline. */
int tui_row_attr(const struct tui *t, unsigned flags, int selected);

/* The flag marks of a duty, one letter a flag ("O" overdue ...). */
const char *tui_flag_marks(unsigned flags, char buf[16]);

#endif
