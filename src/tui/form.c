/* form: a modal form of line editors (see form.h). */
#include "roviec/form.h"

#include <curses.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wchar.h>

#include "roviec/i18n.h"
#include "roviec/line.h"
#include "roviec/text.h"

#define FORM_POLL_MS	250	/* how often *hangup is looked at */
#define FORM_DEAD_ERRS	8	/* quick ERRs in a row: the terminal is gone */
#define FORM_MAX_COLS	100	/* wider lines are harder to read */
#define FORM_MIN_EDIT	8	/* editor columns below which it gives up */
#define FORM_CHROME	7	/* rows besides the fields: box, title, gap,
				 * gap, error, hint */
#define FORM_CONTEXT_MAX 6	/* lines of what is being decided */
#define FORM_ERROR_MAX	3	/* lines of a refusal, when there is room */
#define FORM_CHOICES	8	/* completions listed and cycled through */
#define FORM_CONTINUE	(-1)	/* form_handle: no result yet */
#define FORM_CTRL(c)	((c) & 0x1F)
#define FORM_ESC	0x1B

/* What form_key read. */
enum form_key {
	FORM_KEY_CHAR,		/* *wch is a character */
	FORM_KEY_FUNC,		/* *wch is a KEY_ code */
	FORM_KEY_NONE,		/* nothing was waiting (when not waiting) */
	FORM_KEY_GONE		/* hung up: draw nothing more */
};

struct form {
	WINDOW			*win;
	const char		*title;
	const struct form_spec	*spec;
	struct form_field	*fields;
	struct line		*lines;
	size_t			 n, current;
	int			 rows, cols;	/* of the window */
	int			 label_cols, edit_cols;
	int			 full;	/* a character did not fit: the rest
					 * of a paste must not be spliced on */
	char			 error[1200];
	char			**context;	/* the context, wrapped */
	size_t			 ncontext;
	int			 error_rows;
	/* Completion of the current field: the candidates of what was
	 * typed, and while Tab cycles through them, which one is shown. */
	struct form_choice	 choices[FORM_CHOICES];
	size_t			 nchoices, choice_at;
	int			 cycling;
};

static const char form_hint[] =
    N_("Enter: next/submit  Tab/Shift-Tab: move  Esc: cancel  Ctrl-U: clear");
static const char form_hint_complete[] =
    N_("Tab: complete  Enter: next/submit  Esc: cancel");

static const char *
form_label(const struct form *f, size_t i)
{
	return f->fields[i].label != NULL ? f->fields[i].label : "";
}

/* "label:" malloc'd; NULL when out of memory. */
static char *
form_label_colon(const struct form *f, size_t i)
{
	const char *label = form_label(f, i);
	size_t len = strlen(label);
	char *s;

	if ((s = malloc(len + 2)) == NULL)
		return NULL;
	memcpy(s, label, len);
	memcpy(s + len, ":", 2);
	return s;
}

/* Bytes [from, to) of s as a string; NULL when out of memory. */
static char *
form_slice(const char *s, size_t from, size_t to)
{
	char *out;

	if ((out = malloc(to - from + 1)) == NULL)
		return NULL;
	memcpy(out, s + from, to - from);
	out[to - from] = '\0';
	return out;
}

/* Writes s made inert and fitted to exactly `cols` columns. */
static void
form_put(WINDOW *win, int y, int x, const char *s, int cols, attr_t attr)
{
	char *fit;

	if (cols <= 0 || (fit = text_fit(s, (size_t)cols, 1)) == NULL)
		return;
	wattrset(win, attr);
	mvwaddstr(win, y, x, fit);
	wattrset(win, A_NORMAL);
	free(fit);
}

/* Sizes and opens the window for the screen as it is; -1 when the form
 * cannot fit (or no window can be had). */
