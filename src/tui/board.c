/* board: the unit's board, in tabs, read a screenful at a time (view.h). */
#include "roviec/view.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/dates.h"
#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"

struct board_row {
	rowid_t id;
	char *key;		/* the sort key, for the next page */
	char *ref, *title, *owner, *lead, *deadline, *status;
	unsigned flags;
};

struct board {
	enum page_tab tab;
	enum page_sort sort;
	unsigned flag;		/* show only duties with this flag; 0: all */
	char *search;		/* folded; NULL: all */
	struct board_row *rows;	/* the window: at most cap rows */
	int n, cap, cursor;
};

/* TRANSLATORS: the five tabs share one 80-column line with their brackets. */
static const char *const tab_names[PAGE__TABS] = {
	N_("1 Leads"), N_("2 Supports"), N_("3 Proposals"), N_("4 Flagged"), N_("5 Mine")
};
static const char *const sort_names[SORT__COUNT] = {
	N_("deadline"), N_("reference"), N_("owner")
};

static void
row_free(struct board_row *r)
{
	free(r->key);
	free(r->ref);
	free(r->title);
	free(r->owner);
	free(r->lead);
	free(r->deadline);
	free(r->status);
	memset(r, 0, sizeof(*r));
}

static char *
dup(const char *s)
{
	return strdup(s != NULL ? s : "");
}

/* Rows read by one page query, in the order they came. */
struct fetch {
	struct board_row *rows;
	int n, cap;
};

static int
fetch_row(const struct duty_row *row, const char *key, rowid_t id, void *arg)
{
	struct fetch *f = arg;
	struct board_row *r;

	if (f->n == f->cap)
		return 1;
	r = &f->rows[f->n++];
	r->id = id;
	r->key = dup(key);
	r->ref = dup(row->ref);
	r->title = dup(row->title);
	r->owner = dup(row->owner_login);
	r->lead = dup(row->lead_code);
	r->deadline = dup(row->deadline);
	r->status = dup(row->status);
	r->flags = row->flags;
	return 0;
}

/* Reads up to want rows after (or before) the given row; NULL: from the
 * start (or, backward, from the end). */
static int
fetch(struct tui *t, struct board *b, const struct board_row *from, int backward,
    int want, struct fetch *f)
{
	struct rv_err err;
	struct page_query q = {
		.tab = b->tab, .unit_id = t->unit.id, .person_id = t->s->me.id,
		.sort = b->sort, .after_key = from ? from->key : NULL,
		.after_id = from ? from->id : 0, .backward = backward,
		.flag = b->flag, .search = b->search, .limit = want,
	};

	f->n = 0;
	f->cap = want;
	if ((f->rows = calloc((size_t)(want > 0 ? want : 1), sizeof(*f->rows))) == NULL)
		return -1;
	if (store_duty_page(t->s->st, &q, fetch_row, f, &err) != RV_OK) {
		tui_status(t, 1, "%s", err.msg);
		for (int i = 0; i < f->n; i++)
			row_free(&f->rows[i]);
		free(f->rows);
		f->rows = NULL;
		f->n = 0;
		return -1;
	}
	return 0;
}

static void
window_clear(struct board *b)
{
	for (int i = 0; i < b->n; i++)
		row_free(&b->rows[i]);
	b->n = 0;
}

/* Makes the window hold rows (taking them), at most cap, the last ones
 * when keep_last, else the first ones. */
static void
window_set(struct board *b, struct board_row *rows, int n, int keep_last)
{
	int skip = n > b->cap && keep_last ? n - b->cap : 0;

	window_clear(b);
	for (int i = 0; i < n; i++) {
		if (i >= skip && b->n < b->cap)
			b->rows[b->n++] = rows[i];
		else
			row_free(&rows[i]);
	}
}

static int
board_cap(struct tui *t)
{
	return t->body_height > 3 ? t->body_height - 2 : 1;
}

