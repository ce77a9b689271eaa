/* tui: the loop that owns the screen, the status line, and the forms of
 * the actions (tui.h, view.h). */
#include "roviec/tui.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "roviec/actor.h"
#include "roviec/brief.h"
#include "roviec/duty.h"
#include "roviec/form.h"
#include "roviec/i18n.h"
#include "roviec/lookup.h"
#include "roviec/sheet.h"
#include "roviec/store.h"
#include "roviec/text.h"
#include "roviec/view.h"

/* Below this the board cannot be drawn usefully. */
#define MIN_COLS 68
#define MIN_LINES 15
/* How long to wait for a key before looking for others' changes. */
#define POLL_MS 250
/* How often the board is read again for the clock alone, in seconds. */
#define CLOCK_RELOAD_S 60

enum { PAIR_OVERDUE = 1, PAIR_FLAGGED, PAIR_TITLE, PAIR_ERROR };

static volatile sig_atomic_t hung_up, stop_asked;

/* Signal handlers set a flag and return (STYLE.md 5).  A hang-up means the
 * terminal is gone; SIGTERM and SIGINT ask to stop with the terminal still
 * there, so the board restores it on the way out. */
static void
on_hangup(int sig)
{
	(void)sig;
	hung_up = 1;
}

static void
on_stop(int sig)
{
	(void)sig;
	stop_asked = 1;
}

int
tui_possible(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

void
tui_status(struct tui *t, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->status, sizeof(t->status), fmt, ap);
	va_end(ap);
	t->status_is_error = error;
}

int
tui_row_attr(const struct tui *t, unsigned flags, int selected)
{
	int attr = selected ? A_REVERSE : A_NORMAL;

	if (flags & FLAG_OVERDUE)
		attr |= t->colour ? COLOR_PAIR(PAIR_OVERDUE) | A_BOLD : A_BOLD;
	else if (flags != 0 && flags != FLAG_DUE_SOON)
		attr |= t->colour ? COLOR_PAIR(PAIR_FLAGGED) : A_UNDERLINE;
	return attr;
}

const char *
tui_flag_marks(unsigned flags, char buf[16])
{
	static const char letters[FLAG_COUNT] = { 'b', 't', 'e', 'u', 's', 'O', 'L', 'd' };
	int n = 0;

	for (int i = 0; i < FLAG_COUNT; i++)
		if (flags & (1u << i))
			buf[n++] = letters[i];
	buf[n] = '\0';
	return buf;
}

struct view *
view_new(const struct view_ops *ops, void *data)
{
	struct view *v = data != NULL ? calloc(1, sizeof(*v)) : NULL;

	if (v == NULL) {
		free(data);
		return NULL;
	}
	v->ops = ops;
	v->data = data;
	return v;
}

/* The view on top is read as of the session's clock: the loop re-reads it
 * when that day is over or a minute has passed. */
static void
read_now(struct tui *t)
{
	t->day = session_today(t->s);
	t->loaded_at = t->s->now;
}

int
tui_push(struct tui *t, struct view *v)
{
	if (v == NULL || t->depth == TUI_MAX_VIEWS) {
		if (v != NULL)
			v->ops->done(v);
		tui_status(t, 1, _("cannot open another view"));
		return -1;
	}
	if (v->ops->load(t, v) != 0) {
		v->ops->done(v);
		return -1;
	}
	t->views[t->depth++] = v;
	/* Not again at the loop's first poll. */
	read_now(t);
	return 0;
}

static void
pop(struct tui *t)
{
	if (t->depth > 0) {
		struct view *v = t->views[--t->depth];

		v->ops->done(v);
	}
}

/* --- drawing ----------------------------------------------------------- */

void
tui_put(int y, int x, const char *text, int width)
{
	char *fit = text_fit(text, width > 0 ? (size_t)width : 0, 0);

	mvaddstr(y, x, fit != NULL ? fit : "");
	free(fit);
}

static void
draw_line(int y, const char *text, int attr)
{
	char *cell = text_fit(text, (size_t)COLS, 1);

	attron(attr);
	mvaddstr(y, 0, cell != NULL ? cell : "");
	attroff(attr);
	free(cell);
}

#define STATUS_LINES_MAX 3

/*
 * Breaks the status message into lines of at most width columns, at spaces,
 * so that a refusal is read whole (the rule and what to do).  Returns the
 * number of lines (1 to STATUS_LINES_MAX); the last is cut with "…" only
 * if even that is not enough.
 */
