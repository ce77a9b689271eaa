/* duty_view: one duty, every field, its supporters, what waits, its
 * history as a timeline and the chain of units it passed through: the
 * duty sheet (sheet.h) that roviec show prints too, long text wrapped to
 * the screen (view.h). */
#include "roviec/view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/i18n.h"
#include "roviec/sheet.h"
#include "roviec/text.h"

/* A line of the sheet before wrapping: text after a prefix of `indent`
 * columns (a label, a moment), continued under the text when wrapped. */
struct logical {
	char *prefix;
	char *text;
	int bold;
};

struct duty_lines {
	char *ref;
	struct logical *lines;
	int n, cap;
	/* The lines as drawn at the last width, and the first one shown. */
	char **shown;
	int *shown_bold;
	int nshown, shown_width;
	int top;
};

static void
add(struct duty_lines *d, const char *prefix, const char *text, int bold)
{
	if (d->n == d->cap) {
		int cap = d->cap ? 2 * d->cap : 64;
		struct logical *lines = realloc(d->lines, (size_t)cap * sizeof(*lines));

		if (lines == NULL)
			return;
		d->lines = lines;
		d->cap = cap;
	}
	d->lines[d->n].prefix = strdup(prefix != NULL ? prefix : "");
	d->lines[d->n].text = strdup(text != NULL ? text : "");
	d->lines[d->n].bold = bold;
	d->n++;
}

static void
shown_clear(struct duty_lines *d)
{
	for (int i = 0; i < d->nshown; i++)
		free(d->shown[i]);
	free(d->shown);
	free(d->shown_bold);
	d->shown = NULL;
	d->shown_bold = NULL;
	d->nshown = 0;
	d->shown_width = 0;
}

static void
lines_clear(struct duty_lines *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->lines[i].prefix);
		free(d->lines[i].text);
	}
	d->n = 0;
	shown_clear(d);
}

/* A label padded to the width of the widest label (by display width). */
static char *
label(const char *name, size_t width)
{
	char *fit = text_fit(name, width, 1);

	return fit;
}

static int
duty_load(struct tui *t, struct view *v)
{
	struct duty_lines *d = v->data;
	struct duty_sheet sh;
	struct rv_err err;
	size_t w = 0;
	char head[512];

	if (sheet_read(t->s, d->ref, &sh, &err) != RV_OK) {
		tui_status(t, 1, "%s", err.msg);
		return -1;
	}
	lines_clear(d);
	for (size_t i = 0; i < sh.nfields; i++)
		if (text_width(sh.fields[i].label) > w)
			w = text_width(sh.fields[i].label);
	if (text_width(sheet_path_label()) > w)
		w = text_width(sheet_path_label());
	snprintf(head, sizeof(head), "%s  ", sh.ref);
	add(d, head, sh.title, 1);
	add(d, "", "", 0);
	for (size_t i = 0; i < sh.nfields; i++) {
		char *l = label(sh.fields[i].label, w + 2);

		add(d, l, sh.fields[i].value, 0);
		free(l);
	}
	{
		char *l = label(sheet_path_label(), w + 2);

		add(d, l, sh.path, 0);
		free(l);
	}
	add(d, "", "", 0);
	snprintf(head, sizeof(head), "%s:", sheet_history_label());
	add(d, head, "", 1);
	for (size_t i = 0; i < sh.nhistory; i++) {
		snprintf(head, sizeof(head), "  %s  ", sh.history[i].when);
		add(d, head, sh.history[i].line, 0);
	}
	snprintf(v->title, sizeof(v->title), _("Duty %s"), sh.ref);
	free(d->ref);
	d->ref = strdup(sh.ref);
	sheet_free(&sh);
	tui_here(t, d->ref);
	return 0;
}

/* The sheet wrapped to width: each line's text under its prefix. */
static void
wrap_all(struct duty_lines *d, int width)
{
	int cap = 0;

	if (d->shown_width == width && d->shown != NULL)
		return;
	shown_clear(d);
	for (int i = 0; i < d->n; i++) {
		size_t indent = text_width(d->lines[i].prefix), n = 0;
		size_t room = (size_t)width > indent + 10 ? (size_t)width - indent : 10;
		char **parts = text_wrap(d->lines[i].text, room, &n);

		for (size_t k = 0; k < n || (parts == NULL && k == 0); k++) {
			char *line;
			size_t size;

			if (d->nshown == cap) {
				int more = cap ? 2 * cap : 128;
				char **grown = realloc(d->shown, (size_t)more * sizeof(*grown));
				int *bold = realloc(d->shown_bold, (size_t)more * sizeof(*bold));

				if (grown != NULL)
					d->shown = grown;
				if (bold != NULL)
					d->shown_bold = bold;
				if (grown == NULL || bold == NULL)
					break;
				cap = more;
			}
			size = indent + 4 + (parts != NULL ? strlen(parts[k]) : 0) +
			    strlen(d->lines[i].prefix);
			if ((line = malloc(size)) == NULL)
				break;
			/* The text goes on under itself, not under the label. */
			snprintf(line, size, "%s%s", k == 0 ? d->lines[i].prefix : "",
			    parts != NULL ? parts[k] : "");
			if (k > 0) {
				memmove(line + indent, line, strlen(line) + 1);
				memset(line, ' ', indent);
			}
			d->shown_bold[d->nshown] = d->lines[i].bold;
			d->shown[d->nshown++] = line;
		}
		text_wrap_free(parts, n);
	}
	d->shown_width = width;
}

static void
duty_draw(struct tui *t, struct view *v, int top, int height, int width)
{
	struct duty_lines *d = v->data;

	(void)t;
	wrap_all(d, width);
	if (d->top > d->nshown - height)
		d->top = d->nshown > height ? d->nshown - height : 0;
	for (int i = 0; i < height; i++) {
		int at = d->top + i;

		move(top + i, 0);
		clrtoeol();
		if (at < d->nshown) {
			if (d->shown_bold[at])
				attron(A_BOLD);
			tui_put(top + i, 0, d->shown[at], width);
			attroff(A_BOLD);
		}
	}
}

static int
duty_request(struct tui *t, struct view *v, enum request req)
{
	struct duty_lines *d = v->data;
	const struct action *a = keys_action(req);
	int page = t->body_height > 1 ? t->body_height - 1 : 1;
	int last = d->nshown > t->body_height ? d->nshown - t->body_height : 0;

	if (a != NULL)
		return tui_action(t, a, d->ref);
	switch (req) {
	case REQ_DOWN: d->top = d->top < last ? d->top + 1 : last; return VIEW_REDRAW;
	case REQ_UP: d->top = d->top > 0 ? d->top - 1 : 0; return VIEW_REDRAW;
	case REQ_PAGE_DOWN: d->top = d->top + page < last ? d->top + page : last; return VIEW_REDRAW;
	case REQ_PAGE_UP: d->top = d->top > page ? d->top - page : 0; return VIEW_REDRAW;
	case REQ_FIRST: d->top = 0; return VIEW_REDRAW;
	case REQ_LAST: d->top = last; return VIEW_REDRAW;
	case REQ_BACK: case REQ_CLOSE: return VIEW_CLOSE;
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
