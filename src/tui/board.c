/* board: the unit's board, in tabs, read a screenful at a time (view.h).
 *
 * What others commit shows within a second wherever it sorts: the window
 * keeps its first row when it was at the top of the list (a new row above
 * the cursor comes into sight, the cursor staying on its duty), else it
 * keeps the cursor's duty on its line.  Each tab's label counts its duties
 * and, after a "+", those that arrived since the person last looked at the
 * tab (left it, or rested the cursor on them); those rows are bold and
 * marked "*". */
#include "roviec/view.h"

#include <assert.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/dates.h"
#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"

/* What waits for the assigner on a row of the assigner's tab. */
enum waits { WAITS_NOTHING, WAITS_RESULT, WAITS_EXTENSION, WAITS_RETURN };

struct board_row {
	rowid_t id;
	char *key;		/* the sort key, for the next page */
	char *ref, *title, *owner, *lead, *deadline, *status;
	unsigned flags;
	enum waits waits;
};

/* The duties of a tab, by id: those on it now, and those the person has
 * looked at (the rest arrived since: they are new). */
struct tab_ids {
	rowid_t *now, *seen;
	size_t n, nseen;
	int read;		/* read at least once for this unit */
};

struct board {
	enum page_tab tab;
	enum page_sort sort;
	unsigned flag;		/* show only duties with this flag; 0: all */
	char *search;		/* folded (&): show only these; NULL: all */
	char *search_shown;	/* as typed */
	char *find;		/* folded (/, n, N): go to these; NULL: none */
	struct board_row *rows;	/* the window: at most cap rows */
	int n, cap, cursor;
	int top_is_first;	/* the window starts at the first row */
	struct tab_ids tabs[PAGE__TABS];
	rowid_t unit_id;	/* the unit the tabs were read for */
	/* What the tabs were read as of: others' commits, the day, our own
	 * actions; read again only when one of them moved. */
	long long ids_version;
	day_t ids_day;
	unsigned ids_acted;
	int ids_read;
	char *jump_key;		/* load the window around this row next */
	rowid_t jump_id;
};

/* TRANSLATORS: the six tabs share one line with their counts; at 80
 * columns the names of the tabs not shown are shortened to fit. */
static const char *const tab_names[PAGE__TABS] = {
	N_("1 Leads"), N_("2 Supports"), N_("3 Proposals"), N_("4 Flagged"), N_("5 Mine"),
	N_("6 Assigned")
};
static const char *const sort_names[SORT__COUNT] = {
	N_("deadline"), N_("reference"), N_("owner")
};
/* TRANSLATORS: on the assigner's tab, what waits for their decision, in
 * an 8-column column: a result to confirm, an extension, a return. */