static int
wrap_status(const char *msg, int width, char lines[STATUS_LINES_MAX][1200])
{
	char *safe = text_sanitize(msg), *word, *save = NULL;
	int n = 0;

	lines[0][0] = '\0';
	if (safe == NULL)
		return 1;
	for (word = strtok_r(safe, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save)) {
		char candidate[1200];

		snprintf(candidate, sizeof(candidate), "%s%s%s", lines[n],
		    lines[n][0] ? " " : "", word);
		if (text_width(candidate) <= (size_t)width || lines[n][0] == '\0' ||
		    n == STATUS_LINES_MAX - 1) {
			memcpy(lines[n], candidate, sizeof(candidate));
			continue;
		}
		n++;
		snprintf(lines[n], sizeof(lines[n]), "%s", word);
	}
	free(safe);
	return n + 1;
}

/* Sizes the body to the screen less the title and the status lines;
 * returns how many status lines the message takes, wrapped into status. */
static int
layout(struct tui *t, char status[STATUS_LINES_MAX][1200])
{
	int n = t->status[0] != '\0' ? wrap_status(t->status, COLS, status) : 1;

	t->body_height = LINES - 1 - n;
	return n;
}

static void
draw_too_small(void)
{
	char line[128];

	erase();
	snprintf(line, sizeof(line), _("Terminal too small: %dx%d; roviec needs %dx%d."),
	    COLS, LINES, MIN_COLS, MIN_LINES);
	tui_put(LINES / 2, 0, line, COLS);
	tui_put(LINES / 2 + 1, 0, _("Enlarge the window, or press Q to quit."), COLS);
}

/* The title line: the unit, the acting login and the view, shortened to
 * fit (the unit's code alone, then without the program's name) so that
 * what the view says (a period, a filter) is never the part cut. */
static void
draw_title(struct tui *t, const struct view *v)
{
	char title[768];
	int attr = t->colour ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_REVERSE;

	snprintf(title, sizeof(title), _(" roviec  %s (%s)  as %s  %s"), t->unit.name,
	    t->unit.code, t->s->me.login, v->title);
	if (text_width(title) > (size_t)COLS)
		snprintf(title, sizeof(title), _(" roviec  %s  as %s  %s"), t->unit.code,
		    t->s->me.login, v->title);
	if (text_width(title) > (size_t)COLS)
		snprintf(title, sizeof(title), " %s  %s  %s", t->unit.code,
		    t->s->me.login, v->title);
	draw_line(0, title, attr);
}

/* Adds "key: what" to the key line when it fits in width; 0 when full. */
static int
footer_add(char *line, size_t size, int width, const char *key, const char *what)
{
	char item[256];
	size_t len = strlen(line);

	snprintf(item, sizeof(item), "%s%s: %s", len ? "  " : "", key, what);
	if (text_width(line) + text_width(item) > (size_t)width || len + strlen(item) >= size)
		return 0;
	memcpy(line + len, item, strlen(item) + 1);
	return 1;
}

/* The key line: only what the acting person may do here, the rules of
 * action.h applied to the duty under the cursor (answers to what waits
 * first), then the views; how to leave always ends it. */
static void
draw_footer(struct tui *t, const struct view *v)
{
	char line[1024] = "", leave[64];
	const char *name = v->ops->name;
	int board = strcmp(name, "board") == 0, duty = strcmp(name, "duty") == 0;
	int units = strcmp(name, "units") == 0, width;
	size_t n;
	const struct action *a = action_table(&n);

	snprintf(leave, sizeof(leave), "  q: %s", board ? i18n_ctx(NC_("key", "quit")) : i18n_ctx(NC_("key", "back")));
	width = COLS - (int)text_width(leave);
	footer_add(line, sizeof(line), width, "?", i18n_ctx(NC_("key", "help")));
	for (int rank = 0; (board || duty) && t->here_ref[0] != '\0' && rank < 32; rank++)
		for (size_t i = 0; i < n; i++)
			if (a[i].rank == rank && action_may(&a[i], &t->here))
				footer_add(line, sizeof(line), width, a[i].key_name, i18n_ctx(a[i].label));
	if (board && t->may_create)
		footer_add(line, sizeof(line), width, "c", i18n_ctx(NC_("key", "new")));
	if (board || units)
		footer_add(line, sizeof(line), width, "Enter", board ? i18n_ctx(NC_("key", "open")) : i18n_ctx(NC_("key", "board")));
	if (board || units)
		footer_add(line, sizeof(line), width, "/", i18n_ctx(NC_("key", "find")));
	if (board)
		footer_add(line, sizeof(line), width, "o", i18n_ctx(NC_("key", "city")));
	snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s", line[0] ? leave : leave + 2);
	draw_line(LINES - 1, line, A_DIM);
}

