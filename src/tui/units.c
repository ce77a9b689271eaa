/* units: the city overview, the report of this month by unit (report.h,
 * the same function as roviec report, so screen and report agree): per
 * unit its duties, open, overdue, done late and on-time rate, worst first.
 * It is also the unit picker: / searches names with or without
 * diacritics, Enter shows that unit's board (view.h). */
#include "roviec/view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/graph.h"
#include "roviec/i18n.h"
#include "roviec/report.h"
#include "roviec/text.h"

struct unit_line {
	char code[17];
	char *name;
	long long assigned, open, overdue, late;
	int has_rate;
	double on_time;
	char *partners;		/* its busiest handoff partners (graph.h) */
};

struct units {
	struct unit_line *rows;
	int n, cap, cursor, top;
	char *filter;		/* folded (&); NULL: every unit */
	char *find;		/* folded (/, n, N); NULL: none */
};

static void
units_clear(struct units *u)
{
	for (int i = 0; i < u->n; i++) {
		free(u->rows[i].name);
		free(u->rows[i].partners);
	}
	u->n = 0;
}

static void
units_restart(void *arg)
{
	units_clear(arg);
}

static int
figures_row(const struct report_row *f, void *arg)
{
	struct units *u = arg;
	struct unit_line *r;

	if (u->filter != NULL) {
		char *name = text_fold(f->name), *code = text_fold(f->key);
		int match = (name && strstr(name, u->filter)) || (code && strstr(code, u->filter));

		free(name);
		free(code);
		if (!match)
			return 0;
	}
	if (u->n == u->cap) {
		int cap = u->cap ? 2 * u->cap : 64;
		struct unit_line *rows = realloc(u->rows, (size_t)cap * sizeof(*rows));

		if (rows == NULL)
			return 1;
		u->rows = rows;
		u->cap = cap;
	}
	r = &u->rows[u->n++];
	snprintf(r->code, sizeof(r->code), "%s", f->key);
	r->name = strdup(f->name);
	r->partners = NULL;
	r->assigned = f->assigned;
	r->open = f->open_in_time + f->open_overdue;
	r->overdue = f->open_overdue;
	r->late = f->late;
	r->has_rate = f->has_rate;
	r->on_time = f->rate;
	return 0;
}

static int
units_load(struct tui *t, struct view *v)
{
	struct units *u = v->data;
	struct report_query q = { .restart = units_restart };
	struct report_meta meta;
	struct graph g;
	char from[11], to[11];
	struct rv_err err;
	day_t day;

	units_clear(u);
	if (report_run(t->s, &q, &meta, figures_row, u, &err) != RV_OK) {
		tui_status(t, 1, "%s", err.msg);
		return -1;
	}
	if (u->cursor >= u->n)
		u->cursor = u->n > 0 ? u->n - 1 : 0;
	/* Who each unit passes work to most, and gets it from, in the same
	 * period: read from the period's handoffs, not the whole history's. */
	if (graph_load(t->s, meta.from, meta.to, &g, &err) == RV_OK) {
		for (int i = 0; i < u->n; i++) {
			char buf[256];

			graph_partners(&g, u->rows[i].code, 3, buf, sizeof(buf));
			u->rows[i].partners = strdup(buf);
		}
		graph_free(&g);
	}
	dates_from_iso(meta.from, &day);
	dates_vn(day, from);
	dates_from_iso(meta.to, &day);
	dates_vn(day, to);
	snprintf(v->title, sizeof(v->title), _("City overview: worst first, %s-%s"),
	    from, to);
	return 0;
}

static void
units_draw(struct tui *t, struct view *v, int top, int height, int width)
{
	struct units *u = v->data;
	int name_w = width - (8 + 1 + 1 + 6 + 1 + 8 + 1 + 8 + 1 + 6 + 1 + 8);
	char line[512], *name;

	if (name_w < 10)
		name_w = 10;
	if (u->cursor < u->top)
		u->top = u->cursor;
	/* The last line tells the cursor's unit's handoff partners. */
	if (u->cursor >= u->top + height - 2)
		u->top = u->cursor - height + 3;
	attron(A_UNDERLINE);
	/* TRANSLATORS: the overview's headings: 8, the name's width, 6, 8, 8,
	 * 6 and 8 columns. */
	{
		const char *heads[] = { _("code"), _("unit"), _("duties"), _("open"),
		    _("overdue"), _("late"), _("on time") };
		const int widths[] = { 8, name_w, 6, 8, 8, 6, 8 };
		size_t at = 0;

		line[0] = '\0';
		for (int i = 0; i < 7 && at < sizeof(line) - 1; i++) {
			char *cell = text_fit(heads[i], (size_t)widths[i], 0);
			int pad = widths[i] - (int)text_width(cell ? cell : "");

			/* Names to the left, figures to the right. */
			at += (size_t)snprintf(line + at, sizeof(line) - at, "%s%*s%s%*s",
			    i ? " " : "", i >= 2 ? pad : 0, "", cell ? cell : "",
			    i < 2 ? pad : 0, "");
			free(cell);
		}
		name = NULL;
	}
	tui_put(top, 0, line, width);
	attroff(A_UNDERLINE);
	for (int i = u->top; i < u->n && top + 1 + i - u->top < top + height - 1; i++) {
		struct unit_line *r = &u->rows[i];
		unsigned flags = (r->overdue ? FLAG_OVERDUE : 0) | (r->late ? FLAG_LATE : 0);
		int attr = tui_row_attr(t, flags, i == u->cursor);
		char rate[16];

		if (r->has_rate) {
			snprintf(rate, sizeof(rate), "%7.1f%%", r->on_time);
			i18n_decimal(rate);
		} else
			snprintf(rate, sizeof(rate), "%8s", "-");
		name = text_fit(r->name, (size_t)name_w, 1);
		snprintf(line, sizeof(line), "%-8s %s %6lld %8lld %8lld %6lld %s", r->code,
		    name ? name : "", r->assigned, r->open, r->overdue, r->late, rate);
		free(name);
		attron(attr);
		mvaddstr(top + 1 + i - u->top, 0, line);
		attroff(attr);
	}
	if (u->n == 0)
		mvaddstr(top + 2, 2, _("No unit matches."));
	else {
		const struct unit_line *r = &u->rows[u->cursor];

		snprintf(line, sizeof(line), _("%s passes work most to/gets most from: %s"),
		    r->code, r->partners != NULL && r->partners[0] != '\0' ? r->partners :
		    _("no handoff"));
		tui_put(top + height - 1, 0, line, width);
	}
}

