/* duty_view: one duty, every field, its supporters and its history as a
 * timeline with the chain of units it passed through (view.h). */
#include "roviec/view.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/history.h"
#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"

struct duty_lines {
	char *ref;
	char **lines;
	int n, cap;
	int top;		/* first line shown */
	char path[1024];
	size_t path_len;
};

/* A malloc'd printf; NULL when out of memory. */
__attribute__((format(printf, 1, 0)))
static char *
vformat(const char *fmt, va_list ap)
{
	va_list again;
	int n;
	char *s;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL) {
		va_end(again);
		return NULL;
	}
	vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}

__attribute__((format(printf, 2, 3)))
static void
add(struct duty_lines *d, const char *fmt, ...)
{
	va_list ap;
	char *line = NULL;

	if (d->n == d->cap) {
		int cap = d->cap ? 2 * d->cap : 64;
		char **lines = realloc(d->lines, (size_t)cap * sizeof(*lines));

		if (lines == NULL)
			return;
		d->lines = lines;
		d->cap = cap;
	}
	va_start(ap, fmt);
	line = vformat(fmt, ap);
	va_end(ap);
	if (line != NULL)
		d->lines[d->n++] = line;
}

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static int
detail_lines(const struct duty_detail *row, void *arg)
{
	struct duty_lines *d = arg;
	char flags[128];

	flags_join_shown(row->flags, ", ", flags, sizeof(flags));
	add(d, _("Status:      %s%s%s"), i18n_status(row->status), row->flags ? _("   flags: ") : "", flags);
	add(d, _("Lead unit:   %s %s"), row->lead_code, row->lead_name);
	add(d, _("Owner:       %s (%s)"), row->owner_login, row->owner_name);
	add(d, _("Assigner:    %s (%s)"), row->assigner_login, row->assigner_name);
	return 0;
}

static int
support_lines(const struct support_row *row, void *arg)
{
	add(arg, _("Supporting:  %s %s: %s%s%s%s"), row->unit_code, row->unit_name,
	    row->part[0] ? row->part : _("(part not stated)"),
	    row->delivered_on ? _(" (delivered ") : "",
	    row->delivered_on ? dates_shown(row->delivered_on, (char[11]){ 0 }) : "",
	    row->delivered_on ? ")" : "");
	return 0;
}

static int
history_lines(const struct history_row *h, void *arg)
{
	struct duty_lines *d = arg;
	char when[17], detail[4400], by[256], via[256] = "", owners[200] = "";

	/* TRANSLATORS: a history entry: what was done, by whom. */
	snprintf(by, sizeof(by), _("%s by %s"), history_word_shown(h->action), nz(h->actor_login));
	if (h->via_login)
		/* TRANSLATORS: after "ACTION by LOGIN": the administrator who
		 * acted for them (roviec --as). */
		snprintf(via, sizeof(via), _(" via %s"), h->via_login);
	if (h->from_owner || h->to_owner)
		snprintf(owners, sizeof(owners), _(" [owner %s%s→%s%s]"), nz(h->from_owner),
		    h->from_owner ? " " : "", h->to_owner ? " " : "", nz(h->to_owner));
	add(d, "  %s  %s%s%s%s%s%s%s%s%s", dates_moment_shown(h->at, when), by, via,
	    h->from_unit || h->to_unit ? "  " : "", nz(h->from_unit),
	    h->from_unit || h->to_unit ? " → " : "", nz(h->to_unit), owners,
	    h->detail ? "  " : "", h->detail ? history_detail_shown(h->detail, detail, sizeof(detail)) : "");
	if (h->text != NULL)
		add(d, "        \"%s\"", history_word_shown(h->text));
	store_history_path_add(h, d->path, sizeof(d->path), &d->path_len);
	return 0;
}

static void
lines_clear(struct duty_lines *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->lines[i]);
	d->n = 0;
	d->path[0] = '\0';
	d->path_len = 0;
}