/* Sizes the window to the screen (a resize may change it). */
static int
board_fit(struct tui *t, struct board *b)
{
	int cap = board_cap(t);
	struct board_row *rows;

	if (cap == b->cap)
		return 0;
	window_clear(b);
	if ((rows = realloc(b->rows, (size_t)cap * sizeof(*rows))) == NULL)
		return -1;
	b->rows = rows;
	b->cap = cap;
	return 0;
}

/* Reads the window again from its first row (or from the start), keeping
 * the cursor on the same duty when it is still there. */
static int
board_load(struct tui *t, struct view *v)
{
	struct board *b = v->data;
	struct board_row at = { 0 };
	struct fetch before = { 0 }, from = { 0 };
	int had = b->n > 0, above = b->cursor, rc = -1;
	struct board_row *rows;

	/*
	 * Read the window again around the duty under the cursor, keeping it
	 * on the same line: the rows above it (backward from it), then it and
	 * those after (forward from just before it).  If it is gone, the cursor
	 * lands on the duty that followed it.
	 */
	if (had) {
		at.key = strdup(b->rows[b->cursor].key);
		at.id = b->rows[b->cursor].id;
	}
	if (board_fit(t, b) != 0)
		goto out;
	if (above > b->cap - 1)
		above = b->cap - 1;
	if (had && above > 0 && fetch(t, b, &at, 1, above, &before) != 0)
		goto out;
	at.id -= 1;
	if (fetch(t, b, had ? &at : NULL, 0, b->cap - before.n, &from) != 0)
		goto out;
	if ((rows = calloc((size_t)(before.n + from.n + 1), sizeof(*rows))) == NULL)
		goto out;
	for (int i = 0; i < before.n; i++)
		rows[i] = before.rows[before.n - 1 - i];
	memcpy(rows + before.n, from.rows, (size_t)from.n * sizeof(*rows));
	window_set(b, rows, before.n + from.n, 0);
	free(rows);
	/* The cursor's duty (or the one after it) comes right after those
	 * above; at the very end of the list, the last row. */
	b->cursor = before.n < b->n ? before.n : (b->n > 0 ? b->n - 1 : 0);
	rc = 0;
out:
	free(at.key);
	free(before.rows);
	free(from.rows);
	snprintf(v->title, sizeof(v->title), "%s", _(tab_names[b->tab]));
	return rc;
}

static void
board_reset(struct board *b)
{
	window_clear(b);
	b->cursor = 0;
}

/* Moves the window by count rows forward (or back) across the database. */
static int
board_scroll(struct tui *t, struct board *b, int forward, int count)
{
	struct fetch f;
	struct board_row *merged;
	int total;

	if (b->n == 0)
		return 0;
	if (fetch(t, b, forward ? &b->rows[b->n - 1] : &b->rows[0], !forward, count, &f) != 0)
		return -1;
	if (f.n == 0) {
		free(f.rows);
		return 0;
	}
	total = b->n + f.n;
	if ((merged = calloc((size_t)total, sizeof(*merged))) == NULL) {
		free(f.rows);
		return -1;
	}
	if (forward) {
		memcpy(merged, b->rows, (size_t)b->n * sizeof(*merged));
		memcpy(merged + b->n, f.rows, (size_t)f.n * sizeof(*merged));
	} else {
		/* A backward page comes nearest first. */
		for (int i = 0; i < f.n; i++)
			merged[i] = f.rows[f.n - 1 - i];
		memcpy(merged + f.n, b->rows, (size_t)b->n * sizeof(*merged));
	}
	b->n = 0;
	window_set(b, merged, total, forward);
	free(merged);
	free(f.rows);
	return f.n;
}