static void
draw(struct tui *t)
{
	struct view *v = t->views[t->depth - 1];
	char status[STATUS_LINES_MAX][1200];
	int nstatus;

	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		draw_too_small();
		refresh();
		return;
	}
	erase();
	draw_title(t, v);
	nstatus = layout(t, status);
	v->ops->draw(t, v, 1, t->body_height, COLS);
	if (t->status[0] != '\0')
		for (int i = 0; i < nstatus; i++)
			draw_line(LINES - nstatus + i, status[i], t->status_is_error ?
			    (t->colour ? COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD | A_REVERSE) :
			    A_NORMAL);
	else
		draw_footer(t, v);
	refresh();
}

/* --- actions ----------------------------------------------------------- */

#define TEXT_BYTES (4 * DUTY_TEXT_MAX)
#define CHOICES_MAX 8

void
tui_here(struct tui *t, const char *ref)
{
	struct rv_err err;

	if (ref == NULL || ref[0] == '\0' ||
	    action_facts_read(t->s, ref, &t->here, &err) != RV_OK) {
		t->here_ref[0] = '\0';
		memset(&t->here, 0, sizeof(t->here));
		return;
	}
	snprintf(t->here_ref, sizeof(t->here_ref), "%s", ref);
}

/* The candidates of a unit or login field (form.h), through lookup.h, so
 * that what completes is what the core takes. */
struct choices {
	struct form_choice *out;
	size_t n, max;
};

static int
add_choice(const struct lookup_match *m, void *arg)
{
	struct choices *c = arg;

	snprintf(c->out[c->n].key, sizeof(c->out[c->n].key), "%s", m->key);
	snprintf(c->out[c->n].name, sizeof(c->out[c->n].name), "%s", m->name != NULL ? m->name : "");
	return ++c->n >= c->max;
}

static size_t
complete(void *arg, enum form_complete kind, const char *typed,
    struct form_choice *out, size_t max)
{
	struct tui *t = arg;
	struct choices c = { out, 0, max };
	struct rv_err err;

	if (kind == FORM_COMPLETE_UNIT)
		lookup_units_matching(t->s, typed, add_choice, &c, &err);
	else
		lookup_people_matching(t->s, typed, add_choice, &c, &err);
	return c.n;
}

/* Runs a form; 1 with the values filled, 0 when cancelled (or hung up). */
static int
ask(struct tui *t, const struct form_spec *spec, struct form_field *f, size_t n)
{
	enum form_result r = form_run(spec, f, n, t->hangup);

	if (r == FORM_OK)
		return 1;
	form_fields_free(f, n);
	if (r == FORM_CANCEL)
		tui_status(t, 0, _("cancelled; nothing was changed"));
	else if (r == FORM_RESIZE)
		tui_status(t, 0, _("the window changed size; nothing was changed"));
	return 0;
}

/* Keeps the values typed as the next run's initial ones (taken). */
static void
keep_typed(struct form_field *f, size_t n, char **kept)
{
	for (size_t i = 0; i < n; i++) {
		free(kept[i]);
		kept[i] = f[i].value;
		f[i].value = NULL;
		f[i].initial = kept[i];
	}
}

static enum form_complete
slot_completes(enum slot_kind kind)
{
	return kind == SLOT_UNIT ? FORM_COMPLETE_UNIT :
	    kind == SLOT_LOGIN ? FORM_COMPLETE_LOGIN : FORM_COMPLETE_NONE;
}