static enum rv_code
read_duty(struct store *st, void *arg, struct rv_err *err)
{
	struct duty_lines *d = arg;
	struct duty duty;
	enum rv_code rc;
	int history_at;

	lines_clear(d);
	if ((rc = store_duty_by_ref(st, d->ref, &duty, err)) != RV_OK)
		return rc;
	add(d, "%s  %s", duty.ref, duty.title);
	add(d, "%s", "");
	if ((rc = store_duty_detail(st, duty.id, detail_lines, d, err)) == RV_OK) {
		char d1[11], d2[11];

		if (strcmp(duty.deadline, duty.original_deadline) != 0)
			add(d, _("Deadline:    %s (originally %s)"), dates_shown(duty.deadline, d1),
			    dates_shown(duty.original_deadline, d2));
		else
			add(d, _("Deadline:    %s"), dates_shown(duty.deadline, d1));
		add(d, _("Result:      %s"), duty.result);
		add(d, _("Basis:       %s"), duty.basis);
		if (duty.field != NULL)
			add(d, _("Field:       %s"), duty.field);
		rc = store_support_list(st, duty.id, support_lines, d, err);
	}
	if (rc == RV_OK) {
		add(d, "%s", "");
		history_at = d->n;
		add(d, "%s", _("Path:"));
		add(d, "%s", _("History:"));
		rc = store_history_list(st, duty.id, history_lines, d, err);
		/* The path is known once the history is read; it goes above it. */
		if (history_at < d->n) {
			size_t size = strlen(_("Path:        %s")) + strlen(d->path) + 1;
			char *path = malloc(size);

			if (path != NULL) {
				snprintf(path, size, _("Path:        %s"), d->path);
				free(d->lines[history_at]);
				d->lines[history_at] = path;
			}
		}
	}
	model_duty_free(&duty);
	return rc;
}

static int
duty_load(struct tui *t, struct view *v)
{
	struct duty_lines *d = v->data;
	struct rv_err err;

	if (store_read(t->s->st, read_duty, d, &err) != RV_OK) {
		tui_status(t, 1, "%s", err.msg);
		return -1;
	}
	snprintf(v->title, sizeof(v->title), _("Duty %s"), d->ref);
	return 0;
}

static void
duty_draw(struct tui *t, struct view *v, int top, int height, int width)
{
	struct duty_lines *d = v->data;

	(void)t;
	for (int i = 0; i < height; i++) {
		int at = d->top + i;

		move(top + i, 0);
		clrtoeol();
		if (at < d->n) {
			char *cell = text_fit(d->lines[at], (size_t)width, 0);

			if (at == 0)
				attron(A_BOLD);
			if (cell != NULL)
				addstr(cell);
			if (at == 0)
				attroff(A_BOLD);
			free(cell);
		}
	}
}

static int
duty_request(struct tui *t, struct view *v, enum request req)
{
	struct duty_lines *d = v->data;
	int page = t->body_height > 1 ? t->body_height - 1 : 1;
	int last = d->n > t->body_height ? d->n - t->body_height : 0;

	switch (req) {
	case REQ_DOWN: d->top = d->top < last ? d->top + 1 : last; return VIEW_REDRAW;
	case REQ_UP: d->top = d->top > 0 ? d->top - 1 : 0; return VIEW_REDRAW;
	case REQ_PAGE_DOWN: d->top = d->top + page < last ? d->top + page : last; return VIEW_REDRAW;
	case REQ_PAGE_UP: d->top = d->top > page ? d->top - page : 0; return VIEW_REDRAW;
	case REQ_FIRST: d->top = 0; return VIEW_REDRAW;
	case REQ_LAST: d->top = last; return VIEW_REDRAW;
	case REQ_BACK: return VIEW_CLOSE;
	case REQ_ASSIGN: case REQ_TRANSFER: case REQ_ESCALATE: case REQ_RETURN:
	case REQ_ACCEPT: case REQ_REJECT: case REQ_PROGRESS: case REQ_EXTEND:
	case REQ_APPROVE: case REQ_REFUSE: case REQ_DONE: case REQ_DELIVER:
		return tui_action(t, req, d->ref);
	default:
		return 0;
	}
}

static void
duty_done_view(struct view *v)
{
	struct duty_lines *d = v->data;

	lines_clear(d);
	free(d->lines);
	free(d->ref);
	free(d);
	free(v);
}

static const struct view_ops duty_ops = {
	"duty", duty_load, duty_draw, duty_request, duty_done_view
};

struct view *
duty_view_new(struct tui *t, const char *ref)
{
	struct duty_lines *d = calloc(1, sizeof(*d));

	(void)t;
	if (d != NULL && (d->ref = strdup(ref)) == NULL) {
		free(d);
		d = NULL;
	}
	return view_new(&duty_ops, d);
}
