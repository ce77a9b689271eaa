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

#include "roviec/duty.h"
#include "roviec/form.h"
#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"
#include "roviec/view.h"

/* Below this the board cannot be drawn usefully. */
#define MIN_COLS 68
#define MIN_LINES 15
/* How long to wait for a key before looking for others' changes. */
#define POLL_MS 250

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

static void
draw(struct tui *t)
{
	struct view *v = t->views[t->depth - 1];
	char title[512], status[STATUS_LINES_MAX][1200];
	int nstatus;

	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		draw_too_small();
		refresh();
		return;
	}
	erase();
	snprintf(title, sizeof(title), _(" roviec  %s (%s)  as %s  %s"), t->unit.name,
	    t->unit.code, t->s->me.login, v->title);
	draw_line(0, title, t->colour ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_REVERSE);
	nstatus = layout(t, status);
	v->ops->draw(t, v, 1, t->body_height, COLS);
	if (t->status[0] != '\0')
		for (int i = 0; i < nstatus; i++)
			draw_line(LINES - nstatus + i, status[i], t->status_is_error ?
			    (t->colour ? COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD | A_REVERSE) :
			    A_NORMAL);
	else if (t->s->me.role == ROLE_INSPECTOR)
		/* An inspector reads every duty and changes none. */
		draw_line(LINES - 1, _("?: help  Enter: open  Tab: tabs  /: search  "
		    "o: city  q: quit"), A_DIM);
	else
		draw_line(LINES - 1, _("?: help  Enter: open  Tab: tabs  /: search  "
		    "t: transfer  p: progress  q: quit"), A_DIM);
	refresh();
}

/* --- actions ----------------------------------------------------------- */

#define TEXT_BYTES (4 * DUTY_TEXT_MAX)

struct action_form {
	enum request req;
	const char *title;
	const char *said;	/* on the status line when it is done */
	const char *labels[4];
	int required[4];
};

static const struct action_form action_forms[] = {
	{ REQ_ASSIGN, N_("Assign to another official of the unit"), N_("reassigned"), { N_("Login") }, { 1 } },
	{ REQ_TRANSFER, N_("Propose another lead unit"), N_("transfer proposed; you stay accountable until it is answered"), { N_("Unit code"), N_("Reason") }, { 1, 1 } },
	{ REQ_ESCALATE, N_("Propose the unit above as lead"), N_("escalation proposed; you stay accountable until it is answered"), { N_("Reason") }, { 1 } },
	{ REQ_RETURN, N_("Propose sending it back to the assigner"), N_("return proposed; you stay accountable until it is answered"), { N_("Reason") }, { 1 } },
	{ REQ_ACCEPT, N_("Accept the proposal"), N_("accepted: your unit leads it now"), { N_("New owner (login, empty: you)") }, { 0 } },
	{ REQ_REJECT, N_("Reject the proposal"), N_("proposal rejected"), { N_("Reason") }, { 1 } },
	{ REQ_PROGRESS, N_("Record progress"), N_("progress recorded"), { N_("Note") }, { 1 } },
	{ REQ_EXTEND, N_("Ask for a later deadline"), N_("extension asked; the assigner answers it"), { N_("New deadline"), N_("Reason") }, { 1, 1 } },
	{ REQ_APPROVE, N_("Approve the extension asked? Enter: yes, Esc: no"), N_("extension approved"), { NULL }, { 0 } },
	{ REQ_REFUSE, N_("Refuse the extension"), N_("extension refused"), { N_("Reason") }, { 1 } },
	{ REQ_DONE, N_("Submit as done"), N_("submitted as done; the assigner confirms it"), { N_("Result") }, { 1 } },
	{ REQ_DELIVER, N_("Deliver your unit's part"), N_("your unit's part recorded as delivered"), { N_("What was delivered") }, { 1 } },
};

static const struct action_form *
action_form(enum request req)
{
	for (size_t i = 0; i < sizeof(action_forms) / sizeof(action_forms[0]); i++)
		if (action_forms[i].req == req)
			return &action_forms[i];
	return NULL;
}

