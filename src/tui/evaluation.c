/* evaluation: the evaluation of Decree 335/2025 on the board (evaluate.h, the
 * same function as roviec evaluate, so screen and command agree): the
 * sheets of the board's unit for this month, one official a row; Enter
 * opens the duties behind a row (its deductions, the duties not done, the
 * duties completed), and Enter on one of them opens the duty (view.h). */
#include "roviec/view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/decimal.h"
#include "roviec/evaluate.h"
#include "roviec/i18n.h"
#include "roviec/text.h"

struct sheet {
	struct eval_result r;
	int loaded;
	int cursor, top;
};

struct sheet_duties {
	char login[64];
	char period[8];
	struct eval_item *items;
	int n, cursor, top;
};

/* hundredths as "81,82" (the reader's decimal mark), "-" when unknown. */
static const char *
figure(int known, long v, char buf[DECIMAL_SIZE])
{
	if (!known)
		return "-";
	return i18n_decimal(decimal_format2(v, buf));
}

static int
sheet_load(struct tui *t, struct view *v)
{
	struct sheet *sh = v->data;
	struct eval_query q = { .unit = t->unit.code, .every_duty = 1 };
	struct rv_err err;

	if (sh->loaded)
		eval_free(&sh->r);
	sh->loaded = 0;
	/* The board's unit when the acting person may see it (a head, an
	 * inspector); else what they may see: an official their own sheet. */
	if (eval_run(t->s, &q, &sh->r, &err) != RV_OK) {
		struct eval_query own = { .every_duty = 1 };

		if (err.code != RV_REFUSED || eval_run(t->s, &own, &sh->r, &err) != RV_OK) {
			tui_status(t, 1, "%s", err.msg);
			return -1;
		}
	}
	sh->loaded = 1;
	if (sh->cursor >= (int)sh->r.npeople)
		sh->cursor = sh->r.npeople > 0 ? (int)sh->r.npeople - 1 : 0;
	snprintf(v->title, sizeof(v->title),
	    _("Evaluation (Decree 335/2025/ND-CP), %s, figures as of %s: Enter opens the duties behind a row"),
	    sh->r.period.key, sh->r.as_of);
	return 0;
}

/* The columns: login, name (on a screen of 100 columns or more), duties
 * done of those assigned ("2/3"), a, b, c (Article 14's quantity, quality
 * and progress), points, general criteria, total, rating. */
#define SHEET_COLS 10