static int
form_layout(struct form *f)
{
	int usable, widest = 0, w;
	size_t i;

	f->cols = COLS >= 64 ? COLS - 4 : COLS;
	if (f->cols > FORM_MAX_COLS)
		f->cols = FORM_MAX_COLS;
	if (f->n > (size_t)LINES)
		return -1;
	/* Two columns of margin inside the box; the editor has a column on
	 * each side for the "<" and ">" that say the text goes on. */
	usable = f->cols - 4;
	/* What is being decided, wrapped, as much as the screen holds. */
	text_wrap_free(f->context, f->ncontext);
	f->context = NULL;
	f->ncontext = 0;
	if (f->spec->context != NULL && f->spec->context[0] != '\0' && usable > 0 &&
	    (f->context = text_wrap(f->spec->context, (size_t)usable, &f->ncontext)) != NULL) {
		size_t room = LINES > (int)f->n + FORM_CHROME + 1 ?
		    (size_t)(LINES - (int)f->n - FORM_CHROME - 1) : 0;

		if (room > FORM_CONTEXT_MAX)
			room = FORM_CONTEXT_MAX;
		if (f->ncontext > room) {
			char *last;

			/* The last line shown says that more was cut. */
			for (size_t k = room; k < f->ncontext; k++)
				free(f->context[k]);
			f->ncontext = room;
			if (room > 0 && (last = malloc(strlen(f->context[room - 1]) + 4)) != NULL) {
				sprintf(last, "%s…", f->context[room - 1]);
				free(f->context[room - 1]);
				f->context[room - 1] = last;
			}
		}
	}
	f->rows = (int)f->n + FORM_CHROME + (f->ncontext ? (int)f->ncontext + 1 : 0);
	if (f->rows > LINES)
		return -1;
	f->error_rows = f->rows + FORM_ERROR_MAX - 1 <= LINES ? FORM_ERROR_MAX : 1;
	f->rows += f->error_rows - 1;
	for (i = 0; i < f->n; i++) {
		w = (int)text_width(form_label(f, i)) + 1;
		if (w > widest)
			widest = w;
	}
	/* Labels take what they need while the editor keeps at least half. */
	f->label_cols = widest < usable / 2 ? widest : usable / 2;
	f->edit_cols = usable - f->label_cols - 3;
	if (f->edit_cols < FORM_MIN_EDIT) {
		f->edit_cols = FORM_MIN_EDIT;
		f->label_cols = usable - FORM_MIN_EDIT - 3;
		if (f->label_cols < 4)
			return -1;
	}
	f->win = newwin(f->rows, f->cols, (LINES - f->rows) / 2,
	    (COLS - f->cols) / 2);
	if (f->win == NULL)
		return -1;
	keypad(f->win, TRUE);
	return 0;
}

/* Draws field i; the cursor's place in *cy, *cx when it is the current. */
static void
form_draw_field(struct form *f, size_t i, int *cy, int *cx)
{
	struct line *l = &f->lines[i];
	int y = 3 + (f->ncontext ? (int)f->ncontext + 1 : 0) + (int)i;
	int x = 2 + f->label_cols + 2;
	int cur = i == f->current;
	size_t col, start, end;
	char *s;

	if ((s = form_label_colon(f, i)) != NULL) {
		form_put(f->win, y, 2, s, f->label_cols, cur ? A_BOLD : A_NORMAL);
		free(s);
	}
	start = line_view(l, (size_t)f->edit_cols, &col);
	end = line_span(l, start, (size_t)f->edit_cols);
	mvwaddstr(f->win, y, x - 1, start > 0 ? "<" : " ");
	if ((s = form_slice(line_text(l), start, end)) != NULL) {
		form_put(f->win, y, x, s, f->edit_cols,
		    cur ? A_REVERSE : A_NORMAL);
		free(s);
	}
	mvwaddstr(f->win, y, x + f->edit_cols, end < l->len ? ">" : " ");
	if (cur) {
		*cy = y;
		*cx = x + (int)col;
	}
}

/* The hint line: the candidates of the field being typed in, or the keys. */
static void
form_draw_hint(struct form *f, int usable)
{
	char hint[1200];
	size_t len;

	if (f->nchoices == 0) {
		form_put(f->win, f->rows - 2, 2, f->n > 0 &&
		    f->fields[f->current].complete != FORM_COMPLETE_NONE ?
		    _(form_hint_complete) : _(form_hint), usable, A_NORMAL);
		return;
	}
	len = (size_t)snprintf(hint, sizeof(hint), "Tab:");
	for (size_t i = 0; i < f->nchoices && len < sizeof(hint); i++)
		len += (size_t)snprintf(hint + len, sizeof(hint) - len, "%s %s %s",
		    i ? " ·" : "", f->choices[i].key, f->choices[i].name);
	form_put(f->win, f->rows - 2, 2, hint, usable, A_NORMAL);
}