int
tui_action(struct tui *t, const struct action *a, const char *ref)
{
	struct form_field f[ACTION_SLOTS_MAX];
	char *kept[ACTION_SLOTS_MAX] = { NULL, NULL, NULL };
	const char *args[ACTION_SLOTS_MAX];
	struct form_spec spec;
	struct duty_sheet sheet;
	struct rv_err err;
	char title[300], said[1200], refused[sizeof(err.msg)];
	int have_sheet = 0, flags = VIEW_RELOAD;

	if (duty_may_act(t->s, &err) != RV_OK) {
		/* Said before a form is typed into, not after. */
		tui_status(t, 1, "%s", err.msg);
		return VIEW_REDRAW;
	}
	memset(f, 0, sizeof(f));
	memset(&spec, 0, sizeof(spec));
	for (int i = 0; i < a->nslots; i++) {
		f[i].label = _(a->slot[i].label);
		f[i].required = a->slot[i].required;
		f[i].max_bytes = TEXT_BYTES;
		f[i].complete = slot_completes(a->slot[i].kind);
	}
	snprintf(title, sizeof(title), "%s: %s", ref, _(a->title));
	spec.title = title;
	spec.complete = complete;
	spec.complete_arg = t;
	/* What is being decided: the date asked, the proposal, the result. */
	if (a->shows != SHOWS_NOTHING && sheet_read(t->s, ref, &sheet, &err) == RV_OK) {
		have_sheet = 1;
		spec.context = sheet.waits[a->shows == SHOWS_PROPOSAL ? SHEET_PROPOSAL :
		    a->shows == SHOWS_EXTENSION ? SHEET_EXTENSION : SHEET_RESULT];
	}
	for (;;) {
		int at;

		/* An action without fields (approve) is confirmed in an
		 * empty form. */
		if (!ask(t, &spec, f, (size_t)a->nslots))
			break;
		for (int i = 0; i < a->nslots; i++)
			args[i] = f[i].value;
		if (action_run(t->s, a, ref, args, said, sizeof(said), &err) == RV_OK) {
			t->acted++;
			tui_status(t, 0, "%s", said);
			form_fields_free(f, (size_t)a->nslots);
			break;
		}
		/* A value at fault: the form again, as typed, on that field. */
		if (err.code == RV_REFUSED && (at = action_slot_at_fault(a, &err)) >= 0) {
			keep_typed(f, (size_t)a->nslots, kept);
			snprintf(refused, sizeof(refused), "%s", err.msg);
			spec.error = refused;
			spec.current = (size_t)at;
			continue;
		}
		tui_status(t, 1, "%s", err.msg);
		form_fields_free(f, (size_t)a->nslots);
		break;
	}
	for (int i = 0; i < ACTION_SLOTS_MAX; i++)
		free(kept[i]);
	if (have_sheet)
		sheet_free(&sheet);
	return flags;
}