/* Whether a unit's code or name holds the folded text. */
static int
unit_holds(const struct unit_line *r, const char *folded)
{
	char *name = text_fold(r->name), *code = text_fold(r->code);
	int yes = (name != NULL && strstr(name, folded) != NULL) ||
	    (code != NULL && strstr(code, folded) != NULL);

	free(name);
	free(code);
	return yes;
}

/* Moves to the next (previous) unit that holds what / asked, round. */
static int
units_find(struct tui *t, struct units *u, int backward)
{
	if (u->find == NULL) {
		tui_status(t, 1, _("nothing to find yet: / asks what to find"));
		return VIEW_REDRAW;
	}
	for (int k = 1; k <= u->n && u->n > 0; k++) {
		int i = ((backward ? u->cursor - k : u->cursor + k) % u->n + u->n) % u->n;

		if (unit_holds(&u->rows[i], u->find)) {
			u->cursor = i;
			tui_status(t, 0, _("found (n: next, N: previous)"));
			return VIEW_REDRAW;
		}
	}
	tui_status(t, 1, _("no unit holds that; / asks again"));
	return VIEW_REDRAW;
}

static int
units_request(struct tui *t, struct view *v, enum request req)
{
	struct units *u = v->data;
	char *folded, *shown;

	switch (req) {
	case REQ_SEARCH:
		if (!tui_ask_text(t, _("Find a unit (case and diacritics ignored)"),
		    _("Unit name holds"), &folded, &shown))
			return VIEW_REDRAW;
		free(shown);
		free(u->find);
		u->find = folded;
		if (folded == NULL)
			return VIEW_REDRAW;
		/* A unit named exactly (its code, its whole name) first. */
		for (int i = 0; i < u->n; i++) {
			char *name = text_fold(u->rows[i].name), *code = text_fold(u->rows[i].code);
			int exact = (name != NULL && strcmp(name, folded) == 0) ||
			    (code != NULL && strcmp(code, folded) == 0);

			free(name);
			free(code);
			if (exact) {
				u->cursor = i;
				tui_status(t, 0, _("found (n: next, N: previous)"));
				return VIEW_REDRAW;
			}
		}
		/* Else the next that holds it, from the unit under the cursor. */
		u->cursor = u->cursor > 0 ? u->cursor - 1 : (u->n > 0 ? u->n - 1 : 0);
		return units_find(t, u, 0);
	case REQ_SEARCH_NEXT:
	case REQ_SEARCH_PREV:
		return units_find(t, u, req == REQ_SEARCH_PREV);
	case REQ_FILTER:
		if (!tui_ask_text(t, _("Show only (case and diacritics ignored)"),
		    _("Unit name holds"), &folded, &shown))
			return VIEW_RELOAD;
		units_filter(v, folded);
		if (folded == NULL)
			tui_status(t, 0, _("showing all"));
		else
			tui_status(t, 0, _("showing those that hold \"%s\" (& then Enter: all)"), shown);
		free(shown);
		return VIEW_RELOAD;
	case REQ_DOWN: if (u->cursor + 1 < u->n) u->cursor++; return VIEW_REDRAW;
	case REQ_UP: if (u->cursor > 0) u->cursor--; return VIEW_REDRAW;
	case REQ_PAGE_DOWN:
		u->cursor = u->cursor + t->body_height < u->n ? u->cursor + t->body_height :
		    (u->n > 0 ? u->n - 1 : 0);
		return VIEW_REDRAW;
	case REQ_PAGE_UP:
		u->cursor = u->cursor > t->body_height ? u->cursor - t->body_height : 0;
		return VIEW_REDRAW;
	case REQ_FIRST: u->cursor = 0; return VIEW_REDRAW;
	case REQ_LAST: u->cursor = u->n > 0 ? u->n - 1 : 0; return VIEW_REDRAW;
	case REQ_BACK: case REQ_CLOSE: return VIEW_CLOSE;
	case REQ_ENTER:
		if (u->n > 0 && tui_show_unit(t, u->rows[u->cursor].code) == 0)
			return VIEW_CLOSE;
		return VIEW_REDRAW;
	default:
		return 0;
	}
}

void
units_filter(struct view *v, char *folded)
{
	struct units *u = v->data;

	free(u->filter);
	u->filter = folded;
	u->cursor = u->top = 0;
}

static void
units_done(struct view *v)
{
	struct units *u = v->data;

	units_clear(u);
	free(u->rows);
	free(u->filter);
	free(u->find);
	free(u);
	free(v);
}

static const struct view_ops units_ops = {
	"units", units_load, units_draw, units_request, units_done
};

struct view *
units_view_new(struct tui *t)
{
	(void)t;
	return view_new(&units_ops, calloc(1, sizeof(struct units)));
}