/* Runs a form; 1 with the values filled, 0 when cancelled (or hung up). */
static int
ask(struct tui *t, const char *title, struct form_field *f, size_t n)
{
	enum form_result r = form_run(title, f, n, t->hangup);

	if (r == FORM_OK)
		return 1;
	form_fields_free(f, n);
	if (r == FORM_CANCEL)
		tui_status(t, 0, _("cancelled; nothing was changed"));
	else if (r == FORM_RESIZE)
		tui_status(t, 0, _("the window changed size; nothing was changed"));
	return 0;
}

static const char *
empty_null(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

static enum rv_code
run_action(struct tui *t, enum request req, const char *ref, struct form_field *f,
    struct rv_err *err)
{
	struct session *s = t->s;

	switch (req) {
	case REQ_ASSIGN: return duty_assign(s, ref, f[0].value, err);
	case REQ_TRANSFER: return duty_transfer(s, ref, f[0].value, f[1].value, err);
	case REQ_ESCALATE: return duty_escalate(s, ref, f[0].value, err);
	case REQ_RETURN: return duty_return(s, ref, f[0].value, err);
	case REQ_ACCEPT: return duty_accept(s, ref, empty_null(f[0].value), err);
	case REQ_REJECT: return duty_reject(s, ref, f[0].value, err);
	case REQ_PROGRESS: return duty_progress(s, ref, f[0].value, err);
	case REQ_EXTEND: return duty_extend(s, ref, f[0].value, f[1].value, err);
	case REQ_APPROVE: return duty_approve(s, ref, err);
	case REQ_REFUSE: return duty_refuse(s, ref, f[0].value, err);
	case REQ_DELIVER: return duty_deliver(s, ref, f[0].value, err);
	default: return duty_done(s, ref, f[0].value, err);
	}
}

/* The new-duty form: all six clears, supporters as "CODE:part; CODE:part". */
static int
new_duty(struct tui *t)
{
	struct form_field f[8] = {
		{ _("Title"), NULL, 1, 4 * DUTY_TITLE_MAX, NULL },
		{ _("Lead unit"), t->unit.code, 1, 64, NULL },
		{ _("Owner (login)"), NULL, 1, 64, NULL },
		{ _("Deadline"), NULL, 1, 64, NULL },
		{ _("Expected result"), NULL, 1, TEXT_BYTES, NULL },
		{ _("Basis"), NULL, 1, TEXT_BYTES, NULL },
		{ _("Supporting (P2:part; ...)"), NULL, 0, TEXT_BYTES, NULL },
		{ _("Field"), NULL, 0, 4 * DUTY_FIELD_MAX, NULL },
	};
	struct duty_new in = { 0 };
	struct rv_err err;
	char ref[DUTY_REF_SIZE], *next;
	enum rv_code rc;

	if (!ask(t, _("New duty: the six clears"), f, 8))
		return VIEW_RELOAD;
	in.title = f[0].value;
	in.lead = f[1].value;
	in.owner = f[2].value;
	in.due = f[3].value;
	in.result = f[4].value;
	in.basis = f[5].value;
	in.field = empty_null(f[7].value);
	for (char *p = f[6].value; p != NULL && *p != '\0'; p = next) {
		char *colon;

		if ((next = strchr(p, ';')) != NULL)
			*next++ = '\0';
		while (*p == ' ')
			p++;
		if (*p == '\0')
			continue;
		if ((colon = strchr(p, ':')) != NULL) {
			*colon = '\0';
			in.support[in.nsupport].part = colon + 1;
		}
		for (char *end = p + strlen(p); end > p && end[-1] == ' '; )
			*--end = '\0';
		if (in.nsupport == DUTY_SUPPORT_MAX) {
			tui_status(t, 1, _("at most %d supporting units; nothing was saved"),
			    DUTY_SUPPORT_MAX);
			form_fields_free(f, 8);
			return VIEW_RELOAD;
		}
		in.support[in.nsupport++].unit = p;
	}
	rc = duty_create(t->s, &in, ref, &err);
	if (rc == RV_OK)
		tui_status(t, 0, _("%s created"), ref);
	else
		tui_status(t, 1, "%s", err.msg);
	form_fields_free(f, 8);
	return VIEW_RELOAD;
}

int
tui_action(struct tui *t, enum request req, const char *ref)
{
	const struct action_form *a = action_form(req);
	struct form_field f[4];
	struct rv_err err;
	size_t n = 0;
	char title[160];

	if ((req == REQ_NEW || a != NULL) && duty_may_act(t->s, &err) != RV_OK) {
		/* Said before a form is typed into, not after. */
		tui_status(t, 1, "%s", err.msg);
		return 0;
	}
	if (req == REQ_NEW)
		return new_duty(t);
	if (a == NULL)
		return 0;
	memset(f, 0, sizeof(f));
	for (; n < 4 && a->labels[n] != NULL; n++) {
		f[n].label = _(a->labels[n]);
		f[n].required = a->required[n];
		f[n].max_bytes = TEXT_BYTES;
	}
	snprintf(title, sizeof(title), "%s: %s", ref, _(a->title));
	/* An action without fields (approve) is confirmed in an empty form. */
	if (!ask(t, title, f, n))
		return VIEW_RELOAD;
	if (run_action(t, req, ref, f, &err) == RV_OK)
		tui_status(t, 0, "%s: %s", ref, _(a->said));
	else
		tui_status(t, 1, "%s", err.msg);
	form_fields_free(f, n);
	return VIEW_RELOAD;
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
	tui_status(t, 0, _("the board of %s"), u.code);
	return 0;
}

/* / on the board searches titles; on the overview, unit names. */
static int
search(struct tui *t, struct view *v)
{
	int on_units = strcmp(v->ops->name, "units") == 0;
	struct form_field f[1] = { { on_units ? _("Unit name holds") : _("Title holds"),
	    NULL, 0, 4 * 300, NULL } };
	struct rv_err err;
	char *nfc = NULL;

	if (strcmp(v->ops->name, "board") != 0 && !on_units)
		return 0;
	if (!ask(t, _("Search (case and diacritics ignored)"), f, 1))
		return VIEW_RELOAD;
	if (f[0].value == NULL || f[0].value[0] == '\0') {
		if (on_units)
			units_filter(v, NULL);
		else
			board_search(v, NULL);
		tui_status(t, 0, _("showing all"));
	} else if (text_in_str(f[0].value, _("the search"), 300, &nfc, &err) != RV_OK) {
		tui_status(t, 1, "%s", err.msg);
	} else {
		if (on_units)
			units_filter(v, text_fold(nfc));
		else
			board_search(v, text_fold(nfc));
		tui_status(t, 0, _("showing those that hold \"%s\" (/ then Enter: all)"), nfc);
	}
	free(nfc);
	form_fields_free(f, 1);
	return VIEW_RELOAD;
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
	case REQ_SEARCH:
		return search(t, v);
	case REQ_UNITS:
		tui_push(t, units_view_new(t));
		return VIEW_REDRAW;
	case REQ_EVALUATION:
		tui_push(t, sheet_view_new(t));
		return VIEW_REDRAW;
	case REQ_NEW:
		return tui_action(t, req, NULL);
	default:
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

enum rv_code
tui_run(struct session *s, int colour, struct rv_err *err)
{
	struct tui t;
	struct sigaction sa;
	SCREEN *scr;
	const char *term = getenv("TERM");
	enum rv_code rc;

	memset(&t, 0, sizeof(t));
	t.s = s;
	t.hangup = &hung_up;
	if ((rc = check_locale(err)) != RV_OK)
		return rc;
	if (s->me.unit_id == 0)
		return err_set(err, RV_REFUSED,
		    _("you belong to no unit, so you have no board; roviec list shows every duty"));
	if ((rc = store_unit_by_id(s->st, s->me.unit_id, &t.unit, err)) != RV_OK)
		return rc;
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
	if (tui_push(&t, board_new(&t)) == 0)
		loop(&t);
	while (t.depth > 0)
		pop(&t);
	/* After a hang-up the terminal is gone: write nothing more to it. */
	if (!hung_up)
		endwin();
	delscreen(scr);
	model_unit_free(&t.unit);
	return RV_OK;
}
