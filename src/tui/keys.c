/* keys: the key table of the board (see keys.h). */
#include "roviec/keys.h"

#include <curses.h>

#include "roviec/i18n.h"

#define CTRL(c) ((c) & 0x1f)

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
	{ '\r', REQ_ENTER, "Enter", N_("open the duty: every field and its history"), N_("Views") },
	{ '\n', REQ_ENTER, "Enter", N_("open the duty: every field and its history"), N_("Views") },
	{ KEY_ENTER, REQ_ENTER, "Enter", N_("open the duty: every field and its history"), N_("Views") },
	{ 'q', REQ_BACK, "q", N_("close this view (on the board: quit)"), N_("Views") },
	{ KEY_LEFT, REQ_BACK, "Left", N_("close this view"), N_("Views") },
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
	{ 's', REQ_SORT, "s", N_("sort by deadline, reference or owner"), N_("Views") },
	{ '/', REQ_SEARCH, "/", N_("search titles (case and diacritics ignored)"), N_("Views") },
	{ 'o', REQ_UNITS, "o", N_("city overview and unit picker: Enter shows that unit's board"), N_("Views") },
	{ 'v', REQ_EVALUATION, "v", N_("evaluation (Decree 335/2025): the unit's sheets this month; Enter opens the duties behind a row"), N_("Views") },
	{ 'f', REQ_FILTER_FLAG, "f", N_("show only one flag (again: the next flag)"), N_("Views") },
	{ 'n', REQ_NEW, "n", N_("new duty (all six clears)"), N_("Actions") },
	{ 'a', REQ_ASSIGN, "a", N_("head: give the duty to another official of the unit"), N_("Actions") },
	{ 't', REQ_TRANSFER, "t", N_("propose another unit as lead, with a reason"), N_("Actions") },
	{ 'e', REQ_ESCALATE, "e", N_("propose the unit above as lead, with a reason"), N_("Actions") },
	{ 'r', REQ_RETURN, "r", N_("propose sending it back to the assigner"), N_("Actions") },
	{ 'A', REQ_ACCEPT, "A", N_("head: accept the proposal waiting for your unit"), N_("Actions") },
	{ 'R', REQ_REJECT, "R", N_("head: reject the proposal, with a reason"), N_("Actions") },
	{ 'p', REQ_PROGRESS, "p", N_("record progress"), N_("Actions") },
	{ 'x', REQ_EXTEND, "x", N_("ask for a later deadline, before the deadline"), N_("Actions") },
	{ 'y', REQ_APPROVE, "y", N_("assigner: approve the extension asked"), N_("Actions") },
	{ 'N', REQ_REFUSE, "N", N_("assigner: refuse the extension, with a reason"), N_("Actions") },
	{ 'd', REQ_DONE, "d", N_("submit the duty as done, with its result"), N_("Actions") },
	{ 'D', REQ_DELIVER, "D", N_("supporting unit: record your unit's part as delivered"), N_("Actions") },
};

enum request
keys_request(int key)
{
	for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
		if (bindings[i].key == key)
			return bindings[i].request;
	return REQ_NONE;
}

const struct key_binding *
keys_table(size_t *n)
{
	*n = sizeof(bindings) / sizeof(bindings[0]);
	return bindings;
}