static void
form_draw(struct form *f)
{
	int usable = f->cols - 4, cy = f->rows - 2, cx = 2;
	size_t i, nerr = 0;
	char **err = NULL;

	werase(f->win);
	box(f->win, 0, 0);
	form_put(f->win, 1, 2, f->title, usable, A_BOLD);
	for (i = 0; i < f->ncontext; i++)
		form_put(f->win, 2 + (int)i, 2, f->context[i], usable, A_NORMAL);
	for (i = 0; i < f->n; i++)
		form_draw_field(f, i, &cy, &cx);
	/* A refusal is read whole: wrapped onto the rows kept for it. */
	if (f->error[0] != '\0' && (err = text_wrap(f->error, (size_t)usable, &nerr)) != NULL) {
		int first = f->rows - 2 - f->error_rows;

		for (i = 0; i < nerr && (int)i < f->error_rows; i++)
			form_put(f->win, first + (int)i, 2, err[i], usable, A_BOLD);
		text_wrap_free(err, nerr);
	}
	form_draw_hint(f, usable);
	wmove(f->win, cy, cx);
	wrefresh(f->win);
}

/* The candidates of what the current field holds (none for a field that
 * does not complete, or holds nothing). */
static void
form_choices(struct form *f)
{
	struct form_field *fl = &f->fields[f->current];
	const char *typed = f->n > 0 ? line_text(&f->lines[f->current]) : "";

	f->nchoices = 0;
	if (f->n == 0 || fl->complete == FORM_COMPLETE_NONE || f->spec->complete == NULL ||
	    typed[0] == '\0')
		return;
	f->nchoices = f->spec->complete(f->spec->complete_arg, fl->complete, typed,
	    f->choices, FORM_CHOICES);
	if (f->nchoices > FORM_CHOICES)
		f->nchoices = FORM_CHOICES;
}

/* Tab in a field that completes: the next candidate of what was typed
 * before the first Tab; 0 when there is nothing to complete (Tab moves). */
static int
form_complete(struct form *f)
{
	struct line *l = &f->lines[f->current];

	if (!f->cycling) {
		/* A code or login typed whole needs no completing: Tab
		 * moves on, as in any field. */
		for (size_t i = 0; i < f->nchoices; i++)
			if (strcasecmp(f->choices[i].key, line_text(l)) == 0)
				return 0;
		if (f->nchoices == 0)
			return 0;
		f->cycling = 1;
		f->choice_at = 0;
	} else {
		f->choice_at = (f->choice_at + 1) % f->nchoices;
	}
	line_clear(l);
	for (const char *p = f->choices[f->choice_at].key; *p != '\0'; p++)
		line_insert_codepoint(l, (unsigned char)*p);
	return 1;
}

static long
form_ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long)(b->tv_sec - a->tv_sec) * 1000 +
	    (b->tv_nsec - a->tv_nsec) / 1000000;
}

/*
 * Reads one key into *wch, waiting up to FORM_POLL_MS at a time when
 * `wait` (for as long as it takes, looking at *hangup in between), not at
 * all otherwise.  A timeout is an ERR that took its time; a terminal that
 * is gone answers ERR at once, again and again, or with EIO.
 */
static enum form_key
form_key(struct form *f, volatile sig_atomic_t *hangup, int wait, wint_t *wch)
{
	struct timespec t0, t1;
	int r, quick = 0;

	wtimeout(f->win, wait ? FORM_POLL_MS : 0);
	for (;;) {
		if (*hangup)
			return FORM_KEY_GONE;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		errno = 0;
		r = wget_wch(f->win, wch);
		if (r == OK)
			return FORM_KEY_CHAR;
		if (r == KEY_CODE_YES)
			return FORM_KEY_FUNC;
		if (*hangup || errno == EIO)
			return FORM_KEY_GONE;
		if (!wait)
			return FORM_KEY_NONE;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (form_ms_between(&t0, &t1) >= FORM_POLL_MS / 2)
			quick = 0;
		else if (++quick >= FORM_DEAD_ERRS)
			return FORM_KEY_GONE;
	}
}