static const char *
empty_null(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

/* The new-duty form's fields, by the name the core gives a refusal. */
static const char *const new_fields[] = {
	"title", "lead", "owner", "due", "result", "basis", "support", "field",
	"every", "day"	/* issue #11: a series */
};
#define NEW_FIELDS (sizeof(new_fields) / sizeof(new_fields[0]))

/* Supporters typed as "CODE:part; CODE:part" into in (parts in buf);
 * 0, or -1 when there are too many. */
static int
new_supporters(char *buf, struct duty_new *in)
{
	char *next;

	for (char *p = buf; p != NULL && *p != '\0'; p = next) {
		char *colon;

		if ((next = strchr(p, ';')) != NULL)
			*next++ = '\0';
		while (*p == ' ')
			p++;
		if (*p == '\0')
			continue;
		if ((colon = strchr(p, ':')) != NULL) {
			*colon = '\0';
			in->support[in->nsupport].part = colon + 1;
		}
		for (char *end = p + strlen(p); end > p && end[-1] == ' '; )
			*--end = '\0';
		if (in->nsupport == DUTY_SUPPORT_MAX)
			return -1;
		in->support[in->nsupport++].unit = p;
	}
	return 0;
}

int
tui_new_duty(struct tui *t)
{
	struct form_field f[NEW_FIELDS] = {
		{ _("Title"), NULL, 1, 4 * DUTY_TITLE_MAX, NULL, FORM_COMPLETE_NONE },
		{ _("Lead unit"), t->unit.code, 1, 64 * 4, NULL, FORM_COMPLETE_UNIT },
		{ _("Owner (login)"), NULL, 1, 64 * 4, NULL, FORM_COMPLETE_LOGIN },
		/* Empty with a series: its rule's first deadline (the core
		 * names the deadline when neither is given). */
		{ _("Deadline"), NULL, 0, 64, NULL, FORM_COMPLETE_NONE },
		{ _("Expected result"), NULL, 1, TEXT_BYTES, NULL, FORM_COMPLETE_NONE },
		{ _("Basis"), NULL, 1, TEXT_BYTES, NULL, FORM_COMPLETE_NONE },
		{ _("Supporting (P2:part; ...)"), NULL, 0, TEXT_BYTES, NULL, FORM_COMPLETE_NONE },
		{ _("Field"), NULL, 0, 4 * DUTY_FIELD_MAX, NULL, FORM_COMPLETE_NONE },
		/* Empty: once; empty day: the period's last. */
		{ _("Every month/quarter/year"), NULL, 0, 64, NULL, FORM_COMPLETE_NONE },
		{ _("Deadline's day (1-31)"), NULL, 0, 64, NULL, FORM_COMPLETE_NONE },
	};
	char *kept[NEW_FIELDS] = { NULL }, refused[1024], ref[DUTY_REF_SIZE], *support;
	struct form_spec spec = { _("New duty: the six clears"), NULL, NULL, 0, complete, t };
	struct duty_new in;
	struct rv_err err;

	if (duty_may_act(t->s, &err) != RV_OK) {
		tui_status(t, 1, "%s", err.msg);
		return VIEW_REDRAW;
	}
	for (;;) {
		size_t at = NEW_FIELDS;

		if (!ask(t, &spec, f, NEW_FIELDS))
			break;
		memset(&in, 0, sizeof(in));
		in.title = f[0].value;
		in.lead = f[1].value;
		in.owner = f[2].value;
		in.due = empty_null(f[3].value);
		in.result = f[4].value;
		in.basis = f[5].value;
		in.field = empty_null(f[7].value);
		in.every = empty_null(f[8].value);
		in.day = empty_null(f[9].value);
		if ((support = strdup(f[6].value)) == NULL || new_supporters(support, &in) != 0) {
			err_set(&err, RV_REFUSED, _("at most %d supporting units"), DUTY_SUPPORT_MAX);
			err_field(&err, "support");
		} else if (duty_create(t->s, &in, ref, &err) == RV_OK) {
			t->acted++;
			tui_status(t, 0, _("%s created"), ref);
			free(support);
			form_fields_free(f, NEW_FIELDS);
			break;
		}
		free(support);
		for (size_t i = 0; i < NEW_FIELDS && err.field != NULL; i++)
			if (strcmp(new_fields[i], err.field) == 0)
				at = i;
		if (err.code != RV_REFUSED || at == NEW_FIELDS) {
			tui_status(t, 1, "%s", err.msg);
			form_fields_free(f, NEW_FIELDS);
			break;
		}
		/* A value at fault: the form again, as typed, on that field. */
		keep_typed(f, NEW_FIELDS, kept);
		snprintf(refused, sizeof(refused), "%s", err.msg);
		spec.error = refused;
		spec.current = at;
	}
	for (size_t i = 0; i < NEW_FIELDS; i++)
		free(kept[i]);
	return VIEW_RELOAD;
}

int
tui_ask_text(struct tui *t, const char *title, const char *label, char **folded,
    char **shown)
{
	struct form_field f[1] = { { label, NULL, 0, 4 * 300, NULL, FORM_COMPLETE_NONE } };
	struct form_spec spec = { title, NULL, NULL, 0, NULL, NULL };
	struct rv_err err;
	char *nfc = NULL;

	*folded = *shown = NULL;
	if (!ask(t, &spec, f, 1))
		return 0;
	if (f[0].value == NULL || f[0].value[0] == '\0') {
		form_fields_free(f, 1);
		return 1;
	}
	if (text_in_str(f[0].value, _("the search"), 300, &nfc, &err) != RV_OK) {
		tui_status(t, 1, "%s", err.msg);
		form_fields_free(f, 1);
		return 0;
	}
	form_fields_free(f, 1);
	if (nfc[0] == '\0') {
		free(nfc);
		return 1;
	}
	*folded = text_fold(nfc);
	*shown = nfc;
	return 1;
}

int
tui_show_unit(struct tui *t, const char *code)
{
	struct unit u;
	struct rv_err err;

	if (store_unit_by_code(t->s->st, code, &u, &err) != RV_OK) {
		tui_status(t, 1, "%s", err.msg);
		return -1;
	}
	model_unit_free(&t->unit);
	t->unit = u;
	board_search(t->views[0], NULL);
	board_reset_unit(t->views[0]);
	t->may_create = actor_heads_above(t->s->st, t->s->me.id, t->unit.id);
	tui_status(t, 0, _("the board of %s"), u.code);
	return 0;
}

/* --- the loop ---------------------------------------------------------- */

static int
handle(struct tui *t, enum request req)
{
	struct view *v = t->views[t->depth - 1];
	int flags = v->ops->request(t, v, req);

	if (flags != 0)
		return flags;
	switch (req) {
	case REQ_QUIT:
		return VIEW_QUIT;
	case REQ_HELP:
		tui_push(t, help_view_new(t));
		return VIEW_REDRAW;
	case REQ_REFRESH:
		clearok(curscr, TRUE);
		return VIEW_REDRAW;
	case REQ_UNITS:
		tui_push(t, units_view_new(t));
		return VIEW_REDRAW;
	case REQ_EVALUATION:
		tui_push(t, evaluation_view_new(t));
		return VIEW_REDRAW;
	default:
		if (keys_action(req) != NULL && t->here_ref[0] == '\0') {
			tui_status(t, 1, _("there is no duty here to act on"));
			return VIEW_REDRAW;
		}
		return 0;
	}
}

/* Re-reads the view on top, after sizing the body to the screen and the
 * status line (views below are re-read when they come back on top). */
static void
reload(struct tui *t)
{
	char status[STATUS_LINES_MAX][1200];
	struct view *v = t->views[t->depth - 1];

	layout(t, status);
	/* Read as of now: days left and flags are measured against today. */
	session_tick(t->s);
	read_now(t);
	v->ops->load(t, v);
}

/* One key, or ERR after POLL_MS.  A dead terminal makes get_wch return
 * ERR at once, over and over: that is a hang-up too. */
static int
next_key(struct tui *t, wint_t *key, int *quick_errors)
{
	struct timespec a, b;
	int r;

	clock_gettime(CLOCK_MONOTONIC, &a);
	errno = 0;
	r = get_wch(key);
	if (r != ERR) {
		*quick_errors = 0;
		return r;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	if (errno == EIO || ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 <
	    POLL_MS / 5 && ++*quick_errors > 10))
		*t->hangup = 1;
	return ERR;
}

static void
loop(struct tui *t)
{
	long long seen = 0, now;
	struct rv_err err;
	int quick_errors = 0, flags = VIEW_REDRAW;

	store_data_version(t->s->st, &seen, &err);
	while (!*t->hangup && !stop_asked && t->depth > 0) {
		wint_t key;
		int r;

		if (flags & VIEW_RELOAD)
			reload(t);
		if (flags & (VIEW_REDRAW | VIEW_RELOAD))
			draw(t);
		flags = 0;
		r = next_key(t, &key, &quick_errors);
		if (*t->hangup || stop_asked)
			break;
		if (r == ERR) {
			/* Someone else committed: show it, cursor kept. */
			if (store_data_version(t->s->st, &now, &err) == RV_OK && now != seen) {
				seen = now;
				flags = VIEW_RELOAD;
			}
			/* Today moves on by itself: at midnight at once, and
			 * at least every minute (the clock may be set). */
			session_tick(t->s);
			if (session_today(t->s) != t->day ||
			    t->s->now - t->loaded_at >= CLOCK_RELOAD_S ||
			    t->s->now < t->loaded_at)
				flags = VIEW_RELOAD;
			continue;
		}
		if (r == KEY_CODE_YES && key == KEY_RESIZE) {
			flags = VIEW_RELOAD;
			continue;
		}
		t->status[0] = '\0';
		if (COLS < MIN_COLS || LINES < MIN_LINES) {
			if (key == 'Q' || key == 'q')
				break;
			flags = VIEW_REDRAW;
			continue;
		}
		/* A function key, or a plain ASCII key: a Vietnamese letter such
		 * as ă has the code of KEY_UP but is no command. */
		flags = handle(t, r == KEY_CODE_YES || key < 0x80 ?
		    keys_request((int)key) : REQ_NONE) | VIEW_REDRAW;
		if (flags & VIEW_QUIT)
			break;
		if (flags & VIEW_CLOSE) {
			pop(t);
			flags |= VIEW_RELOAD;
		}
		/* Others' commits show even while keys keep coming. */
		if (store_data_version(t->s->st, &now, &err) == RV_OK && now != seen) {
			seen = now;
			flags |= VIEW_RELOAD;
		}
	}
}

/* --- the terminal ------------------------------------------------------ */

static enum rv_code
check_locale(struct rv_err *err)
{
	const char *codeset = nl_langinfo(CODESET);

	if (codeset != NULL && strcmp(codeset, "UTF-8") == 0)
		return RV_OK;
	/* The asked locale may be missing on the server: C.UTF-8 always is. */
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return RV_OK;
	return err_set(err, RV_REFUSED,
	    _("the board needs a UTF-8 locale and none is available; set LANG=C.UTF-8 (or vi_VN.UTF-8) and try again"));
}

static void
colours(struct tui *t, int wanted)
{
	const char *no = getenv("NO_COLOR");

	t->colour = wanted && has_colors() && (no == NULL || no[0] == '\0');
	if (!t->colour)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_OVERDUE, COLOR_RED, -1);
	init_pair(PAIR_FLAGGED, COLOR_YELLOW, -1);
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_ERROR, COLOR_WHITE, COLOR_RED);
}