static const char *const waits_words[] = {
	"", NC_("asks", "confirm"), NC_("asks", "extend"), NC_("asks", "return")
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

/* --- which duties are new ---------------------------------------------- */

static int
has_id(const rowid_t *ids, size_t n, rowid_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ids[mid] == id)
			return 1;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int
row_is_new(const struct board *b, rowid_t id)
{
	const struct tab_ids *t = &b->tabs[b->tab];

	return t->read && has_id(t->now, t->n, id) && !has_id(t->seen, t->nseen, id);
}

/* How many of the tab's duties arrived since it was looked at. */
static size_t
tab_new(const struct tab_ids *t)
{
	size_t k = 0;

	for (size_t i = 0; i < t->n; i++)
		k += !has_id(t->seen, t->nseen, t->now[i]);
	return k;
}

/* The person has looked at the whole tab: nothing on it is new. */
static void
tab_looked(struct tab_ids *t)
{
	rowid_t *copy = t->n > 0 ? malloc(t->n * sizeof(*copy)) : NULL;

	if (t->n > 0 && copy == NULL)
		return;
	if (t->n > 0)
		memcpy(copy, t->now, t->n * sizeof(*copy));
	free(t->seen);
	t->seen = copy;
	t->nseen = t->n;
}

/* The person has looked at one duty of the tab. */
static void
row_looked(struct tab_ids *t, rowid_t id)
{
	size_t at = 0;
	rowid_t *grown;

	if (has_id(t->seen, t->nseen, id))
		return;
	if ((grown = realloc(t->seen, (t->nseen + 1) * sizeof(*grown))) == NULL)
		return;
	t->seen = grown;
	while (at < t->nseen && t->seen[at] < id)
		at++;
	memmove(t->seen + at + 1, t->seen + at, (t->nseen - at) * sizeof(*t->seen));
	t->seen[at] = id;
	t->nseen++;
	assert(at == 0 || t->seen[at - 1] < id);
}

static void
tabs_forget(struct board *b)
{
	for (int i = 0; i < PAGE__TABS; i++) {
		free(b->tabs[i].now);
		free(b->tabs[i].seen);
		memset(&b->tabs[i], 0, sizeof(b->tabs[i]));
	}
}

struct tabs_read {
	struct tui *t;
	struct board *b;
};

/* Every tab's duties, in one snapshot: their counts for the labels. */
static enum rv_code
read_tabs(struct store *st, void *arg, struct rv_err *err)
{
	struct tabs_read *r = arg;
	struct board *b = r->b;
	enum rv_code rc;

	for (int i = 0; i < PAGE__TABS; i++) {
		struct tab_ids *t = &b->tabs[i];

		free(t->now);
		if ((rc = store_tab_ids(st, (enum page_tab)i, r->t->unit.id,
		    r->t->s->me.id, &t->now, &t->n, err)) != RV_OK)
			return rc;
		/* What is on a tab when it is first read is not new. */
		if (!t->read) {
			tab_looked(t);
			t->read = 1;
		}
	}
	return RV_OK;
}

/* --- the window -------------------------------------------------------- */

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
	r->waits = row->stored_status != NULL && strcmp(row->stored_status, "submitted") == 0 ?
	    WAITS_RESULT : row->extension_asked != NULL ? WAITS_EXTENSION :
	    row->pending_kind != NULL && strcmp(row->pending_kind, "return") == 0 ?
	    WAITS_RETURN : WAITS_NOTHING;
	return 0;
}

/* Reads up to want rows after (or before) the given row; NULL: from the
 * start (or, backward, from the end). */
