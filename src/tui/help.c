/* help: the help screen, generated from the key table (view.h, keys.h). */
#include "view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

struct help {
	int top;
};

static int
help_load(struct tui *t, struct view *v)
{
	(void)t;
	snprintf(v->title, sizeof(v->title), "%s", _("Help"));
	return 0;
}

static void
help_draw(struct tui *t, struct view *v, int top, int height, int width)
{
	struct help *h = v->data;
	size_t n;
	const struct key_binding *k = keys_table(&n);
	const char *group = NULL;
	int line = 0, y;

	(void)t;
	for (y = top; y < top + height; y++) {
		move(y, 0);
		clrtoeol();
	}
	y = top;
	for (size_t i = 0; i < n && y < top + height; i++) {
		/* A request bound to several keys is listed once per key. */
		if (group == NULL || strcmp(group, k[i].group) != 0) {
			group = k[i].group;
			if (line++ >= h->top && y < top + height) {
				attron(A_BOLD);
				mvaddnstr(y++, 0, _(group), width);
				attroff(A_BOLD);
			}
		}
		if (line++ >= h->top && y < top + height) {
			char *help = text_fit(_(k[i].help), width > 12 ? (size_t)(width - 12) : 0, 1);

			mvprintw(y++, 2, "%-7s %s", k[i].key_name, help ? help : "");
			free(help);
		}
	}
	if (line++ >= h->top && y < top + height)
		mvaddnstr(y++, 0, _("Flags: b bounced  t tossed  e escalated  u unanswered  "
		    "s stalled  O overdue  L late  d due soon"), width);
}

static int
help_request(struct tui *t, struct view *v, enum request req)
{
	struct help *h = v->data;

	(void)t;
	switch (req) {
	case REQ_DOWN: case REQ_PAGE_DOWN: {
		size_t n;

		keys_table(&n);
		h->top += req == REQ_DOWN ? 1 : 10;
		/* Keys, group titles and the flags line: never past the end. */
		if (h->top > (int)n)
			h->top = (int)n;
		return VIEW_REDRAW;
	}
	case REQ_UP: case REQ_PAGE_UP:
		h->top -= req == REQ_UP ? 1 : 10;
		if (h->top < 0)
			h->top = 0;
		return VIEW_REDRAW;
	case REQ_BACK: case REQ_HELP: return VIEW_CLOSE;
	default: return 0;
	}
}

static void
help_done(struct view *v)
{
	free(v->data);
	free(v);
}

static const struct view_ops help_ops = {
	"help", help_load, help_draw, help_request, help_done
};

struct view *
help_view_new(struct tui *t)
{
	(void)t;
	return view_new(&help_ops, calloc(1, sizeof(struct help)));
}