/* The first unit at the top of the tree (the city). */
static int
first_root(const struct unit *u, void *arg)
{
	rowid_t *id = arg;

	if (u->parent_id == 0 && *id == 0)
		*id = u->id;
	return *id != 0;
}

static enum rv_code
root_unit(struct session *s, struct unit *out, struct rv_err *err)
{
	rowid_t id = 0;
	enum rv_code rc;

	if ((rc = store_unit_each(s->st, first_root, &id, err)) != RV_OK)
		return rc;
	if (id == 0)
		return err_set(err, RV_REFUSED,
		    _("there is no unit yet, so there is no board; roviec unit add makes one"));
	return store_unit_by_id(s->st, id, out, err);
}

/*
 * The board opens on what waits for the acting person (issue #11), counted
 * by brief_compute as roviec brief counts it; opening the board is
 * looking (what came before is not new any more).  A database this login
 * may only read still gets the counts, unrecorded.
 */
static void
brief_status(struct tui *t)
{
	struct brief b;
	struct rv_err err;
	char sum[512];

	if (brief_compute(t->s, &t->s->me, 0, BRIEF_LOOK, &b, &err) != RV_OK &&
	    brief_compute(t->s, &t->s->me, 0, BRIEF_PEEK, &b, &err) != RV_OK)
		return;
	if (b.total > 0)
		tui_status(t, 0, _("Waiting for you: %s"), brief_summary(&b, sum, sizeof(sum)));
	brief_free(&b);
}