static void
form_move(struct form *f, int forward)
{
	if (f->n > 0)
		f->current = (f->current + (forward ? 1 : f->n - 1)) % f->n;
}

/* Whether s is empty or spaces only. */
static int
form_blank(const char *s)
{
	while (*s == ' ')
		s++;
	return *s == '\0';
}

/* Enter: the next field, or submitting on the last. */
static int
form_enter(struct form *f)
{
	size_t i;

	if (f->current + 1 < f->n) {
		f->current++;
		return FORM_CONTINUE;
	}
	for (i = 0; i < f->n; i++)
		if (f->fields[i].required && form_blank(line_text(&f->lines[i]))) {
			snprintf(f->error, sizeof(f->error), _("%s is required: "
			    "type it, or press Esc to cancel"), form_label(f, i));
			f->current = i;
			return FORM_CONTINUE;
		}
	for (i = 0; i < f->n; i++)
		if ((f->fields[i].value = strdup(line_text(&f->lines[i]))) == NULL) {
			form_fields_free(f->fields, f->n);
			snprintf(f->error, sizeof(f->error), _("out of memory; "
			    "press Enter to try again, or Esc to cancel"));
			return FORM_CONTINUE;
		}
	return FORM_OK;
}

/* Types character c into the current field. */
static void
form_type(struct form *f, wint_t c)
{
	struct line *l = &f->lines[f->current];

	if (f->full)
		return;
	switch (line_insert_codepoint(l, (uint32_t)c)) {
	case LINE_FULL:
		f->full = 1;
		snprintf(f->error, sizeof(f->error), _("%s is too long: nothing "
		    "more fits; shorten it"), form_label(f, f->current));
		break;
	case LINE_NOMEM:
		snprintf(f->error, sizeof(f->error), _("out of memory; "
		    "press Esc to cancel"));
		break;
	default:
		/* Controls are refused without a word: a stray Ctrl key
		 * should not shout. */
		break;
	}
}

/* Handles one key; a form_result, or FORM_CONTINUE. */
static int
form_handle(struct form *f, enum form_key k, wint_t wch)
{
	struct line *l = f->n > 0 ? &f->lines[f->current] : NULL;
	int typing = k == FORM_KEY_CHAR && wch >= 0x20 && wch != 0x7F;

	/* A message stays until the next key; "too long" stays while the
	 * rest of a paste arrives, which is ignored until another key. */
	if (!typing)
		f->full = 0;
	if (!f->full)
		f->error[0] = '\0';
	if (!(k == FORM_KEY_CHAR && wch == '\t'))
		f->cycling = 0;
	if (k == FORM_KEY_FUNC) {
		switch (wch) {
		case KEY_RESIZE:
			return FORM_RESIZE;
		case KEY_EXIT:
			return FORM_CANCEL;
		case KEY_ENTER:
			return form_enter(f);
		case KEY_BTAB:
		case KEY_UP:
			form_move(f, 0);
			return FORM_CONTINUE;
		case KEY_DOWN:
			form_move(f, 1);
			return FORM_CONTINUE;
		}
		if (l == NULL)
			return FORM_CONTINUE;
		switch (wch) {
		case KEY_BACKSPACE: line_backspace(l); break;
		case KEY_DC: line_delete(l); break;
		case KEY_LEFT: line_left(l); break;
		case KEY_RIGHT: line_right(l); break;
		case KEY_HOME: line_home(l); break;
		case KEY_END: line_end(l); break;
		default: break;
		}
		return FORM_CONTINUE;
	}
	switch (wch) {
	case FORM_ESC:
		return FORM_CANCEL;
	case '\n':
	case '\r':
		return form_enter(f);
	case '\t':
		if (!form_complete(f))
			form_move(f, 1);
		return FORM_CONTINUE;
	}
	if (l == NULL)
		return FORM_CONTINUE;
	if (wch == 0x7F || wch == FORM_CTRL('h'))
		line_backspace(l);
	else if (wch == FORM_CTRL('u'))
		line_clear(l);
	else
		form_type(f, wch);
	return FORM_CONTINUE;
}