static int
board_request(struct tui *t, struct view *v, enum request req)
{
	struct board *b = v->data;
	struct fetch f;
	int moved;

	switch (req) {
	case REQ_DOWN:
		if (b->cursor + 1 < b->n)
			b->cursor++;
		else if (board_scroll(t, b, 1, 1) > 0)
			b->cursor = b->n - 1;
		return VIEW_REDRAW;
	case REQ_UP:
		if (b->cursor > 0)
			b->cursor--;
		else
			board_scroll(t, b, 0, 1);
		return VIEW_REDRAW;
	case REQ_PAGE_DOWN:
		if ((moved = board_scroll(t, b, 1, b->cap)) == 0)
			b->cursor = b->n > 0 ? b->n - 1 : 0;
		return VIEW_REDRAW;
	case REQ_PAGE_UP:
		if ((moved = board_scroll(t, b, 0, b->cap)) == 0)
			b->cursor = 0;
		return VIEW_REDRAW;
	case REQ_FIRST:
		board_reset(b);
		return VIEW_RELOAD;
	case REQ_LAST:
		if (fetch(t, b, NULL, 1, b->cap, &f) != 0)
			return VIEW_REDRAW;
		for (int i = 0; i < f.n / 2; i++) {
			struct board_row tmp = f.rows[i];

			f.rows[i] = f.rows[f.n - 1 - i];
			f.rows[f.n - 1 - i] = tmp;
		}
		window_set(b, f.rows, f.n, 1);
		free(f.rows);
		b->cursor = b->n > 0 ? b->n - 1 : 0;
		return VIEW_REDRAW;
	case REQ_TAB_NEXT:
	case REQ_TAB_PREV:
	case REQ_TAB_LEAD:
	case REQ_TAB_SUPPORT:
	case REQ_TAB_PROPOSALS:
	case REQ_TAB_FLAGGED:
	case REQ_TAB_MINE:
		if (req == REQ_TAB_NEXT)
			b->tab = (enum page_tab)((b->tab + 1) % PAGE__TABS);
		else if (req == REQ_TAB_PREV)
			b->tab = (enum page_tab)((b->tab + PAGE__TABS - 1) % PAGE__TABS);
		else
			b->tab = (enum page_tab)(req - REQ_TAB_LEAD);
		board_reset(b);
		return VIEW_RELOAD;
	case REQ_SORT:
		b->sort = (enum page_sort)((b->sort + 1) % SORT__COUNT);
		board_reset(b);
		tui_status(t, 0, _("sorted by %s"), _(sort_names[b->sort]));
		return VIEW_RELOAD;
	case REQ_FILTER_FLAG:
		b->flag = b->flag == 0 ? 1 : b->flag << 1;
		if (b->flag >= 1u << FLAG_COUNT)
			b->flag = 0;
		board_reset(b);
		if (b->flag)
			tui_status(t, 0, _("showing only %s duties (f: next flag)"), flags_word_shown(b->flag));
		else
			tui_status(t, 0, _("showing every duty"));
		return VIEW_RELOAD;
	case REQ_ENTER:
		if (b->n == 0)
			return VIEW_HANDLED;
		tui_push(t, duty_view_new(t, b->rows[b->cursor].ref));
		return VIEW_REDRAW;
	case REQ_BACK:
		return VIEW_QUIT;
	case REQ_NEW:
		return tui_action(t, req, NULL);
	case REQ_ASSIGN: case REQ_TRANSFER: case REQ_ESCALATE: case REQ_RETURN:
	case REQ_ACCEPT: case REQ_REJECT: case REQ_PROGRESS: case REQ_EXTEND:
	case REQ_APPROVE: case REQ_REFUSE: case REQ_DONE: case REQ_DELIVER:
		if (b->n == 0) {
			tui_status(t, 1, _("there is no duty here to act on"));
			return VIEW_REDRAW;
		}
		return tui_action(t, req, b->rows[b->cursor].ref);
	default:
		return 0;
	}
}

void
board_search(struct view *v, char *folded)
{
	struct board *b = v->data;

	free(b->search);
	b->search = folded;
	board_reset(b);
}

static void
put_cell(int y, int x, const char *s, int width)
{
	char *cell = text_fit(s, (size_t)width, 1);

	if (cell != NULL)
		mvaddstr(y, x, cell);
	free(cell);
}

/* The board's unit's part in a row's duty: it leads it, supports it, or
 * (on the proposals tab) is asked to take it. */