static void
sheet_draw(struct tui *t, struct view *v, int top, int height, int width)
{
	struct sheet *sh = v->data;
	/* TRANSLATORS: the board's evaluation headings, in 10, (the name),
	 * 7, 6, 6, 6, 6, 7 and 6 columns, then the rating; a, b and c are
	 * Article 14's letters for quantity, quality and progress. */
	static const char *const names[SHEET_COLS] = { NC_("sheet", "login"),
	    NC_("sheet", "name"), NC_("sheet", "done"), "a", "b", "c",
	    NC_("sheet", "points"), NC_("sheet", "general"), NC_("sheet", "total"),
	    NC_("sheet", "rating") };
	const char *heads[SHEET_COLS];
	int w[SHEET_COLS] = { 10, 0, 7, 6, 6, 6, 6, 7, 6, 0 };
	int rows = height - 1, limits = 0, fixed = 0;
	char line[1024];

	if (!sh->loaded)
		return;
	for (int i = 0; i < SHEET_COLS; i++)
		heads[i] = i >= 3 && i <= 5 ? names[i] : i18n_ctx(names[i]);
	for (int i = 0; i < SHEET_COLS - 1; i++)
		fixed += w[i] + 1;
	/* A name only where the rating still has room for its words. */
	w[1] = width - fixed - 30 >= 10 ? width - fixed - 30 : 0;
	fixed += w[1] > 0 ? w[1] + 1 : 0;
	w[SHEET_COLS - 1] = width - fixed > 1 ? width - fixed : 1;
	for (size_t i = 0; i < sh->r.nlimits; i++)
		limits += sh->r.limits[i].over;
	rows -= limits;
	if (sh->cursor < sh->top)
		sh->top = sh->cursor;
	if (sh->cursor >= sh->top + rows)
		sh->top = sh->cursor - rows + 1;
	for (int i = sh->top - 1; i < (int)sh->r.npeople && i - sh->top < rows; i++) {
		const char *cell[SHEET_COLS];
		char num[SHEET_COLS][DECIMAL_SIZE];
		size_t at = 0;
		int attr = A_UNDERLINE;

		if (i < sh->top) {
			for (int c = 0; c < SHEET_COLS; c++)
				cell[c] = heads[c];
		} else {
			const struct eval_person *p = &sh->r.people[i];
			const struct eval_sheet *s = &p->sheet;

			cell[0] = p->login;
			cell[1] = p->name;
			snprintf(num[2], sizeof(num[2]), "%ld/%ld", s->done, s->assigned);
			cell[2] = num[2];
			cell[3] = figure(s->scored, s->quantity, num[3]);
			cell[4] = figure(s->scored, s->quality, num[4]);
			cell[5] = figure(s->scored, s->progress, num[5]);
			cell[6] = figure(s->has_points, s->points, num[6]);
			cell[7] = figure(s->has_general, s->general, num[7]);
			cell[8] = figure(s->has_total, s->total, num[8]);
			cell[9] = s->has_total ? eval_rating_shown(s->rating) : "";
			/* Under 50 points stands out as an overdue duty does. */
			attr = tui_row_attr(t, s->has_total && s->total < 5000 ? FLAG_OVERDUE : 0,
			    i == sh->cursor);
		}
		line[0] = '\0';
		for (int c = 0; c < SHEET_COLS && at < sizeof(line) - 1; c++) {
			char *fit;
			int pad, right = c >= 2 && c < SHEET_COLS - 1;

			if (w[c] == 0 && c == 1)
				continue;
			fit = text_fit(cell[c], (size_t)w[c], 0);
			pad = w[c] - (int)text_width(fit ? fit : "");
			if (c == SHEET_COLS - 1)
				pad = 0;
			at += (size_t)snprintf(line + at, sizeof(line) - at, "%s%*s%s%*s",
			    c ? " " : "", right ? pad : 0, "", fit ? fit : "", right ? 0 : pad, "");
			free(fit);
		}
		attron(attr);
		tui_put(top + 1 + i - sh->top, 0, line, width);
		attroff(attr);
	}
	if (sh->r.npeople == 0)
		mvaddstr(top + 2, 2, _("No official has a sheet here."));
	for (size_t i = 0, k = 0; i < sh->r.nlimits; i++) {
		const struct eval_limit *l = &sh->r.limits[i];

		if (!l->over)
			continue;
		snprintf(line, sizeof(line),
		    _("Over the limit of Article 20, clause 5: %s: %ld rated excellent; 20%% of the %ld rated good allows %ld"),
		    l->unit_code, l->excellent, l->good, l->allowed);
		tui_put(top + height - limits + (int)k++, 0, line, width);
	}
}

static struct view *sheet_duties_new(const struct eval_person *p, const char *period);

static int
sheet_request(struct tui *t, struct view *v, enum request req)
{
	struct sheet *sh = v->data;
	int n = sh->loaded ? (int)sh->r.npeople : 0;

	switch (req) {
	case REQ_DOWN: if (sh->cursor + 1 < n) sh->cursor++; return VIEW_REDRAW;
	case REQ_UP: if (sh->cursor > 0) sh->cursor--; return VIEW_REDRAW;
	case REQ_PAGE_DOWN:
		sh->cursor = sh->cursor + t->body_height < n ? sh->cursor + t->body_height :
		    (n > 0 ? n - 1 : 0);
		return VIEW_REDRAW;
	case REQ_PAGE_UP:
		sh->cursor = sh->cursor > t->body_height ? sh->cursor - t->body_height : 0;
		return VIEW_REDRAW;
	case REQ_FIRST: sh->cursor = 0; return VIEW_REDRAW;
	case REQ_LAST: sh->cursor = n > 0 ? n - 1 : 0; return VIEW_REDRAW;
	case REQ_BACK: case REQ_EVALUATION: return VIEW_CLOSE;
	case REQ_ENTER:
		if (n > 0)
			tui_push(t, sheet_duties_new(&sh->r.people[sh->cursor], sh->r.period.key));
		return VIEW_REDRAW;
	default:
		return 0;
	}
}

static void
sheet_done(struct view *v)
{
	struct sheet *sh = v->data;

	if (sh->loaded)
		eval_free(&sh->r);
	free(sh);
	free(v);
}

static const struct view_ops sheet_ops = {
	"sheet", sheet_load, sheet_draw, sheet_request, sheet_done
};

struct view *
evaluation_view_new(struct tui *t)
{
	(void)t;
	return view_new(&sheet_ops, calloc(1, sizeof(struct sheet)));
}

/* --- the duties behind a row ------------------------------------------- */

static int
duties_load(struct tui *t, struct view *v)
{
	struct sheet_duties *d = v->data;

	(void)t;
	snprintf(v->title, sizeof(v->title),
	    _("%s, %s: the duties behind the figures (Enter opens one)"), d->login, d->period);
	return 0;
}