enum rv_code
tui_run(struct session *s, int colour, struct rv_err *err)
{
	struct tui t;
	struct sigaction sa;
	SCREEN *scr;
	const char *term = getenv("TERM");
	enum rv_code rc;
	int overview;

	memset(&t, 0, sizeof(t));
	t.s = s;
	t.hangup = &hung_up;
	if ((rc = check_locale(err)) != RV_OK)
		return rc;
	/* Someone of no unit (an administrator, an inspector) reads the
	 * board of the city, from its overview. */
	session_tick(s);
	if (s->me.unit_id != 0)
		rc = store_unit_by_id(s->st, s->me.unit_id, &t.unit, err);
	else
		rc = root_unit(s, &t.unit, err);
	if (rc != RV_OK)
		return rc;
	overview = s->me.role == ROLE_INSPECTOR ||
	    (s->me.role == ROLE_ADMIN && !actor_heads(s->st, s->me.id, s->me.unit_id));
	t.may_create = actor_heads_above(s->st, s->me.id, t.unit.id);
	if (term == NULL || term[0] == '\0' ||
	    (scr = newterm(NULL, stdout, stdin)) == NULL) {
		model_unit_free(&t.unit);
		return err_set(err, RV_REFUSED,
		    _("the terminal type '%.40s' is unknown here; set TERM=xterm-256color (or vt100) and try again"),
		    term != NULL ? term : "");
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_hangup;
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	set_escdelay(25);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	timeout(POLL_MS);
	colours(&t, colour);
	t.body_height = LINES - 2;
	if (tui_push(&t, board_new(&t)) == 0) {
		brief_status(&t);
		/* Inspectors and administrators start at the city overview,
		 * from which they open any unit's board and any duty. */
		if (overview)
			tui_push(&t, units_view_new(&t));
		loop(&t);
	}
	while (t.depth > 0)
		pop(&t);
	/* After a hang-up the terminal is gone: write nothing more to it. */
	if (!hung_up)
		endwin();
	delscreen(scr);
	model_unit_free(&t.unit);
	return RV_OK;
}