static const char *
row_role(const struct tui *t, const struct board *b, const struct board_row *r)
{
	/* TRANSLATORS: the role column is 4 columns wide. */
	if (strcmp(r->lead, t->unit.code) == 0)
		return _("lead");
	return b->tab == PAGE_PROPOSALS ? _("ask") : b->tab == PAGE_SUPPORT ? _("supp") : "";
}

static void
board_draw(struct tui *t, struct view *v, int top, int height, int width)
{
	struct board *b = v->data;
	day_t today = session_today(t->s);
	int x, ref_w = 7, title_w;
	char tabs[256] = "", marks[16], days[16];
	size_t len = 0;

	/* The reference column fits the longest reference shown (unit codes
	 * run to 16 letters: TRAMHANH-0001). */
	for (int i = 0; i < b->n; i++) {
		int w = (int)text_width(b->rows[i].ref);

		if (w > ref_w)
			ref_w = w < 21 ? w : 21;
	}
	title_w = width - (ref_w + 1 + 10 + 1 + 4 + 1 + 10 + 1 + 5 + 1 + 9 + 1 + 6 + 1);
	if (title_w < 8)
		title_w = 8;
	for (int i = 0; i < PAGE__TABS; i++)
		len += (size_t)snprintf(tabs + len, sizeof(tabs) - len, i == (int)b->tab ?
		    "[%s] " : " %s  ", _(tab_names[i]));
	move(top, 0);
	clrtoeol();
	attron(A_BOLD);
	put_cell(top, 0, tabs, width);
	attroff(A_BOLD);
	attron(A_UNDERLINE);
	move(top + 1, 0);
	clrtoeol();
	x = 0;
	/* TRANSLATORS: column headings, cut to 7, the title's width, 10, 4,
	 * 10, 5, 9 and 6 columns. */
	put_cell(top + 1, x, _("ref"), ref_w); x += ref_w + 1;
	put_cell(top + 1, x, _("title"), title_w); x += title_w + 1;
	put_cell(top + 1, x, _("owner"), 10); x += 11;
	put_cell(top + 1, x, _("role"), 4); x += 5;
	put_cell(top + 1, x, _("deadline"), 10); x += 11;
	put_cell(top + 1, x, _("days"), 5); x += 6;
	put_cell(top + 1, x, _("status"), 9); x += 10;
	put_cell(top + 1, x, _("flags"), 6);
	attroff(A_UNDERLINE);
	/* Never more rows than the body holds (the status may have grown). */
	for (int i = 0; i < b->n && i < b->cap && i < height - 2; i++) {
		struct board_row *r = &b->rows[i];
		int y = top + 2 + i, attr = tui_row_attr(t, r->flags, i == b->cursor);
		char day[11];
		day_t due;

		days[0] = '\0';
		if (dates_from_iso(r->deadline, &due) == 0)
			snprintf(days, sizeof(days), "%+d", (int)(due - today));
		attron(attr);
		move(y, 0);
		clrtoeol();
		x = 0;
		put_cell(y, x, r->ref, ref_w); x += ref_w + 1;
		put_cell(y, x, r->title, title_w); x += title_w + 1;
		put_cell(y, x, r->owner, 10); x += 11;
		put_cell(y, x, row_role(t, b, r), 4); x += 5;
		put_cell(y, x, dates_shown(r->deadline, day), 10); x += 11;
		put_cell(y, x, days, 5); x += 6;
		put_cell(y, x, i18n_status(r->status), 9); x += 10;
		put_cell(y, x, tui_flag_marks(r->flags, marks), 6);
		attroff(attr);
	}
	if (b->n == 0)
		mvaddstr(top + 3, 2, b->search || b->flag ? _("No duty matches.") : _("No duty here."));
}

static void
board_done(struct view *v)
{
	struct board *b = v->data;

	window_clear(b);
	free(b->rows);
	free(b->search);
	free(b);
	free(v);
}

static const struct view_ops board_ops = {
	"board", board_load, board_draw, board_request, board_done
};

struct view *
board_new(struct tui *t)
{
	(void)t;
	return view_new(&board_ops, calloc(1, sizeof(struct board)));
}