static int
fetch(struct tui *t, struct board *b, const char *after_key, rowid_t after_id,
    int backward, int want, struct fetch *f)
{
	struct rv_err err;
	struct page_query q = {
		.tab = b->tab, .unit_id = t->unit.id, .person_id = t->s->me.id,
		.sort = b->sort, .after_key = after_key, .after_id = after_id,
		.backward = backward, .flag = b->flag, .search = b->search, .limit = want,
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
fetch_free(struct fetch *f)
{
	for (int i = 0; i < f->n; i++)
		row_free(&f->rows[i]);
	free(f->rows);
	f->rows = NULL;
	f->n = 0;
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

/* Whether the window starts at the first row of the list. */
static void
note_top(struct tui *t, struct board *b)
{
	struct fetch f;

	b->top_is_first = 1;
	if (b->n > 0 && fetch(t, b, b->rows[0].key, b->rows[0].id, 1, 1, &f) == 0) {
		b->top_is_first = f.n == 0;
		fetch_free(&f);
	}
}

/*
 * Reads the window around the row (key, id), with up to `above` rows above
 * it: the rows above it (backward from it), then it and those after
 * (forward from just before it).  If it is gone, the cursor lands on the
 * duty that followed it.  key NULL: from the start.
 */
static int
load_around(struct tui *t, struct board *b, const char *key, rowid_t id, int above)
{
	struct fetch before = { 0 }, from = { 0 };
	struct board_row *rows;

	if (above > b->cap - 1)
		above = b->cap - 1;
	if (key != NULL && above > 0 && fetch(t, b, key, id, 1, above, &before) != 0)
		return -1;
	if (fetch(t, b, key, id - 1, 0, b->cap - before.n, &from) != 0) {
		fetch_free(&before);
		return -1;
	}
	/* Near the end of the list, the rows above fill the window. */
	if (key != NULL && before.n + from.n < b->cap && before.n == above && above < b->cap) {
		struct fetch more = { 0 };
		const char *first_key = before.n > 0 ? before.rows[before.n - 1].key : key;
		rowid_t first_id = before.n > 0 ? before.rows[before.n - 1].id : id;
		struct board_row *grown;

		if (fetch(t, b, first_key, first_id, 1,
		    b->cap - before.n - from.n, &more) == 0 && more.n > 0 &&
		    (grown = realloc(before.rows, (size_t)(before.n + more.n) *
		    sizeof(*grown))) != NULL) {
			/* before.rows may have been NULL: an empty fetch
			 * still allocates, so realloc kept what it had. */
			memcpy(grown + before.n, more.rows, (size_t)more.n * sizeof(*grown));
			before.rows = grown;
			before.n += more.n;
			free(more.rows);
			more.rows = NULL;
			more.n = 0;
		}
		fetch_free(&more);
	}
	if ((rows = calloc((size_t)(before.n + from.n + 1), sizeof(*rows))) == NULL) {
		fetch_free(&before);
		fetch_free(&from);
		return -1;
	}
	for (int i = 0; i < before.n; i++)
		rows[i] = before.rows[before.n - 1 - i];
	memcpy(rows + before.n, from.rows, (size_t)from.n * sizeof(*rows));
	window_set(b, rows, before.n + from.n, 0);
	free(rows);
	free(before.rows);
	free(from.rows);
	/* The cursor's duty (or the one after it) comes right after those
	 * above; at the very end of the list, the last row. */
	b->cursor = before.n < b->n ? before.n : (b->n > 0 ? b->n - 1 : 0);
	return 0;
}

/* Reads the window from the first row, keeping the cursor on the duty id
 * when it is among them; 1 when it is (or there was none), 0 when not. */
static int
load_top(struct tui *t, struct board *b, rowid_t id, int *found)
{
	struct fetch f;

	*found = 0;
	if (fetch(t, b, NULL, 0, 0, b->cap, &f) != 0)
		return -1;
	for (int i = 0; i < f.n && id != 0; i++)
		if (f.rows[i].id == id) {
			*found = 1;
			b->cursor = i;
		}
	if (*found || id == 0) {
		window_set(b, f.rows, f.n, 0);
		free(f.rows);
		if (id == 0)
			b->cursor = 0;
		return 0;
	}
	fetch_free(&f);
	return 0;
}

static void
board_title(struct view *v, const struct board *b)
{
	size_t len = (size_t)snprintf(v->title, sizeof(v->title), "%s", _(tab_names[b->tab]));

	/* What hides rows stays in sight. */
	if (b->flag && len < sizeof(v->title))
		len += (size_t)snprintf(v->title + len, sizeof(v->title) - len,
		    _(" · only %s"), flags_word_shown(b->flag));
	if (b->search_shown != NULL && len < sizeof(v->title))
		snprintf(v->title + len, sizeof(v->title) - len, _(" · holding \"%s\""),
		    b->search_shown);
}

static int
board_load(struct tui *t, struct view *v)
{
	struct board *b = v->data;
	struct tabs_read r = { t, b };
	struct rv_err err;
	long long version = 0;
	char *key = NULL;
	rowid_t id = 0;
	int had = b->n > 0, line = b->cursor, found = 0, rc = -1;

	if (b->unit_id != t->unit.id) {
		tabs_forget(b);
		b->unit_id = t->unit.id;
		b->ids_read = 0;
	}
	/* The counts, when anything could have changed them: switching tabs
	 * or scrolling reads none. */
	if (store_data_version(t->s->st, &version, &err) != RV_OK || !b->ids_read ||
	    version != b->ids_version || t->day != b->ids_day || t->acted != b->ids_acted) {
		if (store_read(t->s->st, read_tabs, &r, &err) != RV_OK)
			tui_status(t, 1, "%s", err.msg);
		else {
			b->ids_read = 1;
			b->ids_version = version;
			b->ids_day = t->day;
			b->ids_acted = t->acted;
		}
	}
	if (b->jump_key != NULL) {
		key = b->jump_key;
		id = b->jump_id;
		b->jump_key = NULL;
		line = line < b->cap / 2 ? line : b->cap / 2;
	} else if (had) {
		key = strdup(b->rows[b->cursor].key);
		id = b->rows[b->cursor].id;
	}
	if (board_fit(t, b) != 0)
		goto out;
	if (key == NULL || (b->top_is_first && b->jump_id != id)) {
		/* At the top of the list, the window stays there: a row that
		 * arrives above the cursor comes into sight. */
		if (load_top(t, b, id, &found) != 0)
			goto out;
	}
	if (key != NULL && !found && load_around(t, b, key, id, line) != 0)
		goto out;
	b->jump_id = 0;
	note_top(t, b);
	rc = 0;
out:
	free(key);
	board_title(v, b);
	tui_here(t, b->n > 0 ? b->rows[b->cursor].ref : NULL);
	return rc;
}

/* Empties the window: the next load starts from the first row. */
static void
board_reset(struct board *b)
{
	window_clear(b);
	b->cursor = 0;
	b->top_is_first = 1;
}

/* Moves the window by count rows forward (or back) across the database. */
static int
board_scroll(struct tui *t, struct board *b, int forward, int count)
{
	struct fetch f;
	struct board_row *merged;
	const struct board_row *edge;
	int total;

	if (b->n == 0)
		return 0;
	edge = forward ? &b->rows[b->n - 1] : &b->rows[0];
	if (fetch(t, b, edge->key, edge->id, !forward, count, &f) != 0)
		return -1;
	if (f.n == 0) {
		free(f.rows);
		if (!forward)
			b->top_is_first = 1;
		return 0;
	}
	total = b->n + f.n;
	if ((merged = calloc((size_t)total, sizeof(*merged))) == NULL) {
		fetch_free(&f);
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
	note_top(t, b);
	return f.n;
}

/* Whether a row holds the folded text in its title or reference. */
static int
row_holds(const struct board_row *r, const char *folded)
{
	char *title = text_fold(r->title), *ref = text_fold(r->ref);
	int yes = (title != NULL && strstr(title, folded) != NULL) ||
	    (ref != NULL && strstr(ref, folded) != NULL);

	free(title);
	free(ref);
	return yes;
}

/*
 * Goes to the next (or previous) duty after the cursor's that holds what
 * was asked with /, across the whole tab, round from the end to the start;
 * 1 when found (the window is read around it next), 0 when none holds it.
 */
static int
board_find(struct tui *t, struct board *b, int backward)
{
	char *key = b->n > 0 ? strdup(b->rows[b->cursor].key) : NULL;
	rowid_t id = b->n > 0 ? b->rows[b->cursor].id : 0, start = id;
	int wrapped = b->n == 0, found = 0;

	for (;;) {
		struct fetch f;
		int stop = 0;

		if (fetch(t, b, key, id, backward, 64, &f) != 0)
			break;
		for (int i = 0; i < f.n && !found && !stop; i++) {
			/* Round again to the cursor's own duty: it is the
			 * last one looked at. */
			stop = wrapped && f.rows[i].id == start;
			if (row_holds(&f.rows[i], b->find)) {
				free(b->jump_key);
				b->jump_key = strdup(f.rows[i].key);
				b->jump_id = f.rows[i].id;
				found = b->jump_key != NULL;
			}
		}
		free(key);
		key = NULL;
		if (f.n > 0) {
			key = strdup(f.rows[f.n - 1].key);
			id = f.rows[f.n - 1].id;
		}
		if (found || stop || (f.n < 64 && wrapped)) {
			fetch_free(&f);
			break;
		}
		if (f.n < 64) {
			/* Round to the start (or the end). */
			wrapped = 1;
			free(key);
			key = NULL;
			id = 0;
		}
		fetch_free(&f);
	}
	free(key);
	return found;
}

static int
board_go_find(struct tui *t, struct board *b, int backward)
{
	if (b->find == NULL) {
		tui_status(t, 1, _("nothing to find yet: / asks what to find"));
		return VIEW_REDRAW;
	}
	if (!board_find(t, b, backward)) {
		tui_status(t, 1, _("no duty here holds that; / asks again"));
		return VIEW_REDRAW;
	}
	tui_status(t, 0, _("found (n: next, N: previous)"));
	return VIEW_RELOAD;
}

static void
board_set_search(struct board *b, char *folded, char *shown)
{
	free(b->search);
	free(b->search_shown);
	b->search = folded;
	b->search_shown = shown;
	board_reset(b);
}

/* The cursor rests on a duty: it is looked at, and the key line offers
 * what may be done with it. */
static void
board_rest(struct tui *t, struct board *b)
{
	if (b->n == 0) {
		tui_here(t, NULL);
		return;
	}
	row_looked(&b->tabs[b->tab], b->rows[b->cursor].id);
	tui_here(t, b->rows[b->cursor].ref);
}

static int
board_move(struct tui *t, struct board *b, enum request req)
{
	struct fetch f;

	switch (req) {
	case REQ_DOWN:
		if (b->cursor + 1 < b->n)
			b->cursor++;
		else if (board_scroll(t, b, 1, 1) > 0)
			b->cursor = b->n - 1;
		break;
	case REQ_UP:
		if (b->cursor > 0)
			b->cursor--;
		else
			board_scroll(t, b, 0, 1);
		break;
	case REQ_PAGE_DOWN:
		if (board_scroll(t, b, 1, b->cap) == 0)
			b->cursor = b->n > 0 ? b->n - 1 : 0;
		break;
	case REQ_PAGE_UP:
		if (board_scroll(t, b, 0, b->cap) == 0)
			b->cursor = 0;
		break;
	case REQ_FIRST:
		board_reset(b);
		return VIEW_RELOAD;
	default:
		assert(req == REQ_LAST);
		if (fetch(t, b, NULL, 0, 1, b->cap, &f) != 0)
			return VIEW_REDRAW;
		for (int i = 0; i < f.n / 2; i++) {
			struct board_row tmp = f.rows[i];

			f.rows[i] = f.rows[f.n - 1 - i];
			f.rows[f.n - 1 - i] = tmp;
		}
		window_set(b, f.rows, f.n, 1);
		free(f.rows);
		b->cursor = b->n > 0 ? b->n - 1 : 0;
		note_top(t, b);
		break;
	}
	board_rest(t, b);
	return VIEW_REDRAW;
}

static int
board_request(struct tui *t, struct view *v, enum request req)
{
	struct board *b = v->data;
	const struct action *a = keys_action(req);
	char *folded, *shown;

	if (a != NULL) {
		if (b->n == 0) {
			tui_status(t, 1, _("there is no duty here to act on"));
			return VIEW_REDRAW;
		}
		return tui_action(t, a, b->rows[b->cursor].ref);
	}
	switch (req) {
	case REQ_DOWN: case REQ_UP: case REQ_PAGE_DOWN: case REQ_PAGE_UP:
	case REQ_FIRST: case REQ_LAST:
		return board_move(t, b, req);
	case REQ_TAB_NEXT:
	case REQ_TAB_PREV:
	case REQ_TAB_LEAD:
	case REQ_TAB_SUPPORT:
	case REQ_TAB_PROPOSALS:
	case REQ_TAB_FLAGGED:
	case REQ_TAB_MINE:
	case REQ_TAB_ASSIGNED:
		/* Leaving a tab, its duties have been looked at. */
		tab_looked(&b->tabs[b->tab]);
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
	case REQ_FILTER:
		if (!tui_ask_text(t, _("Show only (case and diacritics ignored)"), _("Title holds"),
		    &folded, &shown))
			return VIEW_RELOAD;
		board_set_search(b, folded, shown);
		if (folded == NULL)
			tui_status(t, 0, _("showing all"));
		else
			tui_status(t, 0, _("showing those that hold \"%s\" (& then Enter: all)"), shown);
		return VIEW_RELOAD;
	case REQ_SEARCH:
		if (!tui_ask_text(t, _("Find (case and diacritics ignored)"), _("Find"),
		    &folded, &shown))
			return VIEW_RELOAD;
		free(shown);
		free(b->find);
		b->find = folded;
		if (folded == NULL) {
			tui_status(t, 0, _("nothing to find"));
			return VIEW_RELOAD;
		}
		return board_go_find(t, b, 0) | VIEW_RELOAD;
	case REQ_SEARCH_NEXT:
	case REQ_SEARCH_PREV:
		return board_go_find(t, b, req == REQ_SEARCH_PREV);
	case REQ_ENTER:
		if (b->n == 0)
			return VIEW_HANDLED;
		tui_push(t, duty_view_new(t, b->rows[b->cursor].ref));
		return VIEW_REDRAW;
	case REQ_BACK:
		return VIEW_QUIT;
	case REQ_NEW:
		return tui_new_duty(t);
	default:
		return 0;
	}
}

void
board_search(struct view *v, char *folded)
{
	struct board *b = v->data;

	board_set_search(b, folded, NULL);
}

void
board_reset_unit(struct view *v)
{
	struct board *b = v->data;

	tabs_forget(b);
	b->unit_id = 0;
	b->ids_read = 0;
	board_reset(b);
}

/* --- drawing ----------------------------------------------------------- */

static void
put_cell(int y, int x, const char *s, int width)
{
	char *cell = text_fit(s, (size_t)width, 1);

	if (cell != NULL)
		mvaddstr(y, x, cell);
	free(cell);
}

/* A tab's label: its name, without its key ("3 ") when short is set. */
static const char *
tab_label(int i, int shortened)
{
	const char *name = _(tab_names[i]), *space = strchr(name, ' ');

	return shortened && space != NULL && space[1] != '\0' ? space + 1 : name;
}

/* The tabs' line: "[1 Leads (34)] 2 Supports (5 +1) ...".  When it is
 * wider than the screen, the other tabs lose their key's digit (the
 * active one and the help keep it), then letters of their names, the
 * longest first, so that every tab's count stays in sight. */
static void
draw_tabs(const struct board *b, int y, int width)
{
	char counts[PAGE__TABS][48], line[512];
	size_t keep[PAGE__TABS], total;
	size_t len;
	int shortened = 0;

	for (int i = 0; i < PAGE__TABS; i++) {
		size_t k = tab_new(&b->tabs[i]);

		if (k > 0)
			snprintf(counts[i], sizeof(counts[i]), " (%zu +%zu)", b->tabs[i].n, k);
		else
			snprintf(counts[i], sizeof(counts[i]), " (%zu)", b->tabs[i].n);
	}
	for (int i = 0; i < PAGE__TABS; i++)
		keep[i] = text_width(tab_label(i, 0));
	for (;;) {
		size_t widest = PAGE__TABS;

		total = 0;
		for (int i = 0; i < PAGE__TABS; i++)
			total += keep[i] + text_width(counts[i]) + (i > 0) + 2 * (i == (int)b->tab);
		if (total <= (size_t)width)
			break;
		if (!shortened) {
			shortened = 1;
			for (int i = 0; i < PAGE__TABS; i++)
				keep[i] = text_width(tab_label(i, i != (int)b->tab));
			continue;
		}
		for (int i = 0; i < PAGE__TABS; i++)
			if (i != (int)b->tab && keep[i] > 3 &&
			    (widest == PAGE__TABS || keep[i] > keep[widest]))
				widest = (size_t)i;
		if (widest == PAGE__TABS)
			break;
		keep[widest]--;
	}
	move(y, 0);
	clrtoeol();
	len = 0;
	for (int i = 0; i < PAGE__TABS; i++) {
		int active = i == (int)b->tab, fresh = tab_new(&b->tabs[i]) > 0;
		const char *label = tab_label(i, shortened && !active);
		char *name = text_fit(label, keep[i], 0);

		snprintf(line, sizeof(line), active ? "%s[%s%s]" : "%s%s%s", i > 0 ? " " : "",
		    name != NULL ? name : "", counts[i]);
		free(name);
		if (active || fresh)
			attron(A_BOLD);
		if ((int)len < width)
			tui_put(y, (int)len, line, width - (int)len);
		attroff(A_BOLD);
		len += text_width(line);
	}
}

static void
board_draw(struct tui *t, struct view *v, int top, int height, int width)
{
	struct board *b = v->data;
	day_t today = session_today(t->s);
	int x, ref_w = 7, title_w, show_owner = b->tab != PAGE_MINE;
	int show_waits = b->tab == PAGE_ASSIGNED;
	char marks[24], days[16];

	/* The reference column fits the longest reference shown (unit codes
	 * run to 16 letters: TRAMHANH-0001). */
	for (int i = 0; i < b->n; i++) {
		int w = (int)text_width(b->rows[i].ref);

		if (w > ref_w)
			ref_w = w < 21 ? w : 21;
	}
	/* The title takes what the other columns leave: on the Mine tab the
	 * owner is always the person, so that column goes to the title. */
	title_w = width - (ref_w + 1 + (show_owner ? 11 : 0) + (show_waits ? 9 : 0) +
	    10 + 1 + 5 + 1 + 9 + 1 + 7);
	if (title_w < 8)
		title_w = 8;
	draw_tabs(b, top, width);
	attron(A_UNDERLINE);
	move(top + 1, 0);
	clrtoeol();
	x = 0;
	/* TRANSLATORS: column headings, cut to 7, the title's width, 10, 8,
	 * 10, 5, 9 and 6 columns. */
	put_cell(top + 1, x, _("ref"), ref_w); x += ref_w + 1;
	put_cell(top + 1, x, _("title"), title_w); x += title_w + 1;
	if (show_owner) {
		put_cell(top + 1, x, _("owner"), 10);
		x += 11;
	}
	if (show_waits) {
		put_cell(top + 1, x, _("asks"), 8);
		x += 9;
	}
	put_cell(top + 1, x, _("deadline"), 10); x += 11;
	put_cell(top + 1, x, _("days"), 5); x += 6;
	put_cell(top + 1, x, _("status"), 9); x += 10;
	put_cell(top + 1, x, _("flags"), 6);
	attroff(A_UNDERLINE);
	/* Never more rows than the body holds (the status may have grown). */
	for (int i = 0; i < b->n && i < b->cap && i < height - 2; i++) {
		struct board_row *r = &b->rows[i];
		int y = top + 2 + i, attr = tui_row_attr(t, r->flags, i == b->cursor);
		int fresh = row_is_new(b, r->id);
		char day[11];
		day_t due;

		days[0] = '\0';
		if (dates_from_iso(r->deadline, &due) == 0)
			snprintf(days, sizeof(days), "%+d", (int)(due - today));
		/* A duty that arrived since the tab was looked at: bold, "*". */
		snprintf(marks, sizeof(marks), "%s", fresh ? "*" : "");
		tui_flag_marks(r->flags, marks + strlen(marks));
		attron(attr | (fresh ? A_BOLD : 0));
		move(y, 0);
		clrtoeol();
		x = 0;
		put_cell(y, x, r->ref, ref_w); x += ref_w + 1;
		put_cell(y, x, r->title, title_w); x += title_w + 1;
		if (show_owner) {
			put_cell(y, x, r->owner, 10);
			x += 11;
		}
		if (show_waits) {
			put_cell(y, x, r->waits ? i18n_ctx(waits_words[r->waits]) : "", 8);
			x += 9;
		}
		put_cell(y, x, dates_shown(r->deadline, day), 10); x += 11;
		put_cell(y, x, days, 5); x += 6;
		put_cell(y, x, i18n_status(r->status), 9); x += 10;
		put_cell(y, x, marks, 7);
		attroff(attr | A_BOLD);
	}
	if (b->n == 0)
		mvaddstr(top + 3, 2, b->search || b->flag ? _("No duty matches.") : _("No duty here."));
}

static void
board_done(struct view *v)
{
	struct board *b = v->data;

	window_clear(b);
	tabs_forget(b);
	free(b->rows);
	free(b->search);
	free(b->search_shown);
	free(b->find);
	free(b->jump_key);
	free(b);
	free(v);
}

static const struct view_ops board_ops = {
	"board", board_load, board_draw, board_request, board_done
};

struct view *
board_new(struct tui *t)
{
	struct board *b = calloc(1, sizeof(struct board));

	(void)t;
	if (b != NULL)
		b->top_is_first = 1;
	return view_new(&board_ops, b);
}