/* When the form cannot fit: says so until Esc or a resize. */
static enum form_result
form_too_small(struct form *f, volatile sig_atomic_t *hangup)
{
	wint_t wch;

	if ((f->win = newwin(0, 0, 0, 0)) == NULL)
		return FORM_CANCEL;
	keypad(f->win, TRUE);
	werase(f->win);
	form_put(f->win, 0, 0, _("The terminal is too small for this form."),
	    COLS, A_BOLD);
	if (LINES > 1)
		form_put(f->win, 1, 0, _("Enlarge it, or press Esc to cancel."),
		    COLS, A_NORMAL);
	wrefresh(f->win);
	for (;;) {
		switch (form_key(f, hangup, 1, &wch)) {
		case FORM_KEY_GONE:
			return FORM_HANGUP;
		case FORM_KEY_FUNC:
			if (wch == KEY_RESIZE)
				return FORM_RESIZE;
			if (wch == KEY_EXIT)
				return FORM_CANCEL;
			break;
		case FORM_KEY_CHAR:
			if (wch == FORM_ESC)
				return FORM_CANCEL;
			break;
		default:
			break;
		}
	}
}

/* Opens the editors, and says on the error line when a stored value could
 * not be taken as it is. */
static int
form_open_lines(struct form *f)
{
	const struct form_field *fl;
	size_t i;
	int r;

	if ((f->lines = calloc(f->n > 0 ? f->n : 1, sizeof(*f->lines))) == NULL)
		return -1;
	for (i = 0; i < f->n; i++) {
		fl = &f->fields[i];
		r = line_init(&f->lines[i], fl->initial,
		    fl->max_bytes > 0 ? fl->max_bytes : FORM_MAX_BYTES);
		if (r == 0 || f->error[0] != '\0')
			continue;
		if (r == 1)
			snprintf(f->error, sizeof(f->error), _("%s: control "
			    "characters removed or text cut to fit; check it"),
			    form_label(f, i));
		else
			snprintf(f->error, sizeof(f->error), _("%s: out of "
			    "memory reading the current text; press Esc to "
			    "cancel"), form_label(f, i));
	}
	return 0;
}

enum form_result
form_run(const struct form_spec *spec, struct form_field *fields, size_t n,
    volatile sig_atomic_t *hangup)
{
	struct form f;
	enum form_key k;
	wint_t wch = 0;
	int r, cursor = ERR;
	size_t i;

	for (i = 0; i < n; i++)
		fields[i].value = NULL;
	if (*hangup)
		return FORM_HANGUP;
	memset(&f, 0, sizeof(f));
	f.spec = spec;
	f.title = spec->title != NULL ? spec->title : "";
	f.fields = fields;
	f.n = n;
	f.current = spec->current < n ? spec->current : 0;
	if (form_open_lines(&f) == -1)
		return FORM_CANCEL;
	if (spec->error != NULL && f.error[0] == '\0')
		snprintf(f.error, sizeof(f.error), "%s", spec->error);
	/* The editors start at the end of what a form shown again holds. */
	form_choices(&f);
	if (form_layout(&f) == -1)
		r = form_too_small(&f, hangup);
	else {
		cursor = curs_set(1);
		for (;;) {
			/* Keys already waiting (a paste) are taken before
			 * drawing again, so a paste is not drawn key by key. */
			k = form_key(&f, hangup, 0, &wch);
			if (k == FORM_KEY_NONE) {
				form_draw(&f);
				k = form_key(&f, hangup, 1, &wch);
			}
			if (k == FORM_KEY_GONE) {
				r = FORM_HANGUP;
				break;
			}
			if ((r = form_handle(&f, k, wch)) != FORM_CONTINUE)
				break;
			if (!f.cycling)
				form_choices(&f);
		}
	}
	for (i = 0; i < n; i++)
		line_free(&f.lines[i]);
	free(f.lines);
	text_wrap_free(f.context, f.ncontext);
	if (f.win != NULL)
		delwin(f.win);
	/* After a hang-up the terminal is gone: write nothing more to it. */
	if (r != FORM_HANGUP) {
		if (cursor != ERR)
			curs_set(cursor);
		touchwin(stdscr);
	}
	return (enum form_result)r;
}

void
form_fields_free(struct form_field *fields, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(fields[i].value);
		fields[i].value = NULL;
	}
}
