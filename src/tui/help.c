/* help: the help screen, generated from the key table (view.h, keys.h). */
#include "roviec/view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/i18n.h"
#include "roviec/text.h"

struct help {
	int top;	/* the first line shown */
	int last_top;	/* the top that shows the last line at the bottom */
};

/* The help's lines, made for the width of the screen. */
#define HELP_LINES 128
struct help_line {
	int bold;
	char *text;
};

static int
add_line(struct help_line *l, int n, int bold, char *text)
{
	if (text == NULL || n >= HELP_LINES) {
		free(text);
		return n;
	}
	l[n].bold = bold;
	l[n].text = text;
	return n + 1;
}

/* "b bounced  t tossed  ...": its items (two spaces apart) wrapped to
 * width, continuation lines indented. */
static int
add_wrapped(struct help_line *l, int n, const char *s, int width)
{
	char line[1024] = "";
	size_t used = 0;

	while (*s != '\0') {
		const char *end = strstr(s, "  ");
		size_t len = end != NULL ? (size_t)(end - s) : strlen(s);
		char item[256];

		snprintf(item, sizeof(item), "%.*s", (int)len, s);
		s += len;
		while (*s == ' ')
			s++;
		if (used > 0 && (int)(text_width(line) + 2 + text_width(item)) > width) {
			n = add_line(l, n, 0, strdup(line));
			snprintf(line, sizeof(line), "    ");
			used = strlen(line);
		}
		used += (size_t)snprintf(line + used, sizeof(line) - used, "%s%s",
		    used > 0 && line[used - 1] != ' ' ? "  " : "", item);
		if (used >= sizeof(line))
			used = sizeof(line) - 1;
	}
	if (used > 0)
		n = add_line(l, n, 0, strdup(line));
	return n;
}

/* The key table as lines: a group's title, then each request once, with
 * all the keys bound to it ("Up, k"). */
static int
help_lines(struct help_line *l, int width)
{
	size_t nk;
	const struct key_binding *k = keys_table(&nk);
	const char *group = NULL;
	int n = 0;

	for (size_t i = 0; i < nk; i++) {
		char keys[64] = "", *help, buf[512];
		size_t j;

		if (group == NULL || strcmp(group, k[i].group) != 0) {
			group = k[i].group;
			n = add_line(l, n, 1, strdup(_(group)));
		}
		for (j = i; j < nk && k[j].request == k[i].request; j++)
			if (strstr(keys, k[j].key_name) == NULL)
				snprintf(keys + strlen(keys), sizeof(keys) - strlen(keys), "%s%s",
				    keys[0] ? ", " : "", k[j].key_name);
		help = text_fit(_(k[i].help), width > 15 ? (size_t)(width - 15) : 0, 0);
		i = j - 1;
		snprintf(buf, sizeof(buf), "  %-11s %s", keys, help != NULL ? help : "");
		free(help);
		n = add_line(l, n, 0, strdup(buf));
	}
	/* The actions on a duty, from action.h's table (the last group of
	 * the key table is theirs too: the new duty). */
	{
		size_t na;
		const struct action *a = action_table(&na);

		for (size_t i = 0; i < na; i++) {
			char buf[512], *help = text_fit(_(a[i].help),
			    width > 15 ? (size_t)(width - 15) : 0, 0);

			snprintf(buf, sizeof(buf), "  %-11s %s", a[i].key_name,
			    help != NULL ? help : "");
			free(help);
			n = add_line(l, n, 0, strdup(buf));
		}
	}
	{
		size_t nw;
		char **w = text_wrap(_("Marks: * on a duty that arrived since you last looked "
		    "at its tab (bold); a tab's label counts its duties, +N those that arrived"),
		    width > 0 ? (size_t)width : 1, &nw);

		for (size_t i = 0; i < nw; i++)
			n = add_line(l, n, 0, strdup(w[i]));
		text_wrap_free(w, nw);
	}
	return add_wrapped(l, n, _("Flags: b bounced  t tossed  e escalated  u unanswered  "
	    "s stalled  O overdue  L late  d due soon"), width);
}

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
	struct help_line l[HELP_LINES];
	int n = help_lines(l, width);

	(void)t;
	h->last_top = n > height ? n - height : 0;
	if (h->top > h->last_top)
		h->top = h->last_top;
	for (int y = 0; y < height; y++) {
		move(top + y, 0);
		clrtoeol();
		if (h->top + y < n) {
			if (l[h->top + y].bold)
				attron(A_BOLD);
			tui_put(top + y, 0, l[h->top + y].text, width);
			attroff(A_BOLD);
		}
	}
	for (int i = 0; i < n; i++)
		free(l[i].text);
}

static int
help_request(struct tui *t, struct view *v, enum request req)
{
	struct help *h = v->data;

	(void)t;
	switch (req) {
	case REQ_DOWN: case REQ_PAGE_DOWN:
		/* Never past the last line (help_draw knows where that is). */
		h->top += req == REQ_DOWN ? 1 : 10;
		if (h->top > h->last_top)
			h->top = h->last_top;
		return VIEW_REDRAW;
	case REQ_UP: case REQ_PAGE_UP:
		h->top -= req == REQ_UP ? 1 : 10;
		if (h->top < 0)
			h->top = 0;
		return VIEW_REDRAW;
	case REQ_BACK: case REQ_CLOSE: case REQ_HELP: return VIEW_CLOSE;
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
