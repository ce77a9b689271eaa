/* keys: the key table of the board (see keys.h). */
#include "roviec/keys.h"

#include <assert.h>
#include <curses.h>

#include "roviec/action.h"
#include "roviec/i18n.h"

#define CTRL(c) ((c) & 0x1f)

/* Keys as people know them from less, vi and tig: j/k, g/G, / then n/N,
 * q to leave.  The actions' keys are in action.c. */
static const struct key_binding bindings[] = {
	{ KEY_UP, REQ_UP, "Up", N_("move up one duty"), N_("Moving") },
	{ 'k', REQ_UP, "k", N_("move up one duty"), N_("Moving") },
	{ KEY_DOWN, REQ_DOWN, "Down", N_("move down one duty"), N_("Moving") },
	{ 'j', REQ_DOWN, "j", N_("move down one duty"), N_("Moving") },
	{ KEY_PPAGE, REQ_PAGE_UP, "PgUp", N_("move up one screen"), N_("Moving") },
	{ KEY_NPAGE, REQ_PAGE_DOWN, "PgDn", N_("move down one screen"), N_("Moving") },
	{ ' ', REQ_PAGE_DOWN, "Space", N_("move down one screen"), N_("Moving") },
	{ KEY_HOME, REQ_FIRST, "Home", N_("go to the first duty"), N_("Moving") },
	{ 'g', REQ_FIRST, "g", N_("go to the first duty"), N_("Moving") },
	{ KEY_END, REQ_LAST, "End", N_("go to the last duty"), N_("Moving") },
	{ 'G', REQ_LAST, "G", N_("go to the last duty"), N_("Moving") },
	{ '/', REQ_SEARCH, "/", N_("find a title or reference; case and diacritics ignored"), N_("Moving") },
	{ 'n', REQ_SEARCH_NEXT, "n", N_("the next duty found"), N_("Moving") },
	{ 'N', REQ_SEARCH_PREV, "N", N_("the previous duty found"), N_("Moving") },
	{ '\r', REQ_ENTER, "Enter", N_("open the duty: every field and its history"), N_("Views") },
	{ '\n', REQ_ENTER, "Enter", N_("open the duty: every field and its history"), N_("Views") },
	{ KEY_ENTER, REQ_ENTER, "Enter", N_("open the duty: every field and its history"), N_("Views") },
	{ 'q', REQ_BACK, "q", N_("close this view (on the board: quit)"), N_("Views") },
	{ KEY_LEFT, REQ_CLOSE, "Left", N_("close this view (not the board)"), N_("Views") },
	{ 'Q', REQ_QUIT, "Q", N_("quit roviec"), N_("Views") },
	{ '?', REQ_HELP, "?", N_("this help"), N_("Views") },
	{ CTRL('l'), REQ_REFRESH, "^L", N_("redraw the screen"), N_("Views") },
	{ '\t', REQ_TAB_NEXT, "Tab", N_("next tab of the board"), N_("Views") },
	{ KEY_BTAB, REQ_TAB_PREV, "S-Tab", N_("previous tab of the board"), N_("Views") },
	{ '1', REQ_TAB_LEAD, "1", N_("tab: duties the unit leads"), N_("Views") },
	{ '2', REQ_TAB_SUPPORT, "2", N_("tab: duties the unit supports"), N_("Views") },
	{ '3', REQ_TAB_PROPOSALS, "3", N_("tab: proposals waiting for the unit's answer"), N_("Views") },
	{ '4', REQ_TAB_FLAGGED, "4", N_("tab: the unit's flagged duties"), N_("Views") },
	{ '5', REQ_TAB_MINE, "5", N_("tab: my duties"), N_("Views") },
	{ '6', REQ_TAB_ASSIGNED, "6", N_("tab: what I assigned; what waits for my decision first"), N_("Views") },
	{ 's', REQ_SORT, "s", N_("sort by deadline, reference or owner"), N_("Views") },
	{ '&', REQ_FILTER, "&", N_("show only the duties whose title holds a text (empty: all)"), N_("Views") },
	{ 'f', REQ_FILTER_FLAG, "f", N_("show only one flag (again: the next flag)"), N_("Views") },
	{ 'o', REQ_UNITS, "o", N_("city overview and unit picker: Enter shows that unit's board"), N_("Views") },
	{ 'E', REQ_EVALUATION, "E", N_("evaluation (Decree 335/2025): the unit's sheets this month; Enter opens the duties behind a row"), N_("Views") },
	{ 'c', REQ_NEW, "c", N_("create a new duty (all six clears)"), N_("Actions") },
};

#define NBINDINGS (sizeof(bindings) / sizeof(bindings[0]))

/* No action takes a key the table binds. */
static void
check_keys(void)
{
#ifndef NDEBUG
	static int checked;
	size_t n;
	const struct action *a = action_table(&n);

	if (checked)
		return;
	checked = 1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < NBINDINGS; j++)
			assert(a[i].key != bindings[j].key);
#endif
}

enum request
keys_request(int key)
{
	size_t n;
	const struct action *a = action_table(&n);

	check_keys();
	for (size_t i = 0; i < NBINDINGS; i++)
		if (bindings[i].key == key)
			return bindings[i].request;
	for (size_t i = 0; i < n; i++)
		if (a[i].key == key)
			return (enum request)(REQ_ACTION + (int)i);
	return REQ_NONE;
}

const struct action *
keys_action(enum request req)
{
	size_t n;
	const struct action *a = action_table(&n);

	if (req < REQ_ACTION || (size_t)(req - REQ_ACTION) >= n)
		return NULL;
	return &a[req - REQ_ACTION];
}

enum request
keys_action_request(const struct action *a)
{
	size_t n;
	const struct action *table = action_table(&n);

	assert(a >= table && a < table + n);
	return (enum request)(REQ_ACTION + (int)(a - table));
}

const struct key_binding *
keys_table(size_t *n)
{
	*n = NBINDINGS;
	return bindings;
}