/* What a duty did to the sheet, as people read it. */
static const char *
duty_what(const struct eval_item *x, char *buf, size_t size)
{
	char pc[DECIMAL_SIZE];

	switch (x->kind) {
	case EVAL_QUALITY:
		snprintf(buf, size, ngettext("quality: sent back %d time, -%s%%",
		    "quality: sent back %d times, -%s%%", (unsigned long)x->times), x->times,
		    i18n_decimal(decimal_format2(x->percent, pc)));
		break;
	case EVAL_PROGRESS:
		snprintf(buf, size, ngettext("progress: %d deadline missed, -%s%%",
		    "progress: %d deadlines missed, -%s%%", (unsigned long)x->times), x->times,
		    i18n_decimal(decimal_format2(x->percent, pc)));
		break;
	case EVAL_NOT_DONE:
		snprintf(buf, size, "%s", _("assigned, not completed"));
		break;
	default:
		snprintf(buf, size, "%s", _("completed, no deduction"));
		break;
	}
	return buf;
}

static void
duties_draw(struct tui *t, struct view *v, int top, int height, int width)
{
	struct sheet_duties *d = v->data;
	char line[512], what[256], coef[DECIMAL_SIZE];

	if (d->cursor < d->top)
		d->top = d->cursor;
	if (d->cursor >= d->top + height - 1)
		d->top = d->cursor - height + 2;
	attron(A_UNDERLINE);
	/* TRANSLATORS: the headings of the duties behind a sheet's row. */
	snprintf(line, sizeof(line), "%-16s %-7s %11s  %s", _("duty"), _("period"),
	    _("coefficient"), _("what it did"));
	tui_put(top, 0, line, width);
	attroff(A_UNDERLINE);
	for (int i = d->top; i < d->n && i - d->top < height - 1; i++) {
		const struct eval_item *x = &d->items[i];
		unsigned flags = x->kind == EVAL_NOT_DONE ? FLAG_OVERDUE :
		    x->kind != EVAL_COMPLETED ? FLAG_LATE : 0;
		int attr = tui_row_attr(t, flags, i == d->cursor);

		snprintf(line, sizeof(line), "%-16s %-7s %11s  %s", x->ref, x->period,
		    i18n_decimal(decimal_format(x->coefficient, coef)),
		    duty_what(x, what, sizeof(what)));
		attron(attr);
		tui_put(top + 1 + i - d->top, 0, line, width);
		attroff(attr);
	}
	if (d->n == 0)
		mvaddstr(top + 2, 2, _("Nothing was assigned in the period."));
}

static int
duties_request(struct tui *t, struct view *v, enum request req)
{
	struct sheet_duties *d = v->data;

	switch (req) {
	case REQ_DOWN: if (d->cursor + 1 < d->n) d->cursor++; return VIEW_REDRAW;
	case REQ_UP: if (d->cursor > 0) d->cursor--; return VIEW_REDRAW;
	case REQ_PAGE_DOWN:
		d->cursor = d->cursor + t->body_height < d->n ? d->cursor + t->body_height :
		    (d->n > 0 ? d->n - 1 : 0);
		return VIEW_REDRAW;
	case REQ_PAGE_UP:
		d->cursor = d->cursor > t->body_height ? d->cursor - t->body_height : 0;
		return VIEW_REDRAW;
	case REQ_FIRST: d->cursor = 0; return VIEW_REDRAW;
	case REQ_LAST: d->cursor = d->n > 0 ? d->n - 1 : 0; return VIEW_REDRAW;
	case REQ_BACK: return VIEW_CLOSE;
	case REQ_ENTER:
		if (d->n > 0)
			tui_push(t, duty_view_new(t, d->items[d->cursor].ref));
		return VIEW_REDRAW;
	default:
		return 0;
	}
}

static void
duties_done(struct view *v)
{
	struct sheet_duties *d = v->data;

	free(d->items);
	free(d);
	free(v);
}

static const struct view_ops duties_ops = {
	"sheet-duties", duties_load, duties_draw, duties_request, duties_done
};

/* A copy of the row's duties: the sheet below may be re-read meanwhile. */
static struct view *
sheet_duties_new(const struct eval_person *p, const char *period)
{
	struct sheet_duties *d = calloc(1, sizeof(*d));

	if (d == NULL)
		return NULL;
	snprintf(d->login, sizeof(d->login), "%s", p->login);
	snprintf(d->period, sizeof(d->period), "%s", period);
	if (p->nitems > 0) {
		if ((d->items = malloc(p->nitems * sizeof(*d->items))) == NULL) {
			free(d);
			return NULL;
		}
		memcpy(d->items, p->items, p->nitems * sizeof(*d->items));
		d->n = (int)p->nitems;
	}
	return view_new(&duties_ops, d);
}
